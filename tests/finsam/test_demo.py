"""The demo (`seed_demo`) as a whole: loaded once for this module, twice to prove it is idempotent, then read by
each app's checks against the seeds (the 2019-11-28 minutes, the 2020-02-13 notice, a board in office today,
the statutes and auditors, the agreements, the årsredovisning 2019).

Loading the demo renders and signs its documents (about 30 s): the module loads it once, committed, and each
test runs in a transaction that is rolled back, so a test that changes something leaves the demo as it was.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from finsam.models import Dokument, Forbund, Handelse, Medlem, Roll
from forvaltning.models import AnsvarsfrihetPaminnelse, Avtal, AvtalDokument, Forbundsordning, Revisor, Utnamning
from rapporter import kallor
from rapporter.underlag.rendera import komplett
from rapporter.underlag.verksamhetsplan import verksamhetsplan
from styrelse.demo_idag import mandatperiod
from styrelse.models import Anslag, Mandat, Narvaro, Paragraf, Sammantrade
from styrelse.services.regler import ledamoter_i_tjanst

pytestmark = pytest.mark.django_db

SN = {"forbund__slug": "skelleftea-norsjo"}


def _antal() -> dict[str, int]:
    return {
        "forbund": Forbund.objects.count(),
        "medlemmar": Medlem.objects.count(),
        "roller": Roll.objects.count(),
        "anvandare": get_user_model().objects.count(),
        "handelser": Handelse.objects.count(),
        "sammantraden": Sammantrade.objects.count(),
        "dokument": Dokument.objects.count(),
        "avtal": Avtal.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, dict[str, int]]]:
    # As production configures it: SMTP, here to a port where nothing listens. The demo must not try to send
    # (it sends a discharge reminder): seed_demo with production settings failed with ConnectionRefusedError.
    smtp = override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=9)
    with django_db_blocker.unblock():
        with smtp:
            call_command("seed_demo", stdout=io.StringIO())
            forsta = _antal()
            call_command("seed_demo", stdout=io.StringIO())
            andra = _antal()
        try:
            yield {"forsta": forsta, "andra": andra}
        finally:
            call_command("flush", interactive=False, verbosity=0)


def test_seed_demo_ar_idempotent(demo: dict[str, dict[str, int]]) -> None:
    assert demo["andra"] == demo["forsta"]
    f = Forbund.objects.get(slug="skelleftea-norsjo")
    roller = dict(Roll.objects.filter(forbund=f).values_list("user__username", "roll"))
    assert roller == {"chef": "forbundschef", "administrator": "administrator", "ledamot": "styrelseledamot", "revisor": "revisor"}
    assert Client().post("/logga-in/", {"username": "chef", "password": "finsam-demo"}).status_code == 302


def test_demo_mote_2019_och_kallelse_2020(demo: Any) -> None:
    f = Forbund.objects.get(slug="skelleftea-norsjo")
    mote = Sammantrade.objects.get(forbund=f, datum=dt.date(2019, 11, 28))
    nummer = list(Paragraf.objects.filter(sammantrade=mote).order_by("nummer").values_list("nummer", flat=True))
    assert nummer == list(range(69, 82))
    assert Paragraf.objects.get(forbund=f, ar=2019, nummer=70).beslut == "utse Mattias Lindh att justera protokollet"
    kenneth = Narvaro.objects.get(sammantrade=mote, person__namn="Kenneth Andersson")
    assert (kenneth.fran_nummer, kenneth.till_nummer) == (75, 81)
    assert Narvaro.objects.get(sammantrade=mote, person__namn="Mattias Lindh").ersatter.person.namn == "Anders Eriksson"  # type: ignore[union-attr]
    assert mote.status == "justerat" and mote.justerat is not None and mote.justerat.date() == dt.date(2019, 12, 19)
    a = Anslag.objects.get(sammantrade=mote)
    assert (a.uppsatt, a.nedtas) == (dt.date(2019, 12, 20), dt.date(2020, 1, 13))
    assert Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}").last
    feb = Sammantrade.objects.get(forbund=f, datum=dt.date(2020, 2, 13))
    rubriker = list(feb.arenden.order_by("ordning").values_list("rubrik", flat=True))
    assert rubriker[0] == "Mötets öppnande" and "Projektansökan SIKT 2.0" in rubriker and "Återrapportering av uppdrag" in rubriker
    assert feb.datumbeslut is not None and feb.datumbeslut.nummer == 78
    assert Dokument.objects.get(nyckel=f"styrelse:kallelse:{feb.pk}").status == "klar"
    c = Client()
    c.force_login(get_user_model().objects.get(username="chef"))
    html = c.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    assert "§ 69" in html and "§ 81" in html and "Kenneth Andersson" in html


def test_demo_lever_idag(demo: Any) -> None:
    """A board in office today, this year's meetings, and today's meeting planned with its papers so it can be held."""
    f = Forbund.objects.get(slug="skelleftea-norsjo")
    idag = timezone.localdate()
    fran, till = mandatperiod(idag)
    assert fran <= idag <= till and (till - fran).days > 3 * 365
    assert ledamoter_i_tjanst(f, idag) == 5
    assert Mandat.objects.filter(forbund=f, fran=fran, till=till, typ="ersattare").count() == 5
    dagens = Sammantrade.objects.get(forbund=f, datum=idag)
    assert dagens.status == "kallat" and dagens.avslutat is None and not dagens.paragrafer.exists()
    rubriker = list(dagens.arenden.order_by("ordning").values_list("rubrik", flat=True))
    budget = f"Verksamhetsplan och budget {idag.year + 1}, plan {idag.year + 2}–{idag.year + 3}"
    assert rubriker[:2] == ["Mötets öppnande", "Val av justerare"] and budget in rubriker
    assert dagens.bilagor.count() == 1 and Dokument.objects.filter(nyckel=f"styrelse:kallelse:{dagens.pk}").exists()
    nasta = Sammantrade.objects.filter(forbund=f, datum__gt=idag, avslutat__isnull=True).order_by("datum").first()  # the one after
    assert nasta is not None
    # Its notice can be sent: a board in office on its date too (re-elected for the next term when it falls after this one).
    assert ledamoter_i_tjanst(f, nasta.datum) == 5
    tidigare = Sammantrade.objects.filter(forbund=f, datum__year=idag.year, datum__lt=idag)
    assert all(m.status == "justerat" for m in tidigare)
    if tidigare.exists():
        # The last held meeting voted a grant down and tabled an item, which is on today's agenda by itself.
        senaste = tidigare.order_by("-datum").first()
        assert senaste is not None
        assert set(senaste.paragrafer.exclude(utfall__in=["", "bifall"]).values_list("utfall", flat=True)) == {"avslag", "bordlagt"}
        assert dagens.arenden.filter(aterkommer_fran__sammantrade=senaste, rubrik="Medfinansiering av ESF-projektet Vägen vidare").exists()
    # The förbundschef can hold today's meeting.
    c = Client()
    c.force_login(get_user_model().objects.get(username="chef"))
    html = c.get(f"/styrelse/moten/{dagens.pk}/").content.decode()
    assert "Protokollför" in html and "Kallelsen skickades" in html


def test_ingen_paragraf_i_ett_mote_som_inte_har_hallits(demo: Any) -> None:
    """The demo's stray § 9/2020 sat in the unheld meeting of 2020-02-13; now that meeting is held (§ 1 – § 15)."""
    held = list(Sammantrade.objects.filter(paragrafer__isnull=False).distinct().values_list("datum", "avslutat"))
    assert len(held) >= 3 and all(avslutat is not None for _, avslutat in held), held
    # The 2019 budget (ekonomi demo) is adopted by § 85 of the held meeting of 2018-11-29.
    p85 = Paragraf.objects.get(**SN, ar=2018, nummer=85)
    assert (p85.rubrik, p85.sammantrade.datum, p85.utfall) == ("Verksamhetsplan och budget 2019, plan 2020–2021", dt.date(2018, 11, 29), "bifall")
    p9 = Paragraf.objects.get(**SN, ar=2020, nummer=9)
    assert (p9.rubrik, p9.sammantrade.datum, p9.utfall) == ("Projektansökan SIKT 2.0", dt.date(2020, 2, 13), "bifall")
    assert p9.arende.sammantrade_id == p9.sammantrade_id


def test_demo_fyller_registren(demo: Any) -> None:
    """The seeds' statutes revision, the auditors' rule and the 2018 discharge decisions (issue 17)."""
    versioner = list(Forbundsordning.objects.filter(**SN).order_by("version"))
    assert [v.version for v in versioner] == [1, 2]
    assert "Landstingets-Regionens" in versioner[0].text and "Landstingets" not in versioner[1].text
    assert versioner[1].forslag_paragraf is not None and versioner[1].forslag_paragraf.sammantrade.datum.isoformat() == "2020-02-13"
    assert versioner[0].beslut.count() == 5 and versioner[1].beslut.count() == 0
    revisorer = {r.utsedd_av.kod: sorted(r.granskar.values_list("kod", flat=True)) for r in Revisor.objects.filter(**SN)}
    assert revisorer == {"fk": ["af", "fk"], "region": ["norsjo", "region", "skelleftea"]}
    assert Revisionsberattelse.objects.filter(**SN, ar=2018).count() == 2
    beslut = {a.medlem.kod: a for a in Ansvarsfrihet.objects.filter(**SN, ar=2018).select_related("medlem")}
    assert set(beslut) == {"fk", "skelleftea"} and all(a.beviljad for a in beslut.values())
    assert beslut["skelleftea"].referens == "§ 254, dnr KS 2019-000363 106 (KS 2019-08-20 § 292)"
    paminnelser = [(p.medlem.kod, p.ar, p.mottagare) for p in AnsvarsfrihetPaminnelse.objects.filter(**SN).select_related("medlem")]
    assert paminnelser == [("region", 2018, "region@regionvasterbotten.example")]
    dokument = [(d.avtal.typ, d.titel) for d in AvtalDokument.objects.filter(**SN).select_related("avtal")]
    assert dokument == [("tjanstekop", "Undertecknat avtal 2019-12-18")]  # the seed's signed service purchase, as a PDF
    assert AvtalDokument.objects.get(**SN).fil.read().startswith(b"%PDF")
    assert Utnamning.objects.filter(**SN).count() == Mandat.objects.filter(**SN).count() > 0


def test_demo_har_seedens_tre_avtal(demo: Any) -> None:
    avtal = {a.typ: a for a in Avtal.objects.filter(**SN)}
    assert len(avtal) == 3
    tjanstekop = avtal[Avtal.Typ.TJANSTEKOP]
    assert (tjanstekop.belopp, tjanstekop.enhet, tjanstekop.uppsagningstid_manader) == (Decimal("10650.00"), "per_manad", 3)
    assert list(tjanstekop.medlemmar.values_list("kod", flat=True)) == ["skelleftea"]
    konsult = avtal[Avtal.Typ.KONSULT]
    assert (konsult.belopp, konsult.forlangning_manader, konsult.max_forlangningar) == (Decimal("890.00"), 12, 2)
    assert avtal[Avtal.Typ.OVERENSKOMMELSE].uppsagningstid_manader == 2


def test_demons_arsredovisning_2019_stammer(demo: Any) -> None:
    forbund = Forbund.objects.get(slug="skelleftea-norsjo")
    d = komplett(forbund, 2019)
    assert d["saknade_avsnitt"] == []
    assert d["avstamning_ok"] is True, [k for k in d["avstamning"] if not k["ok"]]
    drift = {r["kortnamn"]: (r["beviljat"], r["budget"]) for r in d["driftsredovisning_insatser"]}
    assert drift == {
        "AMT": (Decimal(1900000), Decimal(1900000)),
        "MySam": (Decimal(1000000), Decimal(1000000)),
        "NAFS": (Decimal(1400000), Decimal(1400000)),
    }
    fg = d["rakenskaper"]["foregaende"]["balansrakning"]
    assert fg["summa_tillgangar"] == fg["summa_eget_kapital_och_skulder"] == Decimal("1770000")
    assert fg["eget_kapital_vid_arets_slut"] == d["rakenskaper"]["balansrakning"]["eget_kapital_vid_arets_borjan"] == Decimal("1590000")
    assert d["redovisningsprinciper"]["metod"] == "bokforingsmassiga_grunder"


def test_ornskoldsviks_plan_2020_har_seedens_budget(demo: Any) -> None:
    """Seed 002, table 8 (tkr): income 5 034 / 5 036 / 5 036, administration 1 031 / 1 041 / 1 051, in balance."""
    ovik = Forbund.objects.get(slug="ornskoldsvik")
    data = verksamhetsplan(ovik, 2020)
    assert [s["slag"] for s in data["sektioner"]].count("budget") == 1
    tabell = kallor.budget_tabell(ovik, 2020)
    assert [int(v) for v in tabell["summa_intakter"]] == [5_034_000, 5_036_000, 5_036_000]
    assert [int(v) for v in tabell["resultat"]] == [0, 0, 0]
    text = " ".join(r["text"] for r in data["budget"]["tabell"]["rader"])
    assert "Plattform U" in text and "Samtalsbyrå för unga" in text and "Nya ej beslutade aktiviteter" in text


@pytest.mark.parametrize("ar", [2022, 2023])
def test_skelleftea_norsjos_planer_2022_och_2023_har_en_budget_i_balans(demo: Any, ar: int) -> None:
    """Seeds 001 and 000: the allocation is 5 776 tkr; the plan's budget section shows a three-year budget, not "Uppgift saknas"."""
    sn = Forbund.objects.get(slug="skelleftea-norsjo")
    tabell = kallor.budget_tabell(sn, ar)
    assert not tabell.get("saknas")
    assert [int(v) for v in tabell["summa_intakter"]] == [5_776_000] * 3
    assert [int(v) for v in tabell["resultat"]] == [0, 0, 0]
    data = verksamhetsplan(sn, ar)
    assert "MISAM" in " ".join(r["text"] for r in data["budget"]["tabell"]["rader"])
