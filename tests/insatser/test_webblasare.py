"""In Chromium: an application from arrival to a granted intervention, traceable from the board's decision."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import Forbund, RollTyp
from insatser.models import Ansokan, Beviljande, Insats
from tests.insatser import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ansokan_fran_inkommen_till_beviljad_insats(
    page: Page,
    live_server: Any,
    forbund: Forbund,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
) -> None:
    paragraf = f.paragraf(forbund, ar=2020, nummer=9, rubrik="Projektansökan SIKT 2.0")
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, chef.username)
    url = live_server.url

    # Arrival: the administratör/förbundschef registers the application from the form.
    page.goto(f"{url}/insatser/ansokningar/")
    page.get_by_role("link", name="Registrera inkommen ansökan").click()
    page.get_by_label("Projektets/insatsens namn").fill("SIKT 2.0")
    page.get_by_label("Inkom").fill("2020-02-03")
    page.get_by_label("Typ av insats").select_option("esf_projekt")
    page.get_by_label("Projektstart").fill("2020-08-31")
    page.get_by_label("Projektslut").fill("2023-02-28")
    for namn in ("Arbetsförmedlingen", "Region Västerbotten", "Norsjö kommun"):
        page.get_by_role("group", name="Sökande (samverkande) medlemmar").get_by_label(namn).check()
    page.get_by_label("Ansvarig medlem (projektägare)").select_option(label="Region Västerbotten")
    page.get_by_label("År (rad 1)").fill("2021")
    page.get_by_label("Sökt belopp (rad 1, kr)").fill("50000")
    page.get_by_label("År (rad 2)").fill("2022")
    page.get_by_label("Sökt belopp (rad 2, kr)").fill("50000")
    skarmbild(page, "insatser-ansokan-ny")
    page.get_by_role("button", name="Spara ansökan").click()
    expect(page.get_by_role("status")).to_contain_text("Ansökan är registrerad med diarienummer SFSN 2020/1")
    expect(page.get_by_role("heading", level=1)).to_have_text("SIKT 2.0")

    # Preparation: the preparatory group's opinion.
    page.get_by_role("link", name="Skicka till beredning").click()
    page.get_by_label("Beredningsgruppens yttrande").fill("Beredningsgruppen föreslår att medfinansiering beviljas enligt ansökan.")
    page.get_by_role("button", name="Skicka till beredning").click()
    expect(page.locator(".ingress")).to_contain_text("Under beredning")

    # Decision: above the applied amount is refused, with the reason, and nothing changes.
    page.get_by_role("link", name="Registrera styrelsens beslut").click()
    page.get_by_label("Styrelsens beslut (§)").select_option(str(paragraf.pk))
    page.get_by_label("Beviljad", exact=True).check()
    page.get_by_label("Beviljat 2021 (kr)").fill("60000")
    page.get_by_label("Kortnamn för ny insats").fill("SIKT 2.0")
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.locator("#id_beviljat_2021_fel")).to_contain_text("överstiger det sökta")
    expect(page.get_by_label("Beviljat 2021 (kr)")).to_have_attribute("aria-invalid", "true")
    assert not Beviljande.objects.exists()
    page.get_by_label("Beviljat 2021 (kr)").fill("50000")
    skarmbild(page, "insatser-ansokan-beslut")
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_role("status")).to_contain_text("Beslutet är registrerat: beviljad")
    skarmbild(page, "insatser-ansokan-beslutad")

    ansokan = Ansokan.objects.get(titel="SIKT 2.0")
    assert (ansokan.status, ansokan.beslut) == ("beslutad", "beviljad")
    insats = Insats.objects.get(forbund=forbund, kortnamn="SIKT 2.0")
    assert sorted(Beviljande.objects.filter(insats=insats).values_list("ar", flat=True)) == [2021, 2022]

    # The granted intervention, and the decision paragraph leading to it.
    page.get_by_role("link", name="SIKT 2.0", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("SIKT 2.0")
    expect(page.locator("#rubrik-beviljat + .tabell-rulla table")).to_contain_text("100 000 kr")
    skarmbild(page, "insatser-insats")
    page.get_by_role("link", name="§ 9/2020", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("§ 9/2020 Projektansökan SIKT 2.0")
    expect(page.locator("main")).to_contain_text("Beviljat genom beslutet: 100")
    skarmbild(page, "insatser-paragraf")
    page.goto(f"{url}/insatser/")
    skarmbild(page, "insatser-index")


def test_import_med_fel_visar_rad_och_kolumn(
    page: Page,
    live_server: Any,
    forbund: Forbund,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    tmp_path: Any,
) -> None:
    logga_in(page, anvandare(RollTyp.ADMINISTRATOR).username)
    fil = tmp_path / "insatser.csv"
    fil.write_text(
        "kortnamn;namn;typ;inriktning;startdatum;slutdatum;parter\nMISAM;Myndighetssamverkan;ordinarie;individ;2020-01-01;;fk,af\n"
        "NAFS;Nätverk;projekt;individ;2016-08-01;;af,xyz\n",
        encoding="utf-8",
    )
    page.goto(f"{live_server.url}/insatser/importera/")
    page.get_by_label("Kalkylblad (CSV eller XLSX)").set_input_files(str(fil))
    page.get_by_role("button", name="Importera").click()
    fel = page.get_by_role("alert").filter(has_text="Inget importerades")
    expect(fel).to_contain_text("Rad 3, kolumn typ: ”projekt” är inte giltigt")
    expect(fel).to_contain_text("Rad 3, kolumn parter: Okänd medlemskod xyz")
    skarmbild(page, "insatser-import-fel")
    assert not Insats.objects.exists()


def test_demodata_for_forbundschef_och_ledamot(
    page: Page, live_server: Any, logga_in: Callable[..., None], skarmbild: Callable[[Any, str], str]
) -> None:
    from finsam import demo as finsam_demo
    from insatser import demo
    from styrelse import demo as styrelse_demo

    forbund, _ = finsam_demo.seed()
    styrelse_demo.seed(forbund, "seed_demo")
    demo.seed(forbund, "seed_demo")
    from django.contrib.auth import get_user_model

    from finsam.models import Roll

    chef = Roll.objects.filter(forbund=forbund, roll=RollTyp.FORBUNDSCHEF).select_related("user").first().user
    ledamot = Roll.objects.filter(forbund=forbund, roll=RollTyp.STYRELSELEDAMOT).select_related("user").first().user
    for u in (chef, ledamot):
        u.set_password("losenord-for-test")
        u.save()
    assert get_user_model().objects.filter(pk=chef.pk).exists()

    logga_in(page, chef.username)
    expect(page.locator(".notiser")).to_contain_text("från MISAM är försenad")
    skarmbild(page, "insatser-demo-start-forbundschef")
    page.goto(f"{live_server.url}/insatser/?ar=2021")
    expect(page.locator("tbody")).to_contain_text("Arbetsmarknadstorget")
    skarmbild(page, "insatser-demo-index")
    page.get_by_role("link", name="MISAM", exact=True).click()
    expect(page.locator("#bemanning")).to_contain_text("Koordinator")
    skarmbild(page, "insatser-demo-misam")
    page.goto(f"{live_server.url}/insatser/ansokningar/")
    page.get_by_role("link", name="SIKT 2.0").click()
    expect(page.locator("main")).to_contain_text("Arbetsförmedlingen (bidrag i annat än pengar)")
    skarmbild(page, "insatser-demo-sikt")
    page.get_by_role("button", name="Logga ut").click()

    logga_in(page, ledamot.username)
    page.goto(f"{live_server.url}/insatser/")
    expect(page.get_by_role("link", name="Ny insats")).to_have_count(0)
    page.get_by_role("link", name="AMT", exact=True).click()
    expect(page.get_by_role("link", name="Ändra uppgifter")).to_have_count(0)
    expect(page.locator("#mal")).to_contain_text("Uppfyllt")
    skarmbild(page, "insatser-demo-amt-ledamot")
