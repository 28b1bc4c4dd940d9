"""python manage.py importera_delegationsordning FIL --forbund SLUG [--rubrik TEXT]"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from finsam.kommando import befintlig_fil, forbund_fran_slug
from forvaltning.services.delegation_import import delegationsordning_importera


class Command(BaseCommand):
    help = "Importerar en delegationsordning från CSV eller XLSX till ett nytt utkast (samma tjänst som sidan och API:t). Allt eller inget."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("fil", help="Sökväg till CSV- eller XLSX-filen.")
        parser.add_argument("--forbund", required=True, help="Förbundets kortnamn i adresser (slug).")
        parser.add_argument("--rubrik", default="", help="Utkastets rubrik (standard: Delegationsordning).")

    def handle(self, *args: Any, **options: Any) -> None:
        forbund = forbund_fran_slug(options["forbund"])
        sokvag = befintlig_fil(options["fil"])
        fil = ContentFile(sokvag.read_bytes(), name=sokvag.name)
        try:
            ordning = delegationsordning_importera(forbund=forbund, aktor="importera_delegationsordning", fil=fil, rubrik=options["rubrik"])
        except ValidationError as exc:
            raise CommandError("Inget importerades.\n" + "\n".join(exc.messages)) from exc
        self.stdout.write(f"Utkastet {ordning.pk} är importerat med {ordning.rader.count()} ärenden; styrelsen antar det i en §.")
