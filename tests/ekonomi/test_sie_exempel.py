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
    "BL0001_typ1.SE": ("typ", "1"),
    "BL0001_typ2.SE": ("typ", "2"),
    "BL0001_typ3.SE": ("typ", "3"),
    "BL0001_typ4.SE": ("typ", "4E"),
    "BL0001_typ4I.SI": ("fel", FYRA_I),
    "BokOrder.si": ("fel", FYRA_I),
    "BokslutSIE1.se": ("typ", "1"),
    "Bokslut_Norstedts_SIE_4E.se": ("fel", "rad 1149: verifikation B 17 (2010-06-30) saknar transaktionsrader"),
    "Exempelbolaget_SIE_110322_B_33.si": ("fel", "rad 28: konto 3040 används i en verifikation men finns inte i filens kontoplan"),
    "FAKT.SI": ("fel", FYRA_I),
    "LON_Lönekörning.SI": ("fel", FYRA_I),
    "Lön.si": ("fel", FYRA_I),
    "MAMUT_SIE1_EXPORT.SE": ("typ", "1"),
    "MAMUT_SIE2_EXPORT.SE": ("typ", "2"),
    "MAMUT_SIE3_EXPORT.SE": ("typ", "3"),
    "MAMUT_SIE4_EXPORT.SE": ("typ", "4E"),
    "Norstedts_Bokslut_SIE_1.se": ("typ", "1"),
    "Norstedts_Bokslut_SIE_4I.si": ("fel", FYRA_I),
    "Norstedts_Revision_SIE_1.SE": ("typ", "1"),
    "SIE-fil_från_Visma_Eget_Aktiebolag_2010.se": ("typ", "1"),
    "SIE-fil_från_Visma_Enskild_Firma_2010.se": ("typ", "1"),
    "SIE4_Exempelfil_med_underdim.SE": ("typ", "4E"),
    "SIE4_Visma_Anläggningsregister.si": ("fel", FYRA_I),
    "SIE_exempelfil.se": ("typ", "4E"),
    "Sie1.se": ("typ", "1"),
    "Sie2.se": ("typ", "2"),
    "Sie3.se": ("typ", "3"),
    "Sie4.se": ("fel", "rad 721: ogiltigt kontonummer 'FEL'"),
    "Sie4.si": ("typ", "4E"),
    "Sie_1.SE": ("typ", "1"),
    "Sie_1_2.se": ("typ", "2"),
    "Sie_2.SE": ("typ", "2"),
    "Sie_3___4.se": ("fel", "rad 2742: konto 9010 används i en verifikation men finns inte i filens kontoplan"),
    "Test1.SE": ("typ", "1"),
    "Test2.SE": ("typ", "2"),
    "Test3.SE": ("typ", "3"),
    "Test4.SE": ("typ", "4E"),
    "XE_SIE_1_20151125094750.SE": ("typ", "1"),
    "XE_SIE_2_20151125094903.SE": ("typ", "2"),
    "XE_SIE_3_20151125094952.SE": ("typ", "3"),
    "XE_SIE_4_20151125095119.SE": ("fel", "rad 1356: verifikation 1 1 (2015-09-12) balanserar inte: debet och kredit skiljer 2,00 kr"),
    "arsaldo_ovnbolag.se": ("typ", "1"),
    "live2011.se": ("typ", "4E"),
    "magenta_bokföring_SIE1.se": ("typ", "1"),
    "magenta_bokföring_SIE2.se": ("typ", "2"),
    "magenta_bokföring_SIE3.se": ("typ", "3"),
    "magenta_bokföring_SIE4E.se": ("typ", "4E"),
    "magenta_bokföring_SIE4I.se": ("fel", FYRA_I),
    "objektsaldo_ovnbolag.se": ("typ", "3"),
    "periodsaldo_ovnbolag.se": ("typ", "2"),
    "si.SI": ("fel", FYRA_I),
    "sie_3.SE": ("typ", "3"),
    "sie_4.SE": ("typ", "4E"),
    "transaktioner_ovnbolag-bad-balance.se": ("fel", "rad 3905: verifikation B 1 (2011-01-07) balanserar inte"),
    "transaktioner_ovnbolag.se": ("typ", "4E"),
    "typ1.se": ("typ", "1"),
    "typ2.se": ("typ", "2"),
    "typ3.se": ("typ", "3"),
    "typ4.se": ("typ", "4E"),
    "typ4si.si": ("fel", FYRA_I),
    "urval_ovnbolag.si": ("fel", FYRA_I),
}


# Reconciliation with the default mapping and no manual mapping (the member-income checks left out: these are companies,
# not förbund). Every imported file not listed passes every check. The listed ones are not consistent ledgers, and the
# accounts page shows the exact difference: BL0001 has 11 120 on its suspense account 9999 (class 9, outside the
# statements), SoftOne XE marks result accounts as assets (#KTYP T), SIE4_Exempelfil and sie_3/4 book equity directly
# (not through the result), the others' balances do not add up in the file itself. The comparison-year and continuity
# checks show what the files carry between years: MAMUT opens 2010 with VAT balances (2611, 2650) that differ from its
# own closing balances of 2009, BL0001's 2009 column has 800 outside the statements (class 9), and the övningsbolag files
# move 500 000 directly in equity in 2010 (a dividend, not the result). Where a file has no #IB -1 the comparison year's
# movement is not checked.
AVSTAMNING_FEL: dict[str, dict[str, str]] = {
    "BL0001_typ1.SE": {
        "Tillgångar = eget kapital och skulder": "-11120.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "11120.00",
        "Jämförelseåret 2009: tillgångar = eget kapital och skulder": "800.00",
        "Jämförelseåret 2009: likvida medel enligt kassaflödesanalysen = kassa och bank": "-800.00",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "800.00",
    },
    "BL0001_typ2.SE": {
        "Tillgångar = eget kapital och skulder": "-11120.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "11120.00",
        "Jämförelseåret 2009: tillgångar = eget kapital och skulder": "800.00",
        "Jämförelseåret 2009: likvida medel enligt kassaflödesanalysen = kassa och bank": "-800.00",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "800.00",
    },
    "BL0001_typ3.SE": {
        "Tillgångar = eget kapital och skulder": "-11120.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "11120.00",
        "Jämförelseåret 2009: tillgångar = eget kapital och skulder": "800.00",
        "Jämförelseåret 2009: likvida medel enligt kassaflödesanalysen = kassa och bank": "-800.00",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "800.00",
    },
    "BL0001_typ4.SE": {
        "Tillgångar = eget kapital och skulder": "-11120.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "11120.00",
        "Jämförelseåret 2009: tillgångar = eget kapital och skulder": "800.00",
        "Jämförelseåret 2009: likvida medel enligt kassaflödesanalysen = kassa och bank": "-800.00",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "800.00",
    },
    "MAMUT_SIE1_EXPORT.SE": {
        "Ingående balanser 2010 = utgående balanser 2009 enligt samma fil (per konto utom eget kapital)": "886994.10",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "-0.10",
    },
    "MAMUT_SIE2_EXPORT.SE": {
        "Ingående balanser 2010 = utgående balanser 2009 enligt samma fil (per konto utom eget kapital)": "886994.10",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "-0.10",
    },
    "MAMUT_SIE3_EXPORT.SE": {
        "Ingående balanser 2010 = utgående balanser 2009 enligt samma fil (per konto utom eget kapital)": "886994.10",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "-0.10",
    },
    "MAMUT_SIE4_EXPORT.SE": {
        "Ingående balanser 2010 = utgående balanser 2009 enligt samma fil (per konto utom eget kapital)": "886994.10",
        "Eget kapital vid årets början 2010 = eget kapital vid årets slut 2009": "-0.10",
    },
    "SIE-fil_från_Visma_Eget_Aktiebolag_2010.se": {
        "Tillgångar = eget kapital och skulder": "-3909.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "3909.00",
    },
    "SIE-fil_från_Visma_Enskild_Firma_2010.se": {
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "118.00",
        "Eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "118.00",
    },
    "SIE4_Exempelfil_med_underdim.SE": {
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "500000.00",
        "Eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "500000.00",
    },
    "SIE_exempelfil.se": {
        "Jämförelseåret 2010: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "-88.45",
        "Jämförelseåret 2010: likvida medel enligt kassaflödesanalysen = kassa och bank": "-88.45",
    },
    "Sie2.se": {
        "Tillgångar = eget kapital och skulder": "-33125.72",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "33125.72",
    },
    "Sie3.se": {
        "Tillgångar = eget kapital och skulder": "-33125.72",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "33125.72",
    },
    "Sie4.si": {
        "Tillgångar = eget kapital och skulder": "-961.04",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "595635.04",
        "Eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "594674.00",
        "Verifikationerna summerar till kontonas saldon (IB + verifikationer = UB, verifikationer = resultat)": "1072804.96",
    },
    "Sie_1_2.se": {
        "Tillgångar = eget kapital och skulder": "-500.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "500.00",
        "Ingående balanser 2014 = utgående balanser 2013 enligt samma fil (per konto utom eget kapital)": "2380368.83",
        "Eget kapital vid årets början 2014 = eget kapital vid årets slut 2013": "-1594487.17",
    },
    "Test3.SE": {
        "Tillgångar = eget kapital och skulder": "100.00",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "-100.00",
        "Ingående balanser 1997 = utgående balanser 1996 enligt samma fil (per konto utom eget kapital)": "20370.00",
        "Eget kapital vid årets början 1997 = eget kapital vid årets slut 1996": "20370.00",
    },
    "XE_SIE_1_20151125094750.SE": {
        "Tillgångar = eget kapital och skulder": "0.14",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "-0.14",
        "Jämförelseåret 2015: tillgångar = eget kapital och skulder": "-1215777.56",
        "Jämförelseåret 2015: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "-100.00",
        "Jämförelseåret 2015: likvida medel enligt kassaflödesanalysen = kassa och bank": "1215677.56",
        "Eget kapital vid årets början 2016 = eget kapital vid årets slut 2015": "-1215777.56",
    },
    "XE_SIE_2_20151125094903.SE": {
        "Tillgångar = eget kapital och skulder": "0.14",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "-0.14",
        "Jämförelseåret 2015: tillgångar = eget kapital och skulder": "-1215777.56",
        "Jämförelseåret 2015: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "-100.00",
        "Jämförelseåret 2015: likvida medel enligt kassaflödesanalysen = kassa och bank": "1215677.56",
        "Eget kapital vid årets början 2016 = eget kapital vid årets slut 2015": "-1215777.56",
    },
    "XE_SIE_3_20151125094952.SE": {
        "Tillgångar = eget kapital och skulder": "0.14",
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "-0.14",
        "Jämförelseåret 2015: tillgångar = eget kapital och skulder": "-1215777.56",
        "Jämförelseåret 2015: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "-100.00",
        "Jämförelseåret 2015: likvida medel enligt kassaflödesanalysen = kassa och bank": "1215677.56",
        "Eget kapital vid årets början 2016 = eget kapital vid årets slut 2015": "-1215777.56",
    },
    "arsaldo_ovnbolag.se": {
        "Jämförelseåret 2010: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "500000.00",
        "Jämförelseåret 2010: likvida medel enligt kassaflödesanalysen = kassa och bank": "500000.00",
    },
    "objektsaldo_ovnbolag.se": {
        "Jämförelseåret 2010: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "500000.00",
        "Jämförelseåret 2010: likvida medel enligt kassaflödesanalysen = kassa och bank": "500000.00",
    },
    "periodsaldo_ovnbolag.se": {
        "Jämförelseåret 2010: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "500000.00",
        "Jämförelseåret 2010: likvida medel enligt kassaflödesanalysen = kassa och bank": "500000.00",
    },
    "sie_3.SE": {
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "-200000.00",
        "Eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "-200000.00",
    },
    "sie_4.SE": {
        "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen": "-200000.00",
        "Eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "-200000.00",
    },
    "transaktioner_ovnbolag.se": {
        "Jämförelseåret 2010: eget kapital vid årets början + årets resultat = eget kapital vid årets slut": "500000.00",
        "Jämförelseåret 2010: likvida medel enligt kassaflödesanalysen = kassa och bank": "500000.00",
    },
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
    assert {next(p for p in forvantat if t.startswith(p)) if any(t.startswith(p) for p in forvantat) else t: v for t, v in fel.items()} == {
        p: Decimal(v) for p, v in forvantat.items()
    }
