"""Which ladder step a role is: its title, else another title, else shared words."""

from __future__ import annotations

from guidepress.content.ladder import own_tier
from guidepress.content.models import Role

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
