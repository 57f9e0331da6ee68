"""The records that readers produce and the store keeps (a release, its areas, occupations and
wage rows) and the error a lookup raises. Plain frozen dataclasses; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass

from guidepress.errors import GuidepressError

# The percentile fields, in order, with the names the lookup and the diff use.
PERCENTILES = ("p10", "p25", "median", "p75", "p90")
# Every money field of a row in the release's period (``mean`` first).
MONEY = ("mean", *PERCENTILES)
# The all-occupations code, whose median is an area's benchmark: BLS's, or the ISCO-style
# "0000" a pay table may use.
ALL_OCCUPATIONS = ("00-0000", "0000")

# What BLS's markers mean (the OEWS field descriptions); "-" is how BLS's time-series files and
# the shipped extract write a value BLS does not publish.
MARKER_REASONS = {
    "*": "not available",
    "**": "employment estimate not available",
    "#": "at or above the top code",
    "~": "percent of establishments reporting the occupation is less than 0.5%",
    "-": "not published",
}


@dataclass(frozen=True)
class TopCode:
    """BLS's top code: a wage shown as ``#`` is at or above these values."""

    hourly: float
    annual: float


@dataclass(frozen=True)
class Area:
    code: str  # as BLS numbers it: "99" U.S., "39" Ohio, "18140" Columbus, OH; a pay file's own
    title: str
    type: str  # national | state | territory | metro | nonmetro | region
    prim_state: str = ""


@dataclass(frozen=True)
class Occupation:
    code: str  # SOC "41-4011" (or a pay file's own code)
    title: str
    group: str = ""  # BLS's O_GROUP: total | major | minor | broad | detailed


@dataclass(frozen=True)
class WageRow:
    """One occupation in one area. Money is in the release's period (``annual`` for OEWS), the
    hourly fields are OEWS's own published hourly figures (never derived). ``None`` means not
    published; ``markers`` says why, as ``{field: marker}`` with the BLS marker characters."""

    occupation: str
    area: str
    employment: int | None = None
    location_quotient: float | None = None
    jobs_1000: float | None = None
    mean: float | None = None
    p10: float | None = None
    p25: float | None = None
    median: float | None = None
    p75: float | None = None
    p90: float | None = None
    h_mean: float | None = None
    h_p10: float | None = None
    h_p25: float | None = None
    h_median: float | None = None
    h_p75: float | None = None
    h_p90: float | None = None
    annual_only: bool = False
    hourly_only: bool = False
    markers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Source:
    """One imported file."""

    name: str
    sha256: str
    rows: int  # rows kept


@dataclass(frozen=True)
class Release:
    """What the store says about its data."""

    id: str  # changes exactly when the stored figures may change (sources, label, top code)
    kind: str  # "oews" | "pay"
    label: str  # "May 2025"
    citation: str
    currency: str  # ISO 4217
    period: str  # annual | monthly | hourly (OEWS: annual; hourly-only rows are flagged)
    imported_at: str  # ISO date
    sources: tuple[Source, ...]
    top_code: TopCode | None = None


class DataLookupError(GuidepressError):
    """Raised by region parsing and lookups when a code is not in the data. ``field`` and
    ``message`` let the caller place it where the code came from (a role's ``occupation.soc``,
    a ``--region`` option, ``regions:`` in guidepress.yaml)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(message)
