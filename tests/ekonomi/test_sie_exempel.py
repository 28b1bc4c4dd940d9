"""All 61 real SIE files (SIE-gruppen's published examples, ../shared/sie-examples/): each is imported with the stated
type, or refused with the stated Swedish reason naming the row. None crashes; a refused file writes nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from ekonomi.models import Kontosaldo, Redovisningsimport, Transaktion
from ekonomi.selectors import rakenskaper
from ekonomi.services import bokforing_importera

pytestmark = pytest.mark.django_db

PROJEKT = Path(__file__).resolve().parents[2]
EXEMPEL = PROJEKT.parent / "shared" / "sie-examples"

FYRA_I = "Filen är SIE typ 4I"
# file -> ("typ", SIE type imported) or ("fel", a part of the refusal)
FORVANTAT: dict[str, tuple[str, str]] = {
    "BL0001_typ1.SE": ("typ", "1"), "BL0001_typ2.SE": ("typ", "2"), "BL0001_typ3.SE": ("typ", "3"), "BL0001_typ4.SE": ("typ", "4E"),
    "BL0001_typ4I.SI": ("fel", FYRA_I), "BokOrder.si": ("fel", FYRA_I), "BokslutSIE1.se": ("typ", "1"),
    "Bokslut_Norstedts_SIE_4E.se": ("fel", "rad 1149: verifikation B 17 (2010-06-30) saknar transaktionsrader"),
    "Exempelbolaget_SIE_110322_B_33.si": ("fel", "rad 28: konto 3040 används i en verifikation men finns inte i filens kontoplan"),
    "FAKT.SI": ("fel", FYRA_I), "LON_Lönekörning.SI": ("fel", FYRA_I), "Lön.si": ("fel", FYRA_I),
    "MAMUT_SIE1_EXPORT.SE": ("typ", "1"), "MAMUT_SIE2_EXPORT.SE": ("typ", "2"), "MAMUT_SIE3_EXPORT.SE": ("typ", "3"),
    "MAMUT_SIE4_EXPORT.SE": ("typ", "4E"), "Norstedts_Bokslut_SIE_1.se": ("typ", "1"), "Norstedts_Bokslut_SIE_4I.si": ("fel", FYRA_I),
    "Norstedts_Revision_SIE_1.SE": ("typ", "1"), "SIE-fil_från_Visma_Eget_Aktiebolag_2010.se": ("typ", "1"),
    "SIE-fil_från_Visma_Enskild_Firma_2010.se": ("typ", "1"), "SIE4_Exempelfil_med_underdim.SE": ("typ", "4E"),
    "SIE4_Visma_Anläggningsregister.si": ("fel", FYRA_I), "SIE_exempelfil.se": ("typ", "4E"), "Sie1.se": ("typ", "1"),
    "Sie2.se": ("typ", "2"), "Sie3.se": ("typ", "3"), "Sie4.se": ("fel", "rad 721: ogiltigt kontonummer 'FEL'"),
    "Sie4.si": ("typ", "4E"), "Sie_1.SE": ("typ", "1"), "Sie_1_2.se": ("typ", "2"), "Sie_2.SE": ("typ", "2"),
    "Sie_3___4.se": ("fel", "rad 2742: konto 9010 används i en verifikation men finns inte i filens kontoplan"),
    "Test1.SE": ("typ", "1"), "Test2.SE": ("typ", "2"), "Test3.SE": ("typ", "3"), "Test4.SE": ("typ", "4E"),
    "XE_SIE_1_20151125094750.SE": ("typ", "1"), "XE_SIE_2_20151125094903.SE": ("typ", "2"), "XE_SIE_3_20151125094952.SE": ("typ", "3"),
    "XE_SIE_4_20151125095119.SE": ("fel", "rad 1356: verifikation 1 1 (2015-09-12) balanserar inte: debet och kredit skiljer 2,00 kr"),
    "arsaldo_ovnbolag.se": ("typ", "1"), "live2011.se": ("typ", "4E"), "magenta_bokföring_SIE1.se": ("typ", "1"),
    "magenta_bokföring_SIE2.se": ("typ", "2"), "magenta_bokföring_SIE3.se": ("typ", "3"), "magenta_bokföring_SIE4E.se": ("typ", "4E"),
    "magenta_bokföring_SIE4I.se": ("fel", FYRA_I), "objektsaldo_ovnbolag.se": ("typ", "3"), "periodsaldo_ovnbolag.se": ("typ", "2"),
    "si.SI": ("fel", FYRA_I), "sie_3.SE": ("typ", "3"), "sie_4.SE": ("typ", "4E"),
    "transaktioner_ovnbolag-bad-balance.se": ("fel", "rad 3905: verifikation B 1 (2011-01-07) balanserar inte"),
    "transaktioner_ovnbolag.se": ("typ", "4E"), "typ1.se": ("typ", "1"), "typ2.se": ("typ", "2"), "typ3.se": ("typ", "3"),
    "typ4.se": ("typ", "4E"), "typ4si.si": ("fel", FYRA_I), "urval_ovnbolag.si": ("fel", FYRA_I),
}


# Reconciliation with the default mapping and no manual mapping (the member-income checks left out: these are companies,
# not förbund). Every imported file not listed passes every check. The listed ones are not consistent ledgers, and the
# accounts page shows the exact difference: BL0001 has 11 120 on its suspense account 9999 (class 9, outside the
# statements), SoftOne XE marks result accounts as assets (#KTYP T), SIE4_Exempelfil and sie_3/4 book equity directly
# (not through the result), the others' balances do not add up in the file itself.
AVSTAMNING_FEL: dict[str, dict[str, str]] = {
    "BL0001_typ1.SE": {"Tillgångar": "-11120.00", "Likvida medel": "11120.00"},
    "BL0001_typ2.SE": {"Tillgångar": "-11120.00", "Likvida medel": "11120.00"},
    "BL0001_typ3.SE": {"Tillgångar": "-11120.00", "Likvida medel": "11120.00"},
    "BL0001_typ4.SE": {"Tillgångar": "-11120.00", "Likvida medel": "11120.00"},
    "SIE-fil_från_Visma_Eget_Aktiebolag_2010.se": {"Tillgångar": "-3909.00", "Likvida medel": "3909.00"},
    "SIE-fil_från_Visma_Enskild_Firma_2010.se": {"Tillgångar": "-73860.93", "Likvida medel": "118.00",
                                                 "Eget kapital vid årets början": "-73742.93"},
    "SIE4_Exempelfil_med_underdim.SE": {"Likvida medel": "500000.00", "Eget kapital vid årets början": "500000.00"},
    "Sie2.se": {"Tillgångar": "-33125.72", "Likvida medel": "33125.72"},
    "Sie3.se": {"Tillgångar": "-33125.72", "Likvida medel": "33125.72"},
    "Sie4.si": {"Tillgångar": "-961.04", "Likvida medel": "595635.04", "Eget kapital vid årets början": "594674.00",
                "Verifikationerna": "1072804.96"},
    "Sie_1_2.se": {"Tillgångar": "-500.00", "Likvida medel": "500.00"},
    "Test3.SE": {"Tillgångar": "100.00", "Likvida medel": "-100.00"},
    "XE_SIE_1_20151125094750.SE": {"Tillgångar": "0.14", "Likvida medel": "-0.14"},
    "XE_SIE_2_20151125094903.SE": {"Tillgångar": "0.14", "Likvida medel": "-0.14"},
    "XE_SIE_3_20151125094952.SE": {"Tillgångar": "0.14", "Likvida medel": "-0.14"},
    "sie_3.SE": {"Likvida medel": "-200000.00", "Eget kapital vid årets början": "-200000.00"},
    "sie_4.SE": {"Likvida medel": "-200000.00", "Eget kapital vid årets början": "-200000.00"},
}


def test_alla_exempelfiler_finns_och_har_ett_forvantat_utfall() -> None:
    filer = {p.name for p in EXEMPEL.iterdir() if p.suffix.lower() in (".se", ".si")}
    assert len(filer) == 61 and filer == set(FORVANTAT)


@pytest.mark.parametrize("namn", sorted(FORVANTAT))
def test_exempelfil(forbund, namn: str) -> None:  # type: ignore[no-untyped-def]
    utfall, varde = FORVANTAT[namn]
    data = (EXEMPEL / namn).read_bytes()
    if utfall == "fel":
        with pytest.raises(ValidationError) as exc:
            bokforing_importera(forbund=forbund, aktor=None, data=data, filnamn=namn)
        assert varde in " ".join(exc.value.messages)
        assert not Redovisningsimport.objects.exists() and not Transaktion.objects.exists() and not Kontosaldo.objects.exists()
        return
    imp = bokforing_importera(forbund=forbund, aktor=None, data=data, filnamn=namn)
    assert imp.sietyp == varde
    assert imp.saldon.filter(rar=0).exists()
    assert imp.har_verifikationer is (varde == "4E")
    assert (imp.antal_verifikationer > 0) is (varde == "4E")
    assert imp.kodning in ("PC8 (CP437)", "UTF-8")
    # Å, ä, ö come out right: no CP437 letters read as box drawing, no replacement characters
    namn_i_filen = " ".join(imp.saldon.values_list("namn", flat=True))
    assert "├" not in namn_i_filen and "Ã" not in namn_i_filen
    # SIE4_Exempelfil_med_underdim.SE is UTF-8 whose letters were already replaced by U+FFFD in the file itself
    assert ("\ufffd" in namn_i_filen) is (b"\xef\xbf\xbd" in data)
    d = rakenskaper(forbund, imp.ar)
    fel = {k["kontroll"]: k["differens"] for k in d["avstamning"] if not k["ok"] and not k["kontroll"].startswith("Intäkt")}
    forvantat = AVSTAMNING_FEL.get(namn, {})
    assert {next(p for p in forvantat if t.startswith(p)) if any(t.startswith(p) for p in forvantat) else t: v
            for t, v in fel.items()} == {p: Decimal(v) for p, v in forvantat.items()}
