"""Fixtures every folder uses: the pinned date, the no-rendering guard, scratch projects, and the
PDFs many tests read, built once per session (copied where a test changes them)."""

from __future__ import annotations

import functools
import logging
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from guidepress.build.request import BuildRequest
from tests.helpers import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    COMPARED,
    EPOCH,
    REPO,
    SEED_ROLES,
    add_role,
    compared_role,
    demo_copy,
    new_project,
    pinned_build,
    pinned_date,
    run,
    slug_of,
    write,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/ from current output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # Documents print their edition date; tests pin it so outputs are comparable.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # 2026-11-21


#: The test being run (its setup, call and teardown, and the session fixtures it starts).
_RUNNING: list[pytest.Item] = []
#: Where the guard notes each layout it refused, from this process or a forked build worker.
_REFUSED: list[Path] = []
_UNMARKED = (
    "lays out a document with WeasyPrint: mark it @pytest.mark.pdf "
    "(or put it in a module marked pdf)"
)


#: Where the guard notes each WeasyPrint warning (CSS it ignored, a resource it could not load),
#: from this process or a forked build worker: test id, tab, message.
_WARNED: list[Path] = []


class _NoteWarnings(logging.Handler):
    """WeasyPrint says what it drops only in its log (an invalid rule silently disappears):
    every warning it logs during a test fails that test, unless the test is marked
    ``weasyprint_warns`` (it provokes one on purpose)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if _RUNNING and _RUNNING[-1].get_closest_marker("weasyprint_warns") is None and _WARNED:
            with _WARNED[0].open("a", encoding="utf-8") as log:
                message = record.getMessage().replace("\n", " ")
                log.write(f"{_RUNNING[-1].nodeid}\t{message}\n")


def pytest_configure(config: pytest.Config) -> None:
    """Only tests marked ``pdf`` may lay out a document. WeasyPrint's one way to layout,
    ``HTML.render`` (which ``guidepress.pdf.engine.layout`` and plain ``write_pdf`` go through),
    raises in any other test, fixtures included, and the test fails even where the build
    records the error as a failed output. So ``make test-fast`` (``-m "not pdf"``) provably
    renders nothing, and a test that renders without the mark fails in ``make test`` too.
    Forked build workers inherit the guard."""
    if config.getoption("numprocesses", None) and not hasattr(config, "workerinput"):
        return  # the pytest-xdist controller runs no test: its workers set up their own guard
    import weasyprint

    _REFUSED[:] = [Path(tempfile.mkdtemp(prefix="guidepress-guard-")) / "refused"]
    _WARNED[:] = [_REFUSED[0].parent / "warned"]
    logging.getLogger("weasyprint").addHandler(_NoteWarnings())
    render = weasyprint.HTML.render

    @functools.wraps(render)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _RUNNING and _RUNNING[-1].get_closest_marker("pdf") is None:
            with _REFUSED[0].open("a", encoding="utf-8") as log:
                log.write(f"{_RUNNING[-1].nodeid}\n")
            raise AssertionError(f"{_RUNNING[-1].nodeid}: {_UNMARKED}")
        return render(self, *args, **kwargs)

    weasyprint.HTML.render = guarded


def pytest_unconfigure(config: pytest.Config) -> None:
    if _REFUSED:
        shutil.rmtree(_REFUSED[0].parent, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _RUNNING.append(item)
    try:
        return (yield)
    finally:
        _RUNNING.pop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Iterator[pytest.TestReport]:
    report: pytest.TestReport = yield
    if call.when == "teardown" and _REFUSED and _REFUSED[0].exists():
        _REFUSED[0].unlink()
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid} {_UNMARKED}"
    if call.when == "teardown" and _WARNED and _WARNED[0].exists():
        warned = _WARNED[0].read_text("utf-8").splitlines()
        _WARNED[0].unlink()
        report.outcome = "failed"
        said = sorted({line.split("\t", 1)[-1] for line in warned})
        report.longrepr = f"{item.nodeid}: WeasyPrint warned: " + "; ".join(said)
    return report


@pytest.fixture(scope="session", autouse=True)
def demo_store() -> Path:
    """The demo's pay store (git-ignored), imported from its BLS extract as `make guides` does,
    when it is missing or was made from another file or by another store format. Imports
    replace the file atomically, so two test workers doing it at once is harmless."""
    from guidepress.paydata import Store, StoreMissing, import_oews
    from guidepress.paydata.tables import sha256_of

    source, store = REPO / "data" / "oews_m2025_extract.csv", REPO / "data" / "pay.sqlite"
    try:
        with Store(store) as current:
            made_from = {s.sha256 for s in current.release.sources}
    except StoreMissing:
        made_from = set()
    if made_from != {sha256_of(source)}:
        import_oews([source], store)
    return store


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project: config, the default brand, no roles yet."""
    return new_project(tmp_path / "proj")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the project (``project`` is tmp_path/proj) holding a unique token."""
    path = tmp_path / "secret.txt"
    path.write_text(f"TOKEN-{uuid.uuid4().hex}\n", encoding="utf-8")
    return path


@pytest.fixture
def compared_roles(project: Path) -> Path:
    """The scratch project with the four roles of COMPARED."""
    for i, title in enumerate(COMPARED):
        write(
            project,
            f"content/roles/{slug_of(title)}.yaml",
            yaml.safe_dump(compared_role(title, 60000 + 15000 * i)),
        )
    return project


# --- Built once per session -----------------------------------------------------------------


@pytest.fixture(scope="session")
def seed_guides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both seed guides built once per session from the repository's content."""
    out = tmp_path_factory.mktemp("seed-guides")
    pinned_build(REPO, BuildRequest(roles=SEED_ROLES, kinds=("guide",), out=out))
    return out


@pytest.fixture(scope="session")
def seed_sheets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """Both seed sheets built once per session; the folder and the build's manifest entries."""
    out = tmp_path_factory.mktemp("seed-sheets")
    report = pinned_build(REPO, BuildRequest(roles=SEED_ROLES, kinds=("sheet",), out=out))
    return out, [entry.to_json() for entry in report.entries]


@pytest.fixture(scope="session")
def _two_roles_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two_roles project, built once: copied for each test that uses it."""
    root = new_project(tmp_path_factory.mktemp("two-roles") / "proj")
    write(root, "guidepress.yaml", "title: Test guides\nkinds: [guide, sheet]\n")
    add_role(root, "baker")
    add_role(root, "brewer")
    with pinned_date():
        code, output = run(root, "build", "--jobs", "2")
    assert code == 0, output
    return root


@pytest.fixture
def two_roles(_two_roles_built: Path, tmp_path: Path) -> Path:
    """Two roles, built as guides and sheets (with --jobs 2): a copy of the session's build.
    The inputs hash does not depend on the project's folder, so the copy's outputs are current.
    """
    root = tmp_path / "proj"
    shutil.copytree(_two_roles_built, root)
    return root


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's), driven by playwright, for one module's tests; skipped with
    a message when it is not installed."""
    if CHROMIUM is None:
        pytest.skip(
            "no Chromium installed: the browser tests need Debian's chromium "
            "(apt-get install -y chromium; .ci/run installs it)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:  # a fresh profile of its own each launch
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def demo(tmp_path: Path, demo_store: Path) -> Path:
    """A copy of the demo project with its imported pay store (regions: [US])."""
    return demo_copy(tmp_path / "demo")
