"""The demo shows the seeds' statutes revision, the auditors' rule and the 2018 discharge decisions (issue 17)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from forvaltning.models import AnsvarsfrihetPaminnelse, AvtalDokument, Forbundsordning, Revisor, Utnamning
from styrelse.models import Mandat

pytestmark = pytest.mark.django_db


def test_demo_fyller_registren_och_ar_idempotent() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    sn = {"forbund__slug": "skelleftea-norsjo"}
    versioner = list(Forbundsordning.objects.filter(**sn).order_by("version"))
    assert [v.version for v in versioner] == [1, 2]
    assert "Landstingets-Regionens" in versioner[0].text and "Landstingets" not in versioner[1].text
    assert versioner[1].forslag_paragraf is not None and versioner[1].forslag_paragraf.sammantrade.datum.isoformat() == "2020-02-13"
    assert versioner[0].beslut.count() == 5 and versioner[1].beslut.count() == 0
    revisorer = {r.utsedd_av.kod: sorted(r.granskar.values_list("kod", flat=True)) for r in Revisor.objects.filter(**sn)}
    assert revisorer == {"fk": ["af", "fk"], "region": ["norsjo", "region", "skelleftea"]}
    assert Revisionsberattelse.objects.filter(**sn, ar=2018).count() == 2
    beslut = {a.medlem.kod: a for a in Ansvarsfrihet.objects.filter(**sn, ar=2018).select_related("medlem")}
    assert set(beslut) == {"fk", "skelleftea"} and all(a.beviljad for a in beslut.values())
    assert beslut["skelleftea"].referens == "§ 254, dnr KS 2019-000363 106 (KS 2019-08-20 § 292)"
    paminnelser = [(p.medlem.kod, p.ar, p.mottagare) for p in AnsvarsfrihetPaminnelse.objects.filter(**sn).select_related("medlem")]
    assert paminnelser == [("region", 2018, "region@regionvasterbotten.example")]
    dokument = [(d.avtal.typ, d.titel) for d in AvtalDokument.objects.filter(**sn).select_related("avtal")]
    assert dokument == [("tjanstekop", "Undertecknat avtal 2019-12-18")]  # the seed's signed service purchase, as a PDF
    assert AvtalDokument.objects.get(**sn).fil.read().startswith(b"%PDF")
    assert Utnamning.objects.filter(**sn).count() == Mandat.objects.filter(**sn).count() > 0
