"""What a new release would change, before it is imported: for each (occupation, region) pair
the guides use, the median and percentiles before and after, in money and percent, and the
pairs that disappear. Structured rows; the CLI prints the table and the annotations."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from guidepress.paydata.lookup import PayFigures, lookup
from guidepress.paydata.records import PERCENTILES, DataLookupError, TopCode
from guidepress.paydata.store import Store, import_oews, import_pay


@dataclass(frozen=True)
class Change:
    """One figure before and after. ``delta`` and ``percent`` are ``None`` when either side is
    not published; a top-coded side ("or more") is flagged and still compared."""

    measure: str  # p10 | p25 | median | p75 | p90
    old: float | None
    new: float | None
    old_top_coded: bool = False
    new_top_coded: bool = False

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def percent(self) -> float | None:
        delta = self.delta
        return None if delta is None or not self.old else 100 * delta / self.old

    @property
    def changed(self) -> bool:
        return (self.old, self.old_top_coded) != (self.new, self.new_top_coded)


@dataclass(frozen=True)
class DiffRow:
    """One (occupation, region) pair. ``status``: ``changed``, ``unchanged``, ``gone`` (in the
    current data, not in the new), ``new`` (only in the new), ``absent`` (in neither);
    ``message`` says why a side is missing, or that the period changed."""

    occupation: str
    region: str
    title: str
    area_name: str
    status: str
    period: str = ""
    currency: str = ""
    changes: tuple[Change, ...] = ()
    message: str = ""


@dataclass(frozen=True)
class DiffReport:
    current: str  # release labels, "May 2025"
    new: str
    rows: tuple[DiffRow, ...]

    @property
    def changed(self) -> tuple[DiffRow, ...]:
        return tuple(r for r in self.rows if r.status != "unchanged")


def diff_file(
    store: Store,
    path: Path,
    pairs: Iterable[tuple[str, str]],
    *,
    kind: str = "oews",
    release: str | None = None,
    top_code: TopCode | None = None,
) -> DiffReport:
    """Import ``path`` into a scratch store (the project's store is not touched) and compare."""
    with tempfile.TemporaryDirectory(prefix="guidepress-diff-") as scratch:
        target = Path(scratch) / "new.sqlite"
        if kind == "pay":
            import_pay(path, target)
        else:
            import_oews([path], target, release=release, top_code=top_code)
        with Store(target) as new:
            return diff_stores(store, new, pairs)


def diff_stores(current: Store, new: Store, pairs: Iterable[tuple[str, str]]) -> DiffReport:
    rows = tuple(_compare(current, new, occupation, region) for occupation, region in pairs)
    return DiffReport(current.release.label, new.release.label, rows)


def _compare(current: Store, new: Store, occupation: str, region: str) -> DiffRow:
    before, why_not_before = _figures(current, occupation, region)
    after, why_not_after = _figures(new, occupation, region)
    if before is None or after is None:
        known = before or after
        status = "absent" if known is None else ("gone" if after is None else "new")
        return DiffRow(
            occupation,
            known.region if known else region,
            known.occupation_title if known else "",
            known.area_name if known else "",
            status,
            message=why_not_before if before is None else why_not_after,
        )
    base = (occupation, after.region, after.occupation_title, after.area_name)
    if (before.period, before.currency) != (after.period, after.currency):
        message = (
            f"figures were {before.currency} {before.period}, now {after.currency} {after.period}"
        )
        return DiffRow(*base, "changed", after.period, after.currency, message=message)
    changes = tuple(
        Change(
            name,
            getattr(before, name),
            getattr(after, name),
            name in before.top_coded,
            name in after.top_coded,
        )
        for name in PERCENTILES
    )
    status = "changed" if any(c.changed for c in changes) else "unchanged"
    return DiffRow(*base, status, after.period, after.currency, changes)


def _figures(store: Store, occupation: str, region: str) -> tuple[PayFigures | None, str]:
    try:
        return lookup(store, occupation, region), ""
    except DataLookupError as exc:
        return None, exc.message
