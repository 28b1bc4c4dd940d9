"""Print the outcome report of a förbund and a year: `manage.py utfall --forbund SLUG --ar YEAR [--json]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from finsam.kommando import forbund_fran_slug
from uppfoljning.selectors import utfall


class Command(BaseCommand):
    help = "Skriver ut utfallet (deltagare, nya, avslutade per kön) för ett förbund och ett år."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--forbund", required=True, help="förbundets kortnamn (slug)")
        parser.add_argument("--ar", required=True, type=int, help="år, t.ex. 2019")
        parser.add_argument("--json", action="store_true", help="skriv exakt JSON-strukturen från uppfoljning.selectors.utfall")

    def handle(self, *args: Any, **options: Any) -> None:
        forbund = forbund_fran_slug(options["forbund"])
        data = utfall(forbund, options["ar"])
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        self.stdout.write(f"Utfall {data['ar']} – {forbund.namn}")
        rubrik = f"{'Insats':<24}{'Deltagare':>10}{'K':>5}{'M':>5}{'A':>5}{'Nya':>6}{'Avslutade':>10}{'Genomstr.':>10}{'Median dgr':>11}"
        self.stdout.write(rubrik)
        for post in [*data["insatser"], {"kortnamn": "Totalt", **data["totalt"]}]:
            d = post["deltagare"]
            median = "–" if post["median_dagar"] is None else str(post["median_dagar"])
            self.stdout.write(
                f"{post['kortnamn'][:23]:<24}{d['totalt']:>10}{d['kvinna']:>5}{d['man']:>5}{d['annat']:>5}{post['nya']['totalt']:>6}"
                f"{post['avslutade']['totalt']:>10}{post['genomstromning'] * 100:>9.1f}%{median:>11}"
            )
