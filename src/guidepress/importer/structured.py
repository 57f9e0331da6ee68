"""Sections with inner structure: tiers, day blocks, skill map, case studies, FAQs, outlook."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from guidepress.importer import numbers
from guidepress.importer.blocks import Piece
from guidepress.importer.body import Body
from guidepress.importer.headings import match

_TIME = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_DAY_PARENS = re.compile(r"^(.*?)\s*\(([^()]*\d[^()]*)\)$")
_DAY_PLAIN = re.compile(r"^(\D*?)\s*[-–—:,]?\s*(\d.*)$")
_URL = re.compile(r"https?://\S+")


def _label(part: Piece, *names: str) -> str | None:
    found = part.label
    if found and any(name in found[0].lower() for name in names):
        return found[1]
    return None


def _paras(parts: list[Piece]) -> list[str]:
    return [p.text for p in parts if p.kind != "item"]


def start(body: Body, key: str, title: str, parts: list[Piece]) -> None:
    """A structured section's own heading: its entries follow as sub-headings."""
    if key == "skill_map":
        intro = _paras(parts)
        body.fields[key] = {"intro": "\n\n".join(intro) if intro else None, "groups": []}
        parts = [p for p in parts if p.kind == "item"]
    else:
        body.fields[key] = []
    body.keep(
        title, parts, f"text under '{title}' kept as an extra section ({key} has no room for it)"
    )


# --- which sub-headed segments belong to the open section -----------------------------------


def _is_tier(title: str, parts: list[Piece], role: str) -> bool:
    return bool(parts) and _label(parts[0], "experience", "years") is not None


def _is_day(title: str, parts: list[Piece], role: str) -> bool:
    return bool(_TIME.search(title)) or (bool(parts) and _label(parts[0], "focus") is not None)


def _is_group(title: str, parts: list[Piece], role: str) -> bool:
    kinds = [p.kind for p in parts]
    lead = 1 if kinds[:1] in (["para"], ["label"]) else 0
    if not kinds[lead:] or any(k != "item" for k in kinds[lead:]):
        return False
    return lead == 1 or match(title, role) is None


def _is_case(title: str, parts: list[Piece], role: str) -> bool:
    return any(_label(p, "takeaway", "lesson") is not None for p in parts)


def _is_faq(title: str, parts: list[Piece], role: str) -> bool:
    return title.endswith("?")


# --- adding one entry ------------------------------------------------------------------------


def _tier(body: Body, title: str, parts: list[Piece]) -> None:
    tier: dict[str, Any] = {"title": title}
    desc: list[str] = []
    for part in parts:
        exp = _label(part, "experience", "years")
        if exp is not None and "experience" not in tier:
            tier["experience"] = exp
        elif part.kind != "item":
            desc.append(part.text)
    if desc:
        tier["description"] = "\n\n".join(desc)
    body.fields["tiers"].append(tier)
    _items_left(body, title, parts, "tiers")


def _day(body: Body, title: str, parts: list[Piece]) -> None:
    found = _DAY_PARENS.match(title) or _DAY_PLAIN.match(title)
    label, time = (found[1].strip(), found[2].strip()) if found else (title, None)
    block: dict[str, Any] = {"label": label or title}
    if time and label:
        block["time"] = time
    activities: list[str] = []
    for part in parts:
        focus = _label(part, "focus")
        if focus is not None and "focus" not in block:
            block["focus"] = focus
        elif part.kind == "item":
            activities.append(part.text)
        else:
            activities.extend(line.text for line in part.lines)
    block["activities"] = activities
    body.fields["day_in_the_life"].append(block)


def _group(body: Body, title: str, parts: list[Piece]) -> None:
    group: dict[str, Any] = {"name": title}
    if parts[0].kind != "item":
        group["description"] = parts[0].text
    group["skills"] = [p.text for p in parts if p.kind == "item"]
    body.fields["skill_map"]["groups"].append(group)


def _case(body: Body, title: str, parts: list[Piece]) -> None:
    case: dict[str, Any] = {"title": title, "body": []}
    for part in parts:
        takeaway = _label(part, "takeaway", "lesson")
        if takeaway is not None and "takeaway" not in case:
            case["takeaway"] = takeaway
        elif part.kind != "item":
            case["body"].append(part.text)
    body.fields["case_studies"].append(case)
    _items_left(body, title, parts, "case_studies")


def _faq(body: Body, title: str, parts: list[Piece]) -> None:
    body.fields["faqs"].append({"question": title, "answer": _paras(parts)})
    _items_left(body, title, parts, "faqs")


def _items_left(body: Body, title: str, parts: list[Piece], key: str) -> None:
    items = [p for p in parts if p.kind == "item"]
    body.keep(
        title,
        items,
        f"bullets under '{title}' kept as an extra section ({key} has no room for them)",
    )


Accepts = Callable[[str, list[Piece], str], bool]
Adds = Callable[[Body, str, list[Piece]], None]
ACCEPTS: dict[str, Accepts] = {
    "tiers": _is_tier,
    "day_in_the_life": _is_day,
    "skill_map": _is_group,
    "case_studies": _is_case,
    "faqs": _is_faq,
}
ADD: dict[str, Adds] = {
    "tiers": _tier,
    "day_in_the_life": _day,
    "skill_map": _group,
    "case_studies": _case,
    "faqs": _faq,
}


# --- label sections --------------------------------------------------------------------------


def work_life(body: Body, title: str, parts: list[Piece]) -> None:
    note: list[str] = []
    for part in parts:
        stress, balance = _label(part, "stress"), _label(part, "balance")
        if stress is not None and "stress_level" not in body.fields:
            body.fields["stress_level"] = stress
        elif balance is not None and "balance_rating" not in body.fields:
            body.fields["balance_rating"] = balance
        elif part.kind != "item":
            note.append(part.text)
    if note:
        body.fields["work_life_note"] = note
    _items_left(body, title, parts, "work_life_note")


def outlook(body: Body, title: str, parts: list[Piece]) -> None:
    out: dict[str, Any] = {}
    rest: list[Piece] = []
    for part in parts:
        growth, status = _label(part, "growth"), _label(part, "status")
        sources = _label(part, "source")
        if growth is not None and numbers.percent(growth) is not None and "growth_rate" not in out:
            out["growth_rate"] = numbers.percent(growth)
        elif status is not None and "status" not in out:
            out["status"] = status
        elif sources is not None and "sources" not in out:
            out["sources"] = [s for s in (x.strip() for x in re.split(r"[;,]", sources)) if s]
        else:
            rest.append(part)
    body.fields["outlook"] = out
    body.keep(
        title, rest, f"text under '{title}' kept as an extra section (outlook has no room for it)"
    )


def reference(text: str) -> dict[str, str]:
    url = _URL.search(text)
    if url is None:
        return {"title": text}
    title = (text[: url.start()] + text[url.end() :]).strip(" -–—:|()")
    return {"title": title or url.group(), "url": url.group()}
