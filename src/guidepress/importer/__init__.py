"""``guidepress import``: a career-guide page -> role YAML that validates and builds.

A page is its copied text (.txt) or the saved web page (.html, .htm; read with selectolax, the
site around the guide left out); both give the same role file, and no markup reaches it. Other
files are refused in one line. ``import_text`` turns one page into role data and YAML;
``import_files`` reads files or standard input and writes ``<out_dir>/<slug>.yaml`` atomically;
``summary_line`` says what was found.

Reading order: ``source`` reads one input (``sniff``, ``charset`` or ``decode``, ``boilerplate``
and ``webpage``, ``repair``, ``markup``; ``locate`` for errors), ``opening`` and ``sections``
read the page, ``emit`` makes the YAML; ``page`` chains them and ``files`` writes role files.
"""

from __future__ import annotations

from guidepress.importer.files import ImportFailed, import_files, summary_line
from guidepress.importer.page import ImportResult, import_text

__all__ = ["ImportFailed", "ImportResult", "import_files", "import_text", "summary_line"]
