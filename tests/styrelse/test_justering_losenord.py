"""One's own justering always needs re-authentication (page, API, service), failures count towards the login lockout."""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client

from finsam.models import Handelse
from styrelse.models import Justering, Paragraf, Signatur
from styrelse.services import paragraf_andra

from .factories import styrelse
from .ledamot_hjalp import LOSENORD, genomfort_mote, koppla

pytestmark = pytest.mark.django_db

SAKNAS = "Ange ditt lösenord för att bekräfta justeringen."


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def _klient(user: Any, adress: str = "10.4.4.4") -> Client:
    c = Client(REMOTE_ADDR=adress)
    c.force_login(user)
    return c


def test_egen_justering_utan_losenord_nekas_lika_i_alla_dorrar(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    """Parity: the meeting page's form, the Mina möten page and both API endpoints refuse one's own justering without the password."""
    mote = genomfort_mote(forbund, chef, s)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    person = s["ledamot"]["skelleftea"].person
    c = _klient(ordf)
    gammal = c.post(f"/styrelse/moten/{mote.pk}/justering/", {"person": person.pk, "roll": "ordforande", "plats": "Stadshuset"})
    sida = c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": ""})
    api = c.post(f"/api/styrelse/sammantraden/{mote.pk}/justering/", {"person": person.pk, "roll": "ordforande"}, content_type="application/json")
    api2 = c.post(
        "/api/styrelse/justering-signerad/", {"sammantrade": mote.pk, "roll": "ordforande", "losenord": ""}, content_type="application/json"
    )
    assert gammal.status_code == 400 and SAKNAS in gammal.content.decode()
    assert sida.status_code == 400 and SAKNAS in sida.content.decode()
    assert api.status_code == 400 and api.json() == {"fel": [{"falt": "losenord", "meddelande": SAKNAS, "kod": "required"}]}
    assert api2.status_code == 400 and api2.json() == api.json()
    assert not Justering.objects.exists() and not Signatur.objects.exists()
    assert not Handelse.objects.filter(handling="justering_autentisering_nekad").exists()  # nothing was tried
    # With the password in the body the API confirms it, recorded as a re-authenticated justering.
    ok = c.post(
        f"/api/styrelse/sammantraden/{mote.pk}/justering/",
        {"person": person.pk, "roll": "ordforande", "plats": "Digitalt i Finsam", "losenord": LOSENORD},
        content_type="application/json",
    )
    assert ok.status_code == 200, ok.content
    j = Justering.objects.get()
    assert (j.roll, j.for_annan, j.plats) == ("ordforande", False, "Digitalt i Finsam")
    sig = Signatur.objects.get()
    assert (sig.metod, sig.user_id, sig.bevis) == ("losenord", ordf.pk, {"anvandarnamn": "ordf", "ip": "10.4.4.4"})


def test_motessidan_lankar_egen_justering_till_losenordssidan(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    mote = genomfort_mote(forbund, chef, s)
    koppla(anvandare, s["chef"], "sekr", roll="forbundschef")
    c = _klient(s["chef"].user)
    html = c.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    assert "Jag justerar protokollet" not in html
    assert f'href="/styrelse/mina-moten/{mote.pk}/justera/">Justera med lösenord</a>' in html
    # The förbundschef still records the others' paper signatures from the meeting page.
    assert "Registrera justering för Ledamot skelleftea" in html
    # The password page takes the chef's own justering as secretary, with the place.
    sida = c.get(f"/styrelse/mina-moten/{mote.pk}/justera/").content.decode()
    assert 'name="losenord"' in sida and 'name="plats"' in sida
    ok = c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "sekreterare", "losenord": LOSENORD, "plats": "Kansliet"})
    assert ok.status_code == 302
    assert Justering.objects.get().plats == "Kansliet" and Signatur.objects.get().roll == "sekreterare"


def test_fel_losenord_vid_justering_raknas_av_axes_och_sparrar(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    """Five wrong passwords at justering lock the account from that address, as five failed logins do."""
    mote = genomfort_mote(forbund, chef, s)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    c = _klient(ordf)
    for i in range(4):
        r = c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": f"fel-{i}"})
        assert r.status_code == 400 and "Fel lösenord. Justeringen är inte bekräftad." in r.content.decode()
    assert AccessAttempt.objects.get(username="ordf", ip_address="10.4.4.4").failures_since_start == 4
    assert "fel-" not in AccessAttempt.objects.get().post_data  # the typed passwords are never kept
    api = c.post(
        "/api/styrelse/justering-signerad/", {"sammantrade": mote.pk, "roll": "ordforande", "losenord": "fel-4"}, content_type="application/json"
    )
    assert api.status_code == 429
    assert api.json()["fel"][0]["kod"] == "sparrad" and "tillfälligt spärrat" in api.json()["fel"][0]["meddelande"]
    # Locked: even the right password is refused, at justering and at login from that address.
    r = c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": LOSENORD})
    assert r.status_code == 429 and "tillfälligt spärrad" in r.content.decode()
    assert Client(REMOTE_ADDR="10.4.4.4").post("/logga-in/", {"username": "ordf", "password": LOSENORD}).status_code == 429
    assert not Justering.objects.exists() and not Signatur.objects.exists()
    nekade = Handelse.objects.filter(handling="justering_autentisering_nekad").order_by("id")
    assert [h.detaljer["sparrad"] for h in nekade] == [False, False, False, False, True, True]
    # From another address the member is not locked out (per user and address, as at login).
    assert _klient(ordf, "10.9.9.9").post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": LOSENORD}).status_code == 302


def test_sen_andring_aterstaller_ocksa_signaturen_och_ny_justering_gar(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    mote = genomfort_mote(forbund, chef, s)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    c = _klient(ordf)
    assert c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": LOSENORD}).status_code == 302
    p = Paragraf.objects.filter(sammantrade=mote).order_by("nummer").last()
    assert p is not None
    paragraf_andra(paragraf=p, aktor=chef, rubrik=p.rubrik, text=p.text + " Ändrad.", beslut=p.beslut)
    assert not Justering.objects.exists() and not Signatur.objects.exists()
    h = Handelse.objects.get(handling="justering_aterstall")
    assert [x["person"] for x in h.detaljer["justeringar"]] == ["Ledamot skelleftea"]
    # The chair proves who they are again and justerar the changed minutes.
    assert c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": LOSENORD}).status_code == 302
    assert Signatur.objects.get().roll == "ordforande" and Justering.objects.get().for_annan is False


def test_lyckad_justering_nollstaller_axes_misslyckanden(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    """A justering confirmed with the right password clears the earlier failures, as a successful login does."""
    mote = genomfort_mote(forbund, chef, s)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    c = _klient(ordf)
    for i in range(3):
        assert c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": f"fel-{i}"}).status_code == 400
    assert AccessAttempt.objects.get(username="ordf", ip_address="10.4.4.4").failures_since_start == 3
    assert c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": LOSENORD}).status_code == 302
    assert Justering.objects.get().roll == "ordforande"
    assert not AccessAttempt.objects.filter(username="ordf").exists()
