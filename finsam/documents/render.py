"""Pure rendering: template + context in, PDF bytes out. No database writes here."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Documents refer to assets as /static/... or /media/...; they are resolved against this
# origin and served from disk. Nothing else is fetched.
BASE_URL = "https://finsam.invalid/"


class UnsafeUrlError(ValueError):
    pass


class SafeUrlFetcher(URLFetcher):
    """Serves static and media files from disk; refuses file://, remote hosts and anything else."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
            raise UnsafeUrlError(f"Otillåten adress i dokumentet: {url}")
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path[len(settings.STATIC_URL) :])
            file_path = Path(found) if isinstance(found, str) else None
            if file_path is None and settings.STATIC_ROOT:
                candidate = Path(settings.STATIC_ROOT) / path[len(settings.STATIC_URL) :]
                file_path = candidate if candidate.is_file() else None
        elif path.startswith(settings.MEDIA_URL):
            root = Path(settings.MEDIA_ROOT).resolve()
            candidate = (root / path[len(settings.MEDIA_URL) :]).resolve()
            file_path = candidate if candidate.is_relative_to(root) and candidate.is_file() else None
        else:
            file_path = None
        if file_path is None:
            raise UnsafeUrlError(f"Filen finns inte: {url}")
        mime = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, file_path.read_bytes(), {"Content-Type": mime})


def render_html(template_name: str, context: dict[str, Any]) -> str:
    return render_to_string(template_name, context)


def render_pdf(template_name: str, context: dict[str, Any], *, pdfa: bool = True) -> bytes:
    """Render a template to PDF: tagged PDF/A-3a (archival and accessible) unless pdfa is False."""
    html = render_html(template_name, context)
    return html_to_pdf(html, pdfa=pdfa)


def html_to_pdf(html: str, *, pdfa: bool = True) -> bytes:
    # PDF/A-3a: archival, with a structure tree (headings, tables with header cells), the document
    # language from <html lang="sv">, as DOS-lagen asks of documents posted on the public notice board.
    options: dict[str, Any] = {"pdf_variant": "pdf/a-3a"} if pdfa else {"pdf_tags": True}
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=SafeUrlFetcher(timeout=5))
    pdf = document.write_pdf(**options)
    assert isinstance(pdf, bytes)
    return pdf
