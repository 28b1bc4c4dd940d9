"""python manage.py importera_delegationsordning FIL --forbund SLUG [--rubrik TEXT]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from finsam.models import Forbund
from forvaltning.services.delegation_import import delegationsordning_importera


class Command(BaseCommand):
    help = "Importerar en delegationsordning från CSV eller XLSX till ett nytt utkast (samma tjänst som sidan och API:t). Allt eller inget."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("fil", help="Sökväg till CSV- eller XLSX-filen.")
        parser.add_argument("--forbund", required=True, help="Förbundets kortnamn i adresser (slug).")
        parser.add_argument("--rubrik", default="", help="Utkastets rubrik (standard: Delegationsordning).")

    def handle(self, *args: Any, **options: Any) -> None:
        forbund = Forbund.objects.filter(slug=options["forbund"]).first()
        if forbund is None:
            raise CommandError(f"Okänt förbund: {options['forbund']}")
        sokvag = Path(options["fil"])
        if not sokvag.is_file():
            raise CommandError(f"Filen finns inte: {sokvag}")
        fil = ContentFile(sokvag.read_bytes(), name=sokvag.name)
        try:
            ordning = delegationsordning_importera(forbund=forbund, aktor="importera_delegationsordning", fil=fil, rubrik=options["rubrik"])
        except ValidationError as exc:
            raise CommandError("Inget importerades.\n" + "\n".join(exc.messages)) from exc
        self.stdout.write(f"Utkastet {ordning.pk} är importerat med {ordning.rader.count()} ärenden; styrelsen antar det i en §.")
