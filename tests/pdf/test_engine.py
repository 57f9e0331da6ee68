"""The engine: missing resources and file attachments fail the output; forked workers start
with what their parent prepared and keep their own fonts apart."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from guidepress.pdf import engine
from tests.helpers import REPO, SHORT_ROLE, fonts_of, run_err, write

THEME_CSS = REPO / "styles" / "base.css"
KARLA = REPO / "content" / "brands" / "brightpath" / "fonts" / "Karla-Regular.otf"
#: A face no other test registers, so no process has met it before this test.
BRAND_FACE = (
    "<html lang='en'><title>Fork test</title>"
    f"<style>@font-face {{ font-family: 'Karla forktest'; src: url({KARLA.as_uri()}) }}"
    " p { font-family: 'Karla forktest' } h1 { font-family: 'GP Body' }</style>"
    "<h1>Theme face</h1><p>Brand face</p>"
)


@pytest.mark.weasyprint_warns  # WeasyPrint logs the missing image
@pytest.mark.pdf
def test_missing_resource_fails_the_output(project: Path) -> None:
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    write(project, "styles/guide.css", "body { background: url('../content/nope.png'); }\n")
    code, err = run_err(project, "build")
    missing = (project / "content" / "nope.png").as_uri()
    assert (code, err) == (1, f"guides/a.pdf: missing resource: {missing} (no such file)\n")


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("block", "html", "shown"),
    [
        ("head", '<link rel="attachment" href="{uri}">', "<link rel=attachment>"),
        ("body", '<a rel="attachment" href="{uri}">notes</a>', "<a rel=attachment href={uri}>"),
    ],
)
def test_template_attachments_are_refused(project: Path, block: str, html: str, shown: str) -> None:
    # An override template is code the project chose; even so nothing is embedded in a PDF.
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    uri = (project / "content" / "roles" / "a.yaml").as_uri()  # inside the allowed folders
    write(
        project,
        "templates/guide.html.j2",
        f'{{% extends "theme:guide.html.j2" %}}{{% block {block} %}}{{{{ super() }}}}'
        f"{html.format(uri=uri)}{{% endblock %}}",
    )
    code, err = run_err(project, "build")
    assert (code, err) == (
        1,
        f"guides/a.pdf: file attachments are not allowed ({shown.format(uri=uri)})\n",
    )


@pytest.mark.pdf
@pytest.mark.weasyprint_warns  # it provokes ignored CSS
def test_ignored_css_is_reported_by_every_layout_of_a_stylesheet(tmp_path: Path) -> None:
    from guidepress.pdf.engine import layout

    sheet = tmp_path / "style.css"
    sheet.write_text("p { clip: rect(0 0 0 0); color: red; }\n")
    html = "<p style='filter: blur(1px)'>x</p>"
    # The stylesheet is parsed once; its warning must come with the second layout too.
    first, second = (layout(html, [sheet], allowed=[tmp_path]) for _ in range(2))
    expected = [
        "tmp/style.css: Ignored `clip: rect(0 0 0 0)` at 1:5, invalid value.",
        "Ignored `filter: blur(1px)` at 1:1, unknown property.",
    ]
    assert first.warnings == second.warnings
    assert [w.replace(tmp_path.name, "tmp") for w in first.warnings] == expected


def _key() -> tuple[Path, float, tuple[Path, ...]]:
    roots = engine._outermost([REPO / "content", THEME_CSS.parent])
    return THEME_CSS, THEME_CSS.stat().st_mtime, tuple(roots)


def _in_worker(out: str) -> tuple[int, str, int]:
    """Lay out and write a document in the brand face, as a forked build worker does; returns
    the id of the parsed theme stylesheet it found, its font folder and the stylesheets it
    holds after laying out."""
    found = engine._STYLESHEETS[_key()].css
    laid = engine.layout(BRAND_FACE, [THEME_CSS], allowed=[REPO / "content"])
    Path(out).write_bytes(engine.write_pdf(laid, identifier="fork"))
    return id(found), str(engine._font_config()._folder), len(engine._STYLESHEETS)


@pytest.mark.pdf
def test_forked_workers_start_warm_and_each_register_the_faces_they_meet(tmp_path: Path) -> None:
    engine.prepare([THEME_CSS], allowed=[REPO / "content"])
    parsed = engine._STYLESHEETS[_key()].css
    parent_folder = engine._font_config()._folder
    faces = sorted(p.name for p in parent_folder.iterdir())
    fork = multiprocessing.get_context("fork")
    results = []
    for n in range(2):  # one after the other: the second meets the face the first wrote
        pool = fork.Pool(1)
        results.append(pool.apply(_in_worker, (str(tmp_path / f"{n}.pdf"),)))
        pool.close()  # not terminate(): a worker ending normally cleans up after itself
        pool.join()
    # Without a folder of its own, the second would skip the face and fall back to DejaVu.
    assert [fonts_of(tmp_path / f"{n}.pdf") for n in range(2)] == [
        {"Karla-forktest", "GP-Body-Bold"}
    ] * 2
    for sheet, folder, cached in results:
        assert sheet == id(parsed) and cached == len(engine._STYLESHEETS)  # nothing parsed again
        assert folder != str(parent_folder) and not Path(folder).exists()  # removed at exit
    assert sorted(p.name for p in parent_folder.iterdir()) == faces  # the parent's, untouched


@pytest.mark.pdf
def test_a_layout_discarded_while_the_collector_is_paused_is_freed_before_the_next() -> None:
    """A worker pauses the garbage collector for a whole document (build/workers.py); a layout
    the paginator discards is garbage in reference cycles (the elements' computed styles), so
    without a collection before the next layout or the write each would stay until the
    document is done."""
    import gc
    import weakref

    html = "<html lang='en'><title>Memory</title><p>Words</p></html>"
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        first = engine.layout(html, [THEME_CSS], allowed=[REPO])
        style = weakref.ref(first.document.pages[0]._page_box.children[0].style)
        again = engine.relayout(first)
        del first
        assert style() is not None  # in a cycle: not freed when dropped
        engine.write_pdf(again, identifier="memory")
        assert style() is None
    finally:
        if was_enabled:
            gc.enable()
