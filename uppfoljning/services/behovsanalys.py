"""Write use cases of the needs analysis: a figure entered by hand, the analysis text, the PDF order and the board's
adoption by a §. Page, API and admin call these; each refusal is a Swedish ValidationError and changes nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot, vagrad
from finsam.documents.services import dokument_bestall, dokument_las
from finsam.granser import ar_fel, ar_inom_granser
from finsam.models import Dokument, Forbund
from styrelse.models import Arende, Paragraf

from ..models.behovsanalys import Behovsanalys, Statistikvarde, niva_for
from .statistikimport import medlemskommuner

DOKUMENTTYP = "behovsanalys"
AMNESORD = ("behovsanalys", "offentlig försörjning", "helårsekvivalent")


def _kontrollera_ar(ar: int) -> None:
    if not ar_inom_granser(ar):
        raise ValidationError({"ar": ar_fel(ar)})


@transaction.atomic
def statistikvarde_spara(
    *, forbund: Forbund, aktor: Any, regionkod: str, region: str, ar: int, kon: str, alder: str, matt: str, varde: Decimal | None
) -> Statistikvarde | None:
    """Enter or correct one figure by hand; an empty value removes it (uppgift saknas)."""
    _kontrollera_ar(ar)
    regionkod, region = (regionkod or "").strip(), (region or "").strip()
    finns = Statistikvarde.objects.select_for_update().filter(forbund=forbund, regionkod=regionkod, ar=ar, kon=kon, alder=alder, matt=matt).first()
    fore = snapshot(finns) if finns else {}
    if varde is None:
        if finns is None:
            raise ValidationError({"varde": "Ange ett värde (det finns inget sparat värde att ta bort)."})
        handelse_logga(
            aktor=aktor, forbund=forbund, handling="statistikvarde_spara", objekt=finns, andringar=diff(fore, {}), detaljer={"borttaget": True}
        )
        finns.delete()
        return None
    obj = finns or Statistikvarde(forbund=forbund, regionkod=regionkod, ar=ar, kon=kon, alder=alder, matt=matt)
    obj.region, obj.varde = region, varde
    obj.full_clean(exclude=["kommun"])
    obj.niva = niva_for(regionkod)
    obj.kommun_id = medlemskommuner(forbund).get(region.lower()) if obj.niva == "kommun" else None
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="statistikvarde_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


def _analys(forbund: Forbund, ar: int, las: bool = True) -> Behovsanalys:
    qs = Behovsanalys.objects.select_for_update() if las else Behovsanalys.objects
    analys = qs.filter(forbund=forbund, ar=ar).first()
    return analys or Behovsanalys(forbund=forbund, ar=ar)


@transaction.atomic
def behovsanalys_spara(*, forbund: Forbund, aktor: Any, ar: int, analys: str) -> Behovsanalys:
    """Write the förbund's analysis of a year. An adopted analysis is frozen."""
    _kontrollera_ar(ar)
    obj = _analys(forbund, ar)
    if obj.ar_faststalld:
        raise vagrad(f"Behovsanalysen för {ar} är fastställd ({obj.beslut}) och kan inte ändras.", forbund=forbund, objekt=obj)
    fore = snapshot(obj) if obj.pk else {}
    obj.analys = analys.strip()
    obj.andrad_av = aktor if getattr(aktor, "is_authenticated", False) else None
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="behovsanalys_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def behovsanalys_bestall(*, forbund: Forbund, aktor: Any, ar: int) -> Behovsanalys:
    """Order the PDF of the year's needs analysis (the document pipeline renders it in the background)."""
    _kontrollera_ar(ar)
    obj = _analys(forbund, ar)
    if obj.ar_faststalld:
        raise vagrad(f"Behovsanalysen för {ar} är fastställd; den fastställda PDF:en skapas inte om.", forbund=forbund, objekt=obj)
    if not Statistikvarde.objects.filter(forbund=forbund, ar=ar).exists():
        raise ValidationError(f"Det finns ingen statistik för {ar}; importera eller registrera statistiken först.")
    if obj.pk is None:
        obj.full_clean()
        obj.save()
    obj.dokument = dokument_bestall(
        forbund=forbund, aktor=aktor, typ=DOKUMENTTYP, titel=f"Behovsanalys {ar}", nyckel=f"behovsanalys-{ar}", parametrar={"ar": ar}
    )
    obj.save(update_fields=["dokument"])
    return obj


def kontrollera_paragraf(paragraf: Paragraf | None, forbund: Forbund, ar: int) -> Paragraf:
    """A § that can adopt the needs analysis: the förbund's own, a decision in favour, at a meeting held, in an ordinary item."""
    if paragraf is None or paragraf.forbund_id != forbund.pk:
        raise ValidationError("Välj styrelsens beslutsparagraf.", code="required")
    beteckning = f"§ {paragraf.nummer}/{paragraf.ar} {paragraf.rubrik}"
    if paragraf.sammantrade.datum > timezone.localdate():
        raise ValidationError(f"{beteckning} hör till ett sammanträde som inte har hållits ({paragraf.sammantrade.datum:%Y-%m-%d}).")
    if not paragraf.bifallen:
        raise ValidationError(f"{beteckning} är inget bifall och kan inte fastställa behovsanalysen.")
    try:
        arende: Arende | None = paragraf.arende
    except ObjectDoesNotExist:
        arende = None
    if arende is not None and arende.typ != Arende.Typ.VANLIGT:
        raise ValidationError(f"{beteckning} är ingen beslutspunkt ({arende.get_typ_display().lower()}) och kan inte fastställa något.")
    amne = f"{paragraf.rubrik}\n{paragraf.beslut}\n{arende.rubrik if arende is not None else ''}".lower()
    if not any(o in amne for o in AMNESORD):
        raise ValidationError(f"{beteckning} handlar inte om behovsanalysen (offentlig försörjning) och kan inte fastställa den.")
    if paragraf.sammantrade.datum.year < ar:
        raise ValidationError(f"{beteckning} fattades {paragraf.sammantrade.datum:%Y-%m-%d}, före år {ar} som analysen gäller.")
    return paragraf


@transaction.atomic
def behovsanalys_faststall(*, forbund: Forbund, aktor: Any, ar: int, paragraf: Paragraf | None) -> Behovsanalys:
    """Record the board's decision and lock the PDF the board read (SHA-256 kept); later data changes never alter it."""
    obj = _analys(forbund, ar)
    if obj.ar_faststalld:
        raise vagrad(f"Behovsanalysen för {ar} är redan fastställd ({obj.beslut}).", forbund=forbund, objekt=obj)
    paragraf = kontrollera_paragraf(paragraf, forbund, ar)
    dokument = Dokument.objects.filter(pk=obj.dokument_id).first() if obj.pk and obj.dokument_id else None
    if dokument is None or dokument.status != Dokument.Status.KLAR or dokument.bestalld < obj.andrad:
        raise ValidationError("Skapa PDF:en av behovsanalysen (efter den senaste ändringen) och vänta tills den är klar innan den fastställs.")
    fore = snapshot(obj)
    dokument = dokument_las(dokument=dokument, aktor=aktor, detaljer={"beslut": str(paragraf), "behovsanalys": obj.pk})
    obj.beslut = paragraf
    obj.faststalld = timezone.now()
    obj.sha256 = dokument.sha256
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="behovsanalys_faststall",
        objekt=obj,
        andringar=diff(fore, snapshot(obj)),
        detaljer={"sha256": dokument.sha256, "paragraf": paragraf.pk},
    )
    return obj
