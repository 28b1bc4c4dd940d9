"""PAdES signing of a finished PDF: a visible signature page is appended and the whole file is signed.

`signera_pdf` is pure (bytes in, bytes out; no database). The signature page is rendered from a
template by WeasyPrint (fonts embedded, as PDF/A requires) and imported into an incremental
update of the original file, so the archived minutes stay byte for byte as rendered, followed
by the signature page and one PAdES (ETSI.CAdES.detached) signature over all of it, with an RFC 3161 time
stamp on the signature (PAdES B-T; see tidsstampel.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from typing import TypeVar

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner

from finsam.documents.render import render_pdf

from .certifikat import Signeringsnyckel, signeringsnyckel
from .tidsstampel import tidsstamplare

FALTNAMN = "Protokollsignatur"


@dataclass(frozen=True)
class Signaturrad:
    """One signatory on the signature page."""

    namn: str
    roll: str  # "Ordförande", "Sekreterare", "Justerare"
    tidpunkt: dt.datetime
    metod: str  # how they authenticated, e.g. "Lösenord (förnyad inloggning)"


T = TypeVar("T")


def signatursida_pdf(signaturer: Sequence[Signaturrad], *, rubrik: str, utfardare: str, certifikat: str) -> bytes:
    return render_pdf(
        "styrelse/pdf/signatursida.html",
        {
            "signaturer": list(signaturer),
            "rubrik": rubrik,
            "titel": f"Signaturer – {rubrik}",
            "forbund": {"namn": utfardare},
            "certifikat": certifikat,
            "skapad": max((s.tidpunkt for s in signaturer), default=None),
        },
    )


def _signer(nyckel: Signeringsnyckel) -> signers.SimpleSigner:
    signer = signers.SimpleSigner.load_pkcs12_data(nyckel.pkcs12, other_certs=[], passphrase=nyckel.losenord)
    if signer is None:  # pragma: no cover - a broken certificate file is a deployment error
        raise ValueError("Signeringscertifikatet kunde inte läsas (fel lösenord eller fil).")
    return signer


def signera_pdf(
    pdf_bytes: bytes, signaturer: Sequence[Signaturrad], *, rubrik: str = "Protokoll", utfardare: str = "", nyckel: Signeringsnyckel | None = None
) -> bytes:
    """Append a signature page listing each signatory (name, role, time, method) and sign with PAdES.

    The signature is made with the förbund's certificate (`nyckel`, default: the configured one) and carries a
    signature time stamp from the TSA (FINSAM_TSA_URL, or the local test TSA in development and tests).
    """
    if not signaturer:
        raise ValueError("Minst en signatur krävs.")
    nyckel = nyckel or signeringsnyckel()
    signer = _signer(nyckel)
    stamplare = tidsstamplare(nyckel)
    if signer.signing_cert is None:  # pragma: no cover - a PKCS#12 without a certificate is a deployment error
        raise ValueError("Signeringscertifikatet saknas i PKCS#12-filen.")
    subjekt = signer.signing_cert.subject.human_friendly
    sida = PdfFileReader(BytesIO(signatursida_pdf(signaturer, rubrik=rubrik, utfardare=utfardare or subjekt, certifikat=subjekt)), strict=False)
    w = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    for i in range(int(sida.root["/Pages"]["/Count"])):
        sidobjekt = sida.find_page_for_modification(i)[0].get_object()
        xobj = w.import_page_as_xobject(sida, page_ix=i)
        innehall = generic.StreamObject(stream_data=b"q /Signatursida Do Q")
        ny = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Page"),
                pdf_name("/MediaBox"): generic.ArrayObject(list(sidobjekt["/MediaBox"])),
                pdf_name("/Resources"): generic.DictionaryObject(
                    {
                        pdf_name("/XObject"): generic.DictionaryObject({pdf_name("/Signatursida"): xobj}),
                    }
                ),
                pdf_name("/Contents"): w.add_object(innehall),
            }
        )
        w.insert_page(ny)
    meta = PdfSignatureMetadata(
        field_name=FALTNAMN,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason="Justerat protokoll: " + "; ".join(f"{s.namn} ({s.roll.lower()})" for s in signaturer),
        name=utfardare or subjekt,
    )
    ut = BytesIO()
    pdf_signer = PdfSigner(meta, signer=signer, timestamper=stamplare, new_field_spec=fields.SigFieldSpec(sig_field_name=FALTNAMN))
    utan_handelseloop(lambda: pdf_signer.sign_pdf(w, output=ut))
    return ut.getvalue()


def utan_handelseloop(fn: Callable[[], T]) -> T:
    """Run `fn` (pyHanko's sync API calls asyncio.run) in a thread of its own when this thread already runs an
    event loop (an ASGI server, or Playwright in the browser tests); otherwise here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()
