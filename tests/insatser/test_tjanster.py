"""Business rules of the insatser services: the two-member rule, grants need a decision, workflow, goals, status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from finsam.models import Forbund, Handelse, Medlem
from insatser import services
from insatser.models import Ansokan, Beviljande, Insats, Malbedomning
from insatser.selectors import beviljat_per_ar, malbedomningar_for
from tests.insatser import factories as f


def test_tvamedlemsregeln_i_tjansten(forbund: Forbund, chef) -> None:
    ensam = f.insats(forbund, "ENSAM", parter=("fk",))
    paragraf = f.paragraf(forbund)
    fore = Handelse.objects.count()
    with pytest.raises(ValidationError, match="minst två medlemmar måste delta i insatsen \\(nu 1\\)"):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=ensam, paragraf=paragraf, ar=2020, belopp=100_000)
    assert not Beviljande.objects.exists()
    assert Handelse.objects.count() == fore
    ensam.parter.add(Medlem.objects.get(forbund=forbund, kod="af"))
    grant = services.beviljande_create(forbund=forbund, aktor=chef, insats=ensam, paragraf=paragraf, ar=2020, belopp=100_000)
    assert grant.belopp == Decimal(100_000)
    assert Handelse.objects.filter(handling="beviljande_skapa", objekt_id=str(grant.pk)).exists()


def test_parter_kan_inte_minskas_under_tva_nar_medel_beviljats(forbund: Forbund, chef) -> None:
    insats = f.insats(forbund, "MISAM", parter=("fk", "af"))
    f.beviljande(forbund, insats)
    with pytest.raises(ValidationError, match="minst två medlemmar"):
        services.insats_update(insats=insats, aktor=chef, parter=[Medlem.objects.get(forbund=forbund, kod="fk")])
    assert insats.parter.count() == 2


def test_beviljande_utan_beslut_nekas(forbund: Forbund, chef) -> None:
    insats = f.insats(forbund)
    with pytest.raises(ValidationError, match="bara beviljas genom ett styrelsebeslut"):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=None, ar=2020, belopp=5)
    annan = f.paragraf(Forbund.objects.create(slug="x", namn="X"))
    with pytest.raises(ValidationError, match="annat förbund"):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=annan, ar=2020, belopp=5)
    assert not Beviljande.objects.exists()


def test_beviljande_bara_genom_ett_bifall_i_ett_arende_om_medel(forbund: Forbund, chef) -> None:
    """The adoption rule (styrelse.regler): not by "Mötets öppnande", not by an avslag, not at a meeting not yet held."""
    insats = f.insats(forbund)
    oppning = f.paragraf(forbund, nummer=1, rubrik="Mötets öppnande")
    with pytest.raises(ValidationError, match=r"§ 1/2020 Mötets öppnande är inget ärende om bidraget och kan inte fastställa bidraget\."):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=oppning, ar=2020, belopp=5)
    avslag = f.paragraf(forbund, nummer=10, rubrik="Ansökan om medel: Friskvård")
    avslag.utfall = "avslag"
    avslag.save(update_fields=["utfall"])
    with pytest.raises(ValidationError, match=r"är inget bifall \(avslag\)"):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=avslag, ar=2020, belopp=5)
    idag = dt.date.today()
    senare = f.paragraf(forbund, ar=idag.year + 1, nummer=3, datum=idag + dt.timedelta(days=40), status="genomfort")
    with pytest.raises(ValidationError, match="hör till ett sammanträde som inte har hållits"):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=senare, ar=idag.year + 1, belopp=5)
    assert not Beviljande.objects.exists()
    # The year's budget decision allocates grants as well (the seeds' "att bevilja AMT 1 900 000 kr för 2019").
    budget = f.paragraf(forbund, ar=2019, nummer=85, datum=dt.date(2018, 11, 29), rubrik="Verksamhetsplan och budget 2019")
    assert services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=budget, ar=2019, belopp=5).belopp == 5


def test_ansokan_hela_floden_och_belopp_over_sokt_nekas(forbund: Forbund, chef) -> None:
    medlemmar = list(Medlem.objects.filter(forbund=forbund, kod__in=["af", "region", "norsjo"]))
    ansokan = services.ansokan_create(
        forbund=forbund,
        aktor=chef,
        sokande=medlemmar,
        belopp={2020: 30_000, 2021: 40_000, 2022: 30_000},
        titel="SIKT 2.0",
        startdatum=dt.date(2020, 8, 31),
        slutdatum=dt.date(2023, 2, 28),
        insats_typ=Insats.Typ.ESF_PROJEKT,
        projektagare_extern="",
        ansvarig_medlem=Medlem.objects.get(forbund=forbund, kod="region"),
        inkom=dt.date(2020, 1, 20),
    )
    assert ansokan.diarienummer == "SFSN 2020/1"
    from styrelse.models import Handling

    handling = Handling.objects.get(forbund=forbund, ar=2020, lopnummer=1)
    assert (handling.riktning, handling.rubrik, handling.motpart) == ("inkommande", "Ansökan om finansiering: SIKT 2.0", "Region Västerbotten")
    paragraf = f.paragraf(forbund)
    with pytest.raises(ValidationError, match="beretts"):
        services.ansokan_besluta(
            ansokan=ansokan,
            aktor=chef,
            paragraf=paragraf,
            beslut="beviljad",
            belopp={2020: 30_000, 2021: 40_000, 2022: 30_000},
            ny_insats={"kortnamn": "SIKT"},
        )
    services.ansokan_till_beredning(ansokan=ansokan, aktor=chef, yttrande="Beredningsgruppen tillstyrker.")
    with pytest.raises(ValidationError, match="överstiger det sökta"):
        services.ansokan_besluta(
            ansokan=ansokan, aktor=chef, paragraf=paragraf, beslut="delvis_beviljad", belopp={2020: 30_001}, ny_insats={"kortnamn": "SIKT"}
        )
    with pytest.raises(ValidationError, match="styrelsebeslut"):
        services.ansokan_besluta(
            ansokan=ansokan,
            aktor=chef,
            paragraf=None,
            beslut="beviljad",
            belopp={2020: 30_000, 2021: 40_000, 2022: 30_000},
            ny_insats={"kortnamn": "SIKT"},
        )
    with pytest.raises(ValidationError, match="välj delvis beviljad"):
        services.ansokan_besluta(
            ansokan=ansokan, aktor=chef, paragraf=paragraf, beslut="beviljad", belopp={2020: 30_000}, ny_insats={"kortnamn": "SIKT"}
        )
    ansokan.refresh_from_db()
    assert ansokan.status == Ansokan.Status.UNDER_BEREDNING and not Insats.objects.filter(kortnamn="SIKT").exists()
    services.ansokan_besluta(
        ansokan=ansokan,
        aktor=chef,
        paragraf=paragraf,
        beslut="beviljad",
        belopp={2020: 30_000, 2021: 40_000, 2022: 30_000},
        ny_insats={"kortnamn": "SIKT"},
    )
    ansokan.refresh_from_db()
    assert (ansokan.status, ansokan.beslut, ansokan.paragraf) == ("beslutad", "beviljad", paragraf)
    sikt = ansokan.insats
    assert sikt is not None and sikt.kortnamn == "SIKT" and sikt.typ == "esf_projekt"
    assert sorted(sikt.parter.values_list("kod", flat=True)) == ["af", "norsjo", "region"]
    assert beviljat_per_ar(forbund, 2021) == {sikt.pk: Decimal(40_000)}
    # A later extra grant for the same application and year cannot exceed what was applied for.
    with pytest.raises(ValidationError, match="överstiger det sökta"):
        services.beviljande_create(
            forbund=forbund, aktor=chef, insats=sikt, paragraf=f.paragraf(forbund, nummer=30), ar=2021, belopp=1, ansokan=ansokan
        )
    handlingar = set(Handelse.objects.filter(forbund=forbund).values_list("handling", flat=True))
    assert {"ansokan_skapa", "ansokan_till_beredning", "ansokan_besluta", "beviljande_skapa", "insats_skapa"} <= handlingar


def test_avslag_utan_belopp(forbund: Forbund, chef) -> None:
    ansokan = f.ansokan(forbund, status=Ansokan.Status.UNDER_BEREDNING)
    paragraf = f.paragraf(forbund)
    with pytest.raises(ValidationError, match="avslagen ansökan kan inte"):
        services.ansokan_besluta(ansokan=ansokan, aktor=chef, paragraf=paragraf, beslut="avslagen", belopp={2020: 10})
    services.ansokan_besluta(ansokan=ansokan, aktor=chef, paragraf=paragraf, beslut="avslagen")
    ansokan.refresh_from_db()
    assert ansokan.beslut == "avslagen" and ansokan.insats is None and not Beviljande.objects.exists()
    with pytest.raises(ValidationError, match="redan beslutad"):
        services.ansokan_besluta(ansokan=ansokan, aktor=chef, paragraf=paragraf, beslut="avslagen")


def test_beviljad_ansokan_med_en_sokande_nekas(forbund: Forbund, chef) -> None:
    ansokan = f.ansokan(forbund, sokande=("region",), status=Ansokan.Status.UNDER_BEREDNING, belopp={2020: 10_000})
    with pytest.raises(ValidationError, match="Minst två medlemmar måste stå bakom ansökan"):
        services.ansokan_besluta(
            ansokan=ansokan, aktor=chef, paragraf=f.paragraf(forbund), beslut="beviljad", belopp={2020: 10_000}, ny_insats={"kortnamn": "SOLO"}
        )
    assert not Insats.objects.filter(kortnamn="SOLO").exists()
    ansokan.refresh_from_db()
    assert ansokan.status == Ansokan.Status.UNDER_BEREDNING


def test_malbedomning_per_ar(forbund: Forbund, chef) -> None:
    insats = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1), slutdatum=dt.date(2022, 12, 31))
    mal = services.mal_create(insats=insats, aktor=chef, text="60 % av deltagarna ska ha kommit närmare arbetsmarknaden")
    services.malbedomning_spara(mal=mal, aktor=chef, ar=2020, bedomning="delvis_uppfyllt", kommentar="Pandemin försenade starten.")
    services.malbedomning_spara(mal=mal, aktor=chef, ar=2021, bedomning="uppfyllt")
    services.malbedomning_spara(mal=mal, aktor=chef, ar=2020, bedomning="ej_uppfyllt", kommentar="Omprövad.")
    assert dict(Malbedomning.objects.filter(mal=mal).values_list("ar", "bedomning")) == {2020: "ej_uppfyllt", 2021: "uppfyllt"}
    assert [b.mal.insats.kortnamn for b in malbedomningar_for(forbund, 2021)] == ["MISAM"]
    with pytest.raises(ValidationError, match="pågick inte 2019"):
        services.malbedomning_spara(mal=mal, aktor=chef, ar=2019, bedomning="uppfyllt")
    with pytest.raises(ValidationError, match="Välj bedömning"):
        services.malbedomning_spara(mal=mal, aktor=chef, ar=2021, bedomning="bra")
    with pytest.raises(ValidationError, match="har bedömningar"):
        services.mal_delete(mal=mal, aktor=chef)


def test_statusovergangar(forbund: Forbund, chef) -> None:
    insats = f.insats(forbund, "NY", status=Insats.Status.PLANERAD, startdatum=dt.date(2020, 1, 1))
    services.insats_status_andra(insats=insats, aktor=chef, status="pagaende")
    insats = services.insats_status_andra(insats=insats, aktor=chef, status="avslutad")
    assert insats.slutdatum is not None
    with pytest.raises(ValidationError, match="kan inte bli pågående"):
        services.insats_status_andra(insats=insats, aktor=chef, status="pagaende")
    ensam = f.insats(forbund, "ENSAM", parter=("fk",), status=Insats.Status.PLANERAD)
    with pytest.raises(ValidationError, match="minst två medlemmar"):
        services.insats_status_andra(insats=ensam, aktor=chef, status="pagaende")


def test_kortnamn_unikt_per_forbund(forbund: Forbund, annat_forbund: Forbund, chef) -> None:
    data = {"namn": "X", "typ": "ordinarie", "inriktning": "individ", "startdatum": dt.date(2020, 1, 1), "agare_extern": "Folkhögskolan"}
    services.insats_create(forbund=forbund, aktor=chef, kortnamn="NAFS", **data)
    with pytest.raises(ValidationError, match="redan en insats med kortnamnet"):
        services.insats_create(forbund=forbund, aktor=chef, kortnamn="nafs", **data)
    services.insats_create(forbund=annat_forbund, aktor=chef, kortnamn="NAFS", **data)
