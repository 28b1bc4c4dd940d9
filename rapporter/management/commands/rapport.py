"""python manage.py rapport arsredovisning|verksamhetsplan --forbund SLUG --ar YEAR --out FILE.pdf

Renders the report synchronously from the current data (a draft, or the final version if marked
final) for scripts and operations. It never touches an adopted (locked) document: that one is
downloaded from the archive, not re-rendered.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from pypdf import PdfReader

from finsam.kommando import forbund_fran_slug
from rapporter import pdf, selectors


class Command(BaseCommand):
    help = "Skapar årsredovisningen eller verksamhetsplanen som PDF (synkront) från förbundets uppgifter."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("typ", choices=["arsredovisning", "verksamhetsplan"])
        parser.add_argument("--forbund", required=True, help="Förbundets kortnamn (slug).")
        parser.add_argument("--ar", required=True, type=int, help="Verksamhetsåret.")
        parser.add_argument("--out", required=True, help="Filen som PDF:en skrivs till.")

    def handle(self, *args: Any, **opts: Any) -> None:
        forbund = forbund_fran_slug(opts["forbund"])
        ar = opts["ar"]
        if not 2000 <= ar <= 2100:
            raise CommandError("Året måste vara mellan 2000 och 2100.")
        start = time.perf_counter()
        if opts["typ"] == "arsredovisning":
            data = pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, ar))
        else:
            data = pdf.verksamhetsplan_pdf(selectors.verksamhetsplan(forbund, ar))
        sekunder = time.perf_counter() - start
        Path(opts["out"]).write_bytes(data)
        sidor = len(PdfReader(io.BytesIO(data)).pages)
        self.stdout.write(
            self.style.SUCCESS(f"{opts['out']}: {sidor} sidor, {len(data) // 1024} KiB, {sekunder:.1f} s ({sekunder / max(sidor, 1):.2f} s/sida)")
        )
