"""python manage.py import_sie FILE --forbund SLUG [--csv --ar YEAR] [--ersatt] [--tillagg]"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ekonomi.models import Bokforingsjobb
from ekonomi.selectors import avstamning_ok
from ekonomi.services import bokforing_import_starta
from ekonomi.services.importera import storlek_kontrollera
from finsam.kommando import befintlig_fil, forbund_fran_slug


class Command(BaseCommand):
    help = "Importera ett års bokföring från en SIE-fil (typ 1–4) eller en saldobalans i CSV (--csv), som ett jobb i bakgrunden."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fil", type=Path)
        parser.add_argument("--forbund", required=True, help="förbundets kortnamn (slug)")
        parser.add_argument("--csv", action="store_true", help="filen är en saldobalans i CSV")
        parser.add_argument("--ar", type=int, help="räkenskapsår (krävs för CSV)")
        parser.add_argument("--ersatt", action="store_true", help="ersätt en tidigare import av året")
        parser.add_argument("--tillagg", action="store_true", help="lägg till en SIE 4I-fils verifikationer till årets saldon")
        parser.add_argument("--vanta", type=int, default=600, help="sekunder att vänta på jobbet")

    def handle(self, *args: Any, **opts: Any) -> None:
        forbund = forbund_fran_slug(opts["forbund"])
        fil = befintlig_fil(opts["fil"])
        try:
            storlek_kontrollera(fil.stat().st_size)  # the same cap as the page and the API, before reading
            jobb = bokforing_import_starta(
                forbund=forbund,
                aktor="import_sie",
                data=fil.read_bytes(),
                filnamn=fil.name,
                kalla="csv" if opts["csv"] else "sie",
                ar=opts["ar"],
                ersatt=opts["ersatt"],
                tillagg=opts["tillagg"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        slut = time.monotonic() + opts["vanta"]
        senast = -1
        while jobb.pagar and time.monotonic() < slut:
            if jobb.framsteg != senast:
                senast = jobb.framsteg
                self.stdout.write(f"  {jobb.framsteg:3d} % {jobb.steg}")
            time.sleep(0.5)
            jobb.refresh_from_db()
        if jobb.pagar:
            raise CommandError(f"Jobbet {jobb.pk} är inte klart efter {opts['vanta']} s; följ det på /ekonomi/bokforing/jobb/{jobb.pk}/.")
        if jobb.status == Bokforingsjobb.Status.AVVISAD:
            raise CommandError(" ".join(jobb.fel))
        if jobb.status == Bokforingsjobb.Status.BEKRAFTA:
            j = jobb.jamforelse
            self.stdout.write(f"Verifikationer: {j['verifikationer_fore']} → {j['verifikationer_efter']}")
            for k in j["klasser"]:
                self.stdout.write(f"  klass {k['klass']} {k['text']}: {k['fore']} → {k['efter']}")
            flagga = "--tillagg" if j["typ"] == "tillagg" else "--ersatt"
            raise CommandError(f"Bokföringen för {j['ar']} är redan importerad; kör igen med {flagga} för att bekräfta.")
        imp = jobb.redovisningsimport
        assert imp is not None
        self.stdout.write(
            f"Importerade bokföringen {imp.ar} ({imp.fran:%Y-%m-%d} – {imp.tom:%Y-%m-%d}) för {forbund.namn}: SIE typ {imp.sietyp or '–'}, "
            f"{imp.saldon.filter(rar=0).count()} konton, {imp.antal_verifikationer} verifikationer, teckenkodning {imp.kodning or '–'}, "
            f"#KSUMMA {'verifierad' if imp.ksumma else 'saknas'}."
        )
        for v in imp.varningar:
            self.stdout.write(f"  VARNING {v}")
        _ok, kontroller = avstamning_ok(forbund, imp.ar)
        for k in kontroller:
            self.stdout.write(f"  {'OK ' if k['ok'] else 'FEL'} {k['kontroll']}" + ("" if k["ok"] else f" (differens {k['differens']})"))
