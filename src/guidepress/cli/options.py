"""Option types the commands share."""

from __future__ import annotations

from collections.abc import Sequence

import click


class KindChoice(click.Choice):  # type: ignore[type-arg]
    """``--kind``: one of the output kinds' names (render/kinds.py), read when first needed.

    Why: importing the renderers to list three names would add about 0.4 s to every command,
    ``--help`` included.
    """

    def __init__(self) -> None:
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        from guidepress.render.kinds import KINDS

        return tuple(KINDS)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # click's __init__ sets them; they come from the kind records instead
