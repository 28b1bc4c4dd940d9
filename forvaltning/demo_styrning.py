"""Demo of the auditors, discharge, statutes and board registers.

From the seeds: the statutes (004c) with the revision proposed at the meeting of 2020-02-13, item 6 (004a); the
auditors' appointing rule of statutes § 14; the discharge decisions for 2018 taken in 2019 by Försäkringskassan and by
Skellefteå kommunfullmäktige (§ 254, 004e). The seeds give no dates for those two decisions, no auditors' names and no
appointing decisions for the board: those are illustrative and marked as such in the notes below.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from ekonomi.services import ansvarsfrihet_spara
from finsam.models import Forbund, Medlem, Person
from finsam.services import medlem_update, person_create
from styrelse.models import Mandat, Paragraf

from .models.forbundsordning import Forbundsordning
from .models.revision import AnsvarsfrihetPaminnelse, Revisor
from .models.uppdrag import Utnamning
from .services.forbundsordning import forbundsordning_beslut_spara, forbundsordning_skapa
from .services.revision import ansvarsfrihet_paminnelse_skicka, revisor_skapa
from .services.uppdrag import utnamning_spara

D = dt.date
ORGAN: dict[str, str] = {  # statutes § 5: the councils elect the region's and municipalities' members, FK and AF appoint theirs
    Medlem.Typ.FK: "Försäkringskassan",
    Medlem.Typ.AF: "Arbetsförmedlingen",
    Medlem.Typ.REGION: "Regionfullmäktige",
    Medlem.Typ.KOMMUN: "Kommunfullmäktige",
}


def _stadgetext() -> tuple[str, str]:
    """(the 2014 wording, the 2020 proposal) from seed 004c's marked-up statutes (copied to demo_forbundsordning.md):
    ~~struck~~ words belong to the old text."""
    text = Path(__file__).with_name("demo_forbundsordning.md").read_text(encoding="utf-8").strip()
    text = re.sub(r"^#+\s*", "", text.replace("**", ""), flags=re.M)
    gammal = re.sub(r"~~(.+?)~~", r"\1", text, flags=re.S)
    ny = re.sub(r"\s*~~.+?~~\s*", " ", text, flags=re.S)
    return gammal, ny


def _organ(medlem: Medlem) -> str:
    return f"{ORGAN[medlem.typ]} i {medlem.namn}" if medlem.typ == Medlem.Typ.KOMMUN else ORGAN[medlem.typ]


# Seed 004c: 5 ledamöter (§ 5); quorum at least three (§ 6; the majority, 2/3, 3/4 or 4/5, is the board's choice);
# the state a half, the region a quarter, the municipalities a quarter (§ 11).
STADGEREGLER: dict[str, Any] = {
    "antal_ledamoter": 5,
    "beslutsfor_minst": 3,
    "andel_staten": "1/2",
    "andel_region": "1/4",
    "andel_kommunerna": "1/4",
}


def _forbundsordning(forbund: Forbund, aktor: Any, medlemmar: list[Medlem]) -> None:
    if Forbundsordning.objects.filter(forbund=forbund).exists():
        return
    gammal, ny = _stadgetext()
    v1 = forbundsordning_skapa(
        forbund=forbund,
        aktor=aktor,
        giltig_fran=D(2014, 1, 1),
        text=gammal,
        andringar="Förbundet utvidgat med Norsjö kommun från och med den 1 januari 2014.",
        **STADGEREGLER,
    )
    for m in medlemmar:  # the seed holds the signature page; the decision dates are illustrative
        forbundsordning_beslut_spara(forbundsordning=v1, aktor=aktor, medlem=m, organ=_organ(m), datum=D(2013, 11, 25))
    forslag = Paragraf.objects.filter(forbund=forbund, ar=2020, rubrik__icontains="styrdokument").first()
    forbundsordning_skapa(
        forbund=forbund,
        aktor=aktor,
        giltig_fran=D(2020, 4, 1),
        text=ny,
        forslag_paragraf=forslag,
        andringar="Årlig översyn (kallelsen 2020-02-13, punkt 6, bilaga 3): landstinget blir Region Västerbotten; "
        "förbundschefen anställd av förbundet från 2020-01-01 (§ 7); övergångsregeln för Norsjö kommuns första mandatperiod utgår (§ 5).",
        **STADGEREGLER,
    )


def _revisorer(forbund: Forbund, aktor: Any, medlem: dict[str, Medlem]) -> None:
    if Revisor.objects.filter(forbund=forbund).exists():
        return
    user = get_user_model().objects.filter(username="revisor").first()
    eva = Person.objects.filter(forbund=forbund, namn="Eva Granlund").first() or person_create(
        forbund=forbund, aktor=aktor, namn="Eva Granlund", organisation="Region Västerbotten", befattning="Förtroendevald revisor"
    )
    if user is not None and eva.user_id is None:
        Person.objects.filter(pk=eva.pk).update(user=user)
    lars = Person.objects.filter(forbund=forbund, namn="Lars Nyström").first() or person_create(
        forbund=forbund, aktor=aktor, namn="Lars Nyström", organisation="Försäkringskassan", befattning="Auktoriserad revisor"
    )
    region_rev = revisor_skapa(
        forbund=forbund,
        aktor=aktor,
        person=eva,
        utsedd_av=medlem["region"],
        granskar=[medlem["region"], medlem["skelleftea"], medlem["norsjo"]],
        ar_fran=2015,
        ar_till=2022,
        beslut_referens="Regionfullmäktige, val av revisor för kommunerna och regionen",
    )
    fk_rev = revisor_skapa(
        forbund=forbund,
        aktor=aktor,
        person=lars,
        utsedd_av=medlem["fk"],
        granskar=[medlem["fk"], medlem["af"]],
        ar_fran=2018,
        beslut_referens="Försäkringskassan, revisor för staten (särskild ordning)",
    )
    for uppdrag, datum in ((fk_rev, D(2019, 3, 26)), (region_rev, D(2019, 3, 28))):
        Revisionsberattelse.objects.get_or_create(
            forbund=forbund,
            ar=2018,
            revisor_uppdrag=uppdrag,
            defaults={
                "datum": datum,
                "tillstyrker_ansvarsfrihet": True,
                "text": "Vi har granskat samordningsförbundets verksamhet, räkenskaper och styrelsens förvaltning 2018. "
                "Vi tillstyrker att styrelsen och de enskilda ledamöterna beviljas ansvarsfrihet för 2018 års förvaltning.",
            },
        )


def _ansvarsfrihet(forbund: Forbund, aktor: Any, medlem: dict[str, Medlem]) -> None:
    if Ansvarsfrihet.objects.filter(forbund=forbund, ar=2018).exists():
        return
    # Seed 004e: Försäkringskassan granted every förbund but Norra Örebro län discharge for 2018 (date not in the seed).
    ansvarsfrihet_spara(
        forbund=forbund,
        aktor=aktor,
        ar=2018,
        medlem=medlem["fk"],
        beslut=Ansvarsfrihet.Beslut.BEVILJAD,
        beslutsdatum=D(2019, 6, 27),
        beslutsorgan="Försäkringskassan (beslutsfattare Nils Öberg)",
        referens="Ansvarsfrihet för samordningsförbunden 2018",
    )
    # Seed 004e: Skellefteå kommunfullmäktige § 254, on the kommunstyrelse's proposal of 2019-08-20 § 292.
    ansvarsfrihet_spara(
        forbund=forbund,
        aktor=aktor,
        ar=2018,
        medlem=medlem["skelleftea"],
        beslut=Ansvarsfrihet.Beslut.BEVILJAD,
        beslutsdatum=D(2019, 9, 17),
        beslutsorgan="Kommunfullmäktige i Skellefteå kommun",
        referens="§ 254, dnr KS 2019-000363 106 (KS 2019-08-20 § 292)",
    )


# The members' registrars (addresses in the reserved .example domain: the demo never reaches a real mailbox).
EPOST = {
    "fk": "registrator@forsakringskassan.example",
    "af": "registrator@arbetsformedlingen.example",
    "region": "region@regionvasterbotten.example",
    "skelleftea": "kommun@skelleftea.example",
    "norsjo": "kommun@norsjo.example",
}


def _paminnelser(forbund: Forbund, aktor: Any, medlem: dict[str, Medlem]) -> None:
    """Contact addresses on the members, and a reminder about 2018 to the region (Norsjö and AF are left to remind)."""
    for kod, epost in EPOST.items():
        if not medlem[kod].epost:
            medlem[kod] = medlem_update(medlem=medlem[kod], aktor=aktor, epost=epost)
    if not AnsvarsfrihetPaminnelse.objects.filter(forbund=forbund).exists():
        ansvarsfrihet_paminnelse_skicka(forbund=forbund, aktor=aktor, medlem=medlem["region"], ar=2018, idag=D(2019, 10, 1))


def _utnamningar(forbund: Forbund, aktor: Any) -> None:
    if Utnamning.objects.filter(forbund=forbund).exists():
        return
    for m in Mandat.objects.filter(forbund=forbund).select_related("medlem", "person").order_by("fran", "pk"):
        period = "2019–2022" if m.till and m.till.year == 2022 else f"{m.fran:%Y-%m-%d}–{m.till:%Y-%m-%d}" if m.till else f"från {m.fran:%Y-%m-%d}"
        utnamning_spara(
            mandat=m,
            aktor=aktor,
            organ=_organ(m.medlem),
            referens=f"Val av {m.get_typ_display().lower()} i samordningsförbundets styrelse, {period}",
            datum=m.fran - dt.timedelta(days=14) if m.fran.month != 1 else D(m.fran.year - 1, 12, 10),
        )


def seed(forbund: Forbund, aktor: Any) -> None:
    medlemmar = list(Medlem.objects.filter(forbund=forbund).order_by("ordning"))
    medlem = {m.kod: m for m in medlemmar}
    if not {"fk", "af", "region", "skelleftea", "norsjo"} <= set(medlem):
        return
    _forbundsordning(forbund, aktor, medlemmar)
    _revisorer(forbund, aktor, medlem)
    _ansvarsfrihet(forbund, aktor, medlem)
    _paminnelser(forbund, aktor, medlem)
    _utnamningar(forbund, aktor)
