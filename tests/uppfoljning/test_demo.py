"""Demo data: plausible, deterministic and idempotent; interventions that do not exist are skipped."""

from __future__ import annotations

import datetime as dt

from finsam.models import Forbund
from tests.uppfoljning import factories as f
from uppfoljning.demo import seed
from uppfoljning.models import Inskrivning
from uppfoljning.selectors import utfall


def test_demo_ar_idempotent_och_rimlig(forbund: Forbund) -> None:
    seed(forbund, "test")  # no interventions yet: nothing happens
    assert not Inskrivning.objects.exists()
    f.insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    f.insats(forbund, "MYSAM", namn="MySam", start=dt.date(2017, 3, 1), slut=dt.date(2020, 6, 30), alder_fran=30, alder_till=60)
    f.insats(forbund, "NAFS", namn="NAFS", inriktning="struktur")
    seed(forbund, "test")
    antal = Inskrivning.objects.count()
    seed(forbund, "test")
    assert Inskrivning.objects.count() == antal > 200
    assert not Inskrivning.objects.filter(insats__kortnamn="NAFS").exists()
    u = utfall(forbund, 2019)
    per = {i["kortnamn"]: i for i in u["insatser"]}
    assert per["AMT"]["deltagare"]["totalt"] > per["MYSAM"]["deltagare"]["totalt"] > 20
    assert per["AMT"]["avslutade"]["totalt"] > 0 and 0 < u["totalt"]["genomstromning"] < 1
    assert all(15 <= a <= 67 for a in Inskrivning.objects.exclude(alder=None).values_list("alder", flat=True))
    assert not Inskrivning.objects.filter(avslutad__gt=dt.date.today()).exists()
    assert Inskrivning.objects.values("deltagare_id", "insats_id").distinct().count() < antal  # returning participants exist
    # The demo obeys the enrolment rules: within the intervention's period and target group.
    for ins in Inskrivning.objects.select_related("insats"):
        ins.clean()
    assert not any(i.utanfor_malgrupp for i in Inskrivning.objects.filter(insats__kortnamn="MYSAM").select_related("insats"))
