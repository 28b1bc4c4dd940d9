"""Test data for the reports: a small known board, meetings, interventions, participants and goals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from finsam.models import Forbund, Medlem, Person
from rapporter.models import Forbundsmal, Rapporttext
from tests.finsam import factories as kf

D = dt.date


def medlem(forbund: Forbund, kod: str) -> Medlem:
    return Medlem.objects.get(forbund=forbund, kod=kod)


def person(forbund: Forbund, namn: str, **kw: Any) -> Person:
    obj, _ = Person.objects.get_or_create(forbund=forbund, namn=namn, defaults=kw)
    return obj


def styrelse(forbund: Forbund, ar: int = 2019) -> dict[str, Any]:
    """Three ledamöter (chair, vice chair, member), one ersättare who left mid-year, two meetings."""
    from styrelse.models import Mandat, Sammantrade

    start, slut = D(ar, 1, 1), D(ar + 3, 12, 31)
    rader = [
        ("Bertil Almgren", "s", "skelleftea", "ordforande"),
        ("Anders Eriksson", "tjm", "af", "vice_ordforande"),
        ("Kenneth Andersson", "s", "region", ""),
    ]
    for namn, parti, kod, uppdrag in rader:
        Mandat.objects.get_or_create(
            forbund=forbund,
            person=person(forbund, namn, parti=parti),
            medlem=medlem(forbund, kod),
            typ="ledamot",
            fran=start,
            defaults={"till": slut, "uppdrag": uppdrag},
        )
    Mandat.objects.get_or_create(
        forbund=forbund,
        person=person(forbund, "Hans Bergman", parti="c"),
        medlem=medlem(forbund, "skelleftea"),
        typ="ersattare",
        fran=start,
        defaults={"till": D(ar, 4, 30)},
    )
    person(forbund, "Monica Widman Lundmark", befattning="Förbundschef", ar_personal=True, tjanstgoringsgrad=Decimal("1.0"))
    moten = [Sammantrade.objects.get_or_create(forbund=forbund, datum=d)[0] for d in (D(ar, 2, 14), D(ar, 11, 28))]
    planering, _ = Sammantrade.objects.get_or_create(forbund=forbund, datum=D(ar, 10, 17), typ="planeringsdag", defaults={"plats": "Källan, Norsjö"})
    beslutsmote, _ = Sammantrade.objects.get_or_create(forbund=forbund, datum=D(ar + 1, 2, 13))
    return {"moten": moten, "planering": planering, "beslutsmote": beslutsmote}


def paragraf(forbund: Forbund, sammantrade: Any, nummer: int = 5, rubrik: str = "Årsredovisning") -> Any:
    from styrelse.models import Paragraf

    obj, _ = Paragraf.objects.get_or_create(
        forbund=forbund,
        ar=sammantrade.datum.year,
        nummer=nummer,
        defaults={"sammantrade": sammantrade, "rubrik": rubrik, "text": "Samordningsförbundet beslutar: att fastställa."},
    )
    return obj


def insats(forbund: Forbund, kortnamn: str, *, inriktning: str = "individ", parter: tuple[str, ...] = ("fk", "af"), **kw: Any) -> Any:
    from insatser.models import Insats

    data: dict[str, Any] = {"namn": kortnamn, "typ": "ordinarie", "inriktning": inriktning, "status": "pagaende", "startdatum": D(2017, 1, 1)}
    data.update(kw)
    obj, skapad = Insats.objects.get_or_create(forbund=forbund, kortnamn=kortnamn, defaults=data)
    if skapad:
        obj.parter.set(Medlem.objects.filter(forbund=forbund, kod__in=parter))
    return obj


FEBRUARI_2019 = D(2019, 2, 1)


def inskrivning(
    forbund: Forbund,
    insats_: Any,
    kod: str,
    *,
    kon: str,
    inskriven: dt.date = FEBRUARI_2019,
    avslutad: dt.date | None = None,
    forsorjning_ut: str = "",
    fodelsear: int = 1995,
    **kw: Any,
) -> Any:
    from uppfoljning.models import Deltagare, Inskrivning

    deltagare, _ = Deltagare.objects.get_or_create(forbund=forbund, kod=kod)
    data: dict[str, Any] = {"remittent": "af", "utbildning": "gymnasium", "forsorjning_in": "forsorjningsstod"}
    data.update(kw)
    obj = Inskrivning(
        forbund=forbund,
        insats=insats_,
        deltagare=deltagare,
        kon=kon,
        inskriven=inskriven,
        avslutad=avslutad,
        forsorjning_ut=forsorjning_ut,
        fodelsear=fodelsear,
        **data,
    )
    obj.full_clean(validate_constraints=False)
    obj.save()
    return obj


def kant_utfall(forbund: Forbund) -> Any:
    """The known dataset: AMT with 5 participants in 2019, 4 exits (2 arbete: 1 k + 1 m; 1 studier k; 1 försörjningsstöd annat)."""
    amt = insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    inskrivning(forbund, amt, "d1", kon="kvinna", avslutad=D(2019, 6, 1), forsorjning_ut="arbete")
    inskrivning(forbund, amt, "d2", kon="man", avslutad=D(2019, 7, 1), forsorjning_ut="arbete")
    inskrivning(forbund, amt, "d3", kon="kvinna", avslutad=D(2019, 8, 1), forsorjning_ut="studier")
    inskrivning(forbund, amt, "d4", kon="annat", avslutad=D(2019, 9, 1), forsorjning_ut="forsorjningsstod")
    inskrivning(forbund, amt, "d5", kon="man")
    return amt


def mal(forbund: Forbund, ar: int = 2019, mal_text: str = "God ekonomisk hushållning", **kw: Any) -> Forbundsmal:
    data: dict[str, Any] = {
        "utforande": "Följa upp ekonomin kvartalsvis",
        "matbart": "Eget kapital under 20 %",
        "ansvarig": "Förbundschef",
        "period": str(ar),
        "ordning": 1,
    }
    data.update(kw)
    return ForbundsmalFactory(forbund=forbund, ar=ar, mal=mal_text, **data)


def text(forbund: Forbund, typ: str, ar: int, sektion: str, text_: str) -> Rapporttext:
    return RapporttextFactory(forbund=forbund, typ=typ, ar=ar, sektion=sektion, text=text_)


def obligatoriska_delar(forbund: Forbund, ar: int = 2019, *, utom: tuple[str, ...] = ()) -> None:
    """Every required text section written and one assessed financial goal and one operational goal (god hushållning)."""
    from rapporter.sektioner import ARSREDOVISNING

    for s in ARSREDOVISNING:
        if (
            s.kravs
            and s.nyckel not in utom
            and not Rapporttext.objects.filter(forbund=forbund, typ="arsredovisning", ar=ar, sektion=s.nyckel, insats=None).exists()
        ):
            text(forbund, "arsredovisning", ar, s.nyckel, f"Text om {s.rubrik.lower()} {ar}.")
    if "mal" not in utom:
        mal(forbund, ar, "Eget kapital förbrukas enligt budget", slag="finansiellt", bedomning="uppfyllt", ordning=1)
        mal(forbund, ar, "Insatserna leder till arbete eller studier", slag="verksamhet", bedomning="delvis_uppfyllt", ordning=2)


# --- factory_boy: valid objects through the model rules (full_clean), everything in one förbund ---
class ForbundsmalFactory(kf.GiltigFactory):
    class Meta:
        model = Forbundsmal

    forbund = factory.SubFactory(kf.ForbundFactory)
    ar = 2019
    mal = factory.Sequence(lambda n: f"Förbundsmål {n}")
    utforande = "Följa upp ekonomin kvartalsvis"
    matbart = "Eget kapital under 20 %"
    ansvarig = "Förbundschef"
    period = factory.LazyAttribute(lambda o: str(o.ar))
    ordning = factory.Sequence(lambda n: n + 1)


class RapporttextFactory(kf.GiltigFactory):
    class Meta:
        model = Rapporttext

    forbund = factory.SubFactory(kf.ForbundFactory)
    typ = "arsredovisning"
    ar = 2019
    sektion = "forvaltningsberattelse"
    text = "Text om förvaltningsberättelsen."
