"""The salary block (salary.py)."""

from __future__ import annotations

from guidepress.importer.blocks import to_line
from guidepress.importer.salary import Salary


def read(*lines: str) -> Salary:
    salary = Salary()
    page = [to_line(line, n) if line else None for n, line in enumerate(lines, 1)]
    salary.read(page, 0)
    return salary


def test_a_block_with_computed_levels_is_an_estimate() -> None:
    salary = read(
        "Annual Salary (US, USD)", "70,000—140,000", "Median: $105,000",
        "Entry-Level", "$80,500", "Mid-Level: $105,000", "Senior-Level", "$129,500",
    )  # fmt: skip
    assert salary.result() == {
        "region": "US",
        "currency": "USD",
        "period": "annual",
        "min": 70000,
        "max": 140000,
        "median": 105000,
        "levels": {"entry": 80500, "mid": 105000, "senior": 129500},
        "levels_estimated": True,
    }


def test_surveyed_levels_and_a_differing_median_stat() -> None:
    salary = read("Hourly Pay", "$20 - $40", "Junior $22", "Senior $39")
    salary.median_stat = 31
    result = salary.result()
    assert result is not None
    assert result["period"] == "hourly" and result["currency"] == "USD"
    assert result["levels_estimated"] is False and result["median"] == 31


def test_a_top_10_sentence_with_more_than_a_number_is_kept_as_a_note() -> None:
    salary = Salary()
    salary.top10("Top 10% earn $200k, mostly in New York.")
    assert salary.data["top_10_percent"] == 200000
    assert salary.notes == ["Top 10% earn $200k, mostly in New York."]
