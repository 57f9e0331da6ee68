"""Split a build across machines: shard K of N takes a stable, balanced 1/N of the outputs."""

from __future__ import annotations

from collections.abc import Sequence

from guidepress.build.outputs import Output
from guidepress.errors import UsageError


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> (2, 4); K counts from 1."""
    k, sep, n = text.partition("/")
    if sep and k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n):
        return int(k), int(n)
    raise UsageError(f"--shard: expected K/N with 1 <= K <= N, like 1/4 (got '{text}')")


def select(outputs: Sequence[Output], k: int, n: int) -> list[Output]:
    """Shard ``k`` of ``n``: outputs sorted by kind and path, dealt out in turn.

    Every machine computes the same split from the same content, the shards are disjoint and
    together complete, and each gets its share of every kind (a guide costs several sheets).
    """
    chosen = []
    for kind in sorted({output.kind for output in outputs}):
        same = sorted((o for o in outputs if o.kind == kind), key=lambda o: o.path)
        chosen += same[k - 1 :: n]
    return chosen
