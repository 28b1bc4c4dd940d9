"""Demo data from the seeds: the meeting of 2019-11-28 (§ 69 – § 81) and the meeting of 2020-02-13 with its notice
(held: § 1 – § 15 of 2020), then the present (styrelse.demo_idag): a board in office today and this year's meetings.

Built through the services (quorum, numbering, justering and anslag rules apply); dates of the
historical justering are set afterwards. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q

from finsam.models import Forbund, Medlem, Person, RollTyp
from finsam.permissions import Kontext

from . import services
from .models import Arende, Handlingstyp, Justering, Mandat, Narvaro, Sammantrade, Uppdrag
from .services import dokument as dok
from .services.beslut import justering_kravs
from .services.mote import automatiska_punkter_uppdatera

D = dt.date
TZ = ZoneInfo("Europe/Stockholm")

PARAGRAFER_2019 = [
    # (rubrik, text, beslut)
    ("Mötets öppnande", "Ordförande Bertil Almgren hälsar välkommen och förklarar mötet öppnat.", ""),
    ("Val av justerare", "", "att utse Mattias Lindh att justera protokollet"),
    (
        "Dagordningen godkänns",
        "Ordförande presenterar dagordningen.",
        "att godkänna dagordningen med tillägg av fyra extra ärenden: § 80 Rapport från planeringsdagarna 15-16 oktober, § 80 Rapport från "
        "NNS höstkonferens/Årsmöte 29 – 30 oktober, § 81 Ordförandekonferens på Arlanda, Stockholm den 31 januari 2020, § 81 Våld i nära "
        "relation, konferens i Umeå den 20 februari 2020",
    ),
    (
        "Genomgång av protokoll från föregående möte (bilaga 1)",
        "Föreligger följande protokoll: Styrelseprotokoll 2019-10-01.",
        "att godkänna protokollet från 2019-10-01 och lägga det till handlingarna",
    ),
    (
        "Avtal med Sobona",
        "Förbundet har ansökt om medlemskap i arbetsgivarorganisationen Sobona från 1 januari 2020. Det innebär att förbundet är redo att "
        "bli arbetsgivare som planerat från och med januari 2020. Ett positivt förhandsbesked har meddelats, formellt beslut tas av Sobona "
        "den 12 december.",
        "att godkänna medlemskapet i Sobona\natt godkänna årsavgift för medlemskapet",
    ),
    (
        "Nytt avtal om tjänsteköp från Skellefteå kommun, 20200101",
        "Det pågår ett arbete med att ta fram ett avtal som reglerar ett avtal med Skellefteå kommun kring ekonomisk och administrativ "
        "service, IT-utrustning och IT-tjänster samt löneutbetalning och redovisning.",
        "att avtal skrivs med Skellefteå kommun avseende förlängt tjänsteköp av ekonomiservice inklusive dataprogrammet Visma för redovisning "
        "och fakturahantering, tjänsteköp för tillgång till kommunens IT-tjänster/program och utrustning kopplade till Skenet (dator och "
        "telefoni) samt löpande löneutbetalning och redovisning",
    ),
    (
        "Ny inriktning och organisation av nuvarande Arbetsmarknadstorget (bilaga 2)",
        "Enligt förslag från utredningsgruppen och behandling i beredningsgruppen föreslås styrelsen besluta om en ny inriktning och "
        "organisation för nuvarande Arbetsmarknadstorget. Det innebär att nuvarande åldersindelning upphör och utökas till att omfatta "
        "personer i arbetsför ålder 16 - 64 år. I den nya samverkansplattformen sammanförs nuvarande Arbetsmarknadstorget samt MySam och NAFS.",
        "att godkänna ny inriktning för Arbetsmarknadstorget där de nuvarande tre insatserna Arbetsmarknadstorget, MySam och NAFS ingår\n"
        "att nuvarande överenskommelse om ersättning för utvecklingsledare förlängs med upp till tre månader under tiden som ny rekrytering pågår\n"
        "att finansiera den nya samverkansinsatsen med 3 550 000 kr enligt förslag\n"
        "att uppdra till ledningsgruppen för Arbetsmarknadstorget återkomma till styrelsemötet 13 februari med förslag till nytt namn för den "
        "nya insatsen som inte sammanblandas med Arbetsmarknadsenheten och nya Arbetsförmedlingen\n"
        "att arbetet med utvecklingen av Arbetsmarknadstorget fortsätter och en redovisning och eventuell förändring av beslut kommer att "
        "redovisas den 13 februari",
    ),
    (
        "Verksamhetsplan och budget 2020 (bilaga 3)",
        "Ett förslag finns till verksamhetsplan och budget för 2020 och plan 2021 - 2022. Budget för 2020 är underfinansierad med 142 000 kr "
        "som beräknas tas ur eget kapital.",
        "att fastställa Strategi och verksamhetsplan samt budget för 2020\n"
        "att notera att budget för 2020 är underfinansierad med 142 000 kr som planeras att tas ur eget kapital\n"
        "att bevaka bokslut för 2019 och tidigt besluta hur eventuellt utrymme av eget kapital ska användas under 2020",
    ),
    (
        "Besök från ESF-projektet ProAktiv",
        "Representanter från ESF-projektet ProAktiv informerade om hur projektet har utvecklats så här långt samt vilka resultat och "
        "utmaningar man kan se. Projektet har i nuläget 40 deltagare i åldrarna 16 – 29 år.",
        "att godkänna informationen",
    ),
    (
        "Datum för styrelsemöten och planeringsdagar 2020",
        "Styrelsen diskuterar mötestider för våren 2020. En extra halv planeringsdag tillsammans med beredningsgruppen läggs in under majmötet.",
        "att fastställa mötestider för första halvåret 2020 samt planeringsdagar: torsdag 13 februari kl. 09.00 – 15.00, torsdag 7 maj "
        "kl. 08.30 – 16.30, torsdag 11 juni kl. 09.00 – 15.00, planeringsdagar 21 – 22 oktober",
    ),
    (
        "Informationsärenden",
        "Förbundschefen informerade om utvecklingen i projektet Våld i nära relationer, ett nationellt projekt som drivs av NNS. "
        "Nätverkskonferens Hälsa och demokrati i Umeå 12 – 13 februari 2020.",
        "att notera informationen",
    ),
    (
        "Rapporter",
        "Förbundschefen rapporterar från planeringsdagarna 15-16 oktober. Bertil Almgren rapporterar från NNS höstkonferens 29 – 30 oktober. "
        "Kenneth Andersson rapporterar från NNS arbetsutskott. Förbundschefen rapporterar från norrlandsnätverkets träff i Umeå 7 – 8 november.",
        "att godkänna rapporterna\natt skicka en intresseanmälan till Umeåregionen gällande Samordningsförbundet Skellefteå-Norsjös "
        "deltagande i ett projekt med fokus på analysarbete",
    ),
    (
        "Övriga frågor",
        "Datum för nästa möte: torsdag 13 februari. Ordförandedag 2020-01-31, Radisson Blu Sky City Arlanda. Styrelsen avtackar Maria "
        "Lindgren-Tuoma som varit förbundschef sedan år 2015.",
        "",
    ),
]

DAGORDNING_2020 = [
    (Arende.Typ.STANDARD, "Mötets öppnande", "Ordförande öppnar mötet.", "", ""),
    (Arende.Typ.STANDARD, "Val av justerare", "", "", "utse … att justera protokollet"),
    (Arende.Typ.STANDARD, "Godkännande av dagordning", "Ordförande presenterar dagordningen.", "", "godkänna dagordningen"),
    (
        Arende.Typ.STANDARD,
        "Genomgång av protokoll från föregående möte",
        "Föreligger följande protokoll 2019-11-28.",
        "",
        "godkänna protokollet från 2019-11-28 och lägga det till handlingarna",
    ),
    (
        Arende.Typ.VANLIGT,
        "Årsredovisning, inklusive verksamhetsberättelse 2019",
        "Det föreligger en avvikelse från styrelsens beslut att minska det egna kapitalet med 300 000 kr. Avvikelsen förklaras med lägre "
        "kostnader för seminarier och konferenser, färre deltagare i några av verksamheterna samt lägre personalkostnader.",
        "Maria Lindgren Tuoma och Mats Sundqvist, ekonom",
        "godkänna föreslagen årsredovisning 2019, se bilaga 2\nfrån det egna kapitalet lyfta 85 279 kr för att täcka kostnader 2019\n"
        "upp till 325 000 kr ur eget kapital kan tillföras",
    ),
    (
        Arende.Typ.VANLIGT,
        "Uppdatering av styrdokument",
        "Utifrån årlig översyn av styrdokumenten Förbundsordning, Delegationsordning samt Dokumenthanteringsplan föreslås förändringar.",
        "",
        "godkänna förslag till Förbundsordning, se bilaga 3\ngodkänna förslag till Delegationsordning, se bilaga 4\n"
        "godkänna förslag till Dokumenthanteringsplan, se bilaga 5",
    ),
    (
        Arende.Typ.VANLIGT,
        "Ny inriktning och organisation av nuvarande Arbetsmarknadstorget, MySam och NAFS Skellefteå-Norsjö",
        "Den nya verksamheten föreslås få namnet MISAM (Myndigheter och Individer i SAMverkan).",
        "Tomas Hedlund, utvecklingsledare",
        "godkänna rapporten\ngodkänna namnförslaget MISAM för den omarbetade samlokaliserade insatsen\n"
        "godkänna Överenskommelsen för MISAM, se bilaga 7\nur eget kapital använda 120 000 kr för att finansiera en resurs från Region "
        "Västerbotten att medverka i Samverkansforum\nuppdra till utvecklingsledaren att återkomma med plan för utvärdering",
    ),
    (
        Arende.Typ.VANLIGT,
        "Avtal med European Minds",
        "Under 2019 har avtal om konsulttjänster för stöd till projekt och verksamhetsutveckling tecknats med European Minds.",
        "",
        "teckna nytt avtal om motsvarande tjänster för 2020, med option till förlängning på 1+1 år, se bilaga 8",
    ),
    (
        Arende.Typ.VANLIGT,
        "Projektansökan SIKT 2.0",
        "Projektet söker medfinansiering från Samordningsförbundet Skellefteå-Norsjö motsvarande 50 000 kr per år i två år.",
        "Beatriz Axelsson, Norsjö kommun",
        "bevilja medfinansiering enligt ansökan, se bilaga 9",
    ),
    (
        Arende.Typ.VANLIGT,
        "Styrelsens ansvarsfrihet",
        "Protokoll som styrker beviljande av ansvarsfrihet för samordningsförbundets styrelse 2018 har inkommit från Försäkringskassan och "
        "Skellefteå kommun, se bilagorna 10 och 11.",
        "",
        "notera Försäkringskassans beslut om styrelsens ansvarsfrihet för år 2018\nnotera Skellefteå kommuns beslut om styrelsens "
        "ansvarsfrihet för år 2018",
    ),
    (
        Arende.Typ.VANLIGT,
        "Intresse för styrelseutbildning",
        "Punkten avser att klargöra om styrelsen har ett behov av styrelseutbildning, framförallt med tanke på den arbetsgivarroll som den nu har.",
        "",
        "uppdra till förbundschef att utreda vilka alternativ som finns och återkomma med ett förslag till styrelsemötet i maj",
    ),
    (
        Arende.Typ.INFORMATION,
        "Informationsärenden",
        "Tjänsteköpsavtal för 2020 har tecknats med Skellefteå kommun, se bilaga 12. Medlemssamråd för Västerbotten föreslås att genomföras "
        "i Skellefteå den 17 september 2020.",
        "",
        "notera informationen\nuppdra till förbundschefen att vidare utreda vad som bäst tillgodoser samordningsförbundets behov vad gäller "
        "underlag för helårsekvivalenter",
    ),
    (
        Arende.Typ.INFORMATION,
        "Rapporter",
        "Indikatorer för finansiell samordning. Rapport från NNS ordförandedag den 31 januari 2020.",
        "Tomas Hedlund",
        "godkänna rapporterna",
    ),
    (Arende.Typ.STANDARD, "Övriga frågor", "", "", ""),
]

# The diarium's document types; forvaltning.demo classifies each under its row of the records plan.
HANDLINGSTYPER = [
    "Protokoll och bilagor, styrelsen",
    "Protokollsanslag",
    "Kallelse/föredragningslista",
    "Utskickade handlingar",
    "Inkomna och upprättade diarieförda handlingar",
    "Avtal",
    "Underlag externfaktura",
    "Verifikat inklusive bilagor",
    "E-post av ringa eller tillfällig betydelse",
]


def _person(forbund: Forbund, namn: str, **kw: Any) -> Person:
    return Person.objects.get_or_create(forbund=forbund, namn=namn, defaults=kw)[0]


def _mandat(forbund: Forbund, namn: str, typ: str) -> Mandat:
    return _mandat_vid(forbund, namn, typ, D(2019, 11, 28))


def seed_register(forbund: Forbund, aktor: Any) -> None:
    # The delegation order and the records plan are seeded by forvaltning.demo.
    for namn in HANDLINGSTYPER:
        Handlingstyp.objects.get_or_create(forbund=forbund, namn=namn)
    if not services.beslutsregler_for(forbund).pk:
        services.beslutsregler_andra(
            forbund=forbund, aktor=aktor, majoritet="2/3", kallelsetid_dagar=7, forvaringsplats="Kommunledningskontoret, stadshuset"
        )


def seed_moten(forbund: Forbund, aktor: Any) -> None:
    if Sammantrade.objects.filter(forbund=forbund, datum=D(2019, 11, 28)).exists():
        return
    chef_2019 = Person.objects.get(forbund=forbund, namn="Maria Lindgren-Tuoma")
    mote = services.sammantrade_planera(
        forbund=forbund,
        aktor=aktor,
        datum=D(2019, 11, 28),
        starttid=dt.time(9),
        sluttid=dt.time(15),
        plats="Hörnellgatan 17, sammanträdesrum, vån 3",
        mall="tom",
        sammankallande=chef_2019,
    )
    feb = services.sammantrade_planera(
        forbund=forbund,
        aktor=aktor,
        datum=D(2020, 2, 13),
        starttid=dt.time(9),
        sluttid=dt.time(15),
        plats="Skellefteå, Hörnellgatan 17, vån 3",
        mall="tom",
        sammankallande=Person.objects.get(forbund=forbund, namn="Monica Widman Lundmark"),
    )
    maj = services.sammantrade_planera(
        forbund=forbund,
        aktor=aktor,
        datum=D(2020, 5, 7),
        starttid=dt.time(8, 30),
        sluttid=dt.time(16, 30),
        plats="Hörnellgatan 17, vån 3",
        detaljer="Halv planeringsdag med beredningsgruppen och styrelsemöte",
    )
    services.nummerserie_satt_start(forbund=forbund, aktor=aktor, serie="paragraf", ar=2019, senaste=68)

    bertil = _mandat(forbund, "Bertil Almgren", "ledamot")
    mattias = _mandat(forbund, "Mattias Lindh", "ersattare")
    reg = services.narvaro_registrera
    reg(sammantrade=mote, aktor=aktor, person=bertil.person, kategori=Narvaro.Kategori.LEDAMOT)
    reg(
        sammantrade=mote,
        aktor=aktor,
        person=_mandat(forbund, "Kenneth Andersson", "ledamot").person,
        kategori=Narvaro.Kategori.LEDAMOT,
        fran_nummer=75,
        till_nummer=81,
    )
    reg(sammantrade=mote, aktor=aktor, person=_mandat(forbund, "Mikael Lindfors", "ledamot").person, kategori=Narvaro.Kategori.LEDAMOT)
    reg(
        sammantrade=mote,
        aktor=aktor,
        person=_mandat(forbund, "Catarina Forsberg", "ersattare").person,
        kategori=Narvaro.Kategori.TJANSTGORANDE,
        ersatter=_mandat(forbund, "Mikael Broman", "ledamot"),
    )
    reg(
        sammantrade=mote,
        aktor=aktor,
        person=mattias.person,
        kategori=Narvaro.Kategori.TJANSTGORANDE,
        ersatter=_mandat(forbund, "Anders Eriksson", "ledamot"),
    )
    reg(sammantrade=mote, aktor=aktor, person=_mandat(forbund, "Patrick Ström", "ersattare").person, kategori=Narvaro.Kategori.ERSATTARE)
    reg(sammantrade=mote, aktor=aktor, person=chef_2019, kategori=Narvaro.Kategori.TJANSTEPERSON, funktion="Förbundschef")
    reg(
        sammantrade=mote,
        aktor=aktor,
        person=Person.objects.get(forbund=forbund, namn="Britt Inger Stoltz"),
        kategori=Narvaro.Kategori.TJANSTEPERSON,
        funktion="Administratör",
    )
    for namn, org in [("Therese Lundgren", "Urkraft/ProAktiv"), ("Ros-Marie Normark", "Försäkringskassan/ProAktiv")]:
        reg(
            sammantrade=mote,
            aktor=aktor,
            person=_person(forbund, namn, organisation=org),
            kategori=Narvaro.Kategori.OVRIG,
            funktion=org,
            fran_nummer=77,
            till_nummer=77,
        )

    paragrafer = []
    for i, (rubrik, text, beslut) in enumerate(PARAGRAFER_2019, start=1):
        a = services.arende_skapa(sammantrade=mote, aktor=aktor, rubrik=rubrik, text=text, forslag=beslut, ordning=i)
        paragrafer.append(services.beslut_fatta(sammantrade=mote, arende=a, aktor=aktor, text=text, beslut=beslut))
    p75, p78 = paragrafer[6], paragrafer[9]
    Uppdrag.objects.get_or_create(
        forbund=forbund,
        paragraf=p75,
        text=p75.beslut_satser[3][len("uppdra till ledningsgruppen för Arbetsmarknadstorget ") :],
        defaults={"ansvarig_text": "ledningsgruppen för Arbetsmarknadstorget", "aterrapport": feb},
    )
    for m in (feb, maj):
        services.sammantrade_andra(sammantrade=m, aktor=aktor, datumbeslut=p78)
    services.sammantrade_andra(sammantrade=mote, aktor=aktor, ordforande=bertil.person, sekreterare=chef_2019)
    services.mote_avsluta(sammantrade=mote, aktor=aktor)
    kontext = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    for roll, person in [
        (Justering.Roll.ORDFORANDE, bertil.person),
        (Justering.Roll.SEKRETERARE, chef_2019),
        (Justering.Roll.JUSTERARE, mattias.person),
    ]:
        services.justering_bekrafta(sammantrade=mote, kontext=kontext, aktor=aktor, person=person, roll=roll)
    # The historical justering took place on 2019-12-19.
    justerad = dt.datetime(2019, 12, 19, 14, 0, tzinfo=TZ)
    Justering.objects.filter(sammantrade=mote).update(tidpunkt=justerad)
    Sammantrade.objects.filter(pk=mote.pk).update(justerat=justerad, avslutat=dt.datetime(2019, 11, 28, 15, 0, tzinfo=TZ))
    mote.refresh_from_db()
    services.anslag_registrera(
        sammantrade=mote, aktor=aktor, uppsatt=D(2019, 12, 20), nedtas=D(2020, 1, 13), forvaringsplats="Kommunledningskontoret, stadshuset"
    )

    # The notice of 2020-02-13: the agenda from the seed, sent 2020-02-04.
    for i, (typ, rubrik, text, foredragande, forslag) in enumerate(DAGORDNING_2020, start=1):
        services.arende_skapa(sammantrade=feb, aktor=aktor, rubrik=rubrik, text=text, foredragande=foredragande, forslag=forslag, typ=typ, ordning=i)
    automatiska_punkter_uppdatera(sammantrade=feb)
    monica = Person.objects.get(forbund=forbund, namn="Monica Widman Lundmark")
    services.sammantrade_andra(sammantrade=feb, aktor=aktor, ordforande=bertil.person, sekreterare=monica)
    Sammantrade.objects.filter(pk=feb.pk).update(status=Sammantrade.Status.KALLAT, kallelse_skickad=dt.datetime(2020, 2, 4, 10, 0, tzinfo=TZ))
    dok.kallelse_bestall(sammantrade=feb, aktor=aktor)
    _hall_mote_2020(forbund, aktor, feb, bertil, monica)


def _hall_mote_2020(forbund: Forbund, aktor: Any, feb: Sammantrade, bertil: Mandat, monica: Person) -> None:
    """The meeting of 2020-02-13 was held: § 1 – § 15 of 2020, each item decided as proposed (the grant to SIKT 2.0 is § 9)."""
    feb.refresh_from_db()
    datum = D(2020, 2, 13)
    reg = services.narvaro_registrera
    for namn in ["Bertil Almgren", "Anders Eriksson", "Kenneth Andersson", "Mikael Broman", "Mikael Lindfors"]:
        reg(sammantrade=feb, aktor=aktor, person=_mandat_vid(forbund, namn, "ledamot", datum).person, kategori=Narvaro.Kategori.LEDAMOT)
    reg(sammantrade=feb, aktor=aktor, person=_mandat_vid(forbund, "Patrick Ström", "ersattare", datum).person, kategori=Narvaro.Kategori.ERSATTARE)
    reg(sammantrade=feb, aktor=aktor, person=monica, kategori=Narvaro.Kategori.TJANSTEPERSON, funktion="Förbundschef")
    _hall_arenden(feb, aktor, justerare="Kenneth Andersson")
    uppdrag = Uppdrag.objects.filter(forbund=forbund, aterrapport=feb, status=Uppdrag.Status.OPPET)
    aterrapport = feb.arenden.filter(typ=Arende.Typ.UPPDRAG).select_related("paragraf").first()
    for u in uppdrag:
        services.uppdrag_avsluta(uppdrag=u, aktor=aktor, klart_paragraf=aterrapport.paragraf if aterrapport else None, datum=datum)
    _avsluta_och_justera(
        feb, aktor, dt.datetime(2020, 2, 20, 13, 0, tzinfo=TZ), plats="Kansliet, Hörnellgatan 17", uppsatt=D(2020, 2, 21), nedtas=D(2020, 3, 16)
    )


def _mandat_vid(forbund: Forbund, namn: str, typ: str, datum: dt.date) -> Mandat:
    return (
        Mandat.objects.select_related("person")
        .filter(forbund=forbund, person__namn=namn, typ=typ, fran__lte=datum)
        .filter(Q(till__isnull=True) | Q(till__gte=datum))
        .get()
    )


def _hall_arenden(mote: Sammantrade, aktor: Any, *, justerare: str, utfall: dict[str, dict[str, Any]] | None = None) -> None:
    """Decide every item in order, as proposed unless `utfall` (by heading) says otherwise."""
    for a in list(mote.arenden.order_by("ordning", "id")):
        if a.paragraf_id:
            continue
        beslut = "\n".join(f"att {s}" for s in a.forslag_satser)
        extra = dict((utfall or {}).get(a.rubrik, {}))
        if a.rubrik.lower().startswith("val av justerare"):
            beslut = f"att utse {justerare} att justera protokollet"
        services.beslut_fatta(sammantrade=mote, arende=a, aktor=aktor, text=a.text, beslut=extra.pop("beslut", beslut), **extra)


def _avsluta_och_justera(mote: Sammantrade, aktor: Any, justerad: dt.datetime, *, plats: str, uppsatt: dt.date, nedtas: dt.date) -> None:
    services.mote_avsluta(sammantrade=mote, aktor=aktor)
    mote.refresh_from_db()
    kontext = Kontext(forbund=mote.forbund, roll=RollTyp.FORBUNDSCHEF)
    for roll, person in justering_kravs(mote):
        services.justering_bekrafta(sammantrade=mote, kontext=kontext, aktor=aktor, person=person, roll=roll, plats=plats)
    Justering.objects.filter(sammantrade=mote).update(tidpunkt=justerad)
    Sammantrade.objects.filter(pk=mote.pk).update(justerat=justerad, avslutat=dt.datetime.combine(mote.datum, dt.time(15), tzinfo=TZ))
    mote.refresh_from_db()
    services.anslag_registrera(
        sammantrade=mote,
        aktor=aktor,
        uppsatt=uppsatt,
        nedtas=nedtas,
        forvaringsplats="Kommunledningskontoret, stadshuset",
        anslagsplatser="Förbundets digitala anslagstavla\nSkellefteå kommuns anslagstavla",
    )


def seed_mote_2018(forbund: Forbund, aktor: Any) -> None:
    """The meeting of 2018-11-29 that adopted the budget for 2019 (§ 85), held by the board of 2015–2018.

    The ekonomi demo links the 2019 budget to this paragraph; without it, it made a paragraph in a meeting never held.
    """
    if Sammantrade.objects.filter(forbund=forbund, datum=D(2018, 11, 29)).exists():
        return

    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    for namn, kod, uppdrag in [
        ("Bertil Almgren", "skelleftea", "ordforande"),
        ("Anders Eriksson", "af", "vice_ordforande"),
        ("Kenneth Andersson", "region", ""),
        ("Mikael Broman", "fk", ""),
        ("Mikael Lindfors", "norsjo", ""),
    ]:
        Mandat.objects.get_or_create(
            forbund=forbund,
            person=Person.objects.get(forbund=forbund, namn=namn),
            medlem=medlem[kod],
            typ=Mandat.Typ.LEDAMOT,
            fran=D(2015, 1, 1),
            defaults={"till": D(2018, 12, 31), "uppdrag": uppdrag},
        )
    chef = Person.objects.get(forbund=forbund, namn="Maria Lindgren-Tuoma")
    mote = services.sammantrade_planera(
        forbund=forbund,
        aktor=aktor,
        datum=D(2018, 11, 29),
        starttid=dt.time(9),
        sluttid=dt.time(15),
        plats="Hörnellgatan 17, sammanträdesrum, vån 3",
        mall="tom",
        sammankallande=chef,
    )
    services.nummerserie_satt_start(forbund=forbund, aktor=aktor, serie="paragraf", ar=2018, senaste=82)
    for namn in ["Bertil Almgren", "Anders Eriksson", "Kenneth Andersson", "Mikael Broman", "Mikael Lindfors"]:
        services.narvaro_registrera(
            sammantrade=mote, aktor=aktor, person=_mandat_vid(forbund, namn, "ledamot", mote.datum).person, kategori=Narvaro.Kategori.LEDAMOT
        )
    services.narvaro_registrera(sammantrade=mote, aktor=aktor, person=chef, kategori=Narvaro.Kategori.TJANSTEPERSON, funktion="Förbundschef")
    for i, (rubrik, forslag, slag) in enumerate(
        [
            ("Mötets öppnande", "", ""),
            ("Val av justerare", "utse … att justera protokollet", ""),
            ("Verksamhetsplan och budget 2019, plan 2020–2021", "fastställa verksamhetsplan och budget för 2019", "budget"),
        ],
        start=1,
    ):
        services.arende_skapa(
            sammantrade=mote,
            aktor=aktor,
            rubrik=rubrik,
            forslag=forslag,
            ordning=i,
            slag=slag,
            typ=Arende.Typ.VANLIGT if slag else Arende.Typ.STANDARD,
        )
    services.sammantrade_andra(sammantrade=mote, aktor=aktor, ordforande=Person.objects.get(forbund=forbund, namn="Bertil Almgren"), sekreterare=chef)
    _hall_arenden(mote, aktor, justerare="Anders Eriksson")
    _avsluta_och_justera(
        mote, aktor, dt.datetime(2018, 12, 6, 14, 0, tzinfo=TZ), plats="Kansliet, Hörnellgatan 17", uppsatt=D(2018, 12, 7), nedtas=D(2018, 12, 31)
    )


def seed(forbund: Forbund, aktor: Any) -> None:
    seed_register(forbund, aktor)
    seed_mote_2018(forbund, aktor)
    seed_moten(forbund, aktor)
    from .demo_idag import seed_idag

    seed_idag(forbund, aktor)
