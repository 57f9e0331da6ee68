"""What bench/profile_layout.py and bench/bisect_css.py share: the final HTML of the demo project,
WeasyPrint split into its phases, the floor document, Chromium (cold and warm), preflight, and
page images compared pixel by pixel.

guidepress is driven only through its CLI (``build --format html``), so these scripts do not
depend on the package's internal modules. WeasyPrint's own internal entry points are used to time
its phases separately (the same calls, in the same order, as ``Document._render`` and
``Document.write_pdf`` of WeasyPrint 70).
"""

from __future__ import annotations

import base64
import gc
import html as htmllib
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
from weasyprint import DEFAULT_OPTIONS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.document import Document, DocumentMetadata, Page
from weasyprint.formatting_structure.build import build_formatting_structure
from weasyprint.html import get_html_metadata
from weasyprint.layout import layout_document
from weasyprint.pdf import VARIANTS, generate_pdf
from weasyprint.text.fonts import FontConfiguration

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: guidepress's default PDF options: tagged PDF/UA-1.
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
PHASES = ("parse", "style", "boxes", "layout", "draw", "write", "preflight")


# --- the final HTML, through the CLI -------------------------------------------------------------


def build_html(out: Path, project: Path = ROOT) -> dict[str, list[Path]]:
    """``guidepress build --format html`` of every guide, sheet and comparison of ``project``."""
    subprocess.run(
        [str(BIN / "guidepress"), "--project", str(project), "build", "--force",
         "--kind", "guide", "--kind", "sheet", "--kind", "compare", "--format", "html",
         "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    folders = {"guide": "guides", "sheet": "sheets", "compare": "comparisons"}
    return {kind: sorted((out / folder).glob("*.html")) for kind, folder in folders.items()}


def machine() -> str:
    """One line: CPU, cores, Python, WeasyPrint, and the load averages right now."""
    import platform

    import weasyprint

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, WeasyPrint "
        f"{weasyprint.__version__}; {load()}"
    )


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


# --- WeasyPrint, one phase at a time -------------------------------------------------------------


@dataclass
class Timing:
    """CPU seconds per phase of one document, the CPU seconds the garbage collector ran inside
    them, and the wall seconds of the whole.

    CPU time (``time.process_time``) because the machine is shared: under another session's
    build, wall time of the same layout varies by 2x, its CPU time by a few per cent.
    """

    phases: dict[str, float] = field(default_factory=dict)
    gc: float = 0.0
    wall: float = 0.0
    pages: int = 0

    @property
    def total(self) -> float:
        return sum(self.phases.values())


class _GcClock:
    """Adds up the time the garbage collector runs (gc.callbacks), whatever phase it falls in."""

    def __init__(self) -> None:
        self.total = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.total += time.process_time() - self._start


@contextmanager
def gc_clock() -> Iterator[_GcClock]:
    clock = _GcClock()
    gc.callbacks.append(clock)
    try:
        yield clock
    finally:
        gc.callbacks.remove(clock)


def render(
    source: str,
    base_url: str,
    font_config: FontConfiguration | None = None,
    *,
    options: dict[str, Any] | None = None,
    stylesheets: list[Any] | None = None,
    preflight_pdf: bool = True,
    until: str = "preflight",
) -> tuple[Timing, bytes | None, Document | None]:
    """Lay out and write ``source`` as WeasyPrint 70 does, timing each phase.

    Phases: parse (tinyhtml5 + cssselect2), style (stylesheets parsed, @font-face loaded, the
    cascade), boxes (formatting structure; computed values), layout (pages, including the
    repagination loops), draw (pages painted into PDF objects, fonts subset, tags), write (PDF
    serialised and compressed), preflight (pikepdf reads it back and checks it). ``until`` stops
    after a phase ("layout" skips drawing and writing).
    """
    opts = {**DEFAULT_OPTIONS, **PDF_OPTIONS, **(options or {})}
    if stylesheets is not None:
        opts["stylesheets"] = stylesheets
    if variant := opts["pdf_variant"]:
        for key, value in VARIANTS[variant][1].items():
            if opts.get(key) is None:
                opts[key] = value
    font_config = font_config or FontConfiguration()
    counter_style = CounterStyle()
    timing = Timing()
    clock = time.process_time
    started = time.perf_counter()
    with gc_clock() as gc_time:
        t = clock()
        html = HTML(string=source, base_url=base_url)
        timing.phases["parse"] = clock() - t
        t = clock()
        context = Document._build_layout_context(html, font_config, counter_style, {}, opts)
        timing.phases["style"] = clock() - t
        t = clock()
        root_box = build_formatting_structure(
            html.etree_element, context.style_for, context.get_image_from_uri, html.base_url,
            context.target_collector, counter_style, context.footnotes,
        )  # fmt: skip
        timing.phases["boxes"] = clock() - t
        t = clock()
        page_boxes = layout_document(html, root_box, context)
        document = Document(
            [Page(page_box) for page_box in page_boxes],
            DocumentMetadata(**get_html_metadata(html)),
            html.url_fetcher, font_config, {}, opts["output_intent"],
        )  # fmt: skip
        document._html = html
        timing.phases["layout"] = clock() - t
        timing.pages = len(document.pages)
        pdf_bytes = None
        if until != "layout":
            t = clock()
            pdf = generate_pdf(document, None, 1, **opts)
            timing.phases["draw"] = clock() - t
            t = clock()
            output = io.BytesIO()
            pdf.write(
                output, opts["pdf_version"], opts["pdf_identifier"], not opts["uncompressed_pdf"]
            )
            pdf_bytes = output.getvalue()
            timing.phases["write"] = clock() - t
            if preflight_pdf:
                t = clock()
                problems = preflight(pdf_bytes)
                timing.phases["preflight"] = clock() - t
                if problems:
                    raise SystemExit(f"preflight: {problems}")
    timing.gc = gc_time.total
    timing.wall = time.perf_counter() - started
    return timing, pdf_bytes, document


def preflight(pdf: bytes) -> list[str]:
    """The checks of guidepress's preflight, approximately: tagged, a language, a title, every
    structure element walked (figures need /Alt), every font embedded, the XMP identification."""
    problems = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        root = doc.Root
        if "/StructTreeRoot" not in root or "/MarkInfo" not in root:
            problems.append("not tagged")
        if not str(root.get("/Lang", "")):
            problems.append("no language")
        if not str(doc.docinfo.get("/Title", "")):
            problems.append("no title")
        stack = [root.StructTreeRoot.get("/K")] if "/StructTreeRoot" in root else []
        seen = set()
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") in (
                None,
                "/StructElem",
            ):
                if node.is_indirect:
                    if node.objgen in seen:
                        continue
                    seen.add(node.objgen)
                if node.get("/S") == "/Figure" and not str(node.get("/Alt", "")):
                    problems.append("figure without /Alt")
                stack.append(node.get("/K"))
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                if obj.get("/Subtype") in ("/Type0", "/Type3"):
                    continue
                descriptor = obj.get("/FontDescriptor")
                if not isinstance(descriptor, pikepdf.Dictionary) or not any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    problems.append(f"font {obj.get('/BaseFont')} not embedded")
        xmp = doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        if str(xmp.get("pdfuaid:part", "")) != "1":
            problems.append("no PDF/UA-1 identification")
    return problems


# --- the floor: the same words, plain structure, same fonts, page size and PDF options -----------


class _Words(HTMLParser):
    """The text of a document as (kind, words) blocks: h1, h2 (any lower heading), li or p."""

    BLOCKS = frozenset(
        ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "th", "td",
         "div", "section", "header", "footer", "nav", "main", "article", "aside", "ul", "ol",
         "dl", "figure", "table", "tr", "tbody", "thead", "blockquote", "body")
    )  # fmt: skip
    SKIP = frozenset(("head", "style", "script", "title", "svg"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.kinds: list[str] = ["p"]
        self.text: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        words = " ".join("".join(self.text).split())
        if words:
            self.blocks.append((self.kinds[-1], words))
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._flush()
            kind = {"h1": "h1", "li": "li"}.get(tag, "h2" if tag[0] == "h" and tag[1:].isdigit()
                                                    else "p")  # fmt: skip
            self.kinds.append(kind)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping -= 1
        elif tag in self.BLOCKS and len(self.kinds) > 1:
            self._flush()
            self.kinds.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)


def floor_html(guide_html: str, title: str) -> str:
    """The guide's words as plain h1/h2/p/ul, with the theme's fonts and the guide's page size,
    margins, body size and measure: what this content costs on this engine with nothing asked of
    the layout."""
    parser = _Words()
    parser.feed(guide_html)
    parser.close()
    parser._flush()
    fonts = "\n".join(
        line.replace("url(fonts/", f"url({(ROOT / 'styles' / 'fonts').as_uri()}/")
        for line in (ROOT / "styles" / "base.css").read_text("utf-8").splitlines()
        if line.startswith("@font-face")
    )
    body, in_list = [], False
    for kind, words in parser.blocks:
        if kind == "li" and not in_list:
            body.append("<ul>")
        elif kind != "li" and in_list:
            body.append("</ul>")
        in_list = kind == "li"
        body.append(f"<{kind}>{htmllib.escape(words)}</{kind}>")
    if in_list:
        body.append("</ul>")
    # The guide's own body size, leading and measure (render/typeset.py sets them in its head)
    # and page margins (guide.css): the same words set as the guide sets them.
    typeset = re.search(
        r"--gp-body-size: ([0-9.]+pt); --gp-measure: ([0-9.]+mm);\s*--gp-leading: ([0-9.]+);",
        guide_html,
    )
    size, measure, leading = typeset.groups() if typeset else ("9.6pt", "none", "1.5")
    margins = "22mm 20mm 20mm 20mm" if typeset else "22mm 18mm 20mm 18mm"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{htmllib.escape(title)}</title><style>\n{fonts}\n"
        f"@page {{ size: A4; margin: {margins}; }}\n"
        f'html {{ font: {size}/{leading} "GP Body"; }}\n'
        f"body {{ max-width: {measure}; }}\n"
        'h1, h2 { font-family: "GP Serif", "GP Body"; }\n'
        "</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


# --- Chromium ----------------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by process ``root`` and its descendants (with the children they
    have already reaped), from /proc."""
    parents, used = {}, {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        used[pid] = sum(int(v) for v in fields[11:15]) / tick  # utime stime cutime cstime
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def chromium_cold(path: Path, out: Path) -> tuple[float, float]:
    """One Chromium process for one file (``--print-to-pdf``): (wall, CPU) seconds."""
    browser = chromium_binary()
    assert browser is not None
    with tempfile.TemporaryDirectory() as profile:
        started, cpu = time.perf_counter(), children_cpu()
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
             f"--print-to-pdf={out}", path.as_uri()],
            capture_output=True, check=True,
        )  # fmt: skip
        return time.perf_counter() - started, children_cpu() - cpu


class WarmChromium:
    """One headless Chromium kept running; each file printed by DevTools ``Page.printToPDF``.

    DevTools over ``--remote-debugging-pipe`` (fds 3 and 4, NUL-separated JSON): the same
    protocol as the websocket, without a websocket library.
    """

    def __init__(self) -> None:
        browser = chromium_binary()
        assert browser is not None
        self._profile = tempfile.TemporaryDirectory()
        commands_r, self._commands = os.pipe()
        self._events, events_w = os.pipe()

        def child() -> None:  # the browser reads fd 3 and writes fd 4
            a, b = os.dup(commands_r), os.dup(events_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}",
             "--remote-debugging-pipe", "about:blank"],
            close_fds=False, preexec_fn=child,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(commands_r)
        os.close(events_w)
        self._buffer = b""
        self._id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.call("Page.enable", session=True)

    def _receive(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message: dict[str, Any] = json.loads(raw)
                if wanted(message):
                    return message
            chunk = os.read(self._events, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk

    def call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> Any:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        number = self._id
        reply = self._receive(lambda m: m.get("id") == number)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def print_pdf(self, path: Path) -> tuple[float, float, bytes]:
        """Load ``path``, wait for its fonts, print it: (wall, CPU seconds of every Chromium
        process, PDF bytes)."""
        cpu = tree_cpu(self.process.pid)
        started = time.perf_counter()
        self.call("Page.navigate", {"url": path.as_uri()}, session=True)
        self._receive(lambda m: m.get("method") == "Page.loadEventFired")
        self.call(
            "Runtime.evaluate",
            {"expression": "document.fonts.ready.then(() => 1)", "awaitPromise": True},
            session=True,
        )
        result = self.call(
            "Page.printToPDF",
            {"printBackground": True, "preferCSSPageSize": True, "generateTaggedPDF": True,
             "generateDocumentOutline": True},
            session=True,
        )  # fmt: skip
        wall = time.perf_counter() - started
        return wall, tree_cpu(self.process.pid) - cpu, base64.b64decode(result["data"])

    def close(self) -> None:
        with suppress(RuntimeError):
            self.call("Browser.close")
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._commands)
        os.close(self._events)
        self._profile.cleanup()


# --- pages as images ---------------------------------------------------------------------------


def page_images(pdf: bytes, dpi: int = 50) -> list[tuple[int, int, int, bytes]]:
    """Each page rendered by PDFium: (width, height, stride, BGRx bytes)."""
    document = pypdfium2.PdfDocument(pdf)
    images = []
    for page in document:
        bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
        images.append((bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
        bitmap.close()
        page.close()
    document.close()
    return images


def differing_pixels(a: bytes, b: bytes, dpi: int = 50) -> tuple[int, int, int]:
    """(pages of a, pages of b, pixels that differ) between two PDFs rendered at ``dpi``; a page
    only one of them has counts all its pixels."""
    pages_a, pages_b = page_images(a, dpi), page_images(b, dpi)
    differ = 0
    for index in range(max(len(pages_a), len(pages_b))):
        if index >= len(pages_a) or index >= len(pages_b):
            width, height, _, _ = (pages_a if index < len(pages_a) else pages_b)[index]
            differ += width * height
            continue
        (wa, ha, sa, ba), (wb, hb, sb, bb) = pages_a[index], pages_b[index]
        if (wa, ha) != (wb, hb):
            differ += max(wa * ha, wb * hb)
            continue
        for row in range(ha):
            ra, rb = ba[row * sa : row * sa + 4 * wa], bb[row * sb : row * sb + 4 * wb]
            if ra != rb:
                differ += sum(ra[i : i + 3] != rb[i : i + 3] for i in range(0, 4 * wa, 4))
    return len(pages_a), len(pages_b), differ


# --- small helpers ---------------------------------------------------------------------------


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def add_css(source: str, css: str) -> str:
    """``source`` with ``css`` appended as the last stylesheet of its head (it wins ties)."""
    return source.replace("</head>", f"<style>\n{css}\n</style>\n</head>", 1)


def without_css(source: str, pattern: str, replacement: str = "") -> str:
    """``source`` with the CSS matching ``pattern`` replaced; fails when nothing matches."""
    changed, count = re.subn(pattern, replacement, source)
    if not count:
        raise ValueError(f"no match for {pattern!r}")
    return changed
