"""Problems of a web page are located in the HTML file (locate.py)."""

from __future__ import annotations

import pytest

from guidepress.errors import ContentError
from guidepress.importer import import_text
from guidepress.importer.locate import position

PAGE = """<!doctype html>
<html><head><title>Nurse</title><script>var t = "Nurse Career Path Guide";</script></head>
<body>
<nav><a>Nurse Career Path Guide</a></nav>
<main>
  <h1>
    Nurse Career Path Guide</h1>
  <div class="stats">
      <div>8%</div><div>growth rate</div>
  </div>
</main>
</body></html>
"""


def test_a_missing_summary_points_at_what_follows_the_title() -> None:
    with pytest.raises(ContentError) as err:
        import_text(PAGE, "nurse.html")
    assert err.value.lines() == ["nurse.html:9:12: summary: no summary paragraph after the title"]


def test_a_bad_title_points_at_the_h1() -> None:
    page = PAGE.replace("Nurse Career Path Guide</h1>", "Career Path Guide</h1>")
    with pytest.raises(ContentError) as err:
        import_text(page, "nurse.html")
    assert err.value.lines() == ["nurse.html:7:5: title: the first line is not a role title"]


def test_a_page_with_only_a_title_points_at_it() -> None:
    with pytest.raises(ContentError) as err:
        import_text("<h1>Nurse</h1>\n", "nurse.html")
    assert err.value.lines() == ["nurse.html:1:5: summary: no summary paragraph after the title"]


def test_position_finds_texts_in_order() -> None:
    html = "<p>a</p>\n<p>b &amp; c</p>\n<p>a</p>"
    assert position(html, ["a"]) == (1, 4)
    assert position(html, ["b & c"]) == (2, 4)
    assert position(html, ["a", "b & c", "a"]) == (3, 4)
    assert position(html, ["nowhere"]) == (0, 0)
    assert position(html, ["a", "nowhere"]) == (1, 4)
