"""Import of interventions from a spreadsheet: formats, all-or-nothing, Swedish row errors, the command."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from finsam.models import Forbund, Handelse
from insatser.models import Insats
from insatser.services.importera import exportera, importera
from tests.insatser import factories as f

RUBRIK = "kortnamn;namn;typ;inriktning;startdatum;slutdatum;agare;parter\n"


def test_csv_semikolon_utf8_skapar_och_uppdaterar(forbund: Forbund, chef) -> None:
    f.insats(forbund, "NAFS", parter=("fk",), namn="Gammalt namn")
    text = RUBRIK + (
        "MISAM;Myndighetssamverkan Skellefteå-Norsjö;ordinarie;individ;2020-01-01;;skelleftea;fk,af,region,skelleftea\n"
        "NAFS;Nätverk för arbetsförberedande studier;finsam_projekt;individ;2016-08-01;2019-12-31;skelleftea;af,skelleftea\n"
    )
    resultat = importera(forbund=forbund, aktor=chef, innehall=text.encode("utf-8"), filnamn="insatser.csv")
    assert resultat.ok, resultat.fel
    assert (resultat.nya, resultat.uppdaterade) == (1, 1)
    misam = Insats.objects.get(forbund=forbund, kortnamn="MISAM")
    assert sorted(misam.parter.values_list("kod", flat=True)) == ["af", "fk", "region", "skelleftea"]
    assert misam.namn == "Myndighetssamverkan Skellefteå-Norsjö"
    nafs = Insats.objects.get(forbund=forbund, kortnamn="NAFS")
    assert nafs.namn == "Nätverk för arbetsförberedande studier"
    assert sorted(nafs.parter.values_list("kod", flat=True)) == ["af", "skelleftea"]
    assert Handelse.objects.filter(forbund=forbund, handling="insats_importera").count() == 2
    assert Handelse.objects.filter(forbund=forbund, handling="insatser_importera").count() == 1


def test_csv_komma_windows_1252(forbund: Forbund) -> None:
    text = (
        "kortnamn,namn,typ,inriktning,startdatum,slutdatum,agare,parter\n"
        'PSYK,Psykisk hälsa Arbetsliv,esf_projekt,individ,2018-01-01,2020-12-31,Medlefors folkhögskola,"fk,skelleftea"\n'
    )
    resultat = importera(forbund=forbund, aktor=None, innehall=text.encode("cp1252"))
    assert resultat.ok, resultat.fel
    psyk = Insats.objects.get(forbund=forbund, kortnamn="PSYK")
    assert (psyk.namn, psyk.agare_medlem, psyk.agare_extern) == ("Psykisk hälsa Arbetsliv", None, "Medlefors folkhögskola")


def test_xlsx(forbund: Forbund) -> None:
    import datetime as dt

    wb = Workbook()
    ws = wb.active
    ws.append(["kortnamn", "namn", "typ", "inriktning", "startdatum", "slutdatum", "agare", "parter"])
    ws.append(["ProAktiv", "ProAktiv", "finsam_projekt", "individ", dt.datetime(2018, 3, 1), None, "norsjo", "af,norsjo"])
    buf = io.BytesIO()
    wb.save(buf)
    resultat = importera(forbund=forbund, aktor=None, innehall=buf.getvalue(), filnamn="insatser.xlsx")
    assert resultat.ok, resultat.fel
    insats = Insats.objects.get(forbund=forbund, kortnamn="ProAktiv")
    assert insats.startdatum == dt.date(2018, 3, 1) and insats.slutdatum is None
    assert insats.agare_medlem is not None and insats.agare_medlem.kod == "norsjo"


def test_trasig_fil_sparar_ingenting_och_namnger_rad_och_kolumn(forbund: Forbund) -> None:
    text = RUBRIK + (
        "MISAM;Myndighetssamverkan;ordinarie;individ;2020-01-01;;skelleftea;fk,af\n"
        "NAFS;Nätverk;projekt;individ;2016-08-01;;skelleftea;af,skelleftea\n"
        "VV;Vägen Vidare;struktur;struktur;2019-13-01;;skelleftea;af,okand\n"
    )
    fore = Handelse.objects.count()
    resultat = importera(forbund=forbund, aktor=None, innehall=text.encode("utf-8"))
    assert not resultat.ok
    assert Insats.objects.filter(forbund=forbund).count() == 0
    assert Handelse.objects.count() == fore
    fel = "\n".join(resultat.fel)
    assert "Rad 3, kolumn typ: ”projekt” är inte giltigt" in fel
    assert "Rad 4, kolumn startdatum: ”2019-13-01” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD." in fel
    assert "Rad 4, kolumn parter: Okänd medlemskod okand" in fel
    assert "Rad 2" not in fel


def test_slutdatum_fore_start_och_saknad_kolumn(forbund: Forbund) -> None:
    text = RUBRIK + "X;X;ordinarie;individ;2020-01-01;2019-01-01;skelleftea;fk,af\n"
    resultat = importera(forbund=forbund, aktor=None, innehall=text.encode("utf-8"))
    assert any(m.startswith("Rad 2, kolumn slutdatum:") for m in resultat.fel), resultat.fel
    resultat = importera(forbund=forbund, aktor=None, innehall=b"kortnamn;namn\nX;Y\n")
    assert resultat.fel and "Kolumnen typ, inriktning, startdatum, parter saknas" in resultat.fel[0]
    assert not Insats.objects.filter(forbund=forbund).exists()


def test_dubbla_kortnamn_i_filen(forbund: Forbund) -> None:
    text = RUBRIK + "X;X;ordinarie;individ;2020-01-01;;skelleftea;fk,af\nx;Y;ordinarie;individ;2020-01-01;;skelleftea;fk,af\n"
    resultat = importera(forbund=forbund, aktor=None, innehall=text.encode("utf-8"))
    assert resultat.fel == ["Rad 3, kolumn kortnamn: x finns redan på rad 2."]


def test_annat_forbunds_insats_paverkas_inte(forbund: Forbund, annat_forbund: Forbund) -> None:
    annan = f.insats(annat_forbund, "MISAM", namn="Annat förbunds MISAM")
    text = RUBRIK + "MISAM;Vår MISAM;ordinarie;individ;2020-01-01;;skelleftea;fk,af\n"
    assert importera(forbund=forbund, aktor=None, innehall=text.encode("utf-8")).ok
    annan.refresh_from_db()
    assert annan.namn == "Annat förbunds MISAM"
    assert Insats.objects.get(forbund=forbund, kortnamn="MISAM").namn == "Vår MISAM"


def test_export_kan_importeras_igen(forbund: Forbund) -> None:
    f.insats(forbund, "MISAM", parter=("fk", "af", "region"))
    csv_bytes = exportera(forbund, "csv")
    assert csv_bytes.decode("utf-8-sig").splitlines()[0] == "kortnamn;namn;typ;inriktning;startdatum;slutdatum;agare;parter"
    assert ";Medlefors folkhögskola;fk,af,region" in csv_bytes.decode("utf-8-sig")
    resultat = importera(forbund=forbund, aktor=None, innehall=csv_bytes)
    assert resultat.ok and resultat.uppdaterade == 1
    assert exportera(forbund, "xlsx")[:2] == b"PK"


def test_kommandot(forbund: Forbund, tmp_path) -> None:
    fil = tmp_path / "insatser.csv"
    fil.write_text(RUBRIK + "MISAM;Myndighetssamverkan;ordinarie;individ;2020-01-01;;skelleftea;fk,af\n", encoding="utf-8")
    ut = io.StringIO()
    call_command("import_insatser", str(fil), "--forbund", forbund.slug, stdout=ut)
    assert "1 nya, 0 uppdaterade" in ut.getvalue()
    fil.write_text(RUBRIK + "NAFS;Nätverk;fel;individ;2020-01-01;;skelleftea;fk,af\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 2, kolumn typ"):
        call_command("import_insatser", str(fil), "--forbund", forbund.slug, stdout=io.StringIO())
    assert not Insats.objects.filter(kortnamn="NAFS").exists()


def test_ny_insats_utan_agare_nekas_som_i_tjansten(forbund: Forbund) -> None:
    """The import is a third door: the owner rule of Insats.clean() refuses a new intervention without an owner."""
    utan_kolumn = "kortnamn;namn;typ;inriktning;startdatum;slutdatum;parter\nMISAM;M;ordinarie;individ;2020-01-01;;fk,af\n"
    resultat = importera(forbund=forbund, aktor=None, innehall=utan_kolumn.encode("utf-8"))
    assert resultat.fel == ["Rad 2, kolumn agare: Ange ägaren: en medlem eller en extern organisation."]
    tom_cell = RUBRIK + "MISAM;M;ordinarie;individ;2020-01-01;;;fk,af\n"
    assert importera(forbund=forbund, aktor=None, innehall=tom_cell.encode("utf-8")).fel == resultat.fel
    assert not Insats.objects.filter(forbund=forbund).exists()
    # An existing intervention keeps its owner when the cell is empty.
    befintlig = f.insats(forbund, "MISAM", agare_extern="Urkraft")
    assert importera(forbund=forbund, aktor=None, innehall=tom_cell.encode("utf-8")).ok
    befintlig.refresh_from_db()
    assert (befintlig.namn, befintlig.agare_extern) == ("M", "Urkraft")


def test_export_neutraliserar_formler_och_typar_celler(forbund: Forbund) -> None:
    """Issue 15: an intervention named =HYPERLINK(…) is no live formula in the XLSX and is escaped in the CSV."""
    import io

    from openpyxl import load_workbook

    f.insats(forbund, '=HYPERLINK("http://x","y")')
    ws = load_workbook(io.BytesIO(exportera(forbund, "xlsx"))).active
    celler = [c for r in ws.iter_rows() for c in r]
    assert not any(c.data_type == "f" for c in celler)
    assert any(isinstance(c.value, str) and c.value.startswith("'=HYPERLINK") for c in celler)
    assert any(c.is_date for c in celler)  # the start date is a date cell, not text
    assert "'=HYPERLINK" in exportera(forbund, "csv").decode("utf-8-sig")
