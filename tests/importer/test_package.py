"""The importer package: its public API and its module graph (no import cycles)."""

from __future__ import annotations

import ast
from pathlib import Path

import guidepress.importer as importer

PACKAGE = Path(importer.__file__).parent


def _imports(path: Path) -> set[str]:
    """Importer modules ``path`` imports, at the top or under TYPE_CHECKING alike."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "guidepress.importer":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("guidepress.importer."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[2]
                for a in node.names
                if a.name.startswith("guidepress.importer.")
            )
    return found & {p.stem for p in PACKAGE.glob("*.py")}


def test_the_public_api() -> None:
    assert importer.__all__ == [
        "ImportFailed",
        "ImportResult",
        "import_files",
        "import_text",
        "summary_line",
    ]


def test_no_import_cycles() -> None:
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        if state.get(module) == "done":
            return
        assert state.get(module) != "open", f"import cycle: {' -> '.join([*path, module])}"
        state[module] = "open"
        for imported in sorted(graph[module]):
            visit(imported, [*path, module])
        state[module] = "done"
        order.append(module)

    for module in sorted(graph):
        visit(module, [])
    assert "structured" not in graph["body"] and "sections" not in graph["structured"]
    assert order.index("body") < order.index("structured") < order.index("sections")
