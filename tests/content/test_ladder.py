"""Which ladder step a role is (its title, else another title, else shared words), and which
step is its senior level."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guidepress.content.ladder import own_tier, senior_tier
from guidepress.content.models import Role
from tests.helpers import REPO

TIERS = [
    {"title": "Junior Account Manager", "experience": "0-2 years"},
    {"title": "Account Manager", "experience": "2-5 years"},
    {"title": "Strategic Account Manager", "experience": "5-8 years"},
    {"title": "Director of Strategic Accounts", "experience": "10+ years"},
]
ELECTRICIAN = [
    {"title": "Apprentice Electrician", "experience": "0-4 years"},
    {"title": "Journeyman Electrician", "experience": "4-8 years"},
    {"title": "Foreman", "experience": "8+ years"},
    {"title": "Master Electrician", "experience": "10+ years"},
]


def role(title: str = "Strategic Account Manager", **fields: object) -> Role:
    return Role.model_validate({"title": title, "summary": "S.", "tiers": TIERS, **fields})


def test_this_role_is_the_tier_of_its_title_or_the_closest_one() -> None:
    assert own_tier(role()) == 2
    assert own_tier(role("Account manager")) == 1  # same words, any case
    assert own_tier(role("Director, Strategic Accounts")) == 3  # words shared, order aside
    assert own_tier(role("Pastry Chef")) is None
    assert own_tier(Role(title="Chef", summary="S.")) is None


def test_an_other_title_names_the_tier_before_shared_words_do() -> None:
    """Review 4: the guide marked the apprentice (first of two tiers sharing "Electrician"),
    the sheet the journeyman (the role's other title)."""
    electrician = role("Electrician", tiers=ELECTRICIAN)
    assert own_tier(electrician) == 0  # no other title: the first of the closest
    assert own_tier(role("Electrician", tiers=ELECTRICIAN, alt_titles=["Wireman"])) == 0
    named = role(
        "Electrician", tiers=ELECTRICIAN, alt_titles=["Wireman", "journeyman  electrician"]
    )
    assert own_tier(named) == 1
    # The role's own title still comes first, punctuation and spacing aside.
    assert own_tier(role("Account-Manager", alt_titles=["Strategic Account Manager"])) == 1


@pytest.mark.parametrize(
    ("path", "senior"),
    [
        # Review 4: the master (10+ years), two steps above the journeyman; an office role's
        # senior level is the step after its own, as a trade's is.
        (REPO / "tests/paper/roles/electrician.yaml", ("Foreman", 8)),
        (REPO / "content/roles/strategic-account-manager.yaml",
         ("Senior Strategic Account Manager", 8)),
        (REPO / "content/roles/customer-success-manager.yaml",
         ("Senior Customer Success Manager", 5)),
        (REPO / "tests/paper/roles/registered-nurse.yaml", ("Charge Nurse / Specialty RN", 5)),
    ],
)  # fmt: skip
def test_the_senior_level_is_the_step_after_the_role_s_own(
    path: Path, senior: tuple[str, int]
) -> None:
    found = Role.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    tier = senior_tier(found)
    assert tier is not None and (tier.title, tier.years_min) == senior
    mine = own_tier(found)
    assert mine is not None and found.tiers.index(tier) == mine + 1


def senior(title: str, tiers: list[dict[str, str]]) -> str | None:
    tier = senior_tier(role(title, tiers=tiers))
    return tier.title if tier else None


def test_the_senior_level_is_a_tier_called_senior_above_the_role_else_the_craft_s_next() -> None:
    called = [{"title": "Analyst", "experience": "0-2 years"},
              {"title": "Analyst II", "experience": "2-4 years"},
              {"title": "Senior Analyst", "experience": "4-7 years"},
              {"title": "Analytics Manager", "experience": "7+ years"}]  # fmt: skip
    assert senior("Analyst", called) == senior("Analyst II", called) == "Senior Analyst"
    # Above its senior tier, or before a manager, the role's own step is its senior level.
    assert senior("Analytics Manager", called) == "Analytics Manager"
    craft = [{"title": "Junior Chef", "experience": "0-2 years"},
             {"title": "Chef de Partie", "experience": "2-5 years"},
             {"title": "Head Chef", "experience": "6+ years"}]  # fmt: skip
    assert senior("Chef de Partie", craft) == "Chef de Partie"
    assert senior("Junior Chef", craft) == "Chef de Partie"
    assert senior_tier(Role(title="Chef", summary="S.")) is None
