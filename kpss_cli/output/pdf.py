"""PDF from HTML: any HTML document kpss renders (minutes, agenda, task list, attendance, a
report) typeset by WeasyPrint, with its fonts embedded. WeasyPrint is the optional extra
`kpss[pdf]`; it needs Pango from the system (docs/publishing.md)."""

from __future__ import annotations

from ..core.errors import KpssError
from ..core.i18n import N_, _

INSTALL_HINT = N_(
    "PDF needs WeasyPrint: pip install 'kpss[pdf]' (and Pango, e.g. apt-get install "
    "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core); see docs/publishing.md"
)


def available() -> str | None:
    """None when PDF can be written, else why not."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: the package is there, Pango is not
        return f"{_(INSTALL_HINT)} ({exc})"
    return None


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """The HTML document `html` as PDF bytes (A4 and margins from its own `@page` CSS)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise KpssError(f"{_(INSTALL_HINT)} ({exc})") from None
    document = weasyprint.HTML(string=html, base_url=base_url)
    # Metadata from the document's <title> only: no file paths, no user names.
    pdf = document.write_pdf(uncompressed_pdf=False, custom_metadata=False)
    if not isinstance(pdf, bytes):  # write_pdf returns bytes when no target is given
        raise KpssError(_("WeasyPrint wrote no PDF"))
    return pdf
