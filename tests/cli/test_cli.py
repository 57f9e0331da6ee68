"""The command group: every command has help with an example."""

from __future__ import annotations

import pytest

from guidepress.cli import cli
from tests.helpers import invoke


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(None, command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
