"""PDF variants: tagged PDF/UA-1 by default; WeasyPrint's PDF/A, PDF/UA and PDF/X on request."""

from __future__ import annotations

#: Tagged PDF/UA-1 unless the user asks for another variant (``--pdf-variant``).
DEFAULT_PDF_VARIANT = "pdf/ua-1"


def pdf_variants() -> list[str]:
    """The variants ``--pdf-variant`` accepts: WeasyPrint's PDF/A, PDF/UA and PDF/X ones."""
    from weasyprint.pdf import VARIANTS  # imported when asked: WeasyPrint takes 0.7 s to import

    return sorted(name for name in VARIANTS if name.startswith("pdf/"))
