"""Demo participants for the demo förbund's individual-oriented interventions (2017–2020), so the 2019 report has real-looking tables.

Deterministic (seeded by the intervention's kortnamn) and idempotent: an intervention that already has
enrolments is left alone; interventions the insatser demo has not created are simply not there.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import Any

from django.db import transaction

from finsam.audit import handelse_logga
from finsam.models import Forbund
from insatser.models import Insats

from . import demo_narvaro as narvaro_demo
from .demo_behovsanalys import inskrivningar_komplettera, statistik_seed
from .models import Deltagare, Inskrivning
from .vokabular import ALDERSGRUPPER

# Known interventions of Skellefteå-Norsjö (seeds/004b): new participants per year and age span. The age span is only a
# fallback: an intervention with a target age group gets participants inside it (the report checks enrolments against it).
# Påfart had 14 participants over its whole run (2016-08 – 2019-06), so about 4 a year.
PROFIL: dict[str, tuple[int, int, int]] = {
    "AMT": (70, 18, 29),
    "ARBETSMARKNADSTORGET": (70, 18, 29),
    "MISAM": (90, 18, 64),
    "MYSAM": (45, 30, 64),
    "PROAKTIV": (30, 16, 29),
    "NASTASTEG": (12, 16, 29),
    "VAGENVIDARE": (25, 20, 64),
    "FRAMSTEG": (6, 20, 60),
    "PRAKTIKSTEGET": (4, 16, 20),
    "PAFART": (4, 16, 20),
}
STANDARD = (20, 18, 64)
KON = [("kvinna", 46), ("man", 52), ("annat", 2)]
REMITTENT = [("af", 35), ("kommun", 30), ("fk", 15), ("region", 15), ("annan", 5)]
UTBILDNING = [
    ("grundskola", 34),
    ("gymnasium", 38),
    ("saknar_grundskola", 8),
    ("grundsarskola", 2),
    ("gymnasiesarskola", 2),
    ("eftergymnasial_kort", 7),
    ("eftergymnasial_lang", 5),
    ("okand", 4),
]
FORSORJNING_IN = [
    ("forsorjningsstod", 28),
    ("aktivitetsstod", 22),
    ("ingen_offentlig", 12),
    ("sjuk_rehabpenning", 8),
    ("aktivitetsersattning", 8),
    ("sjukersattning", 5),
    ("a_kassa", 5),
    ("etableringsersattning", 5),
    ("annan_offentlig", 2),
    ("okand", 5),
]
FORSORJNING_UT = [
    ("arbete", 24),
    ("studier", 13),
    ("aktivitetsstod", 12),
    ("forsorjningsstod", 14),
    ("sjuk_rehabpenning", 6),
    ("aktivitetsersattning", 6),
    ("sjukersattning", 4),
    ("a_kassa", 4),
    ("annan_offentlig", 3),
    ("ingen_offentlig", 9),
    ("okand", 5),
]
FORSTA_AR, SISTA_AR = 2017, 2020
SLUTDAG = dt.date(2021, 3, 31)


def _val(rnd: random.Random, vikter: list[tuple[str, int]]) -> str:
    return rnd.choices([k for k, _ in vikter], weights=[v for _, v in vikter])[0]


def _profil(insats: Insats) -> tuple[int, int, int]:
    ascii_namn = unicodedata.normalize("NFKD", insats.kortnamn.upper()).encode("ascii", "ignore").decode()
    nyckel = "".join(c for c in ascii_namn if c.isalnum())
    per_ar, lag, hog = next((p for k, p in PROFIL.items() if nyckel.startswith(k)), STANDARD)
    return per_ar, insats.alder_fran or lag, insats.alder_till or hog


def _aldersgrupp(alder: int) -> str:
    return next((namn for namn, lag, hog in ALDERSGRUPPER if lag <= alder <= hog), "")


def _fyll(forbund: Forbund, insats: Insats) -> int:
    rnd = random.Random(f"finsam-demo-{insats.kortnamn}")  # noqa: S311 - deterministic demo data
    per_ar, lag, hog = _profil(insats)
    start = max(insats.startdatum, dt.date(FORSTA_AR, 1, 1))
    slut = min(insats.slutdatum or dt.date(SISTA_AR, 12, 31), dt.date(SISTA_AR, 12, 31), dt.date.today())
    if start > slut:
        return 0
    prefix = "".join(c for c in insats.kortnamn.upper() if c.isalnum())[:6] or "D"
    rader: list[tuple[str, dict[str, Any]]] = []
    avslutade: list[tuple[str, dt.date, dict[str, Any]]] = []
    nummer = 0
    dag = start
    while dag <= slut:
        ar_dagar = 366 if dag.year % 4 == 0 else 365
        if rnd.random() < per_ar / ar_dagar:
            # A returning participant (same code, new enrolment) keeps the facts of the first enrolment and returns only
            # within the same age group: the report counts each participant once per breakdown.
            index = [
                i
                for i, a in enumerate(avslutade)
                if a[1] < dag - dt.timedelta(days=60)
                and _aldersgrupp(dag.year - a[2]["fodelsear"]) == _aldersgrupp(a[2]["inskriven"].year - a[2]["fodelsear"])
                and lag <= dag.year - a[2]["fodelsear"] <= hog
            ]
            forra = None
            if index and rnd.random() < 0.04:
                kod, _, forra = avslutade.pop(rnd.choice(index))
                kon, fodelsear, utbildning = forra["kon"], forra["fodelsear"], forra["utbildning"]
            else:
                nummer += 1
                kod = f"{prefix}-{dag.year}-{nummer:03d}"
                kon, fodelsear = _val(rnd, KON), dag.year - rnd.randint(lag, hog)
                unga = [(k, v) for k, v in UTBILDNING if not k.startswith("eftergymnasial")]
                utbildning = _val(rnd, unga if dag.year - fodelsear < 22 else UTBILDNING)
            varaktighet = int(rnd.triangular(30, 720, 200))
            utdag = dag + dt.timedelta(days=varaktighet)
            if insats.slutdatum and utdag > insats.slutdatum:
                utdag = insats.slutdatum
            remittent, forsorjning_in = _val(rnd, REMITTENT), _val(rnd, FORSORJNING_IN)
            if forra is not None:
                remittent, forsorjning_in = forra["remittent"], forra["forsorjning_in"]
            falt: dict[str, Any] = {
                "kon": kon,
                "fodelsear": fodelsear,
                "remittent": remittent,
                "utbildning": utbildning,
                "forsorjning_in": forsorjning_in,
                "inskriven": dag,
                "samtycke_datum": dag,
            }
            if utdag <= min(SLUTDAG, dt.date.today()):
                falt["avslutad"], falt["forsorjning_ut"] = utdag, _val(rnd, FORSORJNING_UT)
                avslutade.append((kod, utdag, falt))
            if rnd.random() < 0.03:  # no consent: only gender and start year are kept
                falt["samtycke"] = False
            rader.append((kod, falt))
        dag += dt.timedelta(days=1)
    koder = sorted({k for k, _ in rader})
    finns = dict(Deltagare.objects.filter(forbund=forbund, kod__in=koder).values_list("kod", "id"))
    Deltagare.objects.bulk_create([Deltagare(forbund=forbund, kod=k) for k in koder if k not in finns])
    ids = dict(Deltagare.objects.filter(forbund=forbund, kod__in=koder).values_list("kod", "id"))
    objekt = []
    for kod, falt in rader:
        ins = Inskrivning(forbund=forbund, insats=insats, deltagare_id=ids[kod], **falt)
        ins.harled()
        objekt.append(ins)
    Inskrivning.objects.bulk_create(objekt, batch_size=1000)
    return len(objekt)


@transaction.atomic
def seed(forbund: Forbund, aktor: Any) -> None:
    insatser = Insats.objects.filter(forbund=forbund, inriktning=Insats.Inriktning.INDIVID).order_by("kortnamn")
    for insats in insatser:
        if Inskrivning.objects.filter(insats=insats).exists():
            continue
        antal = _fyll(forbund, insats)
        if antal:
            handelse_logga(aktor=aktor, forbund=forbund, handling="demodata_skapa", objekt=insats, detaljer={"inskrivningar": antal})
    inskrivningar_komplettera(forbund)
    narvaro_demo.seed(forbund)
    statistik_seed(forbund, aktor)
