"""Raw input to page text: encodings, line endings, binary data (decode.py)."""

from __future__ import annotations

import pytest

from guidepress.errors import ContentError
from guidepress.importer import import_text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: empty input: no page text"),
        (b" \n\r\n\t\n", "x.txt: empty input: no page text"),
        (b"Title\nok\x00binary", "x.txt:2:3: binary data, not page text"),
        (b"Title\nab\xff\xfe", "x.txt:2:3: not valid UTF-8 text"),
        (b"\xff\xfeT\x00", "x.txt:1:1: UTF-16 text; save the page as UTF-8"),
    ],
)
def test_unusable_input_is_a_located_problem(data: bytes, message: str) -> None:
    with pytest.raises(ContentError) as err:
        import_text(data, "x.txt")
    assert err.value.lines() == [message]
