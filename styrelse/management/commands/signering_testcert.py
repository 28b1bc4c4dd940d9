"""Create the local test CA, signing certificate and time-stamping authority used in development (`make run`) when no PKCS#12 is configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from styrelse.signering.certifikat import TESTLOSENORD, skapa_test_ca_och_certifikat, testfiler


class Command(BaseCommand):
    help = "Skapar en lokal test-CA och ett signeringscertifikat (PKCS#12) för utveckling. Aldrig i produktion."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--katalog", default=str(settings.FINSAM_SIGNERING_KATALOG))
        parser.add_argument("--ersatt", action="store_true", help="Skapa nya även om filerna finns.")

    def handle(self, *args: Any, **opts: Any) -> None:
        if settings.FINSAM_SIGNERING_PKCS12:
            raise CommandError("FINSAM_SIGNERING_PKCS12 är satt: förbundets riktiga certifikat används, inget testcertifikat skapas.")
        katalog = Path(opts["katalog"])
        p12 = katalog / "signering.p12"
        if all(f.is_file() for f in testfiler(katalog)) and not opts["ersatt"]:
            self.stdout.write(f"Testcertifikatet finns redan: {p12}")
            return
        p12, ca = skapa_test_ca_och_certifikat(katalog)
        self.stdout.write(f"Test-CA: {ca}\nSigneringscertifikat: {p12} (lösenord {TESTLOSENORD})")
