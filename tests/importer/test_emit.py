"""Role data in model order, escaped and dumped as YAML (emit.py)."""

from __future__ import annotations

from guidepress.importer import emit


def test_prune_ordered_escaped_dump() -> None:
    assert emit.prune({"a": [], "b": {"c": None}, "d": [1, {}], "e": 0}) == {"d": [1], "e": 0}
    assert list(emit.ordered({"summary": "s", "zzz": 1, "title": "t"})) == [
        "title",
        "summary",
        "zzz",
    ]
    data = emit.escaped({"title": "*t*", "summary": "*s*", "pros": ["*p*"]})
    assert data == {"title": "*t*", "summary": "\\*s\\*", "pros": ["\\*p\\*"]}
    text = emit.dump({"title": "T", "summary": "one\ntwo", "pros": ["a"]}, "Imported.")
    assert text == "# Imported.\ntitle: T\nsummary: |-\n  one\n  two\npros:\n  - a\n"
