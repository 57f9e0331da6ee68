"""The role sheet's context: where the QR code points and what it says, the role's own tier,
what the sheet picks, and the sources line."""

from __future__ import annotations

from datetime import date
from typing import Any

from guidepress.content.brands import BrandKit
from guidepress.content.models import Brand, Config, Role
from guidepress.i18n.labels import catalogue
from guidepress.render.context import Options
from guidepress.render.sheet import _qr_target, _steps, picked

EN = catalogue("en")
BRAND = BrandKit("b", Brand(name="B", url="https://b.example/careers"), None)


def role(**fields: Any) -> Role:
    return Role.model_validate({"title": "Pastry Chef", "summary": "s", "slug": "pastry-chef",
                                **fields})  # fmt: skip


def options(**sheet: Any) -> Options:
    return Options("en", "a4", date(2026, 11, 21), config=Config.model_validate({"sheet": sheet}))


def test_the_code_points_at_the_role_page_else_the_pattern_else_the_brand() -> None:
    pattern = {"role_url": "https://jobs.example/roles/{slug}"}
    assert _qr_target(role(url="https://x.example/chef"), options(**pattern), BRAND) == (
        "https://x.example/chef",
        True,
    )
    assert _qr_target(role(), options(**pattern), BRAND) == (
        "https://jobs.example/roles/pastry-chef",
        True,
    )
    # The brand's address is not about the role: the caption must not say it is.
    assert _qr_target(role(), options(), BRAND) == ("https://b.example/careers", False)


def test_the_roles_own_tier_is_the_one_marked_by_title_or_other_title() -> None:
    tiers = [
        {"title": "Commis", "experience": "0-2 years"},
        {"title": "Pastry  chef", "experience": "2-5 years"},
        {"title": "Head Pastry Chef", "experience": "8+ years"},
    ]
    steps = _steps(role(tiers=tiers), EN)
    assert [(s.title, s.years, s.this_role) for s in steps] == [
        ("Commis", "0–2 years", False),
        ("Pastry  chef", "2–5 years", True),
        ("Head Pastry Chef", "8+ years", False),
    ]
    other = _steps(role(title="Patissier", alt_titles=["Head pastry chef"], tiers=tiers), EN)
    assert [s.this_role for s in other] == [False, False, True]
    # No title names a tier: the closest by words, as the guide marks it (review 4).
    close = _steps(role(title="Chef (pastry)", alt_titles=["Patissier"], tiers=tiers), EN)
    assert [s.this_role for s in close] == [False, True, False]


def test_picks_choose_items_by_position_and_ignore_positions_past_the_end() -> None:
    items = ["a", "b", "c", "d"]
    assert picked(items, None, 3) == ["a", "b", "c"]
    assert picked(items, [4, 1, 9], 3) == ["d", "a"]


CSM = (
    "A Customer Success Manager (CSM) acts as the primary liaison between a company and its "
    "customers, focusing on fostering long-term relationships, ensuring customer satisfaction, "
    "and driving product adoption to maximize customer value. They proactively help."
)
SAM = (
    "A Strategic Account Manager (SAM) serves as the primary liaison between a company and its "
    "most critical clients, focusing on maintaining and expanding long-term business "
    "relationships. More."
)


def test_the_standfirst_is_the_first_sentence_whole_set_smaller_to_hold_two_lines() -> None:
    from guidepress.render.sheet import STANDFIRST_REM, standfirst, standfirst_rem
    from guidepress.render.typefaces import face_of
    from guidepress.theme.lookup import Theme
    from tests.helpers import REPO

    face = face_of(BRAND, Theme(REPO))
    # The first sentence, as written: never cut at a comma, never given a full stop of ours.
    assert standfirst(role(summary=SAM)) == SAM.removesuffix(" More.")
    first = CSM.removesuffix(" They proactively help.")
    assert standfirst(role(summary=CSM)) == first
    # Two lines of 190 mm hold the SAM's at its own size; the CSM's needs smaller type.
    assert standfirst_rem(standfirst(role(summary=SAM)), face, 190) == STANDFIRST_REM
    assert 1.0 <= standfirst_rem(first, face, 190) < STANDFIRST_REM
    # Too long for two lines even at the body's size: the body's size, on three lines or more.
    long = "Cooks " + "and bakes " * 40 + "bread."
    assert standfirst(role(summary=long)) == long
    assert standfirst_rem(long, face, 190) == 1.0
    # The role's own words for the sheet come first.
    assert standfirst(role(summary=CSM, sheet={"summary": "Short."})) == "Short."
