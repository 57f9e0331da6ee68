"""Region codes: ``US``, a two-letter state or territory code (``OH``, ``PR``, ``DC``) or a BLS
area code (metro ``18140``, nonmetropolitan ``0100001``), mapped to the store's area codes and
back. A generic pay store uses its own region codes as they stand."""

from __future__ import annotations

import difflib
import re

from guidepress.paydata.records import Area, DataLookupError
from guidepress.paydata.store import Store

NATIONAL = "99"  # BLS's area code for the U.S.

# Postal code -> (FIPS code = BLS's state area code, name). OEWS publishes the 50 states, DC,
# Guam, Puerto Rico and the U.S. Virgin Islands; American Samoa and the Northern Mariana Islands
# are listed so that they get "no data" rather than "unknown code".
STATES = {
    "AL": ("01", "Alabama"), "AK": ("02", "Alaska"), "AZ": ("04", "Arizona"),
    "AR": ("05", "Arkansas"), "CA": ("06", "California"), "CO": ("08", "Colorado"),
    "CT": ("09", "Connecticut"), "DE": ("10", "Delaware"), "DC": ("11", "District of Columbia"),
    "FL": ("12", "Florida"), "GA": ("13", "Georgia"), "HI": ("15", "Hawaii"),
    "ID": ("16", "Idaho"), "IL": ("17", "Illinois"), "IN": ("18", "Indiana"),
    "IA": ("19", "Iowa"), "KS": ("20", "Kansas"), "KY": ("21", "Kentucky"),
    "LA": ("22", "Louisiana"), "ME": ("23", "Maine"), "MD": ("24", "Maryland"),
    "MA": ("25", "Massachusetts"), "MI": ("26", "Michigan"), "MN": ("27", "Minnesota"),
    "MS": ("28", "Mississippi"), "MO": ("29", "Missouri"), "MT": ("30", "Montana"),
    "NE": ("31", "Nebraska"), "NV": ("32", "Nevada"), "NH": ("33", "New Hampshire"),
    "NJ": ("34", "New Jersey"), "NM": ("35", "New Mexico"), "NY": ("36", "New York"),
    "NC": ("37", "North Carolina"), "ND": ("38", "North Dakota"), "OH": ("39", "Ohio"),
    "OK": ("40", "Oklahoma"), "OR": ("41", "Oregon"), "PA": ("42", "Pennsylvania"),
    "RI": ("44", "Rhode Island"), "SC": ("45", "South Carolina"), "SD": ("46", "South Dakota"),
    "TN": ("47", "Tennessee"), "TX": ("48", "Texas"), "UT": ("49", "Utah"),
    "VT": ("50", "Vermont"), "VA": ("51", "Virginia"), "WA": ("53", "Washington"),
    "WV": ("54", "West Virginia"), "WI": ("55", "Wisconsin"), "WY": ("56", "Wyoming"),
    "AS": ("60", "American Samoa"), "GU": ("66", "Guam"),
    "MP": ("69", "Northern Mariana Islands"), "PR": ("72", "Puerto Rico"),
    "VI": ("78", "Virgin Islands"),
}  # fmt: skip
_BY_FIPS = {fips: postal for postal, (fips, _) in STATES.items()}
_HELP = "use US, a state or territory code (OH, PR) or a BLS metro area code (18140)"


def area_code(region: str) -> str:
    """The BLS area code a region code names, without looking at any data: ``US`` -> ``99``,
    ``OH`` -> ``39``, ``18140`` -> ``18140``. Raises ``DataLookupError`` for anything else."""
    code = region.strip().upper()
    if code == "US":
        return NATIONAL
    if code in STATES:
        return STATES[code][0]
    if re.fullmatch(r"\d{5}|\d{7}", code):
        return code[2:] if len(code) == 7 and code.startswith("00") else code
    raise DataLookupError("region", f"unknown region {region!r}: {_HELP}{_state_hint(region)}")


def region_code(area: Area, *, bls: bool = True) -> str:
    """The region code for a stored area: for BLS areas ``99`` -> ``US``, ``39`` -> ``OH``; a
    pay table's areas keep their own codes (``bls=False``)."""
    if not bls:
        return area.code
    if area.type == "national":
        return "US"
    if area.type in {"state", "territory"}:
        return _BY_FIPS.get(area.code, area.code)
    return area.code


def resolve(store: Store, region: str) -> Area:
    """The stored area that ``region`` names, or ``DataLookupError`` saying what is wrong."""
    label = store.release.label
    areas = {a.code: a for a in store.areas()}
    if store.release.kind != "oews":
        found = areas.get(region.strip().upper())
        if found is None:
            hint = _area_hint(region, areas, bls=False)
            raise DataLookupError("region", f"unknown region {region!r}: not in {label}{hint}")
        return found
    try:
        code = area_code(region)
    except DataLookupError as exc:
        hint = _area_hint(region, areas) if not _state_hint(region) else ""
        raise DataLookupError("region", exc.message + hint) from None
    if code in areas:
        return areas[code]
    postal = region.strip().upper()
    if postal in STATES:
        raise DataLookupError("region", f"no data for {postal} ({STATES[postal][1]}) in {label}")
    places = {c: a for c, a in areas.items() if a.type in {"metro", "nonmetro"}}
    hint = _area_hint(code, places)
    raise DataLookupError("region", f"unknown region {region!r}: not an area in {label}{hint}")


def _state_hint(text: str) -> str:
    """Did you mean, for a state written by name (or nearly)."""
    names = {name.lower(): postal for postal, (_, name) in STATES.items()}
    close = difflib.get_close_matches(text.strip().lower(), list(names), n=1, cutoff=0.75)
    if not close:
        return ""
    postal = names[close[0]]
    return f"; did you mean {postal} ({STATES[postal][1]})?"


def _area_hint(text: str, choices: dict[str, Area], *, bls: bool = True) -> str:
    """Did you mean: an area whose name contains the text, a near code, or a similar name."""
    wanted = text.strip()
    named = [a for a in choices.values() if len(wanted) > 2 and wanted.lower() in a.title.lower()]
    if not named:
        codes = difflib.get_close_matches(wanted.upper(), list(choices), n=1, cutoff=0.6)
        titles = {a.title.lower(): a for a in choices.values()}
        close = difflib.get_close_matches(wanted.lower(), list(titles), n=1, cutoff=0.6)
        named = [choices[c] for c in codes] or [titles[t] for t in close]
    if not named:
        return ""
    first = named[0]
    return f"; did you mean {region_code(first, bls=bls)} ({first.title})?"
