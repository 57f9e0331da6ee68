"""Hostile input: every case ends in seconds, in one located message or in a PDF that provably
holds none of a secret file's bytes and no embedded file."""

from __future__ import annotations

import base64
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from tests.conftest import REPO, write

from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
from guidepress.cli import cli
from guidepress.errors import RenderError
from guidepress.files import output_file
from guidepress.pdf.engine import render_pdf

LINK_LOCAL = "http://169.254.169.254/latest/meta-data/iam"


def run(root: Path, *args: str) -> tuple[int, str]:
    """Exit code and what went to stderr, one problem per line."""
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    return result.exit_code, result.stderr


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the project (``project`` is tmp_path/proj) holding a unique token."""
    path = tmp_path / "secret.txt"
    path.write_text(f"TOKEN-{uuid.uuid4().hex}\n", encoding="utf-8")
    return path


def token_of(secret: Path) -> str:
    return secret.read_text("utf-8").strip()


def assert_holds_nothing_of(pdf: Path, token: str) -> None:
    """No byte of the token anywhere (raw or decompressed), in the text, or attached."""
    assert token.encode() not in pdf.read_bytes()
    assert token not in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    with pikepdf.open(pdf) as doc:
        assert "/EmbeddedFiles" not in doc.Root.get("/Names", pikepdf.Dictionary())
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:  # a filter pikepdf does not decode (images)
                    data = obj.read_raw_bytes()
                assert token.encode() not in data
            elif isinstance(obj, pikepdf.Dictionary):
                assert obj.get("/Subtype") != "/FileAttachment"
                assert obj.get("/Type") not in ("/EmbeddedFile", "/Filespec")


# --- Content is data: Markdown and raw HTML in prose ----------------------------------------


@pytest.fixture(scope="module")
def hostile_role(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One role whose prose tries every way to make the renderer read a file or the network,
    built once as PDF and HTML; yields the output folder and the secret's token."""
    base = tmp_path_factory.mktemp("hostile")
    secret = base / "secret.txt"
    token = f"TOKEN-{uuid.uuid4().hex}"
    secret.write_text(token + "\n", encoding="utf-8")
    root = base / "proj"
    (root / "content" / "roles").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "brands", root / "content" / "brands")
    (root / "guidepress.yaml").write_text("title: Test guides\n", encoding="utf-8")
    uri = secret.as_uri()
    role = {
        "title": "Hostile Role",
        "summary": f"![secret]({uri}) ![meta]({LINK_LOCAL}) [read]({uri}) [meta]({LINK_LOCAL})",
        "responsibilities": [
            f"<img src='{uri}'> <iframe src='{uri}'></iframe> <script>alert(1)</script>",
            f"<link rel=attachment href='{uri}'> <a rel=attachment href='{uri}'>x</a>",
            f'<object data="{uri}"></object> <embed src="{LINK_LOCAL}">',
            f"![rel](../../secret.txt) [js](javascript:alert(1)) <{uri}>",
        ],
        "pros": [f'<svg><image href="{uri}"/></svg> <style>@import "{uri}";</style>'],
    }
    write(root, "content/roles/hostile-role.yaml", json.dumps(role))  # JSON is YAML
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1795219200")
    try:
        build(root, BuildRequest(kinds=("guide",), formats=("pdf", "html")))
    finally:
        mp.undo()
    yield root / "output" / "guides", token


def test_prose_pdf_holds_nothing_of_the_secret(hostile_role: tuple[Path, str]) -> None:
    out, token = hostile_role
    assert_holds_nothing_of(out / "hostile-role.pdf", token)


def test_prose_html_asks_the_renderer_for_nothing(hostile_role: tuple[Path, str]) -> None:
    out, token = hostile_role
    html = (out / "hostile-role.html").read_text("utf-8")
    assert token not in html
    # Raw HTML arrives as text; the only images and links are the theme's own.
    for tag in ("<script", "<iframe", "<object", "<embed", "<svg><image", "<link rel=attachment"):
        assert tag not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;link rel=attachment href=" in html
    assert 'src="file:' not in html and 'href="file:' not in html
    assert 'href="javascript:' not in html
    # Markdown images are not part of prose: they stay text (a web address in one stays a link,
    # printed, never fetched).
    assert "![secret](file://" in html
    assert f'!<a href="{LINK_LOCAL}">meta</a>' in html


def test_prose_shows_raw_html_as_text_on_paper(hostile_role: tuple[Path, str]) -> None:
    out, _ = hostile_role
    text = "".join(p.extract_text() for p in PdfReader(out / "hostile-role.pdf").pages)
    assert "<script>alert(1)</script>" in text
    assert "<link rel=attachment href=" in text


def test_link_fields_take_web_addresses_only(project: Path) -> None:
    write(
        project,
        "content/roles/r.yaml",
        "title: R\nsummary: s\nurl: javascript:alert(1)\nreferences:\n"
        "  - {title: T, url: 'file:///etc/passwd'}\n",
    )
    hint = "must be a web address (http:// or https://) or a mailto: address"
    assert run(project, "validate") == (
        1,
        f"content/roles/r.yaml:3:1: url: {hint} (got 'javascript:alert(1)')\n"
        f"content/roles/r.yaml:5:16: references[0].url: {hint} (got 'file:///etc/passwd')\n",
    )


# --- Override stylesheets and templates -----------------------------------------------------

SMALL = "title: Small Role\nsummary: A short summary.\n"


@pytest.mark.parametrize(
    ("css", "refused"),
    [
        ('@import url("{secret}");\n', "{secret}"),
        ("@import '{link_local}';\n", "{link_local}"),
        ("body {{ background: url('{secret}'); }}\n", "{secret}"),
        ("@font-face {{ font-family: X; src: url({link_local}); }}\n", "{link_local}"),
        ("body {{ background: url('../../secret.txt'); }}\n", "{secret}"),
    ],
)
def test_override_stylesheet_reaching_outside_fails_every_output(
    project: Path, secret: Path, css: str, refused: str
) -> None:
    write(project, "content/roles/a.yaml", SMALL)
    write(project, "content/roles/b.yaml", SMALL)
    names = {"secret": secret.as_uri(), "link_local": LINK_LOCAL}
    write(project, "styles/guide.css", css.format(**names))
    code, err = run(project, "build")
    url = refused.format(**names)
    # The stylesheet is parsed once and reused: the second output must fail as well.
    in_sheet = "" if "background" in css else " in styles/guide.css"
    reason = "outside the project's content, theme and brand folders"
    assert (code, err) == (
        1,
        f"guides/a.pdf: blocked resource: {url}{in_sheet} ({reason})\n"
        f"guides/b.pdf: blocked resource: {url}{in_sheet} ({reason})\n",
    )
    assert not (project / "output" / "guides").exists()


def test_override_stylesheet_reaching_outside_fails_html_output(
    project: Path, secret: Path
) -> None:
    write(project, "content/roles/a.yaml", SMALL)
    write(project, "styles/guide.css", "body { background: url('../../secret.txt'); }\n")
    code, err = run(project, "build", "--format", "html")
    assert (code, err) == (
        1,
        "guides/a.html: blocked resource: ../../secret.txt in styles/guide.css "
        "(outside the stylesheet's folder)\n",
    )
    assert list((project / "output").rglob("secret.txt")) == []


def test_missing_resource_fails_the_output(project: Path) -> None:
    write(project, "content/roles/a.yaml", SMALL)
    write(project, "styles/guide.css", "body { background: url('../content/nope.png'); }\n")
    code, err = run(project, "build")
    missing = (project / "content" / "nope.png").as_uri()
    assert (code, err) == (1, f"guides/a.pdf: missing resource: {missing} (no such file)\n")


@pytest.mark.parametrize(
    ("block", "html", "shown"),
    [
        ("head", '<link rel="attachment" href="{uri}">', "<link rel=attachment>"),
        ("body", '<a rel="attachment" href="{uri}">notes</a>', "<a rel=attachment href={uri}>"),
    ],
)
def test_template_attachments_are_refused(project: Path, block: str, html: str, shown: str) -> None:
    # An override template is code the project chose; even so nothing is embedded in a PDF.
    write(project, "content/roles/a.yaml", SMALL)
    uri = (project / "content" / "roles" / "a.yaml").as_uri()  # inside the allowed folders
    write(
        project,
        "templates/guide.html.j2",
        f'{{% extends "theme:guide.html.j2" %}}{{% block {block} %}}{{{{ super() }}}}'
        f"{html.format(uri=uri)}{{% endblock %}}",
    )
    code, err = run(project, "build")
    assert (code, err) == (
        1,
        f"guides/a.pdf: file attachments are not allowed ({shown.format(uri=uri)})\n",
    )


def test_svg_inside_a_data_url_cannot_fetch_while_drawing(tmp_path: Path, secret: Path) -> None:
    # A logo is inlined as a data: URL; an <image> inside it is fetched when the page is drawn,
    # through the same allow-list, and the refusal fails the output.
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f'<image href="{secret.as_uri()}" width="10" height="10"/></svg>'
    )
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    html = f'<html><body><img src="{src}" alt="logo"></body></html>'
    with pytest.raises(RenderError) as info:
        render_pdf(html, [], allowed=[tmp_path / "content"], identifier="x")
    assert str(info.value) == (
        f"blocked resource: {secret.as_uri()} "
        "(outside the project's content, theme and brand folders)"
    )


# --- Brand files ------------------------------------------------------------------------------

BRAND = "name: Evil\nlogo: {logo}\nlogo_alt: Evil\n"


def brand(project: Path, logo: str, svg: str | None = None, extra: str = "") -> None:
    write(project, "content/brands/evil/brand.yaml", BRAND.format(logo=logo) + extra)
    if svg is not None:
        (project / "content/brands/evil/logo.svg").write_text(svg, encoding="utf-8")


def test_logo_path_leaving_the_brand_folder(project: Path, secret: Path) -> None:
    brand(project, "../../../../secret.txt")
    assert run(project, "validate") == (
        1,
        "content/brands/evil/brand.yaml:2:1: logo: path leaves the brand folder: "
        "../../../../secret.txt\n",
    )


def test_logo_absolute_path_and_link_out_of_the_brand_folder(project: Path, secret: Path) -> None:
    brand(project, str(secret))
    assert run(project, "validate")[1] == (
        f"content/brands/evil/brand.yaml:2:1: logo: path leaves the brand folder: {secret}\n"
    )
    os.symlink(secret, project / "content/brands/evil/logo.svg")
    brand(project, "logo.svg")
    assert run(project, "validate")[1] == (
        "content/brands/evil/brand.yaml:2:1: logo: path leaves the brand folder: logo.svg\n"
    )


def test_font_file_path_leaving_the_brand_folder(project: Path, secret: Path) -> None:
    write(
        project,
        "content/brands/evil/brand.yaml",
        "name: Evil\nfonts:\n  body: {family: X, files: [../../../secret.txt]}\n",
    )
    assert run(project, "validate") == (
        1,
        "content/brands/evil/brand.yaml:3:29: fonts.body.files[0]: path leaves the brand folder: "
        "../../../secret.txt\n",
    )


SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "{secret}">]>\n'
            + SVG_OPEN
            + "<text>&xxe;</text></svg>",
            "line 2: has a DOCTYPE declaration (DTDs and entities are not allowed)",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            + SVG_OPEN
            + "<text>&b;</text></svg>",
            "line 1: has a DOCTYPE declaration (DTDs and entities are not allowed)",
        ),
        (
            SVG_OPEN + '\n<image xlink:href="{link_local}" width="5" height="5"/></svg>',
            "line 2: external reference '{link_local}' (only #id and data: references are allowed)",
        ),
        (
            SVG_OPEN + '<use href="{secret}#a"/></svg>',
            "line 1: external reference '{secret}#a' (only #id and data: references are allowed)",
        ),
        (
            SVG_OPEN + "<style>rect {{ fill: url(<!-- -->{secret}) }}</style></svg>",
            "line 1: external reference '{secret}' (only #id and data: references are allowed)",
        ),
        (
            SVG_OPEN + '<rect style="filter: url(logo2.svg#f)"/></svg>',
            "line 1: external reference 'logo2.svg#f' (only #id and data: references are allowed)",
        ),
        (
            '<?xml-stylesheet href="{link_local}"?>' + SVG_OPEN + "</svg>",
            "line 1: links a stylesheet (<?xml-stylesheet?> is not allowed)",
        ),
        ("<svg><g></svg>", "not a well-formed SVG file (line 1: mismatched tag)"),
    ],
    ids=["xxe", "entity-bomb", "xlink-href", "use-href", "style-url", "attr-url", "pi", "broken"],
)
def test_svg_logo_refused_at_its_logo_line(
    project: Path, secret: Path, svg: str, message: str
) -> None:
    names = {"secret": secret.as_uri(), "link_local": LINK_LOCAL}
    brand(project, "logo.svg", svg.format(**names))
    assert run(project, "validate") == (
        1,
        f"content/brands/evil/brand.yaml:2:1: logo: logo.svg: {message.format(**names)}\n",
    )


def test_svg_logo_with_fragments_and_data_urls_is_fine(project: Path) -> None:
    brand(
        project,
        "logo.svg",
        SVG_OPEN + '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="4"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>',
    )
    assert run(project, "validate") == (0, "")


# --- Paths: slugs, names and output confinement -----------------------------------------------

SLUG_RULE = "lowercase letters, digits and single hyphens, like 'chef-de-partie'"


def test_slug_with_path_traversal_is_a_located_error(project: Path) -> None:
    write(project, "content/roles/x.yaml", "title: X\nslug: ../../etc/x\nsummary: s\n")
    assert run(project, "validate") == (
        1,
        f"content/roles/x.yaml:2:1: slug: must be {SLUG_RULE} (got '../../etc/x')\n",
    )


def test_names_that_become_output_paths_follow_the_slug_rule(project: Path) -> None:
    write(project, "content/roles/Bad Name.yaml", "title: X\nsummary: s\n")
    write(project, "content/comparisons/Mixed_Case.yaml", "title: C\nroles: [a, b]\n")
    write(project, "content/brands/My Brand/brand.yaml", "name: B\n")
    assert run(project, "validate") == (
        1,
        f"content/brands/My Brand/brand.yaml: brand folder name must be {SLUG_RULE}\n"
        f"content/comparisons/Mixed_Case.yaml: file name must be {SLUG_RULE}\n"
        f"content/roles/Bad Name.yaml:1:1: slug: must be {SLUG_RULE} (got 'Bad Name')\n",
    )


def test_config_output_and_locales_stay_inside_the_project(project: Path) -> None:
    write(project, "guidepress.yaml", "output: ../../outside\nlocales: [en, ../../../tmp/x]\n")
    assert run(project, "validate") == (
        1,
        "guidepress.yaml:1:1: output: must be a folder inside the project (got '../../outside')\n"
        "guidepress.yaml:2:15: locales[1]: '../../../tmp/x' is not a locale code "
        "(e.g. en, es, fr, de, fr_CA)\n",
    )


def test_content_file_linked_from_outside_is_refused(project: Path, secret: Path) -> None:
    os.symlink(secret, project / "content/roles/leak.yaml")
    code, err = run(project, "validate")
    assert (code, err) == (1, "content/roles/leak.yaml: links to a file outside the project\n")
    assert token_of(secret) not in err


def test_output_folder_linked_outside_cannot_be_written_through(
    project: Path, tmp_path: Path
) -> None:
    write(project, "content/roles/a.yaml", SMALL)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "output").mkdir()
    os.symlink(elsewhere, project / "output" / "guides")  # as a pull request could commit it
    code, err = run(project, "build")
    assert (code, err) == (1, "guides/a.pdf: output path leaves the output folder: guides/a.pdf\n")
    assert list(elsewhere.iterdir()) == []


def test_output_file_refuses_paths_leaving_the_folder(tmp_path: Path) -> None:
    assert output_file(tmp_path, "guides/a.pdf") == tmp_path / "guides/a.pdf"
    for rel in ("../a.pdf", "guides/../../a.pdf", "/etc/a.pdf", "."):
        with pytest.raises(RenderError, match="output path leaves the output folder"):
            output_file(tmp_path, rel)


# --- YAML limits --------------------------------------------------------------------------------


def timed_validate(root: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    code, err = run(root, "validate")
    return code, err, time.perf_counter() - started


def test_alias_bomb_is_refused_fast(project: Path) -> None:
    lines = ["title: Bomb", "summary: s", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    write(project, "content/roles/bomb.yaml", "\n".join(lines) + "\n")
    code, err, seconds = timed_validate(project)
    assert (code, err) == (
        1,
        "content/roles/bomb.yaml:3:46: too large: more than 200,000 values with aliases expanded\n",
    )
    assert seconds < 3


def test_ten_thousand_levels_of_nesting_are_refused_fast(project: Path) -> None:
    write(project, "content/roles/deep.yaml", "title: D\nsummary: " + "[" * 10_000 + "]" * 10_000)
    code, err, seconds = timed_validate(project)
    assert (code, err) == (
        1,
        "content/roles/deep.yaml:2:109: too deeply nested (more than 100 levels)\n",
    )
    assert seconds < 3


def test_sixty_megabyte_file_is_refused_without_reading_it(project: Path) -> None:
    with (project / "content/roles/huge.yaml").open("wb") as handle:
        handle.truncate(60_000_000)  # sparse: costs no disk, and reads as 60 MB of NUL
    code, err, seconds = timed_validate(project)
    assert (code, err) == (
        1,
        "content/roles/huge.yaml:1:1: file is too large (60,000,000 bytes; limit 1,000,000)\n",
    )
    assert seconds < 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "3:1: binary file, not YAML text"),
        (b"", "1:1: file is empty"),
        (b"# only a comment\n", "1:1: file is empty"),
        (b"title: A\nsummary: caf\xe9\n", "2:13: not valid UTF-8 text"),
        ("\ufefftitle: A".encode("utf-16"), "1:1: UTF-16 text: save the file as UTF-8"),
        (
            b"title: A\nsummary: s\ntitle: B\n",
            "3:1: title: duplicate key (first defined on line 1)",
        ),
        (
            b'title: A\nsummary: "\\e[2J\\e[31mred"\n',
            "2:10: summary: control character U+001B is not allowed in text",
        ),
        (b"title: A\nsummary: a\x1bb\n", "2:11: control character U+001B is not allowed"),
        (
            b"title: A\nsummary: s\nsalary: {min: 2026-13-45}\n",
            "3:15: salary.min: not a valid date (got '2026-13-45')",
        ),
        (
            b"title: A\nsummary: !!python/object:os.system ls\n",
            "2:10: summary: YAML tag !!python/object:os.system is not supported",
        ),
    ],
    ids=[
        "binary",
        "empty",
        "comment",
        "utf8",
        "utf16",
        "duplicate",
        "escape",
        "raw-esc",
        "date",
        "python-tag",
    ],
)
def test_unreadable_role_files_get_one_located_line(
    project: Path, data: bytes, message: str
) -> None:
    (project / "content/roles/r.yaml").write_bytes(data)
    assert run(project, "validate") == (1, f"content/roles/r.yaml:{message}\n")


def test_control_characters_are_never_echoed_raw(project: Path) -> None:
    # An unknown key and a wrong value full of terminal escapes: the message quotes them escaped.
    write(project, "content/roles/r.yaml", 'title: A\nsummary: s\n"sumary\\e[2J": 1\n')
    write(project, "content/roles/s.yaml", 'title: B\nsummary: s\ngrowth_rate: "\\u202e9"\n')
    code, err = run(project, "validate")
    assert "\x1b" not in err and "\u202e" not in err
    assert (code, err) == (
        1,
        "content/roles/r.yaml:3:1: control character U+001B is not allowed in text\n"
        "content/roles/r.yaml:3:1: sumary[2J: unknown field (did you mean 'summary'?)\n"
        "content/roles/s.yaml:3:1: growth_rate: must be a number (got '\\u202e9')\n",
    )


def test_problem_lines_escape_what_they_quote(project: Path) -> None:
    (project / "content/roles/x\x1b[2J.yaml").write_text("title: X\nsummary: s\n")
    assert run(project, "validate") == (
        1,
        f"content/roles/x\\x1b[2J.yaml:1:1: slug: must be {SLUG_RULE} (got 'x\\x1b[2J')\n",
    )


def test_empty_config_is_fine_but_empty_brand_is_not(project: Path) -> None:
    write(project, "guidepress.yaml", "")
    write(project, "content/brands/blank/brand.yaml", "")
    assert run(project, "validate") == (1, "content/brands/blank/brand.yaml:1:1: file is empty\n")


# --- Bounded work -------------------------------------------------------------------------------


def test_render_timeout_fails_each_output_and_the_batch_goes_on(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nrender_timeout: 0.05\n")
    write(project, "content/roles/a.yaml", SMALL)
    write(project, "content/roles/b.yaml", SMALL)
    started = time.perf_counter()
    code, err = run(project, "build")
    assert (code, err) == (
        1,
        "guides/a.pdf: rendering took longer than 0.05 s (render_timeout in guidepress.yaml)\n"
        "guides/b.pdf: rendering took longer than 0.05 s (render_timeout in guidepress.yaml)\n",
    )
    assert time.perf_counter() - started < 3
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    assert [o["status"] for o in manifest["outputs"]] == ["failed", "failed"]
    # The timer is gone afterwards: the same process builds with the default limit.
    write(project, "guidepress.yaml", "title: T\n")
    assert run(project, "build") == (0, "")


# --- Error surface --------------------------------------------------------------------------------


def test_internal_error_is_one_escaped_line_and_debug_shows_the_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom \x1b[2J")

    monkeypatch.setattr("guidepress.build.pipeline.build", boom)
    code, err = run(project, "build")
    prefix = "internal error: RuntimeError: kaboom \\x1b[2J (traceback written to "
    assert code == 3 and err.startswith(prefix) and err.endswith(")\n")
    assert err.count("\n") == 1
    traceback_file = Path(err[len(prefix) : -2])
    assert "RuntimeError: kaboom" in traceback_file.read_text()
    traceback_file.unlink()
    result = CliRunner().invoke(cli, ["--project", str(project), "--debug", "build"])
    assert isinstance(result.exception, RuntimeError)
