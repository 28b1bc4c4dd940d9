"""Propose the year's gallring for a förbund and, with --genomfor, carry it out (as the förbundschef would)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from finsam.models import Forbund, Roll, RollTyp
from forvaltning.services.arkiv import gallring_foresla, gallring_genomfor


class Command(BaseCommand):
    help = "Föreslå årets gallring enligt dokumenthanteringsplanen; med --genomfor gallras det som förfallit och ett gallringsprotokoll skrivs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("forbund", help="förbundets kortnamn (slug)")
        parser.add_argument("--genomfor", action="store_true", help="genomför gallringen (annars bara förslaget)")
        parser.add_argument("--anvandare", default="", help="förbundschefens användarnamn; krävs med --genomfor")

    def handle(self, *args: Any, **opts: Any) -> None:
        forbund = Forbund.objects.filter(slug=opts["forbund"]).first()
        if forbund is None:
            raise CommandError(f"Okänt förbund: {opts['forbund']}")
        try:
            gallring = gallring_foresla(forbund=forbund, aktor="gallra (kommando)")
            self.stdout.write(f"Gallring nr {gallring.nummer} ({gallring.ar}): {len(gallring.poster)} att gallra, {len(gallring.behalls)} behålls.")
            for p in gallring.poster:
                self.stdout.write(f"  gallras: {p['beskrivning']} – {p['handlingstyp']} ({p['regel']})")
            for p in gallring.behalls:
                self.stdout.write(f"  behålls: {p['beskrivning']} – {p['skal']}")
            if not opts["genomfor"]:
                return
            user = get_user_model().objects.filter(username=opts["anvandare"]).first()
            if user is None or not Roll.objects.filter(user=user, forbund=forbund, roll=RollTyp.FORBUNDSCHEF).exists():
                raise CommandError("Gallringen genomförs av förbundschefen: ange hennes eller hans användarnamn med --anvandare.")
            gallring = gallring_genomfor(gallring=gallring, aktor=user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Gallrat: {len(gallring.utfall)} handlingar. Gallringsprotokollet är beställt."))
