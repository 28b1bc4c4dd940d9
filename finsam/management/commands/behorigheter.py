from typing import Any

from django.core.management.base import BaseCommand

from finsam.permissions import som_markdown


class Command(BaseCommand):
    help = "Skriver ut behörighetsmatrisen (markdown, som i README)."

    def handle(self, *args: Any, **opts: Any) -> None:
        self.stdout.write(som_markdown())
