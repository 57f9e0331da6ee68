"""Sections with inner structure (structured.py) and the body they fill (body.py)."""

from __future__ import annotations

from guidepress.importer import structured
from guidepress.importer.blocks import Line, Piece
from guidepress.importer.body import Body


def piece(kind: str, text: str) -> Piece:
    return Piece(kind, [Line(text, 1, kind == "item")])


def test_references_split_title_and_url() -> None:
    assert structured.reference("BLS - https://www.bls.gov/ooh/") == {
        "title": "BLS",
        "url": "https://www.bls.gov/ooh/",
    }
    assert structured.reference("https://x.example") == {
        "title": "https://x.example",
        "url": "https://x.example",
    }
    assert structured.reference("Our own survey") == {"title": "Our own survey"}


def test_tiers_and_faqs_are_entries_and_their_bullets_extras() -> None:
    body = Body("Chef")
    structured.start(body, "tiers", "Career Tiers", [])
    parts = [piece("label", "Experience: 0-2 years"), piece("para", "Learns."), piece("item", "x")]
    assert structured.ACCEPTS["tiers"]("Commis Chef", parts, "Chef")
    structured.ADD["tiers"](body, "Commis Chef", parts)
    assert body.fields["tiers"] == [
        {"title": "Commis Chef", "experience": "0-2 years", "description": "Learns."}
    ]
    assert body.extras == [{"title": "Commis Chef", "items": ["x"]}]
    assert body.warnings == [
        "bullets under 'Commis Chef' kept as an extra section (tiers has no room for them)"
    ]
    assert structured.ACCEPTS["faqs"]("Why?", [], "Chef")
    assert not structured.ACCEPTS["faqs"]("Pros", [], "Chef")


def test_outlook_labels() -> None:
    body = Body("Chef")
    parts = [piece("label", "Growth Rate: 5%"), piece("label", "Source: BLS; O*NET")]
    structured.outlook(body, "Job Outlook", parts)
    assert body.fields["outlook"] == {"growth_rate": 5, "sources": ["BLS", "O*NET"]}


def test_body_keeps_nothing_for_nothing() -> None:
    body = Body("Chef")
    body.keep("Empty", [], "never said")
    assert body.extras == [] and body.warnings == []
