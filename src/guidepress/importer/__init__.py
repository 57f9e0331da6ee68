"""``guidepress import``: career-guide page text -> role YAML that validates and builds.

``import_text`` turns one page into role data and YAML; ``import_files`` reads files or standard
input and writes ``<out_dir>/<slug>.yaml`` atomically; ``summary_line`` says what was found.
"""

from __future__ import annotations

from guidepress.importer.files import ImportFailed, import_files, summary_line
from guidepress.importer.page import ImportResult, import_text

__all__ = ["ImportFailed", "ImportResult", "import_files", "import_text", "summary_line"]
