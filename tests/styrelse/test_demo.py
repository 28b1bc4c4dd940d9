"""The demo shows the real papers: the meeting of 2019-11-28 (§ 69 – § 81) and the notice of 2020-02-13."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from finsam.models import Dokument, Forbund
from styrelse.models import Anslag, Narvaro, Paragraf, Sammantrade

pytestmark = pytest.mark.django_db


def test_demo_mote_2019_och_kallelse_2020() -> None:
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
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


def test_demo_lever_idag() -> None:
    """A board in office today, this year's meetings, and today's meeting planned with its papers so it can be held."""
    from django.utils import timezone

    from styrelse.demo_idag import mandatperiod
    from styrelse.models import Mandat, Sammantrade
    from styrelse.services.regler import ledamoter_i_tjanst

    call_command("seed_demo")
    antal = Sammantrade.objects.count()
    call_command("seed_demo")  # idempotent
    assert Sammantrade.objects.count() == antal
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
    assert Sammantrade.objects.filter(forbund=f, datum__gt=idag, avslutat__isnull=True).exists()  # the one after
    tidigare = Sammantrade.objects.filter(forbund=f, datum__year=idag.year, datum__lt=idag)
    assert all(m.status == "justerat" for m in tidigare)
    if tidigare.exists():
        # The last held meeting voted a grant down and tabled an item, which is on today's agenda by itself.
        senaste = tidigare.order_by("-datum").first()
        assert senaste is not None
        assert set(senaste.paragrafer.exclude(utfall__in=["", "bifall"]).values_list("utfall", flat=True)) == {"avslag", "bordlagt"}
        assert dagens.arenden.filter(aterkommer_fran__sammantrade=senaste, rubrik="Medfinansiering av ESF-projektet Vägen vidare").exists()
    # The chair (demo user ledamot) sees today's meeting; the förbundschef can hold it.
    c = Client()
    c.force_login(get_user_model().objects.get(username="chef"))
    html = c.get(f"/styrelse/moten/{dagens.pk}/").content.decode()
    assert "Protokollför" in html and "Kallelsen skickades" in html
