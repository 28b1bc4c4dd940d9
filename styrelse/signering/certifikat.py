"""The förbund's signing certificate: a PKCS#12 file and its password from the environment.

Production sets FINSAM_SIGNERING_PKCS12 and FINSAM_SIGNERING_LOSENORD (a certificate from the
förbund's CA or a qualified provider). Development (`make run`) and the tests use a local test CA
and certificate made with `cryptography` (FINSAM_SIGNERING_TESTCERT=1), and a local time-stamping
authority issued by the same CA: created once under FINSAM_SIGNERING_KATALOG and reused.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

TESTLOSENORD = "finsam-testsignering"
TSA_FIL = "test-tsa.p12"  # the local time-stamping authority's key and certificate (same password)


@dataclass(frozen=True)
class Signeringsnyckel:
    pkcs12: bytes
    losenord: bytes
    ca_pem: bytes | None  # the test CA (tests trust it); None for a configured certificate
    tsa_pkcs12: bytes | None = None  # the local test TSA (development and tests); None for a configured certificate


def testfiler(katalog: Path) -> tuple[Path, Path, Path]:
    """The local test files: the signing certificate, the CA certificate and the TSA."""
    return katalog / "signering.p12", katalog / "test-ca.pem", katalog / TSA_FIL


def _namn(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Finsam test"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _utfarda(cn: str, ca_namn: Any, ca_nyckel: Any, nu: dt.datetime, eku: Any, eku_kritisk: bool) -> tuple[Any, Any]:
    """A key and an end-entity certificate for signing (document or time stamp) issued by the local test CA."""
    nyckel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    anvandning = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(_namn(cn))
        .issuer_name(ca_namn)
        .public_key(nyckel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu)
        .not_valid_after(nu + dt.timedelta(days=1825))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(anvandning, critical=True)
        .add_extension(eku, critical=eku_kritisk)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(nyckel.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_nyckel.public_key()), critical=False)
        .sign(ca_nyckel, hashes.SHA256())
    )
    return nyckel, cert


def skapa_test_ca_och_certifikat(katalog: Path, *, cn: str = "Samordningsförbundet (testsignering)") -> tuple[Path, Path]:
    """A local test CA, a signing certificate and a time-stamping authority issued by it. Returns (pkcs12 path, CA pem path)."""
    katalog.mkdir(parents=True, exist_ok=True)
    nu = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    ca_nyckel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_namn = _namn("Finsam test-CA")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_namn)
        .issuer_name(ca_namn)
        .public_key(ca_nyckel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu)
        .not_valid_after(nu + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_nyckel.public_key()), critical=False)
        .sign(ca_nyckel, hashes.SHA256())
    )
    nyckel, cert = _utfarda(
        cn, ca_namn, ca_nyckel, nu, x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CODE_SIGNING]), False
    )
    # The local time-stamping authority (RFC 3161), issued by the same test CA: signatures are PAdES B-T in dev too.
    tsa_nyckel, tsa = _utfarda("Finsam test-TSA", ca_namn, ca_nyckel, nu, x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
    (katalog / TSA_FIL).write_bytes(
        pkcs12.serialize_key_and_certificates(
            name=b"finsam-tsa", key=tsa_nyckel, cert=tsa, cas=[ca], encryption_algorithm=serialization.BestAvailableEncryption(TESTLOSENORD.encode())
        )
    )
    p12 = pkcs12.serialize_key_and_certificates(
        name=b"finsam-signering",
        key=nyckel,
        cert=cert,
        cas=[ca],
        encryption_algorithm=serialization.BestAvailableEncryption(TESTLOSENORD.encode()),
    )
    p12_vag, ca_vag = katalog / "signering.p12", katalog / "test-ca.pem"
    p12_vag.write_bytes(p12)
    ca_vag.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return p12_vag, ca_vag


@functools.cache
def _testnyckel(katalog: str) -> Signeringsnyckel:
    vag = Path(katalog)
    filer = testfiler(vag)
    if not all(f.is_file() for f in filer):  # all from one CA: an older set without the TSA is made anew
        skapa_test_ca_och_certifikat(vag)
    p12_vag, ca_vag, tsa_vag = filer
    return Signeringsnyckel(pkcs12=p12_vag.read_bytes(), losenord=TESTLOSENORD.encode(), ca_pem=ca_vag.read_bytes(), tsa_pkcs12=tsa_vag.read_bytes())


def signeringsnyckel() -> Signeringsnyckel:
    """The configured certificate, or (dev and tests only) the local test certificate."""
    vag = getattr(settings, "FINSAM_SIGNERING_PKCS12", "")
    if vag:
        p = Path(vag)
        if not p.is_file():
            raise ImproperlyConfigured(f"Signeringscertifikatet finns inte: {vag} (FINSAM_SIGNERING_PKCS12).")
        return Signeringsnyckel(pkcs12=p.read_bytes(), losenord=settings.FINSAM_SIGNERING_LOSENORD.encode(), ca_pem=None)
    if getattr(settings, "FINSAM_SIGNERING_TESTCERT", False):
        return _testnyckel(str(settings.FINSAM_SIGNERING_KATALOG))
    raise ImproperlyConfigured("Förbundets signeringscertifikat är inte konfigurerat: ange FINSAM_SIGNERING_PKCS12 och FINSAM_SIGNERING_LOSENORD.")
