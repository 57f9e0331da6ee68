"""Official pay data: BLS OEWS wages (and generic pay tables of other countries) imported into a
SQLite store in the project, looked up per occupation and region for regional editions.

Modules: ``tables`` (rows out of CSV/xlsx), ``oews`` (BLS's files), ``pay_csv`` (the generic
pay table), ``store`` (the SQLite store, import), ``areas`` (region codes), ``onet`` (O*NET
titles), ``lookup`` (figures for the renderer, find, did-you-mean), ``diff`` (a new release
against the store). The names below are the API the CLI, the role model and the renderer use.
"""

from __future__ import annotations

from guidepress.paydata.areas import area_code, region_code, resolve
from guidepress.paydata.diff import Change, DiffReport, DiffRow, diff_file, diff_stores
from guidepress.paydata.lookup import (
    Match,
    PayFigures,
    check_occupation,
    find,
    lookup,
    suggest,
)
from guidepress.paydata.oews import CITATION, KNOWN_TOP_CODES
from guidepress.paydata.oews import PUBLISHER as OEWS_PUBLISHER
from guidepress.paydata.onet import CREDIT as ONET_CREDIT
from guidepress.paydata.onet import OnetTitle, read_onet
from guidepress.paydata.records import DataLookupError, Release, TopCode
from guidepress.paydata.store import (
    DEFAULT_PATH,
    Store,
    StoreMissing,
    import_oews,
    import_pay,
)

__all__ = [
    "CITATION",
    "DEFAULT_PATH",
    "KNOWN_TOP_CODES",
    "OEWS_PUBLISHER",
    "ONET_CREDIT",
    "Change",
    "DataLookupError",
    "DiffReport",
    "DiffRow",
    "Match",
    "OnetTitle",
    "PayFigures",
    "Release",
    "Store",
    "StoreMissing",
    "TopCode",
    "area_code",
    "check_occupation",
    "diff_file",
    "diff_stores",
    "find",
    "import_oews",
    "import_pay",
    "lookup",
    "read_onet",
    "region_code",
    "resolve",
    "suggest",
]
