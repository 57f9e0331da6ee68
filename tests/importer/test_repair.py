"""Mojibake repair (repair.py)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from guidepress.importer.repair import mis_decode, repair

from .conftest import (
    fast,
    needs_seeds,
    seed_text,
)


@needs_seeds
def test_seed_repair_fixes_mojibake_and_leaves_correct_text_alone() -> None:
    page = seed_text("004_e941a6e8a69fed1f.txt")
    fixed, count = repair(page)
    assert count == 8
    assert not re.search("[βπŸ€Ί]", fixed)
    assert fixed.count("’") == page.count("’") > 0  # already-correct curly quotes untouched
    assert "📈 Market Demand" in fixed and "🇺🇸 Annual Salary" in fixed and "✅ Pros" in fixed
    clean = seed_text("000_d44a76b2e4663afc.txt")
    assert repair(clean) == (clean, 0)


_WORDS = st.sampled_from(
    [
        "career",
        "café",
        "naïve",
        "CAFÉ’S",
        "résumé",
        "Straße",
        "Ñandú",
        "São",
        "—",
        "–",
        "“quoted”",
        "it’s",
        "…",
        "•",
        "📈",
        "✅",
        "❌",
        "🇺🇸",
        "®",
        "Ελληνικά",
        "Привет",
        "日本語",
        "$105,000",
        "8%",
    ]
)


@fast
@given(st.lists(_WORDS, max_size=12).map(" ".join))
def test_repair_undoes_mis_decoding_and_keeps_correct_text(text: str) -> None:
    assert repair(text) == (text, 0)
    for code_page in ("cp1252", "cp1253"):
        assert repair(mis_decode(text, code_page))[0] == text
