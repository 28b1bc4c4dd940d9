"""The RFC 3161 time stamp on the minutes' signature (PAdES B-T): proof, from a third party, of when it was made.

Production sets FINSAM_TSA_URL to a time-stamping authority (the förbund's trust-service provider, or a
qualified TSA on the EU trusted list); pyHanko's `HTTPTimeStamper` asks it during signing. Development and
the tests (FINSAM_SIGNERING_TESTCERT) use a local TSA issued by the local test CA (pyHanko's
`DummyTimeStamper`), so the signed minutes carry a time stamp that validates against that CA there too.
"""

from __future__ import annotations

from asn1crypto import keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pyhanko.sign.timestamps import DummyTimeStamper, HTTPTimeStamper, TimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .certifikat import Signeringsnyckel


def lokal_tidsstamplare(tsa_pkcs12: bytes, losenord: bytes) -> DummyTimeStamper:
    """A TSA in this process, from a PKCS#12 with the TSA's key, certificate and its CA (the local test TSA)."""
    nyckel, cert, kedja = pkcs12.load_key_and_certificates(tsa_pkcs12, losenord)
    if nyckel is None or cert is None:  # pragma: no cover - a broken test file is made anew by signering_testcert --ersatt
        raise ImproperlyConfigured("Test-TSA:n saknar nyckel eller certifikat; kör python manage.py signering_testcert --ersatt.")
    nyckel_der = nyckel.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(nyckel_der),
        certs_to_embed=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in kedja]),
    )


def tidsstamplare(nyckel: Signeringsnyckel) -> TimeStamper:
    """The configured TSA (FINSAM_TSA_URL), else the local test TSA that came with the test certificate.

    A configured certificate without a TSA is a deployment error: the minutes would only be PAdES B-B.
    """
    url = getattr(settings, "FINSAM_TSA_URL", "")
    if url:
        return HTTPTimeStamper(url, timeout=float(getattr(settings, "FINSAM_TSA_TIMEOUT", 10)))
    if nyckel.tsa_pkcs12 is not None:
        return lokal_tidsstamplare(nyckel.tsa_pkcs12, nyckel.losenord)
    raise ImproperlyConfigured("Ingen tidsstämpeltjänst är konfigurerad: ange FINSAM_TSA_URL (RFC 3161) för att signera protokoll.")
