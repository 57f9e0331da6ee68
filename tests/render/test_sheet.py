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


def test_the_standfirst_is_the_first_sentence_or_its_main_clause_when_that_is_too_long() -> None:
    from guidepress.render.sheet import standfirst
    from guidepress.render.typefaces import face_of
    from guidepress.theme.lookup import Theme
    from tests.helpers import REPO

    face = face_of(BRAND, Theme(REPO))
    # Two lines of 190 mm hold the first sentence: it is printed whole.
    assert standfirst(role(summary=SAM), face, 190) == SAM.removesuffix(" More.")
    # Three lines: the participle phrase after the comma goes.
    assert standfirst(role(summary=CSM), face, 190) == (
        "A Customer Success Manager (CSM) acts as the primary liaison between a company and its "
        "customers."
    )
    # No participle phrase to leave out: the whole sentence, however long.
    long = "Cooks " + "and bakes " * 40 + "bread."
    assert standfirst(role(summary=long), face, 190) == long
    # The role's own words for the sheet come first.
    assert standfirst(role(summary=CSM, sheet={"summary": "Short."}), face, 190) == "Short."
