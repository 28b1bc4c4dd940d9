"""Page flows through the Django client: forms write through the services, refused actions change nothing."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from finsam.models import Forbund, Medlem
from insatser.models import Ansokan, Insats, Malbedomning, Medfinansiering, Rapport
from tests import filer
from tests.insatser import factories as f


def _koder(forbund: Forbund, *koder: str) -> list[int]:
    return list(Medlem.objects.filter(forbund=forbund, kod__in=koder).values_list("pk", flat=True))


def test_ny_insats_via_formularet(forbund: Forbund, chef_klient) -> None:
    data = {
        "kortnamn": "MISAM",
        "namn": "Myndigheter och individ i samarbete",
        "typ": "ordinarie",
        "inriktning": "individ",
        "startdatum": "2020-01-01",
        "agare_medlem": _koder(forbund, "skelleftea")[0],
        "parter": _koder(forbund, "fk", "af", "skelleftea"),
        "alder_fran": 16,
        "alder_till": 64,
    }
    svar = chef_klient.post("/insatser/ny/", data)
    insats = Insats.objects.get(forbund=forbund, kortnamn="MISAM")
    assert svar.status_code == 302 and svar["Location"] == f"/insatser/{insats.pk}/"
    assert insats.parter.count() == 3
    # An age range upside down is refused with a Swedish message and aria-invalid.
    svar = chef_klient.post(f"/insatser/{insats.pk}/andra/", {**data, "alder_fran": 64, "alder_till": 16})
    html = svar.content.decode()
    assert svar.status_code == 400 and "Övre åldersgränsen kan inte vara lägre än den undre." in html
    assert 'aria-invalid="true"' in html
    insats.refresh_from_db()
    assert insats.alder_till == 64


def test_tvamedlemsregeln_i_formularet_for_insats_med_medel(forbund: Forbund, chef_klient) -> None:
    insats = f.insats(forbund, "MISAM", parter=("fk", "af"), agare_extern="Folkhögskolan")
    f.beviljande(forbund, insats)
    svar = chef_klient.post(
        f"/insatser/{insats.pk}/andra/",
        {
            "kortnamn": "MISAM",
            "namn": insats.namn,
            "typ": "ordinarie",
            "inriktning": "individ",
            "startdatum": "2020-01-01",
            "agare_extern": "Folkhögskolan",
            "parter": _koder(forbund, "fk"),
        },
    )
    assert "minst två medlemmar måste delta" in svar.content.decode()
    assert insats.parter.count() == 2


def test_malbedomning_for_ett_ar(forbund: Forbund, chef_klient) -> None:
    insats = f.insats(forbund, "MISAM")
    m1 = f.mal(forbund, insats, "Mål ett", 1)
    m2 = f.mal(forbund, insats, "Mål två", 2)
    svar = chef_klient.post(
        f"/insatser/{insats.pk}/malbedomning/",
        {"ar": 2021, f"bedomning_{m1.pk}": "uppfyllt", f"kommentar_{m1.pk}": "Bra", f"bedomning_{m2.pk}": "ej_uppfyllt"},
    )
    assert svar.status_code == 302
    assert dict(Malbedomning.objects.filter(ar=2021).values_list("mal__text", "bedomning")) == {"Mål ett": "uppfyllt", "Mål två": "ej_uppfyllt"}
    html = chef_klient.get(f"/insatser/{insats.pk}/").content.decode()
    assert "Ej uppfyllt" in html and "Bra" in html


def test_medfinansiering_och_beslut_via_sidorna(forbund: Forbund, chef_klient, klient) -> None:
    ansokan = f.ansokan(forbund, belopp={2021: 50_000, 2022: 50_000})
    svar = chef_klient.post(
        f"/insatser/ansokningar/{ansokan.pk}/finansiering/",
        {
            "medfin-TOTAL_FORMS": 4,
            "medfin-INITIAL_FORMS": 0,
            "medfin-MIN_NUM_FORMS": 0,
            "medfin-MAX_NUM_FORMS": 1000,
            "medfin-0-finansiar": "ESF",
            "medfin-0-form": "kontant",
            "medfin-0-ar": 2021,
            "medfin-0-belopp": 5_000_000,
            "medfin-1-finansiar": "Arbetsförmedlingen",
            "medfin-1-form": "annat",
            "medfin-1-ar": 2021,
            "medfin-1-belopp": 1_414_748,
            "medfin-2-form": "kontant",
            "medfin-3-form": "kontant",
        },
    )  # empty rows post the select's default, as the browser does
    assert svar.status_code == 302
    assert Medfinansiering.objects.filter(ansokan=ansokan).count() == 2
    html = chef_klient.get(f"/insatser/ansokningar/{ansokan.pk}/").content.decode()
    assert "ESF (kontanta medel)" in html and "1\xa0414\xa0748\xa0kr" in html
    # Decision before preparation is not offered and is refused.
    paragraf = f.paragraf(forbund)
    svar = chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/beslut/", {"paragraf": paragraf.pk, "beslut": "avslagen"})
    assert "beretts" in svar.content.decode()
    ansokan.refresh_from_db()
    assert ansokan.status == Ansokan.Status.INKOMMEN
    chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/beredning/", {"yttrande": "Avstyrks."})
    assert (
        klient("administrator").post(f"/insatser/ansokningar/{ansokan.pk}/beslut/", {"paragraf": paragraf.pk, "beslut": "avslagen"}).status_code
        == 403
    )
    svar = chef_klient.post(
        f"/insatser/ansokningar/{ansokan.pk}/beslut/", {"paragraf": paragraf.pk, "beslut": "avslagen", "beviljat_2021": "", "beviljat_2022": ""}
    )
    assert svar.status_code == 302
    ansokan.refresh_from_db()
    assert (ansokan.status, ansokan.beslut) == ("beslutad", "avslagen")


def test_rapport_laddas_upp_i_versioner(forbund: Forbund, chef_klient, klient) -> None:
    insats = f.insats(forbund, "MISAM")
    rapport = Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2020, forfallodatum=dt.date(2021, 1, 31))
    assert klient("revisor").post(f"/insatser/rapporter/{rapport.pk}/", {"fil": SimpleUploadedFile("r.pdf", filer.pdf())}).status_code == 403
    for text in (filer.pdf("v1"), filer.pdf("v2")):
        assert chef_klient.post(f"/insatser/rapporter/{rapport.pk}/", {"fil": SimpleUploadedFile("r.pdf", text)}).status_code == 302
    assert list(rapport.versioner.values_list("version", flat=True)) == [2, 1]
    v2 = rapport.versioner.first()
    assert b"".join(klient("revisor").get(f"/insatser/rapporter/version/{v2.pk}/fil/").streaming_content) == filer.pdf("v2")


def test_andra_ansokan_och_beslutad_ar_last(forbund: Forbund, chef_klient) -> None:
    ansokan = f.ansokan(forbund, belopp={2021: 50_000, 2022: 50_000}, projektagare_extern="Region Västerbotten")
    html = chef_klient.get(f"/insatser/ansokningar/{ansokan.pk}/andra/").content.decode()
    assert 'name="sokt_ar_0" value="2021"' in html and 'name="sokt_belopp_1" value="50000"' in html
    data = {
        "titel": "SIKT 2.0",
        "inkom": "2020-02-03",
        "insats_typ": "esf_projekt",
        "inriktning": "individ",
        "startdatum": "2020-08-31",
        "slutdatum": "2023-02-28",
        "sokande": _koder(forbund, "af", "region", "norsjo"),
        "projektagare_extern": "Region Västerbotten",
        "sokt_ar_0": 2021,
        "sokt_belopp_0": 40_000,
        "sokt_ar_1": 2024,
        "sokt_belopp_1": 10_000,
    }
    svar = chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/andra/", data)
    assert "2024 ligger utanför projektperioden 2020–2023." in svar.content.decode()
    data["sokt_ar_1"] = 2022
    assert chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/andra/", data).status_code == 302
    assert dict(ansokan.belopp.values_list("ar", "belopp")) == {2021: 40_000, 2022: 10_000}
    Ansokan.objects.filter(pk=ansokan.pk).update(status="beslutad", beslut="avslagen", paragraf=f.paragraf(forbund))
    svar = chef_klient.post(f"/insatser/ansokningar/{ansokan.pk}/andra/", {**data, "titel": "Ändrad"})
    assert svar.status_code == 302
    ansokan.refresh_from_db()
    assert ansokan.titel == "SIKT 2.0"
