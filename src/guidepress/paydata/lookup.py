"""What the renderer and the CLI ask of the store: the figures for an occupation in a region
(``lookup``), occupations by title (``find``), and a did-you-mean for an unknown code
(``check_occupation``)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from guidepress.paydata.areas import region_code, resolve
from guidepress.paydata.onet import OnetTitle
from guidepress.paydata.records import (
    ALL_OCCUPATIONS,
    MARKER_REASONS,
    MONEY,
    PERCENTILES,
    Area,
    DataLookupError,
    Occupation,
    WageRow,
)
from guidepress.paydata.store import Store

SOC_CODE = re.compile(r"\d\d-\d{4}")


@dataclass(frozen=True)
class PayFigures:
    """What a guide, sheet or comparison prints for one occupation in one region.

    Money is in ``currency`` per ``period``: the period BLS publishes for the occupation
    (``annual``; ``hourly`` when BLS publishes hourly wages only, ``hourly_only`` is then True
    and nothing is annualised), or a pay table's own period. ``None`` means not published, and
    ``not_published`` says why. A value at or above BLS's top code holds the top code and is
    named in ``top_coded`` (which may also name the two medians below): print it as "$239,200
    or more". ``benchmark_median`` is the same
    area's all-occupations median and ``national_median`` this occupation's national median,
    both in ``period``. Put ``release_id`` in cache keys: it changes with the data.
    """

    occupation_code: str  # "41-4011"
    occupation_title: str  # the release's title (BLS: the SOC title)
    region: str  # "US", "OH", "18140" (a pay table: its own code)
    area_code: str  # the store's: "99", "39", "18140"
    area_name: str  # "U.S.", "Ohio", "Columbus, OH"
    area_type: str  # national | state | territory | metro | nonmetro | region
    currency: str  # ISO 4217, "USD"
    period: str  # annual | hourly | monthly
    hourly_only: bool
    employment: int | None
    location_quotient: float | None
    mean: float | None
    p10: float | None
    p25: float | None
    median: float | None
    p75: float | None
    p90: float | None
    top_coded: frozenset[str]  # of mean, p10..p90, benchmark_median, national_median
    not_published: tuple[tuple[str, str], ...]  # (field, why), e.g. ("p90", "not available")
    benchmark_median: float | None
    national_median: float | None
    release: str  # "May 2025"
    citation: str  # "U.S. Bureau of Labor Statistics, ..., May 2025"
    release_id: str

    @property
    def percentiles(self) -> tuple[tuple[str, float | None], ...]:
        """``(("p10", 47860.0), ("p25", ...), ("median", ...), ("p75", ...), ("p90", ...))``."""
        return tuple((name, getattr(self, name)) for name in PERCENTILES)

    @property
    def has_wages(self) -> bool:
        return any(getattr(self, name) is not None for name in MONEY)


@dataclass(frozen=True)
class Match:
    """One line of ``data find``."""

    code: str  # SOC code (a pay table: its own code)
    title: str
    national_median: float | None  # in ``period``; None when not in the store
    period: str
    source: str  # the release label, or "O*NET"
    onet_code: str = ""  # for O*NET titles: "41-4011.07"


def lookup(store: Store, occupation: str, region: str) -> PayFigures:
    """The figures for ``occupation`` in ``region``; ``DataLookupError`` (field ``region`` or
    ``occupation.soc``) when either is unknown or the area has no row for the occupation."""
    area = resolve(store, region)
    known = store.occupation(occupation)
    if known is None:
        raise DataLookupError("occupation.soc", check_occupation(store, occupation) or "")
    row = store.wages(occupation, area.code)
    if row is None:
        raise DataLookupError(
            "occupation.soc",
            f"{occupation} ({known.title}) has no {store.release.label} data for "
            f"{area.title} ({_region(store, area)})",
        )
    period = "hourly" if row.hourly_only else store.release.period
    values, top_coded, missing = _money(store, row, period)
    national = national_area(store)
    national_median, national_top = _median(
        store, store.wages(occupation, national.code) if national else None, period
    )
    benchmark_median, benchmark_top = _median(store, _all_occupations(store, area.code), period)
    if national_top:
        top_coded |= {"national_median"}
    if benchmark_top:
        top_coded |= {"benchmark_median"}
    release = store.release
    return PayFigures(
        occupation_code=occupation,
        occupation_title=known.title,
        region=_region(store, area),
        area_code=area.code,
        area_name=area.title,
        area_type=area.type,
        currency=release.currency,
        period=period,
        hourly_only=row.hourly_only,
        employment=row.employment,
        location_quotient=row.location_quotient,
        top_coded=top_coded,
        not_published=missing,
        benchmark_median=benchmark_median,
        national_median=national_median,
        release=release.label,
        citation=release.citation,
        release_id=release.id,
        **values,
    )


def find(store: Store, text: str, onet: Sequence[OnetTitle] = ()) -> list[Match]:
    """Occupations whose title holds every word of ``text`` (or whose code starts with it),
    from the store and then O*NET's titles (alternative titles such as "Solar Sales
    Representatives and Assessors" lead to their SOC code)."""
    words = text.lower().split()
    if not words:
        return []
    national = national_area(store)
    label = store.release.label

    def hit(code: str, title: str) -> bool:
        lowered = title.lower()
        return code.startswith(text.strip()) or all(w in lowered for w in words)

    def national_median(code: str) -> tuple[float | None, str]:
        row = store.wages(code, national.code) if national else None
        period = "hourly" if row is not None and row.hourly_only else store.release.period
        return _median(store, row, period)[0], period

    found: list[Match] = []
    stored = {o.code: o for o in store.occupations()}
    for occ in stored.values():
        if hit(occ.code, occ.title):
            found.append(Match(occ.code, occ.title, *national_median(occ.code), label))
    for item in onet:
        same = stored.get(item.soc)
        if hit(item.code, item.title) and not (same and same.title == item.title):
            found.append(
                Match(item.soc, item.title, *national_median(item.soc), "O*NET", item.code)
            )
    exact = text.strip().lower()
    found.sort(
        key=lambda m: (
            m.title.lower() != exact,
            not m.title.lower().startswith(exact),
            m.source == "O*NET",
            m.code,
            m.onet_code,
        )
    )
    return found


def check_occupation(store: Store, code: str, title: str = "") -> str | None:
    """``None`` when ``code`` is in the store; otherwise the message, with a did-you-mean from
    ``title`` (the role's title) or from codes that look alike."""
    label = store.release.label
    if store.release.kind == "oews" and not SOC_CODE.fullmatch(code):
        return f"not a SOC code like 41-4011: {code!r}"
    if store.occupation(code) is not None:
        return None
    close = suggest(store, code, title)
    hint = f"; did you mean {close[0].code} ({close[0].title})?" if close else ""
    return f"{code} is not an occupation in {label}{hint}"


def suggest(store: Store, code: str, title: str = "") -> list[Occupation]:
    """Up to three occupations: those sharing the most words with ``title`` (the role's title),
    else those whose code shares the longest prefix (at least ``41-4``) with ``code``."""
    occupations = [o for o in store.occupations() if o.code not in ALL_OCCUPATIONS]
    words = _words(title)
    if words:
        scored = [(len(words & _words(o.title)), o) for o in occupations]
        best = max((score for score, _ in scored), default=0)
        if best:
            ties = [o for score, o in scored if score == best]
            ratio = difflib.SequenceMatcher(None, title.lower())

            def likeness(o: Occupation) -> float:
                ratio.set_seq2(o.title.lower())
                return ratio.ratio()

            return sorted(ties, key=lambda o: (-likeness(o), o.code))[:3]
    for length in range(len(code), 3, -1):
        near = [o for o in occupations if o.code.startswith(code[:length])]
        if near:
            return near[:3]
    return []


def _words(text: str) -> set[str]:
    """Content words, singular: "Sales Representatives" -> {"sales", "representative"}."""
    stop = {"and", "of", "the", "all", "other", "except", "or", "in"}
    return {
        w.removesuffix("s") if len(w) > 4 else w for w in re.findall(r"[a-z]+", text.lower())
    } - stop


def national_area(store: Store) -> Area | None:
    """The area the national comparison comes from (BLS: the U.S.; a pay table: its
    ``national`` row)."""
    return next((a for a in store.areas() if a.type == "national"), None)


def _all_occupations(store: Store, area: str) -> WageRow | None:
    for code in ALL_OCCUPATIONS:
        row = store.wages(code, area)
        if row is not None:
            return row
    return None


def _money(
    store: Store, row: WageRow, period: str
) -> tuple[dict[str, float | None], frozenset[str], tuple[tuple[str, str], ...]]:
    """The row's money in ``period``, which values are top-coded, and why any are missing."""
    hourly = period == "hourly" and store.release.kind == "oews"
    prefix = "h_" if hourly else ""
    markers = dict(row.markers)
    top = store.release.top_code
    values: dict[str, float | None] = {}
    top_coded: set[str] = set()
    missing: list[tuple[str, str]] = []
    for name in MONEY:
        value = getattr(row, prefix + name)
        marker = markers.get(prefix + name, "")
        if value is None and marker == "#" and top is not None:
            value = top.hourly if hourly else top.annual
            top_coded.add(name)
        elif value is None:
            missing.append((name, MARKER_REASONS.get(marker, "not given")))
        values[name] = value
    for name in ("employment", "location_quotient"):
        if getattr(row, name) is None:
            missing.append((name, MARKER_REASONS.get(markers.get(name, ""), "not given")))
    return values, frozenset(top_coded), tuple(missing)


def _median(store: Store, row: WageRow | None, period: str) -> tuple[float | None, bool]:
    """A row's median in ``period`` and whether it is top-coded."""
    if row is None:
        return None, False
    values, top_coded, _ = _money(store, row, period)
    return values["median"], "median" in top_coded


def _region(store: Store, area: Area) -> str:
    return region_code(area, bls=store.release.kind == "oews")
