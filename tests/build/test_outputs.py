"""The output path rule: every option that tells outputs apart is part of the name."""

from __future__ import annotations

from guidepress.build.outputs import Defaults, output_path
from guidepress.render.kinds import KINDS


def path(**options: object) -> str:
    values: dict[str, object] = {
        "brand": "default", "locale": "en", "paper": "a4", "format": "pdf", "print_marks": False,
        "defaults": Defaults("default", "en", "a4", "US"), "region": "US",
    }  # fmt: skip
    values.update(options)
    return output_path(KINDS["guide"], "chef", **values)  # type: ignore[arg-type]


def test_the_default_region_keeps_the_short_name() -> None:
    assert path() == "guides/chef.pdf"
    assert path(region="OH") == "guides/chef@oh.pdf"
    assert path(region="18140", locale="es", print_marks=True) == "guides/chef.es@18140.print.pdf"


def test_a_region_is_never_taken_for_a_locale() -> None:
    """``DE`` the region and ``de`` the language would be one file on a case-insensitive disk."""
    names = {path(locale="de", region="US"), path(locale="en", region="DE")}
    assert names == {"guides/chef.de.pdf", "guides/chef@de.pdf"}
    assert len({n.lower() for n in names}) == 2


def test_without_regions_the_names_are_as_before() -> None:
    plain = Defaults("default", "en", "a4")
    assert path(defaults=plain, region=None) == "guides/chef.pdf"
    assert path(defaults=plain, region="US") == "guides/chef@us.pdf"
