"""SIE 1–3: balances (#IB/#UB/#RES, #PSALDO, #OIB/#OUB, #OBJEKT) without vouchers, statements from them with the page saying
so, #RAR −1 as the comparison year, the file's identification shown; progress of the background job."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ekonomi.models import Bokforingsjobb, Dimensionsobjekt, Periodsaldo, Redovisningsimport, Transaktion
from ekonomi.selectors import rakenskaper
from ekonomi.services import bokforing_import_bestall, bokforing_importera
from finsam.models import RollTyp

from .test_sie import LITEN
from .test_sie_exempel import EXEMPEL

pytestmark = pytest.mark.django_db


def test_periodsaldon_och_objekt_sparas(forbund) -> None:  # type: ignore[no-untyped-def]
    imp = bokforing_importera(forbund=forbund, aktor=None, data=(EXEMPEL / "BL0001_typ3.SE").read_bytes(), filnamn="BL0001_typ3.SE")
    assert imp.sietyp == "3" and imp.antal_verifikationer == 0 and not Transaktion.objects.exists()
    assert Periodsaldo.objects.filter(redovisningsimport=imp, typ="psaldo").count() == 116
    assert Periodsaldo.objects.filter(redovisningsimport=imp, typ="oib").count() == 6
    assert Periodsaldo.objects.filter(redovisningsimport=imp, typ="oub").count() == 21
    assert Dimensionsobjekt.objects.filter(redovisningsimport=imp).count() == 23
    assert (imp.format, imp.genererad_av, imp.kodning) == ("PC8", "1", "PC8 (CP437)")


def test_periodsaldon_for_bada_aren(forbund) -> None:  # type: ignore[no-untyped-def]
    imp = bokforing_importera(forbund=forbund, aktor=None, data=(EXEMPEL / "periodsaldo_ovnbolag.se").read_bytes(), filnamn="p.se")
    assert imp.sietyp == "2"
    assert Periodsaldo.objects.filter(redovisningsimport=imp, rar=0).count() == 158
    assert Periodsaldo.objects.filter(redovisningsimport=imp, rar=-1).count() == 547


def test_sie1_ger_rakenskaper_utan_verifikationer_och_jamforelsear(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    imp = bokforing_importera(forbund=forbund, aktor=None, data=(EXEMPEL / "BL0001_typ1.SE").read_bytes(), filnamn="BL0001_typ1.SE")
    assert (imp.sietyp, imp.ar, imp.orgnr, str(imp.genererad)) == ("1", 2010, "556265-1892", "2011-11-01")
    d = rakenskaper(forbund, 2010)
    assert d["foregaende"] is not None  # from #RAR -1
    assert d["import"]["har_verifikationer"] is False
    c = klient(RollTyp.FORBUNDSCHEF)
    sida = c.get("/ekonomi/rakenskaper/?ar=2010").content.decode()
    assert 'id="utan-verifikationer"' in sida and "SIE typ 1" in sida
    lista = c.get("/ekonomi/bokforing/").content.decode()
    assert "#ORGNR 556265-1892" in lista and "#FORMAT PC8" in lista and "Saldon utan verifikationer" in lista


def test_ub_utan_res_ger_resultatet(forbund) -> None:  # type: ignore[no-untyped-def]
    """A file with #UB but no #RES (and no vouchers): the result comes from the result accounts' #UB − #IB, not 0."""
    text = "\n".join(r for r in LITEN.splitlines() if not r.startswith("#RES") and not r.startswith(("#VER", "{", "}", "   #TRANS")))
    text = text.replace("#SIETYP 4", "#SIETYP 1") + "\n#UB 0 3030 -800.00\n#UB 0 6410 300.00\n"
    bokforing_importera(forbund=forbund, aktor=None, data=text.encode("cp437"), filnamn="ub.se")
    assert rakenskaper(forbund, 2019)["arets_resultat"] == Decimal("500.00")


def test_jobbet_rapporterar_framsteg(forbund) -> None:  # type: ignore[no-untyped-def]
    steg: list[tuple[int, str]] = []
    bokforing_importera(forbund=forbund, aktor=None, data=LITEN.encode("cp437") * 1, filnamn="a.se", framsteg=lambda p, s: steg.append((p, s)))
    procent = [p for p, _ in steg]
    assert procent == sorted(procent) and procent[-1] == 85 and steg[-1][1] == "Sparar"
    assert any(s == "Läser och kontrollerar filen" for _, s in steg)
    jobb = bokforing_import_bestall(forbund=forbund, aktor=None, data=LITEN.encode("cp437"), filnamn="b.se", ersatt=True)
    jobb.refresh_from_db()
    assert (jobb.status, jobb.framsteg, jobb.steg, bytes(jobb.data)) == (Bokforingsjobb.Status.KLAR, 100, "Klar", b"")
    assert Redovisningsimport.objects.get().filnamn == "b.se"
