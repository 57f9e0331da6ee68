"""The path rule: page images and thumbnails are named after their output, so no two outputs'
files share a path."""

from __future__ import annotations

from guidepress.build.outputs import (
    Defaults,
    output_path,
    page_file,
    page_files,
    thumbnail_file,
)
from guidepress.render.kinds import KINDS

DEFAULTS = Defaults("default", "en", "a4")


def path(format: str, dpi: int | None = None, **options: str) -> str:
    values = {"brand": "default", "locale": "en", "paper": "a4", **options}
    return output_path(
        KINDS["guide"], "chef", format=format, print_marks=False, defaults=DEFAULTS, dpi=dpi,
        **values,
    )  # fmt: skip


def test_page_images_are_numbered_and_the_path_is_the_first_page() -> None:
    assert path("png", 96) == "guides/chef.1.png"
    assert page_files("guides/chef.1.png", 3) == [
        "guides/chef.1.png",
        "guides/chef.2.png",
        "guides/chef.3.png",
    ]
    assert page_file("guides/chef.es.1.png", 12) == "guides/chef.es.12.png"


def test_another_resolution_other_options_and_formats_have_their_own_paths() -> None:
    assert path("png", 150) == "guides/chef.150dpi.1.png"
    assert path("png", 96, locale="es", paper="letter") == "guides/chef.es.letter.1.png"
    assert len({path("png", 96), path("png", 150), path("pdf"), path("html")}) == 4


def test_a_thumbnail_sits_beside_its_pdf() -> None:
    assert thumbnail_file("guides/chef.es.pdf") == "guides/chef.es.thumb.png"
    assert thumbnail_file(path("pdf")) not in page_files(path("png", 96), 99)
