"""Core: förbund creation, audit events, login lockout, formatting, health, API auth and schema, demo data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from finsam import formatting
from finsam.models import Forbund, Handelse, Medlem, RollTyp
from finsam.services import kod_for, medlem_update

pytestmark = pytest.mark.django_db


def test_forbund_create_skapar_medlemmar_med_koder() -> None:
    out = StringIO()
    call_command(
        "forbund_create",
        "--slug",
        "umea",
        "--namn",
        "Samordningsförbundet Umeå",
        "--region",
        "Region Västerbotten",
        "--kommun",
        "Umeå",
        "--kommun",
        "Vännäs",
        "--kommun",
        "Nordmaling",
        stdout=out,
    )
    f = Forbund.objects.get(slug="umea")
    medlemmar = list(Medlem.objects.filter(forbund=f).values_list("kod", "typ", "namn"))
    assert medlemmar == [
        ("fk", "fk", "Försäkringskassan"),
        ("af", "af", "Arbetsförmedlingen"),
        ("region", "region", "Region Västerbotten"),
        ("umea", "kommun", "Umeå kommun"),
        ("vannas", "kommun", "Vännäs kommun"),
        ("nordmaling", "kommun", "Nordmaling kommun"),
    ]
    assert "vannas" in out.getvalue()
    assert Handelse.objects.filter(forbund=f, handling="medlem_skapa").count() == 6
    assert Handelse.objects.filter(forbund=f, handling="forbund_skapa").count() == 1


def test_forbund_create_vagrar_dubblett_och_andrar_inget() -> None:
    call_command("forbund_create", "--slug", "x", "--namn", "X", "--region", "R", "--kommun", "A")
    fore = (Forbund.objects.count(), Medlem.objects.count(), Handelse.objects.count())
    with pytest.raises(CommandError, match="finns redan"):
        call_command("forbund_create", "--slug", "x", "--namn", "Y", "--region", "R", "--kommun", "B")
    assert (Forbund.objects.count(), Medlem.objects.count(), Handelse.objects.count()) == fore


@pytest.mark.parametrize(
    ("namn", "kod"),
    [("Skellefteå", "skelleftea"), ("Norsjö kommun", "norsjo"), ("Örnsköldsvik", "ornskoldsvik"), ("Upplands Väsby", "upplands_vasby")],
)
def test_kommunkod(namn: str, kod: str) -> None:
    assert kod_for(namn) == kod


def test_andring_ger_handelse_med_gamla_och_nya_varden(forbund: Forbund, chef: Any) -> None:
    medlem = Medlem.objects.get(forbund=forbund, kod="fk")
    medlem_update(medlem=medlem, aktor=chef, organisationsnummer="202100-5521")
    h = Handelse.objects.filter(handling="medlem_andra").get()
    assert h.aktor == chef and h.forbund == forbund and h.objekt_id == str(medlem.pk)
    assert h.andringar == {"organisationsnummer": ["", "202100-5521"]}


def test_ogiltig_andring_vagras_och_andrar_inget(forbund: Forbund, chef: Any) -> None:
    medlem = Medlem.objects.get(forbund=forbund, kod="fk")
    antal = Handelse.objects.count()
    with pytest.raises(ValidationError):
        medlem_update(medlem=medlem, aktor=chef, organisationsnummer="fel")
    medlem.refresh_from_db()
    assert medlem.organisationsnummer == "" and Handelse.objects.count() == antal


def test_handelseloggen_visar_andringen(forbund: Forbund, chef: Any, chef_klient: Client) -> None:
    medlem_update(medlem=Medlem.objects.get(forbund=forbund, kod="af"), aktor=chef, namn="Arbetsförmedlingen Skellefteå")
    html = chef_klient.get("/handelser/").content.decode()
    assert "Ändrade medlem" in html and "Arbetsförmedlingen Skellefteå" in html


def test_inloggning_spärras_efter_fem_fel_och_släpps_efter_cooloff(forbund: Forbund, anvandare: Callable[..., Any], settings: Any) -> None:
    user = anvandare(RollTyp.STYRELSELEDAMOT)
    c = Client(REMOTE_ADDR="10.1.2.3")
    for _ in range(5):
        r = c.post("/logga-in/", {"username": user.username, "password": "fel"})
    assert r.status_code in {403, 429}
    assert "tillfälligt spärrad" in r.content.decode()
    # even the right password is refused while locked
    r = c.post("/logga-in/", {"username": user.username, "password": "losenord-for-test"})
    assert r.status_code in {403, 429}
    # another address is not locked out (per user AND address: an attacker cannot lock a member out everywhere)
    c2 = Client(REMOTE_ADDR="10.9.9.9")
    assert c2.post("/logga-in/", {"username": user.username, "password": "losenord-for-test"}).status_code == 302
    # after the cool-off the lock lifts by itself
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    assert c.post("/logga-in/", {"username": user.username, "password": "losenord-for-test"}).status_code == 302


def test_losenordsaterstallning_skickar_epost(forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    user = anvandare(RollTyp.REVISOR)
    r = Client().post("/losenord/aterstall/", {"email": user.email})
    assert r.status_code == 302
    assert len(mail.outbox) == 1
    assert "/losenord/aterstall/" in mail.outbox[0].body and user.username in mail.outbox[0].body


def test_svensk_formatering() -> None:
    nb = "\xa0"
    assert formatting.tkr(Decimal("5776000")) == f"5{nb}776{nb}tkr"
    assert formatting.tkr(Decimal("1258500")) == f"1{nb}258,5{nb}tkr"
    assert formatting.kr(85279) == f"85{nb}279{nb}kr"
    assert formatting.kr(Decimal("-142000")) == f"−142{nb}000{nb}kr"
    assert formatting.datum(dt.date(2019, 11, 28)) == "2019-11-28"
    assert formatting.datum_lang(dt.date(2020, 2, 13)) == "torsdag den 13 februari 2020"
    assert formatting.procent(0.456) == f"46{nb}%"


def test_healthz_rapporterar_databas_och_broker() -> None:
    r = Client().get("/healthz")
    assert r.status_code == 200
    data = r.json()
    assert data["ok"] is True and data["databas"]["ok"] is True and data["broker"]["ok"] is True


def test_healthz_med_redis_som_inte_svarar(settings: Any) -> None:
    settings.FINSAM_TASK_MODE = "celery"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    r = Client().get("/healthz")
    assert r.status_code == 503
    assert r.json()["broker"]["ok"] is False


def test_api_token_och_anrop(forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    user = anvandare(RollTyp.REVISOR)
    r = Client().post("/api/auth/token/", {"username": user.username, "password": "losenord-for-test"})
    assert r.status_code == 200
    token = r.json()["token"]
    svar = Client().get("/api/medlemmar/", HTTP_AUTHORIZATION=f"Token {token}")
    assert svar.status_code == 200
    assert [m["kod"] for m in svar.json()["results"]] == ["fk", "af", "region", "skelleftea", "norsjo"]
    assert Client().get("/api/medlemmar/", HTTP_AUTHORIZATION="Token fel").status_code == 401


def test_openapi_schema_och_dokumentation_utan_cdn(chef_klient: Client) -> None:
    schema = chef_klient.get("/api/schema/")
    assert schema.status_code == 200
    text = schema.content.decode()
    assert "/api/medlemmar/" in text and "/api/dokument/organisationsblad/" in text
    docs = chef_klient.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "cdn." not in docs and "unpkg" not in docs and "jsdelivr" not in docs


def test_startsida_for_roll_utan_forbund(db: Any) -> None:
    user = get_user_model().objects.create_user(username="ensam", password="losenord-for-test")
    c = Client()
    c.force_login(user)
    r = c.get("/")
    assert r.status_code == 403 and "ingen roll" in r.content.decode()


def test_organisationssidan_har_fast_antal_fragor(forbund: Forbund, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    from finsam.services import person_create
    from styrelse.models import Mandat

    def fyll(n: int) -> None:
        medlem = Medlem.objects.get(forbund=forbund, kod="fk")
        for i in range(n):
            p = person_create(forbund=forbund, aktor=None, namn=f"Person {n}-{i}")
            Mandat.objects.create(forbund=forbund, person=p, medlem=medlem, typ="ersattare", fran=dt.date(2019, 1, 1))
            person_create(forbund=forbund, aktor=None, namn=f"Personal {n}-{i}", ar_personal=True)

    fyll(2)
    with django_assert_max_num_queries(12) as liten:
        assert chef_klient.get("/organisation/?ar=2019").status_code == 200
    fyll(30)
    with django_assert_max_num_queries(len(liten.captured_queries)):
        html = chef_klient.get("/organisation/?ar=2019").content.decode()
    assert "Person 30-29" in html and "Personal 30-29" in html


def test_openapi_schemat_genereras_utan_varningar(tmp_path: Any) -> None:
    """Every endpoint of every app is described without name collisions or guesses."""
    ut = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(ut))
    text = ut.read_text()
    for prefix in ("/api/styrelse/", "/api/insatser/", "/api/uppfoljning/", "/api/ekonomi/", "/api/rapporter/"):
        assert prefix in text


def test_snapshot_med_tom_och_sparad_fil(forbund: Forbund) -> None:
    from django.core.files.base import ContentFile

    from finsam.audit import snapshot
    from finsam.models import Dokument

    d = Dokument(forbund=forbund, typ="organisationsblad", titel="T", nyckel="t:1")
    assert snapshot(d, ["fil"]) == {"fil": ""}
    d.fil.save("x.pdf", ContentFile(b"%PDF"), save=False)
    assert snapshot(d, ["fil"])["fil"].endswith(".pdf")


def test_organisationsnummer_med_fel_kontrollsiffra_vagras(forbund: Forbund, chef: Any) -> None:
    medlem = Medlem.objects.get(forbund=forbund, kod="fk")
    antal = Handelse.objects.count()
    with pytest.raises(ValidationError) as fel:
        medlem_update(medlem=medlem, aktor=chef, organisationsnummer="202100-5522")
    assert "kontrollsiffran" in str(fel.value)
    medlem.refresh_from_db()
    assert medlem.organisationsnummer == "" and Handelse.objects.count() == antal
    forbund.organisationsnummer = "222000-1322"
    with pytest.raises(ValidationError):
        forbund.full_clean()


def test_favicon_ico_leder_till_appens_ikon() -> None:
    """Chromium's PDF viewer asks for /favicon.ico by itself; it was a 404 in the console on every attachment."""
    r = Client().get("/favicon.ico")
    assert r.status_code == 301
    assert r["Location"].endswith("finsam/favicon.svg")
