"""Services for applications and grants: arrival, preparation, the board's decision and the grants it makes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum

from finsam.audit import diff, handelse_logga, snapshot
from finsam.formatting import kr
from finsam.models import Forbund, Medlem
from styrelse.models import Handlingstyp, Paragraf
from styrelse.regler import paragraf_for_faststallelse
from styrelse.services.register import handling_registrera

from ..models import Ansokan, AnsokanBelopp, Ansokningsbilaga, Beviljande, Insats, Medfinansiering
from ..models.ansokan import kontrollera_beslutsparagraf
from .filer import kontrollera_fil
from .insats import MINSTA_ANTAL_PARTER, insats_create, kontrollera_finansierbar

ANSOKAN_FALT = set(Ansokan.SOKANDENS_FALT) - {"sokande"}  # sokande (many-to-many) is its own argument


def _belopp(varde: Any) -> Decimal:
    try:
        belopp = Decimal(str(varde).replace(" ", "").replace("\u00a0", ""))
    except Exception as exc:
        raise ValidationError(f"Beloppet {varde} är inte ett tal.") from exc
    if belopp != belopp.to_integral_value():
        raise ValidationError("Belopp anges i hela kronor.")
    if belopp < 0:
        raise ValidationError("Belopp kan inte vara negativa.")
    return belopp


DIARIETYP = "Inkomna och upprättade diarieförda handlingar"  # the records plan's row for registered incoming documents (kept)


def _diariefor(ansokan: Ansokan, aktor: Any) -> str:
    """Register the incoming application in the förbund's diarium (styrelse) and return its diarienummer."""
    typ, _ = Handlingstyp.objects.get_or_create(forbund=ansokan.forbund, namn=DIARIETYP)
    handling = handling_registrera(
        forbund=ansokan.forbund,
        aktor=aktor,
        riktning="inkommande",
        datum=ansokan.inkom,
        handlingstyp=typ,
        rubrik=f"Ansökan om finansiering: {ansokan.titel}"[:300],
        motpart=ansokan.projektagare_text[:200],
        arende="Ansökan om finansiering",
    )
    return str(handling.diarienummer)


def _kontrollera_sokt(belopp: dict[int, Any] | None) -> None:
    if not belopp or not any(_belopp(v) > 0 for v in belopp.values()):
        raise ValidationError({"belopp": "Ange sökt belopp från förbundet för minst ett år."})


def _sokande(forbund: Forbund, sokande: list[Medlem]) -> list[Medlem]:
    for m in sokande:
        if m.forbund_id != forbund.pk:
            raise ValidationError("En sökande medlem tillhör ett annat förbund.")
    return sokande


def _spara_belopp(ansokan: Ansokan, belopp: dict[int, Any]) -> dict[int, str]:
    ar_tillatna = set(range(ansokan.startdatum.year, ansokan.slutdatum.year + 1))
    sparat: dict[int, str] = {}
    AnsokanBelopp.objects.filter(ansokan=ansokan).delete()
    for ar, varde in sorted(belopp.items()):
        b = _belopp(varde)
        if int(ar) not in ar_tillatna:
            raise ValidationError({"belopp": (f"{ar} ligger utanför projektperioden {ansokan.startdatum.year}–{ansokan.slutdatum.year}.")})
        if b == 0:
            continue
        AnsokanBelopp.objects.create(forbund_id=ansokan.forbund_id, ansokan=ansokan, ar=int(ar), belopp=b)
        sparat[int(ar)] = str(b)
    return sparat


@transaction.atomic
def ansokan_create(*, forbund: Forbund, aktor: Any, sokande: list[Medlem], belopp: dict[int, Any], **data: Any) -> Ansokan:
    okanda = set(data) - ANSOKAN_FALT
    if okanda:
        raise ValidationError(f"Fältet {sorted(okanda)[0]} kan inte sättas här.")
    ansokan = Ansokan(forbund=forbund, **data)
    ansokan.full_clean()
    _kontrollera_sokt(belopp)
    if not ansokan.diarienummer:
        ansokan.diarienummer = _diariefor(ansokan, aktor)
    ansokan.save()
    ansokan.sokande.set(_sokande(forbund, sokande))
    sparat = _spara_belopp(ansokan, belopp)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="ansokan_skapa",
        objekt=ansokan,
        andringar=diff({}, snapshot(ansokan)),
        detaljer={"sokt": sparat, "sokande": sorted(m.kod for m in sokande)},
    )
    return ansokan


@transaction.atomic
def ansokan_update(
    *, ansokan: Ansokan, aktor: Any, sokande: list[Medlem] | None = None, belopp: dict[int, Any] | None = None, **data: Any
) -> Ansokan:
    ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
    if not ansokan.kan_andras:
        raise ValidationError("En beslutad ansökan kan inte ändras.")
    okanda = set(data) - ANSOKAN_FALT
    if okanda:
        raise ValidationError(f"Fältet {sorted(okanda)[0]} kan inte sättas här.")
    fore = snapshot(ansokan)
    for key, value in data.items():
        setattr(ansokan, key, value)
    ansokan.full_clean()
    ansokan.save()
    detaljer: dict[str, Any] = {}
    if sokande is not None:
        ansokan.sokande.set(_sokande(ansokan.forbund, sokande))
        detaljer["sokande"] = sorted(m.kod for m in sokande)
    if belopp is not None:
        _kontrollera_sokt(belopp)
        detaljer["sokt"] = _spara_belopp(ansokan, belopp)
    handelse_logga(
        aktor=aktor, forbund=ansokan.forbund, handling="ansokan_andra", objekt=ansokan, andringar=diff(fore, snapshot(ansokan)), detaljer=detaljer
    )
    return ansokan


@transaction.atomic
def ansokan_till_beredning(*, ansokan: Ansokan, aktor: Any, yttrande: str = "") -> Ansokan:
    """Inkommen → under beredning; the preparatory group's opinion may be written now or later."""
    ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
    if not ansokan.kan_beredas:
        raise ValidationError("Ansökan är redan beslutad.")
    if ansokan.status != Ansokan.Status.UNDER_BEREDNING:
        ansokan.kontrollera_overgang(Ansokan.Status.UNDER_BEREDNING)
    fore = snapshot(ansokan)
    ansokan.status = Ansokan.Status.UNDER_BEREDNING
    if yttrande:
        ansokan.yttrande = yttrande
    if fore == snapshot(ansokan):
        raise ValidationError("Inget att ändra: ansökan är redan under beredning.")
    ansokan.full_clean()
    ansokan.save()
    handelse_logga(aktor=aktor, forbund=ansokan.forbund, handling="ansokan_till_beredning", objekt=ansokan, andringar=diff(fore, snapshot(ansokan)))
    return ansokan


@transaction.atomic
def medfinansiering_spara(*, ansokan: Ansokan, aktor: Any, rader: list[dict[str, Any]]) -> list[Medfinansiering]:
    """Replace the co-financing table (financier, form, year, amount) of an application."""
    ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
    fore = [str(m) for m in ansokan.medfinansiering.all()]
    ansokan.medfinansiering.all().delete()
    nya: list[Medfinansiering] = []
    for rad in rader:
        m = Medfinansiering(
            forbund_id=ansokan.forbund_id,
            ansokan=ansokan,
            finansiar=str(rad.get("finansiar", "")).strip(),
            form=rad.get("form") or Medfinansiering.Form.KONTANT,
            ar=int(rad.get("ar") or 0),
            belopp=_belopp(rad.get("belopp")),
        )
        m.full_clean(exclude=["ansokan"])
        m.save()
        nya.append(m)
    handelse_logga(
        aktor=aktor,
        forbund=ansokan.forbund,
        handling="medfinansiering_spara",
        objekt=ansokan,
        andringar={"medfinansiering": [fore, [str(m) for m in nya]]},
    )
    return nya


@transaction.atomic
def ansokan_bilaga_ladda_upp(*, ansokan: Ansokan, aktor: Any, namn: str, fil: UploadedFile) -> Ansokningsbilaga:
    kontrollera_fil(fil)
    bilaga = Ansokningsbilaga(forbund_id=ansokan.forbund_id, ansokan=ansokan, namn=namn or fil.name or "Bilaga", fil=fil)
    bilaga.full_clean()
    bilaga.save()
    handelse_logga(
        aktor=aktor,
        forbund=ansokan.forbund,
        handling="ansokan_bilaga_ladda_upp",
        objekt=bilaga,
        detaljer={"ansokan": ansokan.pk, "fil": bilaga.fil.name},
    )
    return bilaga


def _over_sokt(ar: int, beviljat: Decimal, sokt: Decimal) -> str:
    return f"Beviljat belopp för {ar} ({kr(beviljat)}) överstiger det sökta ({kr(sokt)})."


def _kontrollera_paragraf(forbund: Forbund, paragraf: Paragraf | None) -> Paragraf:
    if paragraf is None:
        raise ValidationError({"paragraf": "Medel kan bara beviljas genom ett styrelsebeslut: ange beslutsparagrafen."})
    kontrollera_beslutsparagraf(paragraf, forbund.pk)
    return paragraf


@transaction.atomic
def beviljande_create(
    *, forbund: Forbund, aktor: Any, insats: Insats, paragraf: Paragraf | None, ar: int, belopp: Any, ansokan: Ansokan | None = None
) -> Beviljande:
    """Record a grant decided by the board. Refused without a decision, above the applied amount, or with fewer than two members."""
    paragraf = _kontrollera_paragraf(forbund, paragraf)
    # A decision in favour, at a held meeting, in an item about a grant (not "Mötets öppnande", not an avslag).
    paragraf_for_faststallelse(paragraf, "bidrag", ar)
    if insats.forbund_id != forbund.pk:
        raise ValidationError("Insatsen tillhör ett annat förbund.")
    kontrollera_finansierbar(insats)
    b = _belopp(belopp)
    if b <= 0:
        raise ValidationError("Beviljat belopp måste vara större än noll.")
    if ansokan is not None:
        if ansokan.forbund_id != forbund.pk:
            raise ValidationError("Ansökan tillhör ett annat förbund.")
        Ansokan.objects.select_for_update().filter(pk=ansokan.pk).first()  # serialise grants against the same application
        sokt = AnsokanBelopp.objects.filter(ansokan=ansokan, ar=ar).values_list("belopp", flat=True).first() or Decimal(0)
        redan = Beviljande.objects.filter(ansokan=ansokan, ar=ar).aggregate(s=Sum("belopp"))["s"] or Decimal(0)
        if redan + b > sokt:
            raise ValidationError({"belopp": _over_sokt(ar, redan + b, sokt)})
    if Beviljande.objects.filter(insats=insats, paragraf=paragraf, ar=ar).exists():
        raise ValidationError(f"{paragraf} har redan beviljat {insats.kortnamn} medel för {ar}.")
    grant = Beviljande(forbund=forbund, insats=insats, paragraf=paragraf, ar=ar, belopp=b, ansokan=ansokan)
    grant.full_clean()
    grant.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="beviljande_skapa",
        objekt=grant,
        andringar=diff({}, snapshot(grant)),
        detaljer={"insats": insats.kortnamn, "paragraf": str(paragraf)},
    )
    return grant


@transaction.atomic
def ansokan_besluta(
    *,
    ansokan: Ansokan,
    aktor: Any,
    paragraf: Paragraf | None,
    beslut: str,
    belopp: dict[int, Any] | None = None,
    insats: Insats | None = None,
    ny_insats: dict[str, Any] | None = None,
) -> Ansokan:
    """The board's decision on an application: beviljad, delvis beviljad or avslagen, with the granted amount per year.

    A granted application funds an existing intervention (`insats`) or a new one created from the application
    (`ny_insats`: at least kortnamn; the applying members become its participants).
    """
    ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
    forbund = ansokan.forbund
    ansokan.kontrollera_overgang(Ansokan.Status.BESLUTAD)
    paragraf = _kontrollera_paragraf(forbund, paragraf)
    if beslut not in {Ansokan.Beslut.BEVILJAD, Ansokan.Beslut.DELVIS_BEVILJAD, Ansokan.Beslut.AVSLAGEN}:
        raise ValidationError({"beslut": "Välj beslut: beviljad, delvis beviljad eller avslagen."})
    fore = snapshot(ansokan)
    sokt = {r.ar: r.belopp for r in ansokan.belopp.all()}
    beviljat = {int(ar): _belopp(v) for ar, v in (belopp or {}).items() if str(v).strip() not in {"", "0"}}
    if beslut == Ansokan.Beslut.AVSLAGEN:
        if any(beviljat.values()):
            raise ValidationError("En avslagen ansökan kan inte få beviljade belopp.")
    else:
        if not beviljat:
            raise ValidationError("Ange beviljat belopp för minst ett år.")
        for ar, b in beviljat.items():
            if ar not in sokt:
                raise ValidationError({"belopp": f"Ansökan avser inte {ar}; inget belopp kan beviljas det året."})
            if b > sokt[ar]:
                raise ValidationError({f"beviljat_{ar}": _over_sokt(ar, b, sokt[ar])})
        fullt = all(beviljat.get(ar, Decimal(0)) == s for ar, s in sokt.items())
        if beslut == Ansokan.Beslut.BEVILJAD and not fullt:
            raise ValidationError({"beslut": "Beviljat är mindre än det sökta: välj delvis beviljad."})
        if beslut == Ansokan.Beslut.DELVIS_BEVILJAD and fullt:
            raise ValidationError({"beslut": "Hela det sökta beloppet beviljas: välj beviljad."})
        if insats is None and ansokan.insats_id:
            insats = ansokan.insats
        if insats is None:
            if not ny_insats or not ny_insats.get("kortnamn"):
                raise ValidationError({"ny_kortnamn": "Välj en befintlig insats eller ange kortnamn för en ny."})
            if ansokan.sokande.count() < MINSTA_ANTAL_PARTER:
                raise ValidationError({"beslut": "Minst två medlemmar måste stå bakom ansökan för att den ska kunna beviljas medel."})
            insats = insats_create(
                forbund=forbund,
                aktor=aktor,
                parter=list(ansokan.sokande.all()),
                **{
                    "namn": ansokan.titel,
                    "typ": ansokan.insats_typ,
                    "inriktning": ansokan.inriktning,
                    "startdatum": ansokan.startdatum,
                    "slutdatum": ansokan.slutdatum,
                    "agare_medlem": ansokan.ansvarig_medlem,
                    "agare_extern": "" if ansokan.ansvarig_medlem_id else ansokan.projektagare_extern,
                    "malgrupp": ansokan.malgrupp,
                    "syfte": ansokan.syfte,
                    "kontaktperson": ansokan.kontaktperson,
                    **ny_insats,
                },
            )
        elif insats.forbund_id != forbund.pk:
            raise ValidationError("Insatsen tillhör ett annat förbund.")
        ansokan.insats = insats
    ansokan.status = Ansokan.Status.BESLUTAD
    ansokan.beslut = beslut
    ansokan.paragraf = paragraf
    ansokan.full_clean()
    ansokan.save()
    if insats is not None and beslut != Ansokan.Beslut.AVSLAGEN:
        for ar, b in sorted(beviljat.items()):
            beviljande_create(forbund=forbund, aktor=aktor, insats=insats, paragraf=paragraf, ar=ar, belopp=b, ansokan=ansokan)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="ansokan_besluta",
        objekt=ansokan,
        andringar=diff(fore, snapshot(ansokan)),
        detaljer={"beviljat": {str(k): str(v) for k, v in beviljat.items()}, "paragraf": str(paragraf)},
    )
    return ansokan
