"""The chapter cache: a chapter kept and read back whole, or not at all; pruned to what the
folder's booklets are made of."""

from __future__ import annotations

from pathlib import Path

from guidepress.build.chapters import Made, keep, kept, prune, record_use


def test_a_chapter_is_kept_and_read_back(tmp_path: Path) -> None:
    cache = tmp_path / ".cache" / "chapters"
    made = Made(b"%PDF-1.7 chapter", 12, (("Salesforce CRM", 8), ("Negotiation", 7)),
                panels=("questions",))  # fmt: skip
    keep(cache, "k1", made)
    # With the panels set below its end: the booklet's end leaves out a page of the questions.
    assert kept(cache, "k1") == Made(made.pdf, 12, made.items, cached=True, panels=("questions",))
    assert kept(cache, "k2") is None
    assert kept(None, "k1") is None  # no cache: nothing kept
    (cache / "k1.pdf").write_bytes(b"%PDF-1.7 edited")
    assert kept(cache, "k1") is None  # not the PDF it was: laid out again
    keep(cache, "k1", made)
    (cache / "k1.json").write_text('{"pages": "twelve", "items": []}')
    assert kept(cache, "k1") is None  # damaged: laid out again
    (cache / "k1.json").unlink()
    assert kept(cache, "k1") is None  # half kept: laid out again


def test_the_cache_keeps_what_the_folders_booklets_are_made_of(tmp_path: Path) -> None:
    cache = tmp_path / "chapters"
    for key in ("a", "b", "c", "d"):
        keep(cache, key, Made(b"pdf", 1))
    record_use(cache, "booklets/fair.pdf", ["a", "b"])
    record_use(cache, "booklets/old.pdf", ["c"])
    prune(cache, ["booklets/fair.pdf", "guides/baker.pdf"])  # old.pdf is no longer listed
    assert sorted(p.name for p in cache.iterdir() if not p.name.endswith(".used")) == [
        "a.json", "a.pdf", "b.json", "b.pdf",
    ]  # fmt: skip
    assert len(list(cache.glob("*.used"))) == 1
    prune(tmp_path / "none", ["booklets/fair.pdf"])  # no cache yet: nothing to do
