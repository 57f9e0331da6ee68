"""O*NET occupation titles from O*NET's ``Occupation Data.txt`` (tab-separated: ``O*NET-SOC
Code``, ``Title``, ``Description``). O*NET is CC BY 4.0: anything printed from it carries
``CREDIT``."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from guidepress.errors import ContentError, Problem

CREDIT = (
    "This document includes information from the O*NET Database by USDOL/ETA, used under the "
    "CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
)
COLUMNS = ("O*NET-SOC Code", "Title")
_CODE = re.compile(r"\d\d-\d{4}\.\d\d")


@dataclass(frozen=True)
class OnetTitle:
    code: str  # O*NET-SOC "41-4011.07"
    title: str
    description: str = ""

    @property
    def soc(self) -> str:
        """The SOC code: O*NET-SOC codes extend it (``41-4011.07`` -> ``41-4011``)."""
        return soc_of(self.code)


def soc_of(onet_code: str) -> str:
    return onet_code[:7]


def read_onet(path: Path) -> list[OnetTitle]:
    """Every occupation in the file, in file order."""
    name = str(path)
    problems: list[Problem] = []
    titles: list[OnetTitle] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = [h.strip() for h in next(reader, [])]
            missing = [col for col in COLUMNS if col not in header]
            if missing:
                message = f"not an O*NET occupation file: missing columns {', '.join(missing)}"
                raise ContentError([Problem(name, message=message)])
            code_at, title_at = header.index(COLUMNS[0]), header.index(COLUMNS[1])
            about_at = header.index("Description") if "Description" in header else None
            for number, row in enumerate(reader, start=2):
                if not row:
                    continue
                code = row[code_at].strip() if code_at < len(row) else ""
                if not _CODE.fullmatch(code):
                    message = f"not an O*NET-SOC code like 41-4011.00: {code!r}"
                    problems.append(Problem(name, number, code_at + 1, COLUMNS[0], message))
                    continue
                title = row[title_at].strip() if title_at < len(row) else ""
                about = (
                    row[about_at].strip() if about_at is not None and about_at < len(row) else ""
                )
                titles.append(OnetTitle(code, title, about))
    except UnicodeDecodeError:
        raise ContentError([Problem(name, message="not UTF-8 text")]) from None
    except OSError as exc:
        raise ContentError([Problem(name, message=f"cannot read: {exc.strerror or exc}")]) from None
    if problems:
        raise ContentError(problems)
    return titles
