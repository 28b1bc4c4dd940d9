from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from finsam.selectors import medlemmar
from finsam.services import forbund_create


class Command(BaseCommand):
    help = "Skapar ett samordningsförbund med FK, AF, regionen och kommunerna som medlemmar."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--slug", required=True, help="Kortnamn i adresser, t.ex. skelleftea-norsjo")
        parser.add_argument("--namn", required=True, help="Förbundets namn")
        parser.add_argument("--region", required=True, help="Regionens namn, t.ex. 'Region Västerbotten'")
        parser.add_argument("--kommun", action="append", required=True, help="En kommun (upprepa för flera)")
        parser.add_argument("--organisationsnummer", default="")
        parser.add_argument("--diarieprefix", default="SF")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            forbund = forbund_create(
                slug=opts["slug"],
                namn=opts["namn"],
                region=opts["region"],
                kommuner=opts["kommun"],
                organisationsnummer=opts["organisationsnummer"],
                diarieprefix=opts["diarieprefix"],
                aktor="forbund_create",
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc

        self.stdout.write(self.style.SUCCESS(f"Skapade {forbund.namn} ({forbund.slug}) med medlemmarna:"))
        for m in medlemmar(forbund):
            self.stdout.write(f"  {m.kod:<14} {m.namn}")
