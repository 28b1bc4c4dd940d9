from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from ekonomi import demo as ekonomi_demo
from finsam import demo
from finsam.documents.services import dokument_bestall
from finsam.models import Dokument
from finsam.sidcache import komprimera
from forvaltning import demo as forvaltning_demo
from insatser import demo as insatser_demo
from rapporter import demo as rapporter_demo
from styrelse import demo as styrelse_demo
from uppfoljning import demo as uppfoljning_demo

# Each app's demo.py has seed(forbund, aktor); called in this order (each builds on the ones before).
APP_DEMOS = [styrelse_demo, insatser_demo, uppfoljning_demo, ekonomi_demo, rapporter_demo, forvaltning_demo]


DEMO_EPOST = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Laddar demodata (Samordningsförbundet Skellefteå-Norsjö). Kan köras flera gånger."

    def handle(self, *args: Any, **opts: Any) -> None:
        # The demo's e-mails (reminders, expediering) are recorded as sent but never leave the machine, whatever
        # backend the deployment has configured: its addresses are fictional and no mail server may be running.
        with override_settings(EMAIL_BACKEND=DEMO_EPOST), transaction.atomic():
            forbund, inloggningar = demo.seed()
            for modul in APP_DEMOS:
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
        komprimera()  # the data-version rows of thousands of demo writes, folded into one per förbund
        self.stdout.write(self.style.SUCCESS(f"Demodata klar: {forbund.namn}"))
        self.stdout.write("Demoinloggningar (lösenord: DEMO_PASSWORD, standard finsam-demo):")
        for username, roll in inloggningar:
            self.stdout.write(f"  {username:<14} {roll}")
