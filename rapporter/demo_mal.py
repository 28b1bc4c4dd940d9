"""Demo data the reports show beyond texts: the goal tree of 2019–2020 with the 2019 assessments (proposed from the
data, confirmed with a comment), two ProAktiv participants older than the target group with their reasons (the annual
report's note), and how the member shares of 2019 are invoiced. Idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ekonomi.models import Bidragsavrundning
from ekonomi.selectors import budget_tabell
from ekonomi.services import bidragsavrundning_spara
from finsam.formatting import tal
from finsam.models import Forbund
from insatser.models import Insats, Malbedomning, Malnod, Malnodbedomning
from insatser.services import malnod_bedomning_bekrafta, malnod_bedomningar_foresla, malnod_skapa
from styrelse.models import Paragraf
from uppfoljning.models import Deltagare
from uppfoljning.services import deltagare_create, inskrivning_create

from .underlag.maltrad import enhet_for

AR = 2019
VISION = "Människor i Skellefteå och Norsjö i behov av samordnade insatser ska få det stöd som behövs för att tiden i utanförskap ska minimeras."
MAL: list[tuple[str, list[dict[str, Any]]]] = [
    (
        "Individer: Insatserna leder till arbete, studier eller för deltagaren positiva lösningar",
        [
            {
                "text": "Deltagarna i Arbetsmarknadstorget avslutas mot arbete eller studier",
                "ansvarig": "AMT",
                "matt": "arbete_studier",
                "insats": "AMT",
                "malvarde": Decimal(40),
                "jamforelse": "minst",
            },
            {
                "text": "Så många som möjligt med behov tar del av samordnade insatser (MySam: genomströmning, årets avslut av årets deltagare)",
                "ansvarig": "MySam",
                "matt": "genomstromning",
                "insats": "MySam",
                "malvarde": Decimal(35),
                "jamforelse": "minst",
            },
            {
                "text": "NAFS: maximalt en månads väntetid från remiss till start",
                "ansvarig": "NAFS",
                "matt": "vantetid",
                "insats": "NAFS",
                "malvarde": Decimal(30),
                "jamforelse": "hogst",
            },
            {
                "text": "Deltagarna i MySam deltar i minst 75 % av de planerade tillfällena (medel av månadernas närvaro)",
                "ansvarig": "MySam",
                "matt": "narvaro",
                "insats": "MySam",
                "malvarde": Decimal(75),
                "jamforelse": "minst",
            },
        ],
    ),
    (
        "God ekonomisk hushållning",
        [
            {"text": "Årets resultat håller sig inom budgetens planerade underskott", "ansvarig": "Förbundschef", "matt": "budgetutfall"},
            {
                "text": "Förbundet följer Skellefteå kommuns ekonomiadministrativa rutiner",
                "ansvarig": "Förbundschef",
                "kriterium": "Rutinerna följs; tjänsteköpsavtalet uppdateras årligen",
            },
        ],
    ),
]
KRITERIUM_KOMMENTAR = "Rutinerna har följts under året och tjänsteköpsavtalet med Skellefteå kommun har uppdaterats."
UTANFOR = [
    ("PROAKT-2019-D901", 1988, "Remitterad av Försäkringskassan inom pilotsamverkan; ingen motsvarande insats för åldersgruppen 30–44 år"),
    ("PROAKT-2019-D902", 1986, "Syskon till deltagare; styrgruppen beslutade om plats trots åldern"),
]


def _planerat_resultat(forbund: Forbund, ar: int) -> Decimal:
    """The result the year's budget plans for (its planned deficit is the financial goal's floor)."""
    budget = budget_tabell(forbund, ar)
    return Decimal(budget["resultat"][0]) if budget else Decimal(0)


def seed_maltrad(forbund: Forbund, aktor: Any) -> None:
    if Malnod.objects.filter(forbund=forbund, ar_fran=AR).exists():
        return
    insatser = {i.kortnamn: i for i in Insats.objects.filter(forbund=forbund)}
    vision = malnod_skapa(forbund=forbund, aktor=aktor, niva="vision", text=VISION, ar_fran=AR, ar_till=AR + 1)
    for i, (text, delmal) in enumerate(MAL, start=1):
        mal = malnod_skapa(forbund=forbund, aktor=aktor, niva="overgripande", forelder=vision, text=text, ar_fran=AR, ar_till=AR + 1, ordning=i)
        for j, d in enumerate(delmal, start=1):
            data = {**d, "insats": insatser.get(d["insats"]) if d.get("insats") else None}
            if d.get("matt") == "budgetutfall":
                data.update(malvarde=_planerat_resultat(forbund, AR), jamforelse="minst")
            malnod_skapa(forbund=forbund, aktor=aktor, niva="delmal", forelder=mal, ar_fran=AR, ar_till=AR + 1, ordning=j, **data)
    malnod_bedomningar_foresla(forbund=forbund, aktor=aktor, ar=AR)
    for b in Malnodbedomning.objects.filter(forbund=forbund, ar=AR).select_related("malnod"):
        if b.forslag:  # the förbundschef confirms the proposal; the comment states the measured value against the target
            n = b.malnod
            utfall = tal(b.utfall, 0 if b.utfall == b.utfall.to_integral_value() else 1)  # type: ignore[union-attr]
            enhet = f" {enhet_for(n.get_matt_display())}".rstrip()
            kommentar = f"Uppmätt {utfall}{enhet} mot målvärdet {n.get_jamforelse_display().split()[0]} {tal(n.malvarde)}{enhet}."
            malnod_bedomning_bekrafta(malnod=n, aktor=aktor, ar=AR, bedomning=b.forslag, kommentar=kommentar)
    for n in Malnod.objects.filter(forbund=forbund, ar_fran=AR, niva="delmal", matt=""):
        malnod_bedomning_bekrafta(malnod=n, aktor=aktor, ar=AR, bedomning=Malbedomning.Bedomning.UPPFYLLT, kommentar=KRITERIUM_KOMMENTAR)


def seed_utanfor_malgrupp(forbund: Forbund, aktor: Any) -> None:
    insats = Insats.objects.filter(forbund=forbund, kortnamn="ProAktiv").first()
    if insats is None:
        return
    for kod, fodelsear, skal in UTANFOR:
        if Deltagare.objects.filter(forbund=forbund, kod=kod).exists():
            continue
        deltagare = deltagare_create(forbund=forbund, aktor=aktor, kod=kod)
        inskrivning_create(
            forbund=forbund,
            aktor=aktor,
            insats=insats,
            deltagare=deltagare,
            kon="kvinna" if fodelsear % 2 == 0 else "man",
            fodelsear=fodelsear,
            inskriven=dt.date(AR, 4, 1),
            remittent="fk",
            utbildning="gymnasium",
            forsorjning_in="sjuk_rehabpenning",
            samtycke=True,
            samtycke_datum=dt.date(AR, 4, 1),
            alder_skal=skal,
        )


def seed_bidragsavrundning(forbund: Forbund, aktor: Any) -> None:
    """2019's shares were invoiced to the krona as the statutes split them (the budget decision of 2018-11-29); from 2020
    the förbund invoices in whole thousands (the budget decision of 2019-11-28), as the seeds' budget tables show."""
    for ar, nummer, ar_beslut, regel, forklaring in (
        (AR, 85, 2018, Bidragsavrundning.Regel.KRONA, "Medlemsandelarna faktureras kvartalsvis till kronan enligt förbundsordningen § 11"),
        (AR + 1, 80, 2019, Bidragsavrundning.Regel.TUSENTAL, "Medlemsandelarna faktureras i hela tusental kronor, som i budgeten"),
    ):
        if Bidragsavrundning.objects.filter(forbund=forbund, ar=ar).exists():
            continue
        paragraf = Paragraf.objects.filter(forbund=forbund, ar=ar_beslut, nummer=nummer).select_related("sammantrade").first()
        if paragraf is None:
            continue
        bidragsavrundning_spara(forbund=forbund, aktor=aktor, ar=ar, regel=regel, paragraf=paragraf, forklaring=forklaring)


def seed(forbund: Forbund, aktor: Any) -> None:
    seed_utanfor_malgrupp(forbund, aktor)
    seed_maltrad(forbund, aktor)
    seed_bidragsavrundning(forbund, aktor)
