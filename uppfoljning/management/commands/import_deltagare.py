"""Import participants and enrolments from a spreadsheet: `manage.py import_deltagare FILE --forbund SLUG [--dry-run]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from finsam.models import Forbund
from uppfoljning.importera import deltagare_import


class Command(BaseCommand):
    help = "Importerar deltagare och inskrivningar från CSV (; eller ,) eller XLSX. Allt eller inget."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fil", help="sökväg till CSV- eller XLSX-filen")
        parser.add_argument("--forbund", required=True, help="förbundets kortnamn (slug)")
        parser.add_argument("--dry-run", action="store_true", help="provkör: visa vad som skulle ändras, spara inget")

    def handle(self, *args: Any, **options: Any) -> None:
        forbund = Forbund.objects.filter(slug=options["forbund"]).first()
        if forbund is None:
            raise CommandError(f"Förbundet {options['forbund']} finns inte.")
        sokvag = Path(options["fil"])
        if not sokvag.is_file():
            raise CommandError(f"Filen {sokvag} finns inte.")
        try:
            resultat = deltagare_import(forbund=forbund, aktor="import_deltagare", data=sokvag.read_bytes(), filnamn=sokvag.name,
                                        torrkorning=options["dry_run"])
        except ValidationError as exc:
            raise CommandError("Filen importerades inte:\n" + "\n".join(exc.messages)) from exc
        for rad in resultat.andringar[:50] if options["dry_run"] else []:
            typ = "ny" if rad["typ"] == "new" else "ändras"
            self.stdout.write(f"  rad {rad['rad']}: {typ} – {rad['insats']} {rad['deltagare']} inskriven {rad['inskriven']} {rad['avslutad']}")
        self.stdout.write(resultat.sammanfattning())
        self.stdout.write(f"SHA-256: {resultat.sha256}")
