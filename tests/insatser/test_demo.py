"""The demo data: the seeds' interventions, MISAM's staffing and grant, SIKT 2.0 under preparation; idempotent."""

from __future__ import annotations

from decimal import Decimal

from finsam import demo as finsam_demo
from finsam.models import Handelse
from insatser import demo
from insatser.models import Ansokan, Beviljande, Insats, Malnod
from insatser.selectors import beviljat_per_ar


def test_demo(db) -> None:
    forbund, _ = finsam_demo.seed()
    demo.seed(forbund)
    kortnamn = set(Insats.objects.filter(forbund=forbund).values_list("kortnamn", flat=True))
    assert {"AMT", "MySam", "NAFS", "Framsteg", "ProAktiv", "Nästa steg", "Vägen Vidare", "Påfart", "PHA", "MISAM"} == kortnamn
    misam = Insats.objects.get(forbund=forbund, kortnamn="MISAM")
    assert misam.parter.count() == 5 and misam.mal.count() == 3
    assert sum(b.arsarbetare for b in misam.bemanning.filter(betalas_av="forbundet")) == Decimal("4.66")  # 1,0 + 0,56 + 0,2 + 2,0 + 0,7 + 0,2 (004c)
    # The meeting of 2020-02-13 is only called (the notice is the seed): SIKT 2.0 waits under preparation, with no grant,
    # because a grant needs a § of a held meeting.
    sikt = Ansokan.objects.get(forbund=forbund, titel="SIKT 2.0")
    assert (sikt.status, sikt.beslut, sikt.paragraf) == ("under_beredning", "", None)
    assert beviljat_per_ar(forbund, 2021) == {}
    grant = Beviljande.objects.get(insats=misam)
    assert (grant.ar, grant.belopp, grant.paragraf.ar, grant.paragraf.nummer) == (2020, Decimal(3_550_000), 2019, 75)
    assert all(b.paragraf.sammantrade.status in ("genomfort", "justerat") for b in Beviljande.objects.select_related("paragraf__sammantrade"))
    # The 2023 goal table (seed 000): vision, three goals, five delmål of which three are measured.
    assert list(Malnod.objects.values_list("niva", flat=True).order_by("niva")) == ["delmal"] * 5 + ["overgripande"] * 3 + ["vision"]
    assert sorted(Malnod.objects.exclude(matt="").values_list("matt", "malvarde")) == [
        ("arbete_studier", Decimal(70)),
        ("genomstromning", Decimal(35)),
        ("indikator", Decimal(10)),
    ]
    antal = (Insats.objects.count(), Beviljande.objects.count(), Handelse.objects.count())
    demo.seed(forbund)
    assert (Insats.objects.count(), Beviljande.objects.count(), Handelse.objects.count()) == antal


def test_demo_sikt_beslutas_nar_motet_har_hallits(db) -> None:
    from styrelse.models import Sammantrade

    forbund, _ = finsam_demo.seed()
    demo.seed(forbund)
    Sammantrade.objects.update_or_create(forbund=forbund, datum="2020-02-13", defaults={"status": Sammantrade.Status.JUSTERAT})
    demo.seed(forbund)
    sikt = Ansokan.objects.get(forbund=forbund, titel="SIKT 2.0")
    assert (sikt.status, sikt.beslut, sikt.paragraf.nummer, sikt.paragraf.ar) == ("beslutad", "beviljad", 9, 2020)
    assert beviljat_per_ar(forbund, 2021) == {sikt.insats_id: Decimal(50_000)}
