"""One door per use case: the same bad input through the page and through the API is refused with the same Swedish
message and nothing is saved; the same good input saves the same record. Plus a static check that no insatser view
catches ValidationError and no serializer holds a rule."""

from __future__ import annotations

import ast
import datetime as dt
import html
import pathlib
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from finsam.models import Forbund, Handelse, Medlem
from insatser.models import Ansokan, Beviljande, Insats, Malbedomning, Rapport, Rapportversion
from styrelse.models import Sammantrade
from tests.insatser import factories as f

APP = pathlib.Path(__file__).resolve().parents[2] / "insatser"


def _pk(forbund: Forbund, *koder: str) -> list[int]:
    return list(Medlem.objects.filter(forbund=forbund, kod__in=koder).order_by("kod").values_list("pk", flat=True))


def _texter(varde: Any) -> list[str]:
    """Every string in an API error body (any nesting)."""
    if isinstance(varde, str):
        return [varde]
    if isinstance(varde, dict):
        return [t for v in varde.values() for t in _texter(v)]
    if isinstance(varde, list):
        return [t for v in varde for t in _texter(v)]
    return []


def _sidan_nekar(svar: Any, meddelande: str, status: int = 400) -> None:
    assert svar.status_code == status, svar.status_code
    assert meddelande in html.unescape(svar.content.decode()), meddelande


def _api_nekar(svar: Any, meddelande: str) -> None:
    assert svar.status_code == 400, (svar.status_code, svar.content)
    assert meddelande in _texter(svar.json()), svar.json()


def _knappen_nekar(klient: Client, url: str, data: dict[str, Any], meddelande: str) -> None:
    """A button post: redirected back with the refusal as an error message on the page."""
    svar = klient.post(url, data, follow=True)
    assert svar.redirect_chain, "väntade omdirigering"
    _sidan_nekar(svar, meddelande, status=200)
    assert meddelande in [str(m) for m in svar.context["messages"]]


INSATS_SIDA = {
    "kortnamn": "MISAM",
    "namn": "Myndigheter och individ i samarbete",
    "typ": "ordinarie",
    "inriktning": "individ",
    "startdatum": "2020-01-01",
}


def test_insats_utan_agare_nekas_lika_pa_sidan_och_i_api(forbund: Forbund, chef_klient: Client) -> None:
    meddelande = "Ange ägaren: en medlem eller en extern organisation."
    _sidan_nekar(chef_klient.post("/insatser/ny/", {**INSATS_SIDA, "parter": _pk(forbund, "fk", "af")}), meddelande)
    _api_nekar(chef_klient.post("/api/insatser/insatser/", {**INSATS_SIDA, "parter": ["fk", "af"]}, content_type="application/json"), meddelande)
    assert not Insats.objects.exists()
    assert not Handelse.objects.filter(handling="insats_create").exists()
    # The same good input saves the same record through either door.
    assert chef_klient.post("/insatser/ny/", {**INSATS_SIDA, "agare_extern": "Urkraft", "parter": _pk(forbund, "fk", "af")}).status_code == 302
    assert (
        chef_klient.post(
            "/api/insatser/insatser/",
            {**INSATS_SIDA, "kortnamn": "MISAM2", "agare_extern": "Urkraft", "parter": ["af", "fk"]},
            content_type="application/json",
        ).status_code
        == 201
    )
    sida, api = Insats.objects.get(kortnamn="MISAM"), Insats.objects.get(kortnamn="MISAM2")
    falt = ("namn", "typ", "inriktning", "startdatum", "agare_extern", "agare_medlem_id", "status")
    assert [getattr(sida, x) for x in falt] == [getattr(api, x) for x in falt]
    assert set(sida.parter.all()) == set(api.parter.all())


def test_insats_parter_under_tva_med_medel_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    insats = f.insats(forbund, "MISAM", parter=("fk", "af"), agare_extern="Urkraft")
    f.beviljande(forbund, insats)
    meddelande = "MISAM kan inte beviljas medel: minst två medlemmar måste delta i insatsen (nu 1). Lägg till deltagande medlemmar först."
    _sidan_nekar(
        chef_klient.post(f"/insatser/{insats.pk}/andra/", {**INSATS_SIDA, "agare_extern": "Urkraft", "parter": _pk(forbund, "fk")}), meddelande
    )
    _api_nekar(chef_klient.patch(f"/api/insatser/insatser/{insats.pk}/", {"parter": ["fk"]}, content_type="application/json"), meddelande)
    assert sorted(insats.parter.values_list("kod", flat=True)) == ["af", "fk"]


def test_insats_status_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    ensam = f.insats(forbund, "ENSAM", parter=("fk",), status=Insats.Status.PLANERAD)
    meddelande = "En insats kan inte starta innan minst två medlemmar deltar."
    _knappen_nekar(chef_klient, f"/insatser/{ensam.pk}/status/", {"status": "pagaende"}, meddelande)
    _api_nekar(chef_klient.post(f"/api/insatser/insatser/{ensam.pk}/status/", {"status": "pagaende"}, content_type="application/json"), meddelande)
    avslutad = f.insats(forbund, "KLAR", status=Insats.Status.AVSLUTAD)
    meddelande = "En insats med status avslutad kan inte bli pågående."
    _knappen_nekar(chef_klient, f"/insatser/{avslutad.pk}/status/", {"status": "pagaende"}, meddelande)
    _api_nekar(chef_klient.post(f"/api/insatser/insatser/{avslutad.pk}/status/", {"status": "pagaende"}, content_type="application/json"), meddelande)
    assert list(Insats.objects.order_by("kortnamn").values_list("status", flat=True)) == ["planerad", "avslutad"]


ANSOKAN_SIDA = {
    "titel": "SIKT 2.0",
    "inkom": "2020-02-03",
    "insats_typ": "esf_projekt",
    "inriktning": "individ",
    "startdatum": "2020-08-31",
    "slutdatum": "2023-02-28",
}
ANSOKAN_API = {
    "titel": "SIKT 2.0",
    "inkom": "2020-02-03",
    "insats_typ": "esf_projekt",
    "inriktning": "individ",
    "startdatum": "2020-08-31",
    "slutdatum": "2023-02-28",
    "sokande": ["af", "region", "norsjo"],
}


def test_ansokan_utan_projektagare_och_ar_utanfor_perioden_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    sida = {**ANSOKAN_SIDA, "sokande": _pk(forbund, "af", "region", "norsjo"), "sokt_ar_0": 2021, "sokt_belopp_0": 50_000}
    api = {**ANSOKAN_API, "belopp": [{"ar": 2021, "belopp": 50_000}]}
    meddelande = "Ange projektägaren: en medlem eller en extern organisation."
    _sidan_nekar(chef_klient.post("/insatser/ansokningar/ny/", sida), meddelande)
    _api_nekar(chef_klient.post("/api/insatser/ansokningar/", api, content_type="application/json"), meddelande)
    meddelande = "2024 ligger utanför projektperioden 2020–2023."
    _sidan_nekar(chef_klient.post("/insatser/ansokningar/ny/", {**sida, "projektagare_extern": "Region Västerbotten", "sokt_ar_0": 2024}), meddelande)
    _api_nekar(
        chef_klient.post(
            "/api/insatser/ansokningar/",
            {**api, "projektagare_extern": "Region Västerbotten", "belopp": [{"ar": 2024, "belopp": 50_000}]},
            content_type="application/json",
        ),
        meddelande,
    )
    meddelande = "Ange sökt belopp från förbundet för minst ett år."
    _sidan_nekar(
        chef_klient.post("/insatser/ansokningar/ny/", {**sida, "projektagare_extern": "Region Västerbotten", "sokt_ar_0": "", "sokt_belopp_0": ""}),
        meddelande,
    )
    _api_nekar(
        chef_klient.post(
            "/api/insatser/ansokningar/", {**api, "projektagare_extern": "Region Västerbotten", "belopp": []}, content_type="application/json"
        ),
        meddelande,
    )
    assert not Ansokan.objects.exists()
    assert not Handelse.objects.filter(handling="ansokan_create").exists()


def test_beredning_av_beslutad_ansokan_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    ansokan = f.ansokan(forbund)
    Ansokan.objects.filter(pk=ansokan.pk).update(status="beslutad", beslut="avslagen", paragraf=f.paragraf(forbund))
    meddelande = "Ansökan är redan beslutad."
    _sidan_nekar(chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/beredning/", {"yttrande": "Sent."}), meddelande)
    _api_nekar(
        chef_klient.post(f"/api/insatser/ansokningar/{ansokan.pk}/beredning/", {"yttrande": "Sent."}, content_type="application/json"), meddelande
    )
    ansokan.refresh_from_db()
    assert (ansokan.status, ansokan.yttrande) == ("beslutad", "")


def test_beslut_over_sokt_och_utan_hallet_mote_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    ansokan = f.ansokan(forbund, belopp={2021: 50_000, 2022: 50_000}, status=Ansokan.Status.UNDER_BEREDNING)
    paragraf = f.paragraf(forbund)
    meddelande = "Beviljat belopp för 2021 (60\u00a0000\u00a0kr) överstiger det sökta (50\u00a0000\u00a0kr)."
    sida = {"paragraf": paragraf.pk, "beslut": "delvis_beviljad", "beviljat_2021": 60_000, "beviljat_2022": 0, "ny_kortnamn": "SIKT"}
    api = {"paragraf": paragraf.pk, "beslut": "delvis_beviljad", "belopp": [{"ar": 2021, "belopp": 60_000}], "ny_kortnamn": "SIKT"}
    svar = chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/beslut/", sida)
    _sidan_nekar(svar, meddelande)
    assert 'id="id_beviljat_2021_fel"' in svar.content.decode()  # next to its field
    _api_nekar(chef_klient.post(f"/api/insatser/ansokningar/{ansokan.pk}/besluta/", api, content_type="application/json"), meddelande)
    # A paragraph of a meeting that has not been held cannot grant money (issue 12).
    kallat = f.paragraf(forbund, ar=2020, nummer=20, datum=dt.date(2020, 5, 7), status=Sammantrade.Status.KALLAT)
    meddelande = (
        "§ 20/2020 hör till sammanträdet 2020-05-07 som inte har hållits (kallelse skickad); "
        "medel kan bara beviljas genom beslut på ett genomfört sammanträde."
    )
    _sidan_nekar(
        chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/beslut/", {**sida, "paragraf": kallat.pk, "beviljat_2021": 50_000}), meddelande
    )
    _api_nekar(
        chef_klient.post(
            f"/api/insatser/ansokningar/{ansokan.pk}/besluta/",
            {**api, "paragraf": kallat.pk, "belopp": [{"ar": 2021, "belopp": 50_000}]},
            content_type="application/json",
        ),
        meddelande,
    )
    ansokan.refresh_from_db()
    assert (ansokan.status, ansokan.beslut) == ("under_beredning", "")
    assert not Beviljande.objects.exists() and not Insats.objects.filter(kortnamn="SIKT").exists()


def test_beviljande_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    ensam = f.insats(forbund, "ENSAM", parter=("fk",))
    misam = f.insats(forbund, "MISAM")
    paragraf = f.paragraf(forbund)
    planerat = f.paragraf(forbund, ar=2020, nummer=30, datum=dt.date(2020, 9, 10), status=Sammantrade.Status.PLANERAT)
    fall = [
        (
            {"insats": ensam.pk, "paragraf": paragraf.pk},
            "ENSAM kan inte beviljas medel: minst två medlemmar måste delta i insatsen (nu 1). Lägg till deltagande medlemmar först.",
        ),
        (
            {"insats": misam.pk, "paragraf": planerat.pk},
            "§ 30/2020 hör till sammanträdet 2020-09-10 som inte har hållits (planerat); "
            "medel kan bara beviljas genom beslut på ett genomfört sammanträde.",
        ),
    ]
    for data, meddelande in fall:
        _sidan_nekar(chef_klient.post("/insatser/beviljande/ny/", {**data, "ar": 2020, "belopp": 1000}), meddelande)
        _api_nekar(chef_klient.post("/api/insatser/beviljanden/", {**data, "ar": 2020, "belopp": 1000}, content_type="application/json"), meddelande)
    assert not Beviljande.objects.exists()
    assert chef_klient.post("/insatser/beviljande/ny/", {"insats": misam.pk, "paragraf": paragraf.pk, "ar": 2020, "belopp": 1000}).status_code == 302
    assert (
        chef_klient.post(
            "/api/insatser/beviljanden/", {"insats": misam.pk, "paragraf": paragraf.pk, "ar": 2021, "belopp": 1000}, content_type="application/json"
        ).status_code
        == 201
    )
    assert sorted(Beviljande.objects.values_list("insats__kortnamn", "paragraf_id", "ar", "belopp")) == [
        ("MISAM", paragraf.pk, 2020, Decimal(1000)),
        ("MISAM", paragraf.pk, 2021, Decimal(1000)),
    ]


def test_malbedomning_utanfor_perioden_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    insats = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1))
    mal = f.mal(forbund, insats)
    meddelande = "MISAM pågick inte 2019; målet kan inte bedömas det året."
    svar = chef_klient.post(f"/insatser/{insats.pk}/malbedomning/?ar=2019", {"ar": 2019, f"bedomning_{mal.pk}": "uppfyllt"})
    _sidan_nekar(svar, meddelande)
    assert f'value="uppfyllt" id="id_bedomning_{mal.pk}_0" aria-invalid="true" checked>' in svar.content.decode()  # kept, marked
    _api_nekar(
        chef_klient.post(f"/api/insatser/mal/{mal.pk}/bedomning/", {"ar": 2019, "bedomning": "uppfyllt"}, content_type="application/json"), meddelande
    )
    assert not Malbedomning.objects.exists()


def test_dubbel_rapport_och_fel_filinnehall_nekas_lika(forbund: Forbund, chef_klient: Client) -> None:
    insats = f.insats(forbund, "MISAM")
    rapport = Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2020, forfallodatum=dt.date(2021, 1, 31))
    meddelande = "MISAM har redan en årsrapport för 2020."
    _sidan_nekar(chef_klient.post(f"/insatser/{insats.pk}/rapporter/ny/", {"typ": "arsrapport", "ar": 2020}), meddelande)
    _api_nekar(
        chef_klient.post("/api/insatser/rapporter/", {"insats": insats.pk, "typ": "arsrapport", "ar": 2020}, content_type="application/json"),
        meddelande,
    )
    assert Rapport.objects.count() == 1
    meddelande = "Filens innehåll stämmer inte med filtypen .pdf."
    _sidan_nekar(chef_klient.post(f"/insatser/rapporter/{rapport.pk}/", {"fil": SimpleUploadedFile("r.pdf", b"inte en pdf")}), meddelande)
    _api_nekar(chef_klient.post(f"/api/insatser/rapporter/{rapport.pk}/version/", {"fil": SimpleUploadedFile("r.pdf", b"inte en pdf")}), meddelande)
    assert not Rapportversion.objects.exists()
    rapport.refresh_from_db()
    assert rapport.inlamnad is None


def _fangar_validationerror(trad: ast.AST) -> list[int]:
    rader = []
    for nod in ast.walk(trad):
        if isinstance(nod, ast.ExceptHandler) and nod.type is not None and "ValidationError" in ast.unparse(nod.type):
            rader.append(nod.lineno)
    return rader


def test_inga_vyer_fangar_validationerror_och_inga_regler_i_serialiserare() -> None:
    fangar = {
        str(p.relative_to(APP)): r
        for p in sorted((APP / "views").glob("*.py"))
        if (r := _fangar_validationerror(ast.parse(p.read_text(encoding="utf-8"))))
    }
    assert fangar == {}, f"vyer som själva fångar ValidationError: {fangar}"
    serialiserare = ast.parse((APP / "api" / "serializers.py").read_text(encoding="utf-8"))
    metoder = [
        f"{k.name}.{m.name}"
        for k in ast.walk(serialiserare)
        if isinstance(k, ast.ClassDef)
        for m in k.body
        if (isinstance(m, ast.FunctionDef) and m.name in {"create", "update", "validate"})
        or (isinstance(m, ast.FunctionDef) and m.name.startswith("validate_"))
    ]
    assert metoder == [], f"serialiserare med egna regler: {metoder}"
