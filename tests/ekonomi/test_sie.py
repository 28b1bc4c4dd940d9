"""SIE type 4 import: CP437, quoted strings, vouchers; an unbalanced voucher is refused by name and nothing changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from ekonomi.bokforing.sie import las_sie, tokens
from ekonomi.models import Kontosaldo, Redovisningsimport, Transaktion
from ekonomi.services import bokforing_importera
from finsam.models import Handelse

DEMO = Path(__file__).resolve().parents[2] / "ekonomi" / "demo_data" / "skelleftea-norsjo-2019.se"

LITEN = """#FLAGGA 0
#PROGRAM "Visma" 1.0
#FORMAT PC8
#SIETYP 4
#FNAMN "Samordningsförbundet Skellefteå-Norsjö"
#RAR 0 20190101 20191231
#KONTO 1930 "Bank"
#KONTO 3030 "Driftbidrag från Skellefteå kommun"
#KONTO 6410 "Arvoden \\"styrelsen\\""
#IB 0 1930 1000.00
#UB 0 1930 1500.00
#RES 0 3030 -800.00
#RES 0 6410 300.00
#VER A 1 20190115 "Bidrag kv 1 Skellefteå" 20190116
{
   #TRANS 1930 {} 800.00
   #TRANS 3030 {1 "100"} -800.00 20190115 "Skellefteå"
}
#VER B 7 20190320 "Arvoden mars"
{
   #TRANS 6410 {} 300.00
   #TRANS 1930 {} -300.00
}
"""


def test_tokens_citat_och_objektlistor() -> None:
    assert tokens('#TRANS 3030 {1 "100"} -800.00 20190115 "Skellefteå \\"SN\\""') == [
        "#TRANS",
        "3030",
        "{",
        "1",
        "100",
        "}",
        "-800.00",
        "20190115",
        'Skellefteå "SN"',
    ]


def test_cp437_avkodas() -> None:
    fil = las_sie(LITEN.encode("cp437"))
    assert fil.fnamn == "Samordningsförbundet Skellefteå-Norsjö"
    assert fil.konton[3030] == "Driftbidrag från Skellefteå kommun"
    assert fil.konton[6410] == 'Arvoden "styrelsen"'
    assert [v.namn for v in fil.verifikationer] == ["A 1", "B 7"]
    assert fil.verifikationer[0].trans[1] == (3030, Decimal("-800.00"), dt.date(2019, 1, 15), "Skellefteå")  # (konto, belopp, datum, text)
    assert fil.res[(0, 6410)] == Decimal("300.00")


def test_obalanserad_verifikation_vagras_med_namn(forbund) -> None:  # type: ignore[no-untyped-def]
    trasig = LITEN.replace("#TRANS 1930 {} -300.00", "#TRANS 1930 {} -299.00")
    fore = Handelse.objects.count()
    with pytest.raises(ValidationError) as exc:
        bokforing_importera(forbund=forbund, aktor=None, data=trasig.encode("cp437"), filnamn="trasig.se")
    assert "SIE-filen, rad 19: verifikation B 7 (2019-03-20) balanserar inte" in exc.value.messages[0]
    assert "1,00 kr" in exc.value.messages[0]
    assert not Redovisningsimport.objects.exists() and not Transaktion.objects.exists()
    assert Handelse.objects.count() == fore


def test_fel_sietyp_och_trasig_klammer() -> None:
    with pytest.raises(ValidationError, match="SIE-typerna är 1, 2, 3 och 4"):
        las_sie(LITEN.replace("#SIETYP 4", "#SIETYP 5").encode("cp437"))
    with pytest.raises(ValidationError, match="slutar mitt i verifikation B 7"):
        las_sie(LITEN.rstrip().rstrip("}").encode("cp437"))


def test_demofilen_importeras_och_ersatter_tidigare_import(forbund) -> None:  # type: ignore[no-untyped-def]
    data = DEMO.read_bytes()
    imp = bokforing_importera(forbund=forbund, aktor=None, data=data, filnamn=DEMO.name)
    assert imp.ar == 2019 and imp.antal_verifikationer == 125 and imp.foretag == "Samordningsförbundet Skellefteå-Norsjö"
    assert Kontosaldo.objects.get(redovisningsimport=imp, rar=0, konto=1930).ub == Decimal("1480904.00")
    assert Kontosaldo.objects.get(redovisningsimport=imp, rar=-1, konto=1930).ib == Decimal("1400000.00")
    antal = Transaktion.objects.count()
    # a voucher's sum is zero, so all transactions sum to zero
    assert sum(Transaktion.objects.values_list("belopp", flat=True)) == 0
    with pytest.raises(ValidationError, match="Bekräfta att den ska ersättas"):
        bokforing_importera(forbund=forbund, aktor=None, data=data, filnamn=DEMO.name)
    imp2 = bokforing_importera(forbund=forbund, aktor=None, data=data, filnamn=DEMO.name, ersatt=True)
    assert Redovisningsimport.objects.count() == 1 and Transaktion.objects.count() == antal and imp2.pk != imp.pk
    handelser = Handelse.objects.filter(handling="bokforing_importera").order_by("id")
    assert handelser.count() == 2
    sha = imp.sha256
    assert handelser[1].detaljer["sha256_fore"] == sha and handelser[1].detaljer["sha256_efter"] == sha


def test_import_sie_kommandot(forbund, capsys) -> None:  # type: ignore[no-untyped-def]
    call_command("import_sie", str(DEMO), "--forbund", forbund.slug)
    ut = capsys.readouterr().out
    assert "2019" in ut and "125 verifikationer" in ut
    assert Redovisningsimport.objects.filter(forbund=forbund, ar=2019).exists()


def test_verifikationer_mot_saldon_i_filen(forbund) -> None:  # type: ignore[no-untyped-def]
    from ekonomi.selectors import rakenskaper

    bokforing_importera(
        forbund=forbund, aktor=None, data=LITEN.replace("#UB 0 1930 1500.00", "#UB 0 1930 1600.00").encode("cp437"), filnamn="fel-ub.se"
    )
    k = next(k for k in rakenskaper(forbund, 2019)["avstamning"] if k["kontroll"].startswith("Verifikationerna"))
    assert k["ok"] is False and k["differens"] == Decimal("100") and k["detalj"] == "Kassa och bank: -100.00"


def test_saldon_harleds_nar_filen_saknar_ub_och_res(forbund) -> None:  # type: ignore[no-untyped-def]
    utan = "\n".join(r for r in LITEN.splitlines() if not r.startswith(("#UB", "#RES")))
    imp = bokforing_importera(forbund=forbund, aktor=None, data=utan.encode("cp437"), filnamn="utan-ub.se")
    assert Kontosaldo.objects.get(redovisningsimport=imp, konto=1930).ub == Decimal("1500.00")
    assert Kontosaldo.objects.get(redovisningsimport=imp, konto=3030).res == Decimal("-800.00")


def test_import_sie_kommandot_kraver_ersatt_och_samma_storleksgrans(forbund, capsys, settings) -> None:  # type: ignore[no-untyped-def]
    from django.core.management.base import CommandError

    call_command("import_sie", str(DEMO), "--forbund", forbund.slug)
    forsta = Redovisningsimport.objects.get(forbund=forbund, ar=2019)
    with pytest.raises(CommandError, match="kör igen med --ersatt"):
        call_command("import_sie", str(DEMO), "--forbund", forbund.slug)
    assert "Verifikationer: 125 → 125" in capsys.readouterr().out
    assert Redovisningsimport.objects.get(forbund=forbund, ar=2019).pk == forsta.pk
    call_command("import_sie", str(DEMO), "--forbund", forbund.slug, "--ersatt")
    assert Redovisningsimport.objects.get(forbund=forbund, ar=2019).pk != forsta.pk
    settings.FINSAM_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(CommandError, match="största tillåtna storlek är 0 MiB"):
        call_command("import_sie", str(DEMO), "--forbund", forbund.slug, "--ersatt")
