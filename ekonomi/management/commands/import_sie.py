"""python manage.py import_sie FILE --forbund SLUG [--csv --ar YEAR]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ekonomi.selectors import avstamning_ok
from ekonomi.services import bokforing_importera
from finsam.models import Forbund


class Command(BaseCommand):
    help = "Importera ett års bokföring från en SIE typ 4-fil (eller en saldobalans i CSV med --csv)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fil", type=Path)
        parser.add_argument("--forbund", required=True, help="förbundets kortnamn (slug)")
        parser.add_argument("--csv", action="store_true", help="filen är en saldobalans i CSV")
        parser.add_argument("--ar", type=int, help="räkenskapsår (krävs för CSV)")

    def handle(self, *args: Any, **opts: Any) -> None:
        forbund = Forbund.objects.filter(slug=opts["forbund"]).first()
        if forbund is None:
            raise CommandError(f"Förbundet {opts['forbund']} finns inte.")
        fil: Path = opts["fil"]
        if not fil.is_file():
            raise CommandError(f"Filen {fil} finns inte.")
        try:
            imp = bokforing_importera(
                forbund=forbund, aktor="import_sie", data=fil.read_bytes(), filnamn=fil.name,
                kalla="csv" if opts["csv"] else "sie", ar=opts["ar"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"Importerade bokföringen {imp.ar} ({imp.fran:%Y-%m-%d} – {imp.tom:%Y-%m-%d}) för {forbund.namn}: "
            f"{imp.saldon.filter(rar=0).count()} konton, {imp.antal_verifikationer} verifikationer."
        )
        _ok, kontroller = avstamning_ok(forbund, imp.ar)
        for k in kontroller:
            self.stdout.write(f"  {'OK ' if k['ok'] else 'FEL'} {k['kontroll']}" + ("" if k["ok"] else f" (differens {k['differens']})"))
