"""Languages: label catalogues, locale formats, content overlays and the fallback warnings."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pikepdf
import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader
from tests.conftest import REPO, write

from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
from guidepress.cli import cli
from guidepress.content.project import load_project
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import builtin_file, catalogue, placeholders
from guidepress.render.translation import SHEET_GROUPS, guide_groups, notice

LOCALES = ("en", "es", "fr", "de")
ENGLISH = yaml.safe_load(builtin_file("en").read_text("utf-8"))

ROLE = """
title: Pastry Chef
summary: Makes desserts and breads for restaurants and hotels.
salary: {currency: USD, min: 70000, max: 140000, median: 105000}
growth_rate: 4
market_demand: High
remote_friendly: false
stress_level: High
responsibilities: [Bake bread., Plate desserts.]
tech_skills: [Lamination, Tempering chocolate]
pros: [Creative work.]
cons: [Early mornings.]
faqs:
  - question: Do I need a diploma?
    answer: [Not always.]
"""
# Translates the title, summary and responsibilities; leaves pros, cons and FAQs in English.
OVERLAY = """
title: Pastelero o pastelera
summary: Elabora postres y panes para restaurantes y hoteles.
responsibilities: [Hornear pan., Emplatar postres.]
"""


def squash(text: str) -> str:
    # Line breaks and hyphenation may fall anywhere: compare without white space and soft hyphens.
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\u2010", "")
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    return result.exit_code, result.output


# Catalogues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["es", "fr", "de"])
def test_catalogue_has_every_english_key_and_its_placeholders(locale: str) -> None:
    table = yaml.safe_load(builtin_file(locale).read_text("utf-8"))
    assert list(table) == list(ENGLISH)  # same keys, same order: easy to review side by side
    for key, text in table.items():
        assert isinstance(text, str) and text.strip(), key
        assert placeholders(text) == placeholders(ENGLISH[key]), key


@pytest.mark.parametrize("locale", ["es", "fr", "de"])
def test_catalogue_is_translated_not_copied(locale: str) -> None:
    table = yaml.safe_load(builtin_file(locale).read_text("utf-8"))
    same = {k for k, v in table.items() if v == ENGLISH[k]}
    # Words spelled the same in the language (No, Contact, Source, Senior, Median, Tools).
    allowed = {"range_short", "answer_no", "contact", "sources_short", "outlook_sources"}
    allowed |= {"source_document", "level_senior", "median", "sheet_tools"}
    assert same <= allowed


# Formats ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "money", "short", "percent", "day"),
    [
        ("en", "$105,000", "$105K", "8%", "November 21, 2026"),
        ("es", "105.000\u00a0US$", "105\u00a0mil\u00a0US$", "8\u00a0%", "21 de noviembre de 2026"),
        ("fr", "105\u202f000\u00a0$US", "105\u00a0k\u00a0$US", "8\u00a0%", "21 novembre 2026"),
        ("de", "105.000\u00a0US$", "105.000\u00a0US$", "8\u00a0%", "21. November 2026"),
    ],
)
def test_money_percent_and_dates_per_locale(
    locale: str, money: str, short: str, percent: str, day: str
) -> None:
    fmt = Formatter(locale, "USD")
    assert fmt.money(105000.4) == money
    assert fmt.money_short(105000) == short
    assert fmt.percent(8) == percent
    assert fmt.date(date(2026, 11, 21)) == day


def test_a_currency_of_the_locale_keeps_its_own_symbol() -> None:
    assert Formatter("de", "EUR").money(60000) == "60.000\u00a0€"
    assert Formatter("en", "USD").money(60000) == "$60,000"
    assert Formatter("en_GB", "USD").money(60000) == "US$60,000"  # "$" alone is ambiguous there
    assert Formatter("es", "USD").money_short(2_500_000) == "2,5\u00a0M\u00a0US$"


# Built documents -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """One small role as guide and sheet in the four locales, with a Spanish overlay."""
    root = tmp_path_factory.mktemp("locales") / "proj"
    write(root, "guidepress.yaml", "title: Test guides\n")
    write(root, "content/roles/pastry-chef.yaml", ROLE)
    write(root, "content/roles/pastry-chef.es.yaml", OVERLAY)
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1795219200")
    try:
        report = build(root, BuildRequest(kinds=("guide", "sheet"), locales=LOCALES))
    finally:
        mp.undo()
    return {(e.kind, e.locale): report.output_dir / e.path for e in report.entries}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("kind", ["guide", "sheet"])
def test_pdf_language_headings_and_money(
    built: dict[tuple[str, str], Path], kind: str, locale: str
) -> None:
    path = built[kind, locale]
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == locale
    labels = catalogue(locale)
    text = pdf_text(path)
    headings = (
        [labels.responsibilities, labels.faqs, labels.contents, labels.at_a_glance]
        if kind == "guide"
        else [labels.sheet_responsibilities, labels.sheet_pros, labels.role_sheet.upper()]
    )
    for heading in headings:
        assert squash(heading) in text
    assert squash(Formatter(locale, "USD").money(105000)) in text


def test_paths_carry_the_locale_unless_it_is_the_first(
    built: dict[tuple[str, str], Path],
) -> None:
    names = sorted(p.name for p in built.values())
    assert names == [
        "pastry-chef.de.pdf", "pastry-chef.de.pdf", "pastry-chef.es.pdf", "pastry-chef.es.pdf",
        "pastry-chef.fr.pdf", "pastry-chef.fr.pdf", "pastry-chef.pdf", "pastry-chef.pdf",
    ]  # fmt: skip


def test_overlay_replaces_fields_and_the_guide_names_what_is_untranslated(
    built: dict[tuple[str, str], Path],
) -> None:
    text = pdf_text(built["guide", "es"])
    assert squash("Pastelero o pastelera") in text
    assert squash("Hornear pan.") in text and squash("Bake bread.") not in text
    assert squash("Early mornings.") in text  # cons are not in the overlay: English stays
    assert (
        squash(
            "Contenido sin traducir (en inglés): Competencias y cualificaciones, Conciliación y "
            "estrés, Ventajas e inconvenientes, Preguntas frecuentes"
        )
        in text
    )


def test_without_an_overlay_the_whole_content_is_marked_untranslated(
    built: dict[tuple[str, str], Path],
) -> None:
    assert squash("Le contenu de ce métier est en anglais.") in pdf_text(built["guide", "fr"])
    assert squash("Die Inhalte dieses Berufsprofils liegen nur auf Englisch vor.") in pdf_text(
        built["sheet", "de"]
    )
    english = pdf_text(built["guide", "en"])
    assert squash("Untranslated") not in english and squash("is in English") not in english


def test_notice_lists_exactly_the_untranslated_sections(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    write(project, "content/roles/pastry-chef.es.yaml", OVERLAY)
    loaded, problems = load_project(project)
    assert problems == []
    role = loaded.localized("pastry-chef", "es")
    labels = catalogue("es")
    assert notice(role, labels, guide_groups()) == (
        "Contenido sin traducir (en inglés): Competencias y cualificaciones, Conciliación y "
        "estrés, Ventajas e inconvenientes, Preguntas frecuentes"
    )
    assert notice(role, labels, SHEET_GROUPS) == (
        "Contenido sin traducir (en inglés): Competencias, Lo que atrae del puesto, "
        "Lo que conviene valorar"
    )
    es_mx = loaded.localized("pastry-chef", "es_MX")
    assert es_mx.title == "Pastelero o pastelera"  # the language's overlay serves its regions
    assert notice(loaded.localized("pastry-chef", "en"), labels, guide_groups()) is None


def test_a_nested_overlay_merges_key_by_key(project: Path) -> None:
    write(
        project,
        "content/roles/pastry-chef.yaml",
        ROLE + "outlook: {growth_rate: 4, status: Growing}\n",
    )
    write(project, "content/roles/pastry-chef.de.yaml", "outlook: {status: Wachsend}\n")
    loaded, problems = load_project(project)
    assert problems == []
    role = loaded.localized("pastry-chef", "de")
    assert role.outlook is not None
    assert (role.outlook.status, role.outlook.growth_rate) == ("Wachsend", 4)
    assert "Berufsaussichten" not in (notice(role, catalogue("de"), guide_groups()) or "")


def test_the_demo_overlay_translates_the_whole_sheet() -> None:
    loaded, problems = load_project(REPO, only=["strategic-account-manager"])
    assert problems == []
    role = loaded.localized("strategic-account-manager", "es")
    assert role.title == "Responsable de cuentas estratégicas"
    assert notice(role, catalogue("es"), SHEET_GROUPS) is None
    assert notice(role, catalogue("es"), guide_groups()) == (
        "Contenido sin traducir (en inglés): Funciones principales, Entorno de trabajo, "
        "Cómo acceder al puesto, Panorama internacional, El mercado laboral actual, "
        "Un día de trabajo, Mapa de competencias, Casos prácticos, Consejos para el portafolio"
    )


def test_an_overlay_feeds_the_inputs_hash_of_its_locale_only(project: Path) -> None:
    write(project, "guidepress.yaml", "locales: [en, es]\n")
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    overlay = write(project, "content/roles/pastry-chef.es.yaml", OVERLAY)

    def hashes() -> dict[str, str]:
        code, output = run(project, "build", "--format", "html")
        assert code == 0, output
        manifest = json.loads((project / "output" / "manifest.json").read_text())
        return {o["locale"]: o["inputs_hash"] for o in manifest["outputs"]}

    before = hashes()
    overlay.write_text(OVERLAY.replace("Hornear pan.", "Hornear el pan."), encoding="utf-8")
    after = hashes()
    assert after["en"] == before["en"] and after["es"] != before["es"]


# Problems, located -----------------------------------------------------------------------------


def test_overlay_problems_are_located_in_the_overlay(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    write(
        project,
        "content/roles/pastry-chef.es.yaml",
        """
        title: Pastelero
        sumary: Hace postres.
        salary: {median: mucho}
        tiers: [{experience: 2 años}]
        """,
    )
    write(project, "content/roles/pastry-chef.fr.yaml", "slug: chef-patissier\n")
    write(project, "content/roles/pastry-chef.backup.yaml", "title: Old\n")
    write(project, "content/roles/ghost.de.yaml", "title: Geist\n")
    code, output = run(project, "validate")
    assert code == 1
    assert output.splitlines() == [
        "content/roles/ghost.de.yaml: overlay of a role that does not exist (ghost.yaml)",
        "content/roles/pastry-chef.backup.yaml: 'backup' is not a locale code: overlays are "
        "named pastry-chef.LOCALE.yaml",
        "content/roles/pastry-chef.es.yaml:2:1: sumary: unknown field (did you mean 'summary'?)",
        "content/roles/pastry-chef.es.yaml:3:10: salary.median: must be a number (got 'mucho')",
        "content/roles/pastry-chef.es.yaml:4:9: tiers[0].title: required field is missing",
        "content/roles/pastry-chef.fr.yaml:1:1: slug: an overlay cannot change the role's slug",
    ]


def test_overlay_breaking_a_rule_of_the_role_file_names_the_role_file(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    write(project, "content/roles/pastry-chef.es.yaml", "salary: {max: 60000}\n")
    code, output = run(project, "validate")
    assert (code, output) == (
        1,
        "content/roles/pastry-chef.es.yaml:1:10: salary.max: must be greater than salary.min "
        "(got 60000 < 70000)\n",
    )


def test_unknown_locale_option_is_a_usage_error(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    assert run(project, "build", "--locale", "xx-nope") == (
        2,
        "--locale: 'xx-nope' is not a locale code (e.g. en, es, fr, de, fr_CA)\n",
    )


def test_unknown_locale_in_the_config_is_located(project: Path) -> None:
    write(project, "guidepress.yaml", "locales: [en, klingon]\n")
    assert run(project, "validate") == (
        1,
        "guidepress.yaml:1:15: locales[1]: 'klingon' is not a locale code "
        "(e.g. en, es, fr, de, fr_CA)\n",
    )


# Fallback to English ---------------------------------------------------------------------------


def test_a_locale_without_catalogue_warns_once_per_build(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    code, output = run(project, "build", "--locale", "it", "--format", "html", "--kind", "guide",
                       "--kind", "sheet")  # fmt: skip
    assert code == 0, output
    warnings = [line for line in output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: locale 'it': no label catalogue, English used (see guidepress validate)"
    ]


def test_a_partial_project_catalogue_warns_with_the_count(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    write(project, "locales/it.yaml", "contents: Indice\nfaqs: Domande frequenti\n")
    code, output = run(project, "build", "--locale", "it", "--locale", "es", "--format", "html")
    assert code == 0, output
    warnings = [line for line in output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: locale 'it': {len(ENGLISH) - 2} labels missing, English used "
        "(see guidepress validate)"
    ]
    html = (project / "output" / "guides" / "pastry-chef.it.html").read_text("utf-8")
    assert 'lang="it"' in html and "Domande frequenti" in html and "Key responsibilities" in html


def test_validate_lists_missing_labels_per_locale_and_still_exits_0(project: Path) -> None:
    write(project, "guidepress.yaml", "locales: [en, fr, it, pt_BR]\n")
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    write(project, "locales/it.yaml", "contents: Indice\n")
    code, output = run(project, "validate")
    assert code == 0
    rest = ", ".join(k for k in ENGLISH if k != "contents")
    assert output.splitlines() == [
        f"warning: locales/it.yaml: missing labels: {rest}",
        "warning: locale 'pt_BR': no label catalogue, English used "
        f"(add locales/pt_BR.yaml to the project to translate {len(ENGLISH)} labels)",
        "ok: 1 roles, 1 brands",
    ]


def test_project_catalogue_problems_are_located(project: Path) -> None:
    write(
        project,
        "locales/fr.yaml",
        """
        contents: Table des matières
        sheet_pro: Atouts
        edition: "Édition {jour}"
        faqs: [Questions]
        """,
    )
    write(project, "locales/nope.yaml", "contents: X\n")
    code, output = run(project, "validate")
    assert code == 1
    assert [line for line in output.splitlines() if not line.startswith("warning:")] == [
        "locales/fr.yaml:2:1: sheet_pro: unknown label (did you mean 'sheet_pros'?)",
        "locales/fr.yaml:3:1: edition: must use the placeholders {date}",
        "locales/fr.yaml:4:1: faqs: must be text",
        "locales/nope.yaml: 'nope' is not a locale code",
    ]


def test_a_project_catalogue_rewords_a_built_in_one(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    write(project, "locales/fr.yaml", "sheet_pros: Les atouts du métier\n")
    code, output = run(project, "build", "--kind", "sheet", "--locale", "fr", "--format", "html")
    assert (code, "warning" in output) == (0, False)
    html = (project / "output" / "sheets" / "pastry-chef.fr.html").read_text("utf-8")
    assert "Les atouts du métier" in html and "Ce qui plaît dans ce métier" not in html
