"""One API convention: one error shape in Swedish, paginated lists with a maximum page size,
unknown filters refused, input bounds (years, integers, NUL bytes) as 400/404, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from finsam.models import Dokument, Medlem, RollTyp

pytestmark = pytest.mark.django_db


def _fel(svar: Any) -> list[dict[str, Any]]:
    assert svar["Content-Type"].startswith("application/json"), svar["Content-Type"]
    data = svar.json()
    assert set(data) == {"fel"}
    for f in data["fel"]:
        assert set(f) == {"falt", "meddelande", "kod"}
    return data["fel"]  # type: ignore[no-any-return]


def test_faltfel_fran_serializer_i_en_form(chef_klient: Client) -> None:
    svar = chef_klient.post("/api/dokument/organisationsblad/", {"ar": 1800}, content_type="application/json")
    assert svar.status_code == 400
    assert _fel(svar) == [{"falt": "ar", "meddelande": "Se till att detta värde är större än eller lika med 2000.", "kod": "min_value"}]
    assert not Dokument.objects.exists()
    svar = chef_klient.post("/api/dokument/organisationsblad/", {}, content_type="application/json")
    assert _fel(svar) == [{"falt": "ar", "meddelande": "Det här fältet är obligatoriskt.", "kod": "required"}]


def test_django_validationerror_fran_tjanst_blir_400_i_samma_form(chef_klient: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ValidationError

    import finsam.api.views

    def vagra(**kwargs: Any) -> None:
        raise ValidationError({"ar": ValidationError("Året är stängt.", code="stangt"), "__all__": ["Något annat."]})

    monkeypatch.setattr(finsam.api.views, "dokument_bestall", vagra)
    svar = chef_klient.post("/api/dokument/organisationsblad/", {"ar": 2020}, content_type="application/json")
    assert svar.status_code == 400
    assert _fel(svar) == [
        {"falt": "ar", "meddelande": "Året är stängt.", "kod": "stangt"},
        {"falt": None, "meddelande": "Något annat.", "kod": "ogiltig"},
    ]


def test_behorighetsfel_och_inloggning_i_samma_form(klient: Any) -> None:
    svar = klient(RollTyp.REVISOR).post("/api/dokument/organisationsblad/", {"ar": 2020}, content_type="application/json")
    assert svar.status_code == 403
    assert _fel(svar) == [{"falt": None, "meddelande": "Din roll saknar behörighet för detta.", "kod": "permission_denied"}]
    svar = Client().get("/api/medlemmar/")
    assert svar.status_code == 401
    assert _fel(svar)[0]["kod"] == "not_authenticated"


def test_dokumentlistan_ar_sidindelad(chef_klient: Client) -> None:
    svar = chef_klient.get("/api/dokument/")
    assert svar.status_code == 200
    assert svar.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_mina_forbund_ar_sidindelad(chef_klient: Client, forbund: Any) -> None:
    data = chef_klient.get("/api/forbund/").json()
    assert data["count"] == 1
    assert data["results"] == [
        {"id": forbund.pk, "slug": forbund.slug, "namn": forbund.namn, "organisationsnummer": forbund.organisationsnummer, "roll": "forbundschef"}
    ]


def test_sidstorlek_har_ett_tak(chef_klient: Client, forbund: Any) -> None:
    antal = Medlem.objects.filter(forbund=forbund).count()
    assert antal >= 3
    svar = chef_klient.get("/api/medlemmar/?limit=2&offset=1")
    assert svar.status_code == 200 and svar.json()["count"] == antal and len(svar.json()["results"]) == 2
    assert chef_klient.get("/api/medlemmar/?limit=1000").status_code == 200
    for fraga, falt, text in [
        ("limit=99999999999999999999", "limit", "limit måste vara mellan 1 och 1000."),
        ("limit=1001", "limit", "limit måste vara mellan 1 och 1000."),
        ("limit=0", "limit", "limit måste vara mellan 1 och 1000."),
        ("limit=abc", "limit", "limit måste vara ett heltal."),
        ("offset=99999999999999999999", "offset", "offset måste vara mellan 0 och 2147483647."),
        ("offset=-1", "offset", "offset måste vara mellan 0 och 2147483647."),
    ]:
        svar = chef_klient.get(f"/api/medlemmar/?{fraga}")
        assert svar.status_code == 400, fraga
        assert [(f["falt"], f["meddelande"]) for f in _fel(svar)] == [(falt, text)], fraga


def test_okand_filterparameter_ger_400(chef_klient: Client) -> None:
    svar = chef_klient.get("/api/medlemmar/?namn=x")
    assert svar.status_code == 400
    assert _fel(svar) == [{"falt": "namn", "meddelande": "Okänd parameter: namn. Tillåtna parametrar: limit, offset.", "kod": "okand_parameter"}]
    assert chef_klient.get("/api/medlemmar/?format=json").status_code == 200


def test_nycklar_som_inte_ar_heltal(chef_klient: Client, forbund: Any) -> None:
    svar = chef_klient.get("/api/medlemmar/abc/")
    assert svar.status_code == 400
    assert _fel(svar) == [{"falt": "id", "meddelande": "id måste vara ett heltal.", "kod": "invalid"}]
    svar = chef_klient.get("/api/medlemmar/99999999999999999999/")
    assert svar.status_code == 404 and _fel(svar)[0]["meddelande"] == "Hittades inte."
    medlem = Medlem.objects.filter(forbund=forbund).first()
    assert chef_klient.get(f"/api/medlemmar/{medlem.pk}/").status_code == 200  # type: ignore[union-attr]


def test_nul_byte_ger_400_pa_sidor_och_api(chef_klient: Client) -> None:
    svar = chef_klient.get("/api/styrelse/diarium/?q=a%00b")
    assert svar.status_code == 400
    assert _fel(svar) == [{"falt": None, "meddelande": "Texten innehåller ett otillåtet tecken (NUL).", "kod": "null_characters_not_allowed"}]
    svar = chef_klient.post("/api/dokument/organisationsblad/", '{"ar": "2020\\u0000"}', content_type="application/json")
    assert svar.status_code == 400 and _fel(svar)[0]["kod"] == "null_characters_not_allowed"
    sida = chef_klient.get("/styrelse/diarium/?q=a%00b")
    assert sida.status_code == 400 and "Texten innehåller ett otillåtet tecken (NUL)." in sida.content.decode()


@pytest.mark.parametrize("ar", [0, 1899, 2201, 99999])
def test_ar_utanfor_granserna_i_api(chef_klient: Client, ar: int) -> None:
    for url in (f"/api/ekonomi/rakenskaper/{ar}/", f"/api/ekonomi/uppfoljning/{ar}/1/"):
        svar = chef_klient.get(url)
        assert svar.status_code == 404, url
        assert _fel(svar) == [{"falt": "ar", "meddelande": f"Året {ar} är inte giltigt: ange ett år mellan 1900 och 2200.", "kod": "not_found"}]


@pytest.mark.parametrize("ar", [0, 1899, 2201])
def test_ar_utanfor_granserna_pa_sidor(chef_klient: Client, ar: int) -> None:
    for url in (
        f"/ekonomi/rakenskaper/{ar}/ladda-ned/xlsx/",
        f"/ekonomi/medlemsbidrag/{ar}/",
        f"/ekonomi/revision/{ar}/",
        f"/ekonomi/uppfoljning/{ar}/1/",
    ):
        svar = chef_klient.get(url)
        assert svar.status_code == 404, url
        assert f"Året {ar} är inte giltigt: ange ett år mellan 1900 och 2200." in svar.content.decode()


def test_ar_i_fragan_pa_sidor_och_api(chef_klient: Client) -> None:
    svar = chef_klient.get("/ekonomi/rakenskaper/?ar=0")
    assert svar.status_code == 400 and "Året 0 är inte giltigt" in svar.content.decode()
    svar = chef_klient.get("/organisation/?ar=-17334")
    assert svar.status_code == 400
    assert "Året -17334 är inte giltigt: ange ett år mellan 1900 och 2200." in svar.content.decode()
    assert chef_klient.get("/organisation/?ar=2019").status_code == 200
    svar = chef_klient.get("/api/uppfoljning/utfall/?ar=-17334")
    assert svar.status_code == 400
    assert _fel(svar) == [{"falt": "ar", "meddelande": "Året -17334 är inte giltigt: ange ett år mellan 1900 och 2200.", "kod": "utanfor_granser"}]


def test_schemat_dokumenterar_felformen_och_sidstorleken(chef_klient: Client) -> None:
    import yaml

    schema = yaml.safe_load(chef_klient.get("/api/schema/").content)
    assert schema["components"]["schemas"]["Fel"]["required"] == ["fel"]
    operation = schema["paths"]["/api/medlemmar/"]["get"]
    limit = next(p for p in operation["parameters"] if p["name"] == "limit")
    assert limit["schema"] == {"type": "integer", "minimum": 1, "maximum": 1000}
    for kod in ("400", "401", "403", "404"):
        assert operation["responses"][kod]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Fel"}
    assert "PaginatedDokumentList" in str(schema["paths"]["/api/dokument/"]["get"]["responses"]["200"])


def test_nul_i_formularkropp_vid_patch_ger_400(chef_klient: Client) -> None:
    """A NUL byte percent-encoded in a PATCH form body (not parsed into request.POST) is refused, not a 500."""
    svar = chef_klient.patch("/api/insatser/insatser/1/", data="kortnamn=a%00b", content_type="application/x-www-form-urlencoded")
    assert svar.status_code == 400
    assert _fel(svar)[0]["kod"] == "null_characters_not_allowed"
