"""The suite's own guards (tests/conftest.py): WeasyPrint warnings fail the test."""

from __future__ import annotations

import pytest
import weasyprint

from tests import conftest


@pytest.mark.pdf
def test_a_weasyprint_warning_is_noted_against_the_test(request: pytest.FixtureRequest) -> None:
    css = weasyprint.CSS(string="p { clip: rect(0 0 0 0); color: red }")
    weasyprint.HTML(string="<p>x</p>").render(stylesheets=[css])
    noted = conftest._WARNED[0].read_text("utf-8")
    conftest._WARNED[0].unlink()  # noted, and this test is not to fail for it
    assert noted == (
        f"{request.node.nodeid}\tIgnored `clip: rect(0 0 0 0)` at 1:5, invalid value.\n"
    )


@pytest.mark.pdf
@pytest.mark.weasyprint_warns
def test_a_test_marked_weasyprint_warns_may_provoke_one() -> None:
    css = weasyprint.CSS(string="p { clip: rect(0 0 0 0) }")
    weasyprint.HTML(string="<p>x</p>").render(stylesheets=[css])
    assert not conftest._WARNED[0].exists()
