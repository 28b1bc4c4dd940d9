"""Every write of the reports app: texts, goals, ordering a PDF, marking final, adoption by the board."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot, vagrad
from finsam.documents.services import dokument_bestall, dokument_las
from finsam.models import Dokument, Forbund
from styrelse.regler import paragraf_for_faststallelse

from .models import Forbundsmal, Rapport, Rapporttext, RapportTyp, Rapportunderlag
from .sektioner import sektion
from .underlag.kodning import kontrollsumma
from .underlag.rendera import komplett
from .underlag.verksamhetsplan import verksamhetsplan as verksamhetsplan_data

MAX_TEXT = 20_000


def _user(aktor: Any) -> Any:
    return aktor if getattr(aktor, "is_authenticated", False) else None


def _kontrollera_ar(ar: int) -> None:
    if not 2000 <= int(ar) <= 2100:
        raise ValidationError("Året måste vara mellan 2000 och 2100.")


def rapport_hamta_eller_skapa(*, forbund: Forbund, typ: str, ar: int) -> Rapport:
    if typ not in RapportTyp.values:
        raise ValidationError("Okänd rapporttyp.")
    _kontrollera_ar(ar)
    rapport, _ = Rapport.objects.get_or_create(forbund=forbund, typ=typ, ar=ar)
    return rapport


def _kan_andras(forbund: Forbund, typ: str, ar: int) -> None:
    rapport = Rapport.objects.filter(forbund=forbund, typ=typ, ar=ar).first()
    if rapport is None or rapport.status == Rapport.Status.UTKAST:
        return
    if rapport.status == Rapport.Status.FASTSTALLD:
        raise vagrad(f"{rapport.titel} är fastställd av styrelsen och kan inte ändras.", forbund=forbund, objekt=rapport)
    raise ValidationError(f"{rapport.titel} är markerad som slutlig. Återöppna den som utkast för att ändra.")


@transaction.atomic
def rapporttext_spara(*, forbund: Forbund, aktor: Any, typ: str, ar: int, sektion_nyckel: str, text: str, insats: Any = None) -> Rapporttext:
    """Write (or clear) the text of one section of one year's report."""
    try:
        sektion(typ, sektion_nyckel, insats=insats is not None)
    except KeyError as exc:
        raise ValidationError("Okänt avsnitt i rapporten.") from exc
    _kontrollera_ar(ar)
    if insats is not None and insats.forbund_id != forbund.pk:
        raise ValidationError("Insatsen tillhör inte förbundet.")
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(f"Texten är för lång (högst {MAX_TEXT} tecken).")
    _kan_andras(forbund, typ, ar)
    obj = Rapporttext.objects.select_for_update().filter(forbund=forbund, typ=typ, ar=ar, sektion=sektion_nyckel, insats=insats).first()
    fore = snapshot(obj, ["text"]) if obj else {}
    if obj is None:
        obj = Rapporttext(forbund=forbund, typ=typ, ar=ar, sektion=sektion_nyckel, insats=insats)
    if obj.pk and obj.text == text:
        return obj
    obj.text = text
    obj.andrad_av = _user(aktor)
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="rapporttext_spara",
        objekt=obj,
        andringar=diff(fore, snapshot(obj, ["text"])),
        detaljer={"typ": typ, "ar": ar, "sektion": sektion_nyckel, "insats": insats.pk if insats else None},
    )
    return obj


MAL_FALT = ["ar", "ordning", "mal", "slag", "utforande", "matbart", "ansvarig", "period", "bedomning", "kommentar"]


@transaction.atomic
def forbundsmal_spara(*, forbund: Forbund, aktor: Any, objekt: Forbundsmal | None = None, **falt: Any) -> Forbundsmal:
    """Create or change a goal of the förbund's goal table."""
    okanda = set(falt) - set(MAL_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    if objekt is not None and objekt.forbund_id != forbund.pk:
        raise ValidationError("Målet tillhör inte förbundet.")
    obj = objekt or Forbundsmal(forbund=forbund)
    fore = snapshot(obj) if obj.pk else {}
    for k, v in falt.items():
        setattr(obj, k, v.strip() if isinstance(v, str) else v)
    _kontrollera_ar(obj.ar)
    andrade = set(diff(fore, snapshot(obj))) if fore else set(MAL_FALT)
    # The goal itself belongs to the year's plan; the assessment to the report on the year.
    if andrade - {"bedomning", "kommentar"}:
        _kan_andras(forbund, RapportTyp.VERKSAMHETSPLAN, obj.ar)
        if fore and "ar" in andrade:
            _kan_andras(forbund, RapportTyp.VERKSAMHETSPLAN, int(fore["ar"]))
    if andrade & {"bedomning", "kommentar", "mal", "ar"}:
        _kan_andras(forbund, RapportTyp.ARSREDOVISNING, obj.ar)
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="forbundsmal_spara" if fore else "forbundsmal_skapa",
        objekt=obj,
        andringar=diff(fore, snapshot(obj)),
    )
    return obj


@transaction.atomic
def forbundsmal_ta_bort(*, forbund: Forbund, aktor: Any, mal: Forbundsmal) -> None:
    if mal.forbund_id != forbund.pk:
        raise ValidationError("Målet tillhör inte förbundet.")
    _kan_andras(forbund, RapportTyp.VERKSAMHETSPLAN, mal.ar)
    _kan_andras(forbund, RapportTyp.ARSREDOVISNING, mal.ar)
    fore = snapshot(mal)
    handelse_logga(aktor=aktor, forbund=forbund, handling="forbundsmal_ta_bort", objekt=mal, andringar=diff(fore, {}))
    mal.delete()


@transaction.atomic
def forbundsmal_kopiera(*, forbund: Forbund, aktor: Any, fran_ar: int, till_ar: int) -> int:
    """Start a year's goal table from last year's goals (without the assessments). Returns the count."""
    _kontrollera_ar(till_ar)
    _kan_andras(forbund, RapportTyp.VERKSAMHETSPLAN, till_ar)
    if Forbundsmal.objects.filter(forbund=forbund, ar=till_ar).exists():
        raise ValidationError(f"Måltabellen för {till_ar} har redan mål.")
    kallor_mal = list(Forbundsmal.objects.filter(forbund=forbund, ar=fran_ar))
    if not kallor_mal:
        raise ValidationError(f"Det finns inga mål för {fran_ar} att utgå från.")
    nya = [
        Forbundsmal(
            forbund=forbund,
            ar=till_ar,
            ordning=m.ordning,
            mal=m.mal,
            slag=m.slag,
            utforande=m.utforande,
            matbart=m.matbart,
            ansvarig=m.ansvarig,
            period=m.period,
        )
        for m in kallor_mal
    ]
    Forbundsmal.objects.bulk_create(nya)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="forbundsmal_kopiera",
        objekt=None,
        detaljer={"fran_ar": fran_ar, "till_ar": till_ar, "antal": len(nya)},
    )
    return len(nya)


HALL_UNDERLAG = 3  # unfrozen snapshots kept per report (the newest); frozen ones are kept forever


def underlag_bygg(*, rapport: Rapport, aktor: Any) -> Rapportunderlag:
    """Build the report's data once into a stored snapshot (the annual report reconciled) and make it the current one."""
    if rapport.typ == RapportTyp.ARSREDOVISNING:
        data = komplett(rapport.forbund, rapport.ar, rapport)
    else:
        data = verksamhetsplan_data(rapport.forbund, rapport.ar, rapport)
    underlag = Rapportunderlag.objects.create(
        forbund=rapport.forbund,
        rapport=rapport,
        byggt_av=_user(aktor),
        data=data,
        sha256=kontrollsumma(data),
        avstamning_ok=bool(data["avstamning_ok"]),
    )
    rapport.underlag = underlag
    rapport.save(update_fields=["underlag"])
    gamla = Rapportunderlag.objects.filter(rapport=rapport, fryst__isnull=True).exclude(pk=underlag.pk).order_by("-byggt", "-id")
    dokument = rapport.dokument
    i_arbete = (dokument.parametrar or {}).get("underlag") if dokument is not None else None
    if i_arbete:  # the snapshot a queued job renders stays
        gamla = gamla.exclude(pk=int(i_arbete))
    Rapportunderlag.objects.filter(pk__in=[u.pk for u in gamla[HALL_UNDERLAG - 1 :]]).delete()
    handelse_logga(
        aktor=aktor,
        forbund=rapport.forbund,
        handling="rapport_underlag_bygg",
        objekt=rapport,
        detaljer={"underlag": underlag.pk, "sha256": underlag.sha256, "avstamning_ok": underlag.avstamning_ok},
    )
    return underlag


def _bestall(rapport: Rapport, aktor: Any) -> Dokument:
    parametrar: dict[str, Any] = {"ar": rapport.ar, "rapport": rapport.pk}
    if rapport.underlag_id:
        parametrar["underlag"] = rapport.underlag_id
    dokument = dokument_bestall(
        forbund=rapport.forbund,
        aktor=aktor,
        typ=rapport.typ,
        titel=rapport.titel,
        nyckel=rapport.nyckel,
        parametrar=parametrar,
    )
    if rapport.dokument_id != dokument.pk:
        rapport.dokument = dokument
        rapport.save(update_fields=["dokument"])
    return dokument


@transaction.atomic
def rapport_generera(*, forbund: Forbund, aktor: Any, typ: str, ar: int) -> Rapport:
    """Queue the PDF of the report (the draft, or the final version). A rerun replaces the draft."""
    rapport = rapport_hamta_eller_skapa(forbund=forbund, typ=typ, ar=ar)
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    if rapport.status == Rapport.Status.FASTSTALLD:
        raise vagrad(f"{rapport.titel} är fastställd; den fastställda PDF:en skapas aldrig om.", forbund=forbund, objekt=rapport)
    if rapport.status == Rapport.Status.UTKAST:  # a final report keeps the snapshot the board reads
        underlag_bygg(rapport=rapport, aktor=aktor)
    _bestall(rapport, aktor)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="rapport_generera",
        objekt=rapport,
        detaljer={"status": rapport.status, "dokument": rapport.dokument_id},
    )
    return rapport


def _kontroller_kravs(rapport: Rapport, underlag: Rapportunderlag | None) -> None:
    """Final is refused while a required part is empty (named) or any tie of the reconciliation fails (with its difference)."""
    if rapport.typ != RapportTyp.ARSREDOVISNING:
        return
    if underlag is None:
        raise ValidationError("Årsredovisningen saknar underlag. Skapa rapporten först.")
    data = underlag.data
    fel = []
    if data.get("saknade_avsnitt"):
        fel.append("obligatoriska delar saknas: " + "; ".join(data["saknade_avsnitt"]) + ".")
    if not data.get("avstamning_ok"):
        delar = []
        for k in data.get("avstamning", []):
            if not k.get("ok"):
                d = k.get("differens")
                delar.append(f"{k.get('kontroll')} (differens {d} kr)" if d not in (None, "", 0) else str(k.get("kontroll")))
        fel.append(f"alla kontroller stämmer inte. Kontroll som inte stämmer: {'; '.join(delar) or 'okänd'}.")
    if fel:
        raise ValidationError("Årsredovisningen kan inte markeras som slutlig: " + " Dessutom: ".join(fel))


def _status_andra(rapport: Rapport, ny: str) -> None:
    rapport.kontrollera_overgang(ny, f"{rapport.titel} kan inte gå från ”{rapport.get_status_display()}” till ”{Rapport.Status(ny).label}”.")
    rapport.status = ny


@transaction.atomic
def rapport_markera_slutlig(*, forbund: Forbund, aktor: Any, typ: str, ar: int, sammantrade: Any) -> Rapport:
    """Freeze the contents for the board: checks the reconciliation and renders the final version."""
    rapport = rapport_hamta_eller_skapa(forbund=forbund, typ=typ, ar=ar)
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    fore = snapshot(rapport)
    if sammantrade is None or sammantrade.forbund_id != forbund.pk:
        raise ValidationError("Välj det sammanträde där styrelsen ska besluta om rapporten.")
    _status_andra(rapport, Rapport.Status.SLUTLIG)
    rapport.sammantrade = sammantrade
    rapport.slutlig_tid = timezone.now()
    rapport.full_clean()
    rapport.save()
    _kontroller_kravs(rapport, underlag_bygg(rapport=rapport, aktor=aktor))  # the snapshot the board will read
    _bestall(rapport, aktor)
    handelse_logga(aktor=aktor, forbund=forbund, handling="rapport_markera_slutlig", objekt=rapport, andringar=diff(fore, snapshot(rapport)))
    return rapport


@transaction.atomic
def rapport_ateroppna(*, forbund: Forbund, aktor: Any, rapport: Rapport) -> Rapport:
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk, forbund=forbund)
    fore = snapshot(rapport)
    _status_andra(rapport, Rapport.Status.UTKAST)
    rapport.slutlig_tid = None
    rapport.sammantrade = None
    rapport.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="rapport_ateroppna", objekt=rapport, andringar=diff(fore, snapshot(rapport)))
    return rapport


@transaction.atomic
def rapport_faststall(*, forbund: Forbund, aktor: Any, rapport: Rapport, paragraf: Any) -> Rapport:
    """Record the board's decision and freeze the final PDF the board read: locked, SHA-256 kept."""
    rapport = Rapport.objects.select_for_update(of=("self",)).select_related("dokument").get(pk=rapport.pk, forbund=forbund)
    fore = snapshot(rapport)
    if paragraf is None or paragraf.forbund_id != forbund.pk:
        raise ValidationError("Välj styrelsens beslutsparagraf.")
    if rapport.typ == RapportTyp.ARSREDOVISNING:  # a § of a held meeting, about the annual report, after the year
        paragraf_for_faststallelse(paragraf, "arsredovisning", rapport.ar)
    _status_andra(rapport, Rapport.Status.FASTSTALLD)
    if paragraf.sammantrade_id != rapport.sammantrade_id:
        raise ValidationError("Beslutet ska vara fattat vid det sammanträde rapporten gjordes slutlig för.")
    dokument = rapport.dokument
    if dokument is None or dokument.status != Dokument.Status.KLAR or not rapport.slutlig_tid or dokument.bestalld < rapport.slutlig_tid:
        raise ValidationError("Den slutliga PDF:en är inte klar än. Vänta tills den är skapad och försök igen.")
    underlag = Rapportunderlag.objects.select_for_update().filter(pk=rapport.underlag_id).first() if rapport.underlag_id else None
    if underlag is None or dokument.parametrar.get("underlag") != underlag.pk:
        raise ValidationError("Den slutliga PDF:en är inte skapad från rapportens aktuella underlag. Skapa den slutliga versionen igen.")
    _kontroller_kravs(rapport, underlag)
    dokument = dokument_las(dokument=dokument, aktor=aktor, detaljer={"beslut": str(paragraf), "rapport": rapport.pk})
    if underlag is not None:  # the snapshot is frozen with the PDF: later data changes never alter it
        underlag.fryst = timezone.now()
        underlag.save(update_fields=["fryst"])
    rapport.beslut = paragraf
    rapport.faststalld_tid = timezone.now()
    rapport.sha256 = dokument.sha256
    rapport.full_clean()
    rapport.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="rapport_faststall",
        objekt=rapport,
        andringar=diff(fore, snapshot(rapport)),
        detaljer={"sha256": dokument.sha256, "paragraf": paragraf.pk},
    )
    return rapport
