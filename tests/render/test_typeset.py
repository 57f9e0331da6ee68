"""The guide's body size and measure from its body font, the cover title's size."""

from __future__ import annotations

from pathlib import Path

from guidepress.render.typeset import SAMPLE, body_type, display_size, text_width_mm
from tests.helpers import REPO

INTER = REPO / "styles/fonts/Inter-Regular.otf"
BASKERVALD = REPO / "content/brands/northfield/fonts/BaskervaldADFStd.otf"
SERIF_BOLD = REPO / "styles/fonts/NotoSerif-Bold.ttf"


def test_a_small_x_height_is_set_larger_and_a_narrow_face_narrower() -> None:
    inter, baskervald = body_type(INTER, SAMPLE), body_type(BASKERVALD, SAMPLE)
    assert (inter.size_pt, baskervald.size_pt) == (10.0, 10.5)
    # The measure holds about 71 characters of the text in either face.
    for font, body in ((INTER, inter), (BASKERVALD, baskervald)):
        per_char = text_width_mm(font, SAMPLE, body.size_pt) / len(SAMPLE)
        assert 70 <= body.measure_mm / per_char <= 72
    assert baskervald.measure_mm < inter.measure_mm


def test_every_face_keeps_the_body_s_line_pitch() -> None:
    """A body set larger for a small x-height keeps 10 pt Inter's 14.5 pt from baseline to
    baseline on less leading: brightpath's Karla on Inter's 1.45 took the electrician's guide
    from 12 pages to 14 (sixth review)."""
    karla = REPO / "content/brands/brightpath/fonts/Karla-Regular.otf"
    bodies = [body_type(font, SAMPLE) for font in (INTER, BASKERVALD, karla, None)]
    assert [b.size_pt for b in bodies] == [10.0, 10.5, 10.25, 10.25]
    assert bodies[0].leading == 1.45
    for body in bodies:
        assert abs(body.size_pt * body.leading - 14.5) < 0.01
    assert bodies[1].leading < bodies[2].leading < bodies[0].leading


def test_a_font_that_cannot_be_read_gets_the_default(tmp_path: Path) -> None:
    broken = tmp_path / "broken.otf"
    broken.write_bytes(b"not a font")
    assert body_type(broken, SAMPLE) == body_type(None, SAMPLE)
    assert body_type(None, SAMPLE).size_pt == 10.25


def test_the_cover_title_is_as_large_as_its_longest_word_allows() -> None:
    sizes = (52.0, 48.0, 44.0, 40.0)
    assert display_size(SERIF_BOLD, "Strategic Account Manager", 160, sizes) == 52.0
    long_word = "Kundenbeziehungsmanagementverantwortliche"
    assert display_size(SERIF_BOLD, long_word, 160, sizes) == 40.0  # the smallest; it wraps
    three_lines = "Chief Customer Experience and Success Officer"
    assert display_size(SERIF_BOLD, three_lines, 160, sizes) == 52.0
    five_lines = "Senior Vice President of Customer Experience and Success Operations"
    assert display_size(SERIF_BOLD, five_lines, 160, sizes) == 40.0
