"""YAML syntax errors in plain words: the usual causes (indentation, an unquoted colon, a tab,
an unclosed quote or bracket) said the way a person fixing the file thinks of them, at the
place to fix (an unclosed quote or bracket is shown where it opens)."""

from __future__ import annotations

import re

import yaml

INDENT = (
    "the indentation does not match the lines above: keys of one mapping, and items of one "
    "list, start in the same column"
)


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, message) for a syntax error PyYAML raised while reading ``text``."""
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark or mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    start = (opened.line + 1, opened.column + 1) if opened else where
    line = _line(text, mark.line) if mark else ""
    before = line[: mark.column] if mark else ""
    if problem == "mapping values are not allowed here":
        if re.search(r":\s", before):
            return (*where, "': ' inside text that is not in quotes: put the whole value in quotes")
        key = len(line) - len(line.lstrip()) + 1
        # No field's name has a space: words that go on with the text above.
        if " " in before.strip(" -"):
            return (*where, "': ' inside text that continues the line above: put the whole "
                            "value in quotes")  # fmt: skip
        message = "this key is indented deeper than the key above it: keys of one mapping start "
        return (where[0], key, message + "in the same column")
    if "'\\t'" in problem:
        return (*where, "a tab character: indent with spaces only")
    if context == "while scanning a quoted scalar":
        return (*start, "this quote is never closed")
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        pair = "[]" if "sequence" in context else "{}"
        message = f"this {pair[0]} is never closed with {pair[1]}"
        if "'<stream end>'" not in problem:  # it ends on a later line: that line may be it
            message += " (or an item in it holds ': ' and needs quotes)"
        return (*start, message)
    if context == "while parsing a flow node" and "'<stream end>'" in problem:
        opening = _unclosed(text)
        if opening is not None:
            line_no, col, char = opening
            pair = "]" if char == "[" else "}"
            return (line_no, col, f"this {char} is never closed with {pair}")
    if problem == "could not find expected ':'":
        return (*start, "this line is not 'key: value': add the ':', or indent it under the key "
                        "whose text it continues")  # fmt: skip
    if problem.startswith("expected <block end>, but found '<scalar>'") and before.rstrip()[
        -1:
    ] in ("'", '"'):
        return (*where, "text after the closing quote: put all of the value inside the quotes")
    if problem.startswith(("expected <block end>", "did not find expected")):
        return (*where, INDENT)
    found = re.fullmatch(r"found character '(.)' that cannot start any token", problem)
    if found:
        return (*where, f"a value cannot start with '{found.group(1)}': put it in quotes")
    escape = re.fullmatch(r"found unknown escape character '(.+)'", problem)
    if escape:
        return (*where, f"'\\{escape.group(1)}' in double quotes is not an escape: use single "
                        "quotes, or write \\\\ for a backslash")  # fmt: skip
    return (*where, problem or context or "invalid YAML")


def _unclosed(text: str) -> tuple[int, int, str] | None:
    """(line, column, bracket) of the last [ or { that is never closed, outside quotes and
    comments; None when every bracket is closed."""
    stack: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        quote = ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or line[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] == " "):
                break
            elif char in "[{":
                stack.append((number, index + 1, char))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""
