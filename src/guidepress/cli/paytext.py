"""Pay data as terminal text: ``data show`` blocks, the ``data diff`` table and its GitHub
annotations."""

from __future__ import annotations

from collections.abc import Iterator

from guidepress.build.data import Diff
from guidepress.cli.progress import github_annotation
from guidepress.content.models import Role
from guidepress.i18n.formatting import Formatter
from guidepress.paydata import ONET_CREDIT, Change, PayFigures
from guidepress.render.context import Official

NAMES = {
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "median",
    "p75": "75th percentile",
    "p90": "90th percentile",
    "mean": "mean",
    "employment": "employment",
    "location_quotient": "location quotient",
}


def money(figures: PayFigures, name: str) -> str:
    """A figure as printed: "$108,370", "$52.10" (hourly), "$239,200 or more" (top-coded)."""
    value = getattr(figures, name)
    if value is None:
        return "-"
    text = Formatter("en", figures.currency, cents=figures.period == "hourly").money(value)
    return f"{text} or more" if name in figures.top_coded else text


def official_lines(role: Role, official: Official) -> Iterator[str]:
    f = official.figures
    yield f"{role.slug} in {f.area_name} ({f.region}), {f.release}"
    rows = [("occupation", f"{f.occupation_code} {f.occupation_title}")]
    if official.onet:
        rows.append(("O*NET", f"{official.onet.code} {official.onet.title}"))
    hourly = " (hourly only)" if f.hourly_only else ""
    rows.append(("wages", f"{f.period}, {f.currency}{hourly}"))
    rows += [(NAMES[name], money(f, name)) for name, _ in f.percentiles]
    number = Formatter("en")
    if f.employment is not None:
        rows.append(("employment", number.number(f.employment)))
    if f.location_quotient is not None:
        rows.append(("location quotient", number.number(f.location_quotient, 2)))
    if f.benchmark_median is not None:
        rows.append(
            ("benchmark", f"{money(f, 'benchmark_median')} (all occupations, {f.area_name})")
        )
    if f.national_median is not None:
        rows.append(("national median", money(f, "national_median")))
    salary = role.salary
    if salary is not None and salary.min is not None and salary.max is not None:
        own = Formatter("en", salary.currency)
        span = f"{own.money(salary.min)}–{own.money(salary.max)} {salary.period}"
        rows.append(("advertised range", f"{span} (the role file's salary, kept beside)"))
    missing = [
        f"{NAMES.get(n, n)} ({why})"
        for n, why in f.not_published
        if not (n == "location_quotient" and f.area_type == "national")
    ]
    if missing:
        rows.append(("not published", "; ".join(missing)))
    rows.append(("source", f.citation))
    for label, value in rows:
        yield f"  {label:<18} {value}"
    if official.onet:
        yield f"  {ONET_CREDIT}"


def own_lines(role: Role) -> Iterator[str]:
    """No region asked for or configured: the build prints the role file's own figures."""
    yield (
        f"{role.slug}: no region given and no regions in guidepress.yaml: a build prints the "
        "role file's own figures"
    )
    salary = role.salary
    if salary is not None:
        own = Formatter("en", salary.currency)
        parts = [f"{name} {own.money(getattr(salary, name))}" for name in ("min", "median", "max")]
        yield f"  salary  {', '.join(p for p in parts if not p.endswith(' '))} ({salary.period})"
    if role.occupation is not None:
        yield f"  occupation {role.occupation.soc_code or role.occupation.code}: try --region US"


def diff_lines(report: Diff) -> Iterator[str]:
    """The table: one line per changed figure; a line for each pair that disappears."""
    changed = [r for r in report.rows if r.row.status != "unchanged"]
    yield (
        f"{report.new} against {report.current}: {len(changed)} of {len(report.rows)} role and "
        "region pairs change"
    )
    if not changed:
        return
    yield f"{'role':<30} {'region':<7} {'figure':<16} {report.current:>14} {report.new:>14}  change"
    for item in changed:
        row = item.row
        head = f"{item.slug:<30} {row.region:<7}"
        if row.status != "changed" or not row.changes:
            yield f"{head} {row.status}: {row.message or row.title}"
            continue
        for change in (c for c in row.changes if c.changed):
            old = _side(row.currency, row.period, change, "old")
            new = _side(row.currency, row.period, change, "new")
            delta = _delta(row.currency, row.period, change)
            yield f"{head} {NAMES[change.measure]:<16} {old:>14} {new:>14}  {delta}"


def diff_annotations(report: Diff) -> Iterator[str]:
    """A GitHub annotation per role and region that changes, on the role's occupation code."""
    for item in report.rows:
        row = item.row
        if row.status == "unchanged":
            continue
        where = item.where
        if row.status == "changed" and row.changes:
            parts = [
                f"{NAMES[c.measure]} {_side(row.currency, row.period, c, 'old')} -> "
                f"{_side(row.currency, row.period, c, 'new')}: "
                f"{_delta(row.currency, row.period, c)}"
                for c in row.changes
                if c.changed
            ]
            message = f"{row.area_name} ({row.region}), {report.new}: {'; '.join(parts)}"
            level = "notice"
        else:
            place = f"{row.area_name} ({row.region})" if row.area_name else row.region
            message = f"{place}, {report.new}: {row.status}: {row.message}"
            level = "warning"
        yield github_annotation(where.file, where.line, where.col, message, level)


def _side(currency: str, period: str, change: Change, which: str) -> str:
    value = change.old if which == "old" else change.new
    if value is None:
        return "-"
    text = Formatter("en", currency or "USD", cents=period == "hourly").money(value)
    coded = change.old_top_coded if which == "old" else change.new_top_coded
    return f"{text}+" if coded else text


def _delta(currency: str, period: str, change: Change) -> str:
    if change.delta is None:
        return "not comparable"
    fmt = Formatter("en", currency or "USD", cents=period == "hourly")
    sign = "+" if change.delta >= 0 else "-"
    text = f"{sign}{fmt.money(abs(change.delta))}"
    if change.percent is not None:
        text += f" ({change.percent:+.1f} %)"
    return text
