"""The board member's own actions around a meeting: reading marks and jäv declared in advance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Person

from ..models import Arende, Javsanmalan, Lasning, Narvaro, Rost, Sammantrade
from ..selectors.mote_las import arende_version, bilaga_version, fingeravtryck, har_mandat  # noqa: F401  (re-exported)


def person_for(forbund: Forbund, user: Any) -> Person | None:
    """The förbund's person record of the logged-in user (a ledamot or ersättare has one)."""
    if not getattr(user, "pk", None):
        return None
    return Person.objects.filter(forbund=forbund, user_id=user.pk).first()


def lasning_markera(*, user: Any, sammantrade: Sammantrade, versioner: dict[str, str]) -> None:
    """Record that the member has seen these documents ({key: version}). Not audited: the member's own reading state."""
    if not getattr(user, "pk", None) or not versioner:
        return
    nu = timezone.now()
    with transaction.atomic():
        befintliga = {
            x.nyckel: x for x in Lasning.objects.select_for_update().filter(user_id=user.pk, sammantrade=sammantrade, nyckel__in=list(versioner))
        }
        nya = []
        for nyckel, version in versioner.items():
            rad = befintliga.get(nyckel)
            if rad is None:
                nya.append(
                    Lasning(
                        forbund_id=sammantrade.forbund_id, user_id=user.pk, sammantrade=sammantrade, nyckel=nyckel, fingeravtryck=version, last=nu
                    )
                )
            elif rad.fingeravtryck != version:
                Lasning.objects.filter(pk=rad.pk).update(fingeravtryck=version, last=nu)
        Lasning.objects.bulk_create(nya, ignore_conflicts=True)


@transaction.atomic
def jav_anmala(*, arende: Arende, aktor: Any, person: Person | None, skal: str = "") -> Javsanmalan:
    """Declare jäv on an item before it is decided. Shown to the förbundschef; becomes jäv at the item's paragraph."""
    if person is None:
        raise ValidationError("Ditt konto är inte kopplat till en person i förbundet. Kontakta förbundschefen.")
    arende = Arende.objects.select_related("sammantrade").get(pk=arende.pk)
    if person.forbund_id != arende.forbund_id:
        raise ValidationError("Personen hör inte till förbundet.")
    mote = arende.sammantrade
    if not har_mandat(person, mote.datum):
        raise ValidationError("Bara ledamöter och ersättare kan anmäla jäv.")
    if arende.paragraf_id is not None or mote.avslutat is not None:
        raise ValidationError("Ärendet är redan beslutat. Jäv anmäls före beslutet.")
    if Javsanmalan.objects.filter(arende=arende, person=person).exists():
        raise ValidationError("Du har redan anmält jäv i ärendet.")
    j = Javsanmalan(
        forbund=arende.forbund,
        arende=arende,
        person=person,
        skal=(skal or "").strip(),
        anmald_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    j.full_clean()
    j.save()
    handelse_logga(
        aktor=aktor,
        forbund=arende.forbund,
        handling="jav_anmala",
        objekt=j,
        andringar=diff({}, snapshot(j)),
        detaljer={"sammantrade": mote.pk, "arende": arende.rubrik},
    )
    return j


@transaction.atomic
def jav_aterkalla(*, javsanmalan: Javsanmalan, aktor: Any, person: Person | None) -> None:
    j = Javsanmalan.objects.select_related("arende__sammantrade").select_for_update().get(pk=javsanmalan.pk)
    if person is None or j.person_id != person.pk:
        raise ValidationError("Du kan bara återkalla din egen jävsanmälan.")
    if j.arende.paragraf_id is not None:
        raise ValidationError("Ärendet är redan beslutat; jävet står i protokollet.")
    handelse_logga(aktor=aktor, forbund=j.forbund, handling="jav_aterkalla", objekt=j, andringar=diff(snapshot(j), {}))
    j.delete()


def jav_i_forvag(arende: Arende, narvaro: Iterable[Narvaro]) -> dict[int, str]:
    """{person id: "jav"} for the present members who declared jäv on the item in advance.

    beslut_fatta merges this under the roster it is given, so the declared jäv is recorded at the
    paragraph (and the person is left out of quorum and majority) unless the roster says otherwise.
    """
    narvarande = {n.person_id for n in narvaro if n.rostberattigad}
    return {pid: Rost.Val.JAV for pid in Javsanmalan.objects.filter(arende_id=arende.pk).values_list("person_id", flat=True) if pid in narvarande}
