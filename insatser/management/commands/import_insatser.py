"""python manage.py import_insatser FILE --forbund SLUG"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from finsam.kommando import befintlig_fil, forbund_fran_slug
from insatser.services.importera import importera


class Command(BaseCommand):
    help = "Importerar insatser från CSV (; eller ,, UTF-8 eller Windows-1252) eller XLSX. Allt eller inget."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("fil", help="Sökväg till CSV- eller XLSX-filen.")
        parser.add_argument("--forbund", required=True, help="Förbundets kortnamn i adresser (slug).")

    def handle(self, *args: Any, **options: Any) -> None:
        forbund = forbund_fran_slug(options["forbund"])
        sokvag = befintlig_fil(options["fil"])
        resultat = importera(forbund=forbund, aktor="import_insatser", innehall=sokvag.read_bytes(), filnamn=sokvag.name)
        if not resultat.ok:
            raise CommandError("Inget importerades.\n" + "\n".join(resultat.fel))
        self.stdout.write(f"Importerade {forbund.namn}: {resultat.nya} nya, {resultat.uppdaterade} uppdaterade insatser.")
