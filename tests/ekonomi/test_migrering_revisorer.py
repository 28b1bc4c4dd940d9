"""The free-text auditors of ekonomi become people with registered appointments (issue 17, ekonomi 0004)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from finsam.services import forbund_create

FORE = [("ekonomi", "0003_medlemsbidrag_avrundning")]
EFTER = [("ekonomi", "0004_revisorer_ansvarsfrihet")]


@pytest.mark.django_db(transaction=True)
def test_fritext_revisorer_blir_uppdrag_och_beviljad_blir_beslut() -> None:
    forbund = forbund_create(slug="sn", namn="Samordningsförbundet SN", region="Region Västerbotten", kommuner=["Skellefteå", "Norsjö"])
    executor = MigrationExecutor(connection)
    executor.migrate(FORE)
    gamla = executor.loader.project_state(FORE).apps
    Rb = gamla.get_model("ekonomi", "Revisionsberattelse")
    Af = gamla.get_model("ekonomi", "Ansvarsfrihet")
    Medlem = gamla.get_model("finsam", "Medlem")
    for ar in (2018, 2019):
        Rb.objects.create(
            forbund_id=forbund.pk,
            ar=ar,
            revisor_namn="Lars Nyström",
            avser="Försäkringskassan för FK och AF",
            datum=dt.date(ar + 1, 3, 20),
            text="Ok",
        )
    Rb.objects.create(
        forbund_id=forbund.pk, ar=2019, revisor_namn="Eva Granlund", avser="Regionfullmäktige för kommunerna", datum=dt.date(2020, 3, 25), text="Ok"
    )
    fk = Medlem.objects.get(forbund_id=forbund.pk, kod="fk")
    Af.objects.create(forbund_id=forbund.pk, ar=2019, medlem=fk, beviljad=False, beslutsdatum=dt.date(2020, 6, 1), beslutsorgan="FK")

    executor = MigrationExecutor(connection)
    executor.migrate(EFTER)
    nya = executor.loader.project_state(EFTER).apps
    Revisor = nya.get_model("forvaltning", "Revisor")
    lars = Revisor.objects.get(person__namn="Lars Nyström")
    assert (lars.utsedd_av.kod, lars.ar_fran, lars.ar_till) == ("fk", 2018, 2019)
    assert sorted(lars.granskar.values_list("kod", flat=True)) == ["af", "fk"]
    eva = Revisor.objects.get(person__namn="Eva Granlund")
    assert eva.utsedd_av.kod == "region" and sorted(eva.granskar.values_list("kod", flat=True)) == ["norsjo", "region", "skelleftea"]
    assert nya.get_model("ekonomi", "Revisionsberattelse").objects.filter(revisor_uppdrag=lars).count() == 2
    assert nya.get_model("ekonomi", "Ansvarsfrihet").objects.get().beslut == "avstyrkt"
