"""Editions for audiences, read back: the employer's guide is a short briefing that keeps every
item tagged for employers and none tagged for students; covers and sheets say who they are for
and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from tests.helpers import built_entries, new_project, squash, write

pytestmark = pytest.mark.pdf

PARAGRAPH = (
    "Harbour pilots board ships outside the port and bring them to their berth, advising the "
    "master on the local waters, the tides and the traffic, and handing over once the ship is "
    "safely alongside. The work is done by day and by night, in every season."
)
ROLE = f"""
title: Harbour Pilot
summary: Guides ships safely into port and out again.
url: https://careers.example/harbour-pilot
salary: {{currency: USD, min: 70000, max: 160000, median: 110000}}
growth_rate: 3
market_demand: High
remote_friendly: false
core_functions: ["{PARAGRAPH}", "{PARAGRAPH}"]
work_setting: ["{PARAGRAPH}"]
responsibilities:
  - Board vessels at sea from a pilot boat.
  - Plan the approach with the master.
  - {{text: Sponsor trainee pilots through their licence, audiences: [employer]}}
  - {{text: Keep a logbook of every act of pilotage you shadow, audiences: [student]}}
tech_skills: [Ship handling, Radar plotting, Tidal calculations]
soft_skills: [Calm under pressure, Clear radio communication]
tech_stack:
  - Portable pilot unit
  - {{name: Fleet scheduling software, audiences: [employer]}}
path: ["{PARAGRAPH}", "{PARAGRAPH}"]
tiers:
  - {{title: Trainee Pilot, experience: 0-2 years}}
  - {{title: Harbour Pilot, experience: 2-8 years}}
  - {{title: Senior Pilot, experience: 8+ years}}
global_outlook: ["{PARAGRAPH}"]
challenges: ["{PARAGRAPH}"]
day_in_the_life:
  - label: Night
    focus: An inbound tanker
    activities: [Board at the outer buoy., Bring her in on the flood.]
  - label: Morning
    focus: Rest and paperwork
    activities: [Write up the night's acts., Check the tide tables.]
pros: [Varied days., Responsibility.]
cons: [Night work., Weather.]
faqs:
  - question: Do I need a master's licence first?
    answer: ["{PARAGRAPH}"]
  - question: How long is the training?
    answer: ["{PARAGRAPH}"]
    audiences: [student]
"""
CONFIG = """
title: Port careers
kinds: [guide, sheet]
audiences:
  student: {}
  employer: {}
  crew:
    title: Ship crews
    cover: A guide for seafarers coming ashore
    call_to_action: Scan to talk to a pilot
    parts: [role]
    sections: [at-a-glance, career-ladder]
"""


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = new_project(tmp_path_factory.mktemp("audiences") / "proj")
    write(root, "guidepress.yaml", CONFIG)
    write(root, "content/roles/harbour-pilot.yaml", ROLE)
    return root / "output", built_entries(root, BuildRequest())


def _text(out: Path, path: str) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(out / path).pages))


def test_the_employer_guide_is_shorter_and_keeps_its_tagged_items(
    editions: tuple[Path, dict[str, Any]],
) -> None:
    out, entries = editions
    student = entries["guides/harbour-pilot.pdf"]
    employer = entries["guides/harbour-pilot.employer.pdf"]
    assert (student["audience"], employer["audience"]) == ("student", "employer")
    assert employer["pages"] < student["pages"] and employer["pages"] <= 6
    employer_text = _text(out, employer["path"])
    student_text = _text(out, student["path"])
    for tagged in ("Sponsor trainee pilots through their licence", "Fleet scheduling software"):
        assert squash(tagged) in employer_text and squash(tagged) not in student_text
    for tagged in ("Keep a logbook of every act of pilotage", "How long is the training?"):
        assert squash(tagged) in student_text and squash(tagged) not in employer_text
    # The briefing: at a glance, responsibilities, pay, skills, the ladder; no FAQs, no day in
    # the life, no back cover's next steps.
    for heading in ("Key responsibilities", "Skills and tools", "Career ladder", "Pay"):
        assert squash(heading) in employer_text
    for heading in ("Frequently asked questions", "A day in the life", "Next steps"):
        assert squash(heading) not in employer_text and squash(heading) in student_text
    # No back cover, but the office's contact at the end (the brand's contact is in every
    # guide); its sections run on under one opener, so no page opens two parts.
    last = squash(PdfReader(out / employer["path"]).pages[-1].extract_text())
    assert squash("Recruit with us") in last and squash("careers@guidepress.example") in last
    marks = [item.title for item in PdfReader(out / employer["path"]).outline
             if not isinstance(item, list)]  # fmt: skip
    assert marks == ["At a glance", "The role in detail"]


def test_covers_and_sheets_say_who_they_are_for(editions: tuple[Path, dict[str, Any]]) -> None:
    out, entries = editions

    def first_page(path: str) -> str:
        return squash(PdfReader(out / path).pages[0].extract_text())

    assert squash("A career guide for students and graduates") in first_page(
        "guides/harbour-pilot.pdf"
    )
    assert squash("A briefing for employers and recruiters") in first_page(
        "guides/harbour-pilot.employer.pdf"
    )
    crew = entries["guides/harbour-pilot.crew.pdf"]
    crew_text = _text(out, crew["path"])
    assert squash("A guide for seafarers coming ashore") in first_page(crew["path"])
    # Its own choice: the role's part and the ladder, nothing of the other parts.
    assert squash("Key responsibilities") in crew_text and squash("Career ladder") in crew_text
    assert squash("Pros and cons") not in crew_text
    assert squash("Scan to read more") in first_page("sheets/harbour-pilot.pdf")
    assert squash("Scan for the full role profile") in first_page(
        "sheets/harbour-pilot.employer.pdf"
    )
    assert squash("Scan to talk to a pilot") in first_page("sheets/harbour-pilot.crew.pdf")
