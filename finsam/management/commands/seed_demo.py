from __future__ import annotations

import importlib
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from finsam import demo
from finsam.documents.services import dokument_bestall
from finsam.models import Dokument

# Each app may ship a demo.py with seed(forbund, aktor); called in this order.
APP_DEMOS = ["styrelse", "insatser", "uppfoljning", "ekonomi", "rapporter", "forvaltning"]


class Command(BaseCommand):
    help = "Laddar demodata (Samordningsförbundet Skellefteå-Norsjö). Kan köras flera gånger."

    def handle(self, *args: Any, **opts: Any) -> None:
        with transaction.atomic():
            forbund, inloggningar = demo.seed()
            for app in APP_DEMOS:
                try:
                    modul = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app}.demo":
                        raise
                    continue
                modul.seed(forbund, "seed_demo")
            ar = timezone.localdate().year  # the organisation sheet the Organisation page opens with
            if not Dokument.objects.filter(forbund=forbund, nyckel=f"organisationsblad:{ar}").exists():
                dokument_bestall(
                    forbund=forbund,
                    aktor="seed_demo",
                    typ="organisationsblad",
                    titel=f"Organisationsblad {ar}",
                    nyckel=f"organisationsblad:{ar}",
                    parametrar={"ar": ar},
                )
        self.stdout.write(self.style.SUCCESS(f"Demodata klar: {forbund.namn}"))
        self.stdout.write("Demoinloggningar (lösenord: DEMO_PASSWORD, standard finsam-demo):")
        for username, roll in inloggningar:
            self.stdout.write(f"  {username:<14} {roll}")
