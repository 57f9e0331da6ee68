"""O*NET titles: the file as shipped, SOC codes from O*NET-SOC codes, the credit line."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.errors import ContentError
from guidepress.paydata import ONET_CREDIT, read_onet


def test_reads_every_occupation(onet_file: Path) -> None:
    titles = read_onet(onet_file)
    assert len(titles) == 1016
    solar = next(t for t in titles if t.code == "41-4011.07")
    assert (solar.soc, solar.title) == ("41-4011", "Solar Sales Representatives and Assessors")
    assert solar.description.startswith("Contact new or existing customers")


def test_credit_line() -> None:
    assert ONET_CREDIT == (
        "This document includes information from the O*NET Database by USDOL/ETA, used under "
        "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
    )


def test_not_an_onet_file(tmp_path: Path) -> None:
    path = tmp_path / "Occupation Data.txt"
    path.write_text("Code\tName\n11-1011.00\tChief Executives\n")
    with pytest.raises(ContentError) as caught:
        read_onet(path)
    assert caught.value.lines() == [
        f"{path}: not an O*NET occupation file: missing columns O*NET-SOC Code, Title"
    ]
    path.write_text("O*NET-SOC Code\tTitle\tDescription\n11-1011\tChief Executives\tx\n")
    with pytest.raises(ContentError) as caught:
        read_onet(path)
    assert caught.value.lines() == [
        f"{path}:2:1: O*NET-SOC Code: not an O*NET-SOC code like 41-4011.00: '11-1011'"
    ]
