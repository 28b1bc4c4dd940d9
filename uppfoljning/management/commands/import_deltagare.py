"""Import participants and enrolments from a spreadsheet: `manage.py import_deltagare FILE --forbund SLUG [--dry-run]`.

The same door as the page and the API (`deltagare_import_starta`, with the same limits); a large file is run by the
task queue and the command waits for its result.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from finsam.kommando import befintlig_fil, forbund_fran_slug
from uppfoljning.models import Importkorning
from uppfoljning.services import ImportResultat, deltagare_import_starta

VANTA_SEKUNDER = 900


class Command(BaseCommand):
    help = "Importerar deltagare och inskrivningar från CSV (; eller ,) eller XLSX. Allt eller inget."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fil", help="sökväg till CSV- eller XLSX-filen")
        parser.add_argument("--forbund", required=True, help="förbundets kortnamn (slug)")
        parser.add_argument("--dry-run", action="store_true", help="provkör: visa vad som skulle ändras, spara inget")

    def handle(self, *args: Any, **options: Any) -> None:
        forbund = forbund_fran_slug(options["forbund"])
        sokvag = befintlig_fil(options["fil"])
        try:
            with sokvag.open("rb") as fil:
                korning = deltagare_import_starta(
                    forbund=forbund,
                    aktor="import_deltagare",
                    fil=fil,
                    storlek=sokvag.stat().st_size,
                    filnamn=sokvag.name,
                    torrkorning=options["dry_run"],
                )
        except ValidationError as exc:
            raise CommandError("Filen importerades inte:\n" + "\n".join(exc.messages)) from exc
        korning = self._vanta(korning)
        if korning.status == Importkorning.Status.AVVISAD:
            raise CommandError("Filen importerades inte:\n" + "\n".join(korning.fel))
        resultat = ImportResultat(**korning.resultat)
        for rad in resultat.andringar[:50] if options["dry_run"] else []:
            typ = "ny" if rad["typ"] == "new" else "ändras"
            self.stdout.write(f"  rad {rad['rad']}: {typ} – {rad['insats']} {rad['deltagare']} inskriven {rad['inskriven']} {rad['avslutad']}")
        self.stdout.write(resultat.sammanfattning())
        self.stdout.write(f"SHA-256: {resultat.sha256}")

    def _vanta(self, korning: Importkorning) -> Importkorning:
        if korning.pagar:
            self.stdout.write(f"Filen är stor och läses in av kön (körning {korning.pk}); väntar på resultatet …")
        slut = time.monotonic() + VANTA_SEKUNDER
        while korning.pagar:
            if time.monotonic() > slut:
                raise CommandError(f"Körning {korning.pk} är inte klar efter {VANTA_SEKUNDER} s; se importsidan för resultatet.")
            time.sleep(0.5)
            korning.refresh_from_db()
        return korning
