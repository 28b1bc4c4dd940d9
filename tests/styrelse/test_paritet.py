"""One door: the same bad input through the page and the API is refused with the same Swedish message; nothing saved.

The page shows the refusal next to the form that was submitted (status 400) and keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from styrelse.models import Expediering, Justering, Kallelseutskick, Paragraf, Rost, Sammantrade, Uppdrag, Yrkande
from styrelse.services import sammantrade_planera

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


def _texter(data: Any) -> list[str]:
    """Every string in an API error body, whatever its shape."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [t for v in data.values() for t in _texter(v)]
    if isinstance(data, list):
        return [t for v in data for t in _texter(v)]
    return []


def _samma(sida: Any, api: Any, meddelande: str) -> None:
    assert sida.status_code == 400, sida.status_code
    assert meddelande in html.unescape(sida.content.decode())
    assert api.status_code == 400, api.content
    assert any(meddelande in t for t in _texter(api.json())), api.json()


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    data = styrelse(forbund)
    mote = SammantradeFactory(forbund=forbund, datum=timezone.localdate())
    for m in data["ledamot"].values():
        narvaro(mote, m)
    data["ersattare_narvarande"] = narvaro(mote, data["ersattare"]["fk"], kategori="ersattare")
    data["mote"] = mote
    data["arende"] = ArendeFactory(sammantrade=mote, rubrik="Projektansökan SIKT 2.0", forslag="bevilja medfinansiering")
    return data


def test_beslut_yrkande_utan_rostratt(s: dict[str, Any], chef_klient: Client) -> None:
    mote, a, e = s["mote"], s["arende"], s["ersattare_narvarande"].person_id
    meddelande = "Bara den som har rösträtt vid paragrafen kan framställa yrkanden."
    sida = chef_klient.post(
        f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/beslut/",
        {
            "rubrik": a.rubrik,
            "text": "Projektet söker 50 000 kr per år.",
            "beslut": "att bevilja medfinansiering",
            "motforslag": "avslag",
            "yrkande_1_person": str(e),
            "yrkande_1_typ": "avslag",
            "yrkande_1_text": "för dyrt",
        },
    )
    api = chef_klient.post(
        f"/api/styrelse/sammantraden/{mote.pk}/beslut/",
        {
            "arende": a.pk,
            "text": "Projektet söker 50 000 kr per år.",
            "beslut": "att bevilja medfinansiering",
            "yrkanden": [{"person": e, "typ": "avslag", "text": "för dyrt"}],
        },
        content_type="application/json",
    )
    # The page form only offers those with the right to vote: the same refusal comes from the form's choices.
    sida_html = html.unescape(sida.content.decode())
    assert sida.status_code == 400 and "Projektet söker 50 000 kr per år." in sida_html  # what was typed is kept
    assert api.status_code == 400 and meddelande in " ".join(_texter(api.json()))
    assert not Paragraf.objects.exists() and not Yrkande.objects.exists() and not Rost.objects.exists()


def test_beslut_ofullstandig_votering(s: dict[str, Any], chef_klient: Client) -> None:
    mote, a = s["mote"], s["arende"]
    ids = [m.person.pk for m in s["ledamot"].values()]
    meddelande = "Röst saknas för Ledamot fk, Ledamot norsjo. Ange ja, nej, avstår eller jäv för varje röstberättigad."
    sida = chef_klient.post(
        f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/beslut/",
        {
            "rubrik": a.rubrik,
            "text": "Text som skrevs",
            "beslut": "att bevilja medfinansiering",
            "motforslag": "avslag",
            f"rost_{ids[0]}": "ja",
            f"rost_{ids[1]}": "ja",
            f"rost_{ids[2]}": "nej",
        },
    )
    api = chef_klient.post(
        f"/api/styrelse/sammantraden/{mote.pk}/beslut/",
        {
            "arende": a.pk,
            "text": "Text som skrevs",
            "beslut": "att bevilja medfinansiering",
            "roster": [{"person": ids[0], "val": "ja"}, {"person": ids[1], "val": "ja"}, {"person": ids[2], "val": "nej"}],
        },
        content_type="application/json",
    )
    _samma(sida, api, meddelande)
    sida_html = html.unescape(sida.content.decode())
    assert "Text som skrevs" in sida_html and '<option value="nej" selected>' in sida_html
    assert not Paragraf.objects.exists() and not Rost.objects.exists()


def test_uppdrag_for_hand(s: dict[str, Any], chef: Any, chef_klient: Client, forbund: Any) -> None:
    from styrelse.services import beslut_fatta

    p = beslut_fatta(sammantrade=s["mote"], arende=s["arende"], aktor=chef, text="", beslut="att bevilja medfinansiering")
    tidigare = SammantradeFactory(forbund=forbund, datum=s["mote"].datum - dt.timedelta(days=30))
    meddelande = "Återrapporteringen ska ske vid ett senare sammanträde än beslutet."
    sida = chef_klient.post("/styrelse/uppdrag/", {"paragraf": p.pk, "text": "följa upp projektet", "aterrapport": tidigare.pk})
    api = chef_klient.post(
        "/api/styrelse/uppdrag/", {"paragraf": p.pk, "text": "följa upp projektet", "aterrapport": tidigare.pk}, content_type="application/json"
    )
    _samma(sida, api, meddelande)
    assert "följa upp projektet" in sida.content.decode()
    assert not Uppdrag.objects.exists()
    # Accepted: due at a later meeting, which gets the report-back item on its agenda.
    senare = sammantrade_planera(forbund=forbund, aktor=chef, datum=s["mote"].datum + dt.timedelta(days=40))
    svar = chef_klient.post("/styrelse/uppdrag/", {"paragraf": p.pk, "text": "följa upp projektet", "aterrapport": senare.pk})
    assert svar.status_code == 302
    u = Uppdrag.objects.get()
    assert (u.text, u.aterrapport_id, u.status) == ("följa upp projektet", senare.pk, "oppet")
    assert senare.arenden.filter(typ="uppdrag", text__contains="följa upp projektet").exists()
    r = chef_klient.post("/api/styrelse/uppdrag/", {"paragraf": p.pk, "text": "rapportera utfallet"}, content_type="application/json")
    assert r.status_code == 201 and Uppdrag.objects.count() == 2


def test_expediering(s: dict[str, Any], chef: Any, chef_klient: Client) -> None:
    from styrelse.services import beslut_fatta, omedelbar_justering

    p = beslut_fatta(sammantrade=s["mote"], arende=s["arende"], aktor=chef, text="", beslut="att bevilja medfinansiering")
    meddelande = f"§ {p.nummer} är inte justerad. Ett protokollsutdrag expedieras först när paragrafen är justerad."
    sida = chef_klient.post(f"/styrelse/paragrafer/{p.pk}/expediera/", {"adresser": "registrator@skelleftea.se"})
    api = chef_klient.post(f"/api/styrelse/beslut/{p.pk}/expediera/", {"mottagare": ["registrator@skelleftea.se"]}, content_type="application/json")
    _samma(sida, api, meddelande)
    assert "registrator@skelleftea.se" in sida.content.decode()
    assert not Expediering.objects.exists() and not mail.outbox
    omedelbar_justering(paragraf=p, aktor=chef)
    ledamot = s["ledamot"]["fk"].person
    svar = chef_klient.post(
        f"/styrelse/paragrafer/{p.pk}/expediera/",
        {"personer": [ledamot.pk], "adresser": "registrator@skelleftea.se\nregistrator@norsjo.se", "meddelande": "För kännedom."},
    )
    assert svar.status_code == 302
    rader = list(Expediering.objects.order_by("id").values_list("mottagare", "epost"))
    assert rader == [
        ("Ledamot fk", "ledamot.fk@example.se"),
        ("registrator@skelleftea.se", "registrator@skelleftea.se"),
        ("registrator@norsjo.se", "registrator@norsjo.se"),
    ]
    assert all(e.skickad is not None and e.fel == "" for e in Expediering.objects.all())
    assert sorted(m.to[0] for m in mail.outbox) == ["ledamot.fk@example.se", "registrator@norsjo.se", "registrator@skelleftea.se"]
    m = mail.outbox[0]
    assert m.subject == f"Protokollsutdrag § {p.nummer}/{p.ar} Projektansökan SIKT 2.0 – {p.forbund.namn}" and "För kännedom." in m.body
    assert m.attachments[0][0] == f"protokollsutdrag-{p.ar}-{p.nummer}.pdf" and m.attachments[0][1].startswith(b"%PDF")
    sida = chef_klient.get(f"/styrelse/paragrafer/{p.pk}/expediera/").content.decode()
    assert sida.count("registrator@norsjo.se") >= 2  # listed as sent


def test_justering_innan_motet_avslutats(s: dict[str, Any], chef_klient: Client) -> None:
    mote = s["mote"]
    person = s["ledamot"]["skelleftea"].person
    meddelande = "Mötet måste avslutas innan protokollet justeras."
    sida = chef_klient.post(f"/styrelse/moten/{mote.pk}/justering/", {"person": person.pk, "roll": "ordforande", "plats": "Stadshuset"})
    api = chef_klient.post(
        f"/api/styrelse/sammantraden/{mote.pk}/justering/",
        {"person": person.pk, "roll": "ordforande", "plats": "Stadshuset"},
        content_type="application/json",
    )
    _samma(sida, api, meddelande)
    assert not Justering.objects.exists()


def test_kallelse_utan_ledamoter(forbund: Any, chef: Any, chef_klient: Client) -> None:
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=timezone.localdate() + dt.timedelta(days=14))
    meddelande = f"Kallelsen skickades inte: styrelsen har inga ledamöter i tjänst {mote.datum:%Y-%m-%d}."
    sida = chef_klient.post(f"/styrelse/moten/{mote.pk}/kallelse/skicka/")
    api = chef_klient.post(f"/api/styrelse/sammantraden/{mote.pk}/kallelse/", content_type="application/json")
    _samma(sida, api, meddelande)
    assert not Kallelseutskick.objects.exists() and Sammantrade.objects.get(pk=mote.pk).kallelse_skickad is None


def test_narvaro_nekas_bredvid_formularet_med_varden_kvar(s: dict[str, Any], chef_klient: Client) -> None:
    mote = s["mote"]
    svar = chef_klient.post(
        f"/styrelse/moten/{mote.pk}/narvaro/",
        {
            "person": s["ersattare"]["af"].person.pk,
            "kategori": "tjanstgorande",
            "ersatter": str(s["ledamot"]["region"].pk),
            "funktion": "Skrivet av användaren",
        },
    )
    text = html.unescape(svar.content.decode())
    assert svar.status_code == 400
    assert "Ersättare af är ersättare för" in text and "kan inte tjänstgöra för Ledamot region" in text
    # The message sits inside the attendance form's section, which is open, and the typed value is kept.
    assert text.index('id="ny-narvaro" open') < text.index("kan inte tjänstgöra för") < text.index('id="justering"')
    assert 'value="Skrivet av användaren"' in text
    assert f'action="/styrelse/moten/{mote.pk}/narvaro/#ny-narvaro"' in text
