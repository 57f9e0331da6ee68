"""Label catalogues: complete and translated, unknown keys fail loudly, project catalogues
reword and fill in, and a missing language falls back to English with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guidepress.content.models import Role
from guidepress.errors import TemplateProblem
from guidepress.i18n.labels import FIELD_LABEL_KEYS, builtin_file, catalogue, placeholders
from tests.helpers import PASTRY_CHEF, run, write

ENGLISH = yaml.safe_load(builtin_file("en").read_text("utf-8"))


@pytest.mark.parametrize("locale", ["es", "fr", "de"])
def test_catalogue_has_every_english_key_and_its_placeholders(locale: str) -> None:
    table = yaml.safe_load(builtin_file(locale).read_text("utf-8"))
    assert list(table) == list(ENGLISH)  # same keys, same order: easy to review side by side
    for key, text in table.items():
        assert isinstance(text, str) and text.strip(), key
        assert placeholders(text) == placeholders(ENGLISH[key]), key


@pytest.mark.parametrize("locale", ["en", "es", "fr", "de"])
def test_catalogue_names_each_key_once(locale: str) -> None:
    # YAML keeps the last of two equal keys: an earlier copy is dead text a translator edits
    # in vain (de.yaml's first this_role said "Dieser Beruf", the second "Diese Stelle").
    root = yaml.compose(builtin_file(locale).read_text(encoding="utf-8"))
    keys = [key.value for key, _ in root.value]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


@pytest.mark.parametrize("locale", ["es", "fr", "de"])
def test_catalogue_is_translated_not_copied(locale: str) -> None:
    table = yaml.safe_load(builtin_file(locale).read_text("utf-8"))
    same = {k for k, v in table.items() if v == ENGLISH[k]}
    # Words spelled the same in the language (No, Contact, Source, Senior, Median, Tools, Notes).
    allowed = {"range_short", "answer_no", "contact", "sources_short", "outlook_sources"}
    allowed |= {"level_senior", "median", "sheet_tools", "sources", "source_label", "notes"}
    # A4 everywhere; "1 page", "{count} pages" in French; "Downloads" in German.
    allowed |= {"paper_a4", "page_one", "pages_count", "downloads"}
    allowed |= {"source_document"}
    # Sources. {parts}. (fr), Excellent (fr), {roles}? (de: no inverted mark, no space).
    allowed |= {"sources_line", "balance_excellent", "compare_headline"}
    # Formats without words: "{title} (SOC {code})", "{role}: {occupation}", "≥ {amount}".
    allowed |= {"occupation_soc", "occupation_other", "occupation_of", "top_coded_short"}
    allowed |= {"source_of_roles"}  # "{source} ({roles})"
    assert same <= allowed


def test_labels_fail_loudly_on_unknown_keys() -> None:
    labels = catalogue("en")
    assert labels.contents == "Contents"
    with pytest.raises(TemplateProblem, match="label 'nope' is not in the en catalogue"):
        labels["nope"]


def test_every_section_field_has_a_label_for_the_partial_notice() -> None:
    labels = catalogue("en")
    identity = {"title", "slug", "alt_titles", "url", "extra_sections", "provenance", "sheet"}
    for name in sorted(set(Role.model_fields) - identity):
        assert labels[FIELD_LABEL_KEYS.get(name, name)]  # raises when the label is missing


# Fallback to English ---------------------------------------------------------------------------


@pytest.mark.pdf
def test_a_locale_without_catalogue_warns_once_per_build(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    code, output = run(project, "build", "--locale", "it", "--format", "html", "--kind", "guide",
                       "--kind", "sheet")  # fmt: skip
    assert code == 0, output
    warnings = [line for line in output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: locale 'it': no label catalogue, English used (see guidepress validate)"
    ]


@pytest.mark.pdf  # an HTML guide is laid out once: the paginator's pages are in it
def test_a_partial_project_catalogue_warns_with_the_count(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
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
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
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


@pytest.mark.pdf
def test_a_project_catalogue_rewords_a_built_in_one(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    write(project, "locales/fr.yaml", "pros: Les atouts du métier\n")
    code, output = run(project, "build", "--kind", "sheet", "--locale", "fr", "--format", "html")
    assert (code, "warning" in output) == (0, False)
    html = (project / "output" / "sheets" / "pastry-chef.fr.html").read_text("utf-8")
    assert "Les atouts du métier" in html and "Avantages" not in html
