"""python manage.py rakenskaper --forbund SLUG --ar YEAR [--json]"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ekonomi.rakenskaper.export import som_json
from ekonomi.selectors import rakenskaper
from finsam.models import Forbund


class Command(BaseCommand):
    help = "Skriv ut årets räkenskaper och avstämningen (med --json som JSON). Avslutas med kod 1 om en kontroll fallerar."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--forbund", required=True)
        parser.add_argument("--ar", type=int, required=True)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        forbund = Forbund.objects.filter(slug=opts["forbund"]).first()
        if forbund is None:
            raise CommandError(f"Förbundet {opts['forbund']} finns inte.")
        data = rakenskaper(forbund, opts["ar"])
        if opts["json"]:
            self.stdout.write(json.dumps(som_json(data), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Räkenskaper {opts['ar']} – {forbund.namn}")
        for nyckel in (
            "arets_resultat",
            "summa_tillgangar",
            "summa_eget_kapital_och_skulder",
            "kassaflode_lopande_verksamhet",
            "likvida_medel_vid_arets_borjan",
            "likvida_medel_vid_arets_slut",
            "eget_kapital_vid_arets_slut",
        ):
            self.stdout.write(f"  {nyckel}: {data[nyckel]}")
        for k in data["avstamning"]:
            self.stdout.write(f"  {'OK ' if k['ok'] else 'FEL'} {k['kontroll']}" + ("" if k["ok"] else f" (differens {k['differens']})"))
