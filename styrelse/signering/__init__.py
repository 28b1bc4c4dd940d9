"""Digital signing of the justered minutes (PAdES) and the authentication methods that confirm a justering.

- `metoder`: the `Autentiseringsmetod` interface every method implements (password now, BankID later; see docs/signering.md).
- `certifikat`: the förbund's signing certificate (PKCS#12 from the environment) and the local test CA for dev and tests.
- `pades`: `signera_pdf(pdf_bytes, signaturer) -> bytes`, pure: PDF in, signed PDF out.
"""

from .metoder import Autentisering, Autentiseringsmetod, LosenordMetod, metod_for
from .pades import Signaturrad, signera_pdf

__all__ = ["Autentisering", "Autentiseringsmetod", "LosenordMetod", "Signaturrad", "metod_for", "signera_pdf"]
