"""Issue 14, item 1: a personnummer is never accepted as a participant code, never lands in clear text anywhere, and an
existing one is replaced by a pseudonym (audit with the keyed hash only)."""

from __future__ import annotations

import importlib
import io
import logging
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from stdnum import luhn

from finsam.models import Forbund, Handelse, RollTyp
from tests.api_fel import api_fel
from tests.uppfoljning import factories as f
from uppfoljning.models import Deltagare, Importkorning, Inskrivning
from uppfoljning.services import deltagare_create, inskrivning_registrera
from uppfoljning.vokabular import PNR_I_KOD, liknar_personnummer, personnummer_hash

ATTACK = ["19751224-3457", "198808086782", "8503121231"]
RUBRIK = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"


def _varianter(pnr: str) -> set[str]:
    """Every way the number could be written down: 12 and 10 digits, with and without the separator."""
    siffror = "".join(c for c in pnr if c.isdigit())
    tolv = siffror if len(siffror) == 12 else ("19" if int(siffror[:2]) > 30 else "20") + siffror
    tio = tolv[2:]
    return {tolv, tio, f"{tolv[:8]}-{tolv[8:]}", f"{tio[:6]}-{tio[6:]}"}


SAMORDNINGSNUMMER = "850372123" + luhn.calc_check_digit("850372123")  # born 1985-03-12: day + 60 = 72


@pytest.mark.parametrize("text", [*ATTACK, "751224-3457", "7512243457", "19751224+3457", SAMORDNINGSNUMMER, "19" + SAMORDNINGSNUMMER])
def test_personnummer_och_samordningsnummer_kanns_igen(text: str) -> None:
    assert liknar_personnummer(text)


@pytest.mark.parametrize("text", ["A-001", "1234567890", "19751224-3458", "19751332-3457", "PSEUDONYM-7", "20190101", "0000000000", ""])
def test_vanliga_koder_ar_inga_personnummer(text: str) -> None:
    assert not liknar_personnummer(text)


def _dump() -> str:
    """Every row of every table as text (sessions decoded): what a pg_dump or a copy of the SQLite file would reveal."""
    delar: list[str] = []
    with connection.cursor() as cursor:
        for tabell in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabell)}")
            delar.extend(repr(rad) for rad in cursor.fetchall())
    delar.extend(repr(SessionStore().decode(s.session_data)) for s in Session.objects.all())
    return "\n".join(delar)


def test_attack_via_api_formular_import_och_sok_lamnar_inga_spar(forbund: Forbund, klient: Callable[..., Client], caplog: Any, tmp_path: Any) -> None:
    caplog.set_level(logging.DEBUG)
    amt = f.insats(forbund, "AMT")
    f.inskrivning(forbund, amt, "K1")
    c = klient(RollTyp.ADMINISTRATOR)
    for pnr in ATTACK:
        # API
        svar = c.post(
            "/api/uppfoljning/inskrivningar/",
            {
                "insats": "AMT",
                "deltagare": pnr,
                "samtycke": True,
                "kon": "man",
                "fodelsear": 1980,
                "remittent": "af",
                "utbildning": "gymnasium",
                "forsorjning_in": "a_kassa",
                "inskriven": "2019-02-01",
            },
            content_type="application/json",
        )
        assert svar.status_code == 400 and api_fel(svar) == {"kod": [PNR_I_KOD]}
        # The form
        svar = c.post(
            "/uppfoljning/inskrivning/ny/",
            {
                "kod": pnr,
                "insats": amt.pk,
                "samtycke": "on",
                "kon": "man",
                "fodelsear": "1980",
                "remittent": "af",
                "utbildning": "gymnasium",
                "forsorjning_in": "a_kassa",
                "inskriven": "2019-02-01",
            },
        )
        assert svar.status_code == 400 and "Personnummer får aldrig användas som deltagarkod" in svar.content.decode()
        # CSV through the page, the API and the command; XLSX (the number typed as a number in Excel)
        rad = f"\nAMT;{pnr};man;1980;af;gymnasium;a_kassa;2019-02-01;;;ja\n"
        svar = c.post("/uppfoljning/import/", {"fil": SimpleUploadedFile("d.csv", (RUBRIK + rad).encode())})
        assert svar.status_code == 400 and f"Rad 2, kolumn deltagare_id: {PNR_I_KOD}" in svar.content.decode()
        svar = c.post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("d.csv", (RUBRIK + rad).encode())})
        assert svar.status_code == 400 and api_fel(svar) == {"fel": [f"Rad 2, kolumn deltagare_id: {PNR_I_KOD}"]}
        fil = tmp_path / "d.csv"
        fil.write_text(RUBRIK + rad)
        with pytest.raises(Exception, match="Personnummer får aldrig"):
            call_command("import_deltagare", str(fil), "--forbund", forbund.slug, stdout=io.StringIO())
        wb = openpyxl.Workbook()
        wb.active.append(RUBRIK.split(";"))
        wb.active.append(["AMT", int(pnr.replace("-", "")), "man", 1980, "af", "gymnasium", "a_kassa", "2019-02-01", None, None, "ja"])
        buf = io.BytesIO()
        wb.save(buf)
        svar = c.post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("d.xlsx", buf.getvalue())})
        assert svar.status_code == 400 and api_fel(svar) == {"fel": [f"Rad 2, kolumn deltagare_id: {PNR_I_KOD}"]}
        # Searches: POSTed, a personnummer compared by its keyed hash
        assert c.post("/uppfoljning/avslut/", {"kod": pnr}).status_code == 200
        assert c.post("/uppfoljning/", {"sok": pnr}).status_code == 302
        assert c.get("/uppfoljning/").status_code == 200
        assert c.post("/api/uppfoljning/deltagare/sok/", {"kod": pnr}, content_type="application/json").json() == []
        # A personnummer given where it belongs is kept as the keyed hash only
    ok, _ = inskrivning_registrera(
        forbund=forbund,
        aktor=None,
        kod="LAGLIG-1",
        personnummer=ATTACK[0],
        insats=amt,
        samtycke=True,
        kon="man",
        fodelsear=1975,
        remittent="af",
        utbildning="gymnasium",
        forsorjning_in="a_kassa",
        inskriven=amt.startdatum.replace(year=2019),
    )
    assert ok.deltagare.pnr_hash == personnummer_hash(ATTACK[0])
    hittad = c.post("/api/uppfoljning/deltagare/sok/", {"kod": ATTACK[0]}, content_type="application/json").json()
    assert [d["kod"] for d in hittad] == ["LAGLIG-1"]
    assert list(Deltagare.objects.order_by("kod").values_list("kod", flat=True)) == ["K1", "LAGLIG-1"]
    # Everything a reader could get: the database, the audit API, every export and the logs.
    utdata = [_dump(), caplog.text]
    chef = klient(RollTyp.FORBUNDSCHEF)
    for url in (
        "/api/handelser/",
        "/handelser/",
        "/uppfoljning/export/?insats=AMT&ar=2019",
        "/uppfoljning/utfall/export/?ar=2019&format=csv",
        "/api/uppfoljning/deltagare/",
        "/api/uppfoljning/inskrivningar/",
        "/uppfoljning/",
        f"/uppfoljning/deltagare/{ok.deltagare_id}/",
    ):
        svar = chef.get(url)
        assert svar.status_code == 200, url
        utdata.append(svar.content.decode("utf-8-sig"))
    xlsx = openpyxl.load_workbook(io.BytesIO(chef.get("/uppfoljning/utfall/export/?ar=2019&format=xlsx").content))
    utdata.append(repr([list(r) for r in xlsx.active.iter_rows(values_only=True)]))
    allt = "\n".join(utdata)
    traffar = [v for pnr in ATTACK for v in _varianter(pnr) if v in allt]
    assert traffar == []
    assert "PNR_I_KOD" not in allt and len(allt) > 10_000


def test_tjanster_och_modell_avvisar_personnummer(forbund: Forbund) -> None:
    with pytest.raises(ValidationError) as e:
        deltagare_create(forbund=forbund, aktor=None, kod="19751224-3457")
    assert e.value.message_dict == {"kod": [PNR_I_KOD]}
    d = Deltagare(forbund=forbund, kod="8503121231")
    with pytest.raises(ValidationError) as e:
        d.full_clean()
    assert e.value.message_dict["kod"] == [PNR_I_KOD]
    assert not Deltagare.objects.exists() and not Handelse.objects.filter(handling="deltagare_create").exists()


def test_migreringen_byter_befintliga_personnummer_mot_pseudonym(forbund: Forbund) -> None:
    amt = f.insats(forbund, "AMT")
    dold = Deltagare.objects.create(forbund=forbund, kod="19751224-3457")  # written before the rule existed
    vanlig = Deltagare.objects.create(forbund=forbund, kod="A-1")
    Inskrivning.objects.create(
        forbund=forbund,
        insats=amt,
        deltagare=dold,
        kon="man",
        fodelsear=1975,
        remittent="af",
        utbildning="okand",
        forsorjning_in="okand",
        inskriven=amt.startdatum,
        startar=amt.startdatum.year,
    )
    Handelse.objects.create(
        forbund=forbund,
        aktor_namn="x",
        handling="deltagare_create",
        objekttyp="uppfoljning.deltagare",
        objekt_id=str(dold.pk),
        objekt_text="19751224-3457",
        andringar={"kod": [None, "19751224-3457"]},
        detaljer={"deltagare": "19751224-3457"},
    )
    Importkorning.objects.create(
        forbund=forbund,
        filnamn="a.csv",
        data=b"",
        sha256="0" * 64,
        status="klar",
        resultat={"andringar": [{"deltagare": "19751224-3457"}]},
        fel=["Rad 2: 19751224-3457"],
    )
    migrering = importlib.import_module("uppfoljning.migrations.0004_deltagarkod_personnummer_ersatt")
    migrering.ersatt(apps, None)
    dold.refresh_from_db()
    vanlig.refresh_from_db()
    assert (dold.kod, dold.pnr_hash) == (f"PSEUDONYM-{dold.pk}", personnummer_hash("19751224-3457"))
    assert vanlig.kod == "A-1" and vanlig.pnr_hash == ""
    h = Handelse.objects.get(handling="deltagare_pseudonymisera")
    assert h.detaljer == {
        "ny_kod": dold.kod,
        "gammal_kod_nyckelhash": personnummer_hash("19751224-3457"),
        "skal": "deltagarkoden var ett personnummer eller samordningsnummer",
    }
    assert Handelse.objects.get(handling="deltagare_create").andringar == {"kod": [None, dold.kod]}
    assert not [v for v in _varianter("19751224-3457") if v in _dump()]
    migrering.ersatt(apps, None)  # idempotent
    assert Handelse.objects.filter(handling="deltagare_pseudonymisera").count() == 1


DOLDA = ["751224_3457", "19751224_3457", "751224.3457", "19751224.3457", "1975-12-24-3457", "P19751224-3457", "19751224-3457-A", "K_7512243457"]


@pytest.mark.parametrize("kod", DOLDA)
def test_personnummer_bakom_annan_avgransare_eller_bokstaver_vagras(forbund: Forbund, kod: str, klient: Callable[..., Client]) -> None:
    """Found in the issue-14 audit: a personnummer written with '_' or '.' or inside a longer code passed as a code."""
    with pytest.raises(ValidationError) as e:
        deltagare_create(forbund=forbund, aktor=None, kod=kod)
    assert e.value.message_dict == {"kod": [PNR_I_KOD]}
    with pytest.raises(ValidationError) as e:
        Deltagare(forbund=forbund, kod=kod).full_clean()
    assert e.value.message_dict["kod"] == [PNR_I_KOD]
    amt = f.insats(forbund, "AMT")
    rad = f"\nAMT;{kod};man;1980;af;gymnasium;a_kassa;{amt.startdatum:%Y-%m-%d};;;ja\n"
    svar = klient(RollTyp.ADMINISTRATOR).post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("d.csv", (RUBRIK + rad).encode())})
    assert svar.status_code == 400 and api_fel(svar) == {"fel": [f"Rad 2, kolumn deltagare_id: {PNR_I_KOD}"]}
    assert not Deltagare.objects.exists()


@pytest.mark.parametrize("kod", ["AMT-2019-0001", "K.1975", "A_001_2019", "20190101-01", "MISAM-12345"])
def test_vanliga_koder_med_siffergrupper_tas_emot(forbund: Forbund, kod: str) -> None:
    assert deltagare_create(forbund=forbund, aktor=None, kod=kod).kod == kod


def test_migreringen_byter_dolda_personnummer_mot_pseudonym(forbund: Forbund) -> None:
    dold = Deltagare.objects.create(forbund=forbund, kod="P19751224_3457")  # written before the broader rule
    vanlig = Deltagare.objects.create(forbund=forbund, kod="AMT-2019-0001")
    korning = Importkorning.objects.create(forbund=forbund, filnamn="Lista 19751224-3457.csv", data=b"", sha256="0" * 64, status="klar")
    Handelse.objects.create(
        forbund=forbund, aktor_namn="x", handling="deltagare_importera", objekt_text="", detaljer={"filnamn": "Lista 19751224-3457.csv"}
    )
    migrering = importlib.import_module("uppfoljning.migrations.0009_deltagarkod_dolt_personnummer_ersatt")
    migrering.ersatt(apps, None)
    dold.refresh_from_db()
    vanlig.refresh_from_db()
    assert (dold.kod, dold.pnr_hash) == (f"PSEUDONYM-{dold.pk}", personnummer_hash("19751224-3457"))
    assert vanlig.kod == "AMT-2019-0001"
    assert Handelse.objects.get(handling="deltagare_pseudonymisera").detaljer["gammal_kod_nyckelhash"] == personnummer_hash("19751224-3457")
    korning.refresh_from_db()
    assert korning.filnamn == "import.csv"
    assert Handelse.objects.get(handling="deltagare_importera").detaljer == {"filnamn": "import.csv"}
    assert not [v for v in _varianter("19751224-3457") if v in _dump()]


def test_personnummer_i_filnamnet_sparas_inte(forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Issue 14 audit: an import file named after a person kept the number in the run and in the audit event."""
    amt = f.insats(forbund, "AMT")
    rad = f"\nAMT;Q-77;man;1980;af;gymnasium;a_kassa;{amt.startdatum:%Y-%m-%d};;;ja\n"
    svar = klient(RollTyp.ADMINISTRATOR).post(
        "/api/uppfoljning/import/", {"fil": SimpleUploadedFile("Lista 19751224-3457.csv", (RUBRIK + rad).encode())}
    )
    assert svar.status_code == 200
    assert Importkorning.objects.get().filnamn == "import.csv"
    assert not [v for v in _varianter("19751224-3457") if v in _dump()]
