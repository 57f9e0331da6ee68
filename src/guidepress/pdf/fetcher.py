"""The allow-list URL fetcher: the renderer reads data: URLs and files under allowed folders only.

Refusals are recorded as well as raised, because WeasyPrint catches fetch errors and carries on
without the resource: the engine fails the output on any of them instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_RESOURCE_BYTES = 50_000_000  # one image or font file


class AllowListFetcher(URLFetcher):  # type: ignore[misc]
    """Serves data: URLs and files under the allowed folders; everything else is refused.

    Refusals are recorded as well as raised, because WeasyPrint catches fetch errors and carries
    on without the resource: :func:`write_pdf` fails the output on any of them instead.
    """

    def __init__(self, roots: Sequence[Path]) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []  # each URL that was not served ...
        self.reasons: list[str] = []  # ... and why

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        reason = "outside the project's content, theme and brand folders"
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots):
                if not path.is_file():
                    reason = "no such file"
                elif path.stat().st_size > MAX_RESOURCE_BYTES:
                    reason = f"larger than {MAX_RESOURCE_BYTES:,} bytes"
                else:
                    return URLFetcherResponse(url, path.read_bytes())
        self.refused.append(url)
        self.reasons.append(reason)
        raise ValueError(f"guidepress refuses to fetch {short_url(url)}: {reason}")


def refusal(url: str, reason: str, where: str = "") -> str:
    """The message that fails an output: ``blocked resource: URL [in FILE] (why)``."""
    kind = "missing" if reason == "no such file" else "blocked"
    return f"{kind} resource: {short_url(url)}{where} ({reason})"


def short_url(url: str) -> str:
    """``url`` for a message: a data: URL (which can be megabytes) cut to its start and size."""
    if url.lower().startswith("data:") and len(url) > 60:
        return f"{url[:40]}... ({len(url):,} characters)"
    return url
