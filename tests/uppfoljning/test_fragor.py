"""Issue 16: the participant list reads only the förbund's enrolments (filter on the joined table, a paginator count on the
participant table alone), and the outcome page runs the report statement once for both years it shows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from finsam.models import Forbund, RollTyp
from tests.uppfoljning import factories as f

D = dt.date


def _data(forbund: Forbund, annat: Forbund) -> None:
    for fb, prefix in ((forbund, "E"), (annat, "X")):
        ins = f.insats(fb, f"{prefix}INS")
        for k in range(4):
            f.inskrivning(fb, ins, f"{prefix}{k}", inskriven=D(2019, 1 + k, 1))


def test_deltagarlistans_sql_filtrerar_inskrivningar_pa_forbund(forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    _data(forbund, annat_forbund)
    c = klient(RollTyp.ADMINISTRATOR)
    ins = f.insats(forbund, "EINS")
    for fraga in ({}, {"oppna": "on"}, {"insats": ins.pk}):
        with CaptureQueriesContext(connection) as ctx:
            svar = c.get("/uppfoljning/", fraga)
        assert svar.status_code == 200
        assert [(d.kod, d.antal, d.oppna) for d in svar.context["sida"]] == [(f"E{k}", 1, 1) for k in range(4)]
        tabell = '"uppfoljning_inskrivning"'
        lasningar = [q["sql"] for q in ctx.captured_queries if tabell in q["sql"] and q["sql"].lstrip().upper().startswith("SELECT")]
        assert lasningar, fraga
        for sql in lasningar:  # every read of the national enrolment table names the förbund on that very table (or its alias)
            for alias in re.findall(r'"uppfoljning_inskrivning"(?: (U\d+))?', sql):
                assert f'{alias or tabell}."forbund_id" = ' in sql, sql
        rakning = [q["sql"] for q in ctx.captured_queries if "COUNT(*)" in q["sql"] and '"uppfoljning_deltagare"' in q["sql"]]
        assert len(rakning) == 1 and "GROUP BY" not in rakning[0]  # the paginator counts participants, not a grouped join
        if not fraga:
            assert tabell not in rakning[0]


def test_utfallssidan_kor_rapportfragan_en_gang(forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    _data(forbund, annat_forbund)
    for roll in (RollTyp.FORBUNDSCHEF, RollTyp.STYRELSELEDAMOT):
        with CaptureQueriesContext(connection) as ctx:
            svar = klient(roll).get("/uppfoljning/utfall/?ar=2019")
        assert svar.status_code == 200
        # the report statement once; the per-home-kommun table (issue 18) is its own single aggregate
        rapport = [q["sql"] for q in ctx.captured_queries if "COUNT(DISTINCT" in q["sql"] and "hemkommun_id" not in q["sql"]]
        assert len(rapport) == 1, rapport
        assert len([q for q in ctx.captured_queries if "COUNT(DISTINCT" in q["sql"] and "hemkommun_id" in q["sql"]]) == 1
        assert svar.context["jamforelse"][0]["fore"] == 0 and svar.context["totalt_post"]["deltagare"]["totalt"] in (4, "x")
