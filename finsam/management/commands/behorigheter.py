from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from finsam.permissions import som_markdown

START, SLUT = "<!-- behorigheter:start -->", "<!-- behorigheter:end -->"


class Command(BaseCommand):
    help = "Skriver ut behörighetsmatrisen (markdown); med --readme uppdateras tabellen i README.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--readme", action="store_true", help="Skriv in tabellen i README.md mellan markörerna.")

    def handle(self, *args: Any, **opts: Any) -> None:
        tabell = som_markdown()
        if not opts["readme"]:
            self.stdout.write(tabell)
            return
        readme = Path(settings.BASE_DIR) / "README.md"
        text = readme.read_text()
        ny = re.sub(re.escape(START) + r".*?" + re.escape(SLUT), f"{START}\n{tabell}\n{SLUT}", text, flags=re.DOTALL)
        readme.write_text(ny)
        self.stdout.write("README.md uppdaterad.")
