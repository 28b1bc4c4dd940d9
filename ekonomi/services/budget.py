"""Budget use cases: create, edit lines, fill from contributions and grants, set by a board decision, new version."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from finsam.audit import diff, handelse_logga, snapshot, vagrad
from finsam.models import Forbund
from insatser.models import Insats
from insatser.selectors import beviljat_per_ar
from styrelse.regler import paragraf_for_faststallelse

from ..models import Budget, Budgetrad
from ..selectors.bidrag import medlemsbidrag

STANDARDRADER: list[tuple[str, str, str]] = [
    # (grupp, nyckel, text) – the seed's administration lines and the line for new activities
    ("administration", "adm-forbundschef", "Uppdragsersättning förbundschef"),
    ("administration", "adm-kansli", "Kanslikostnader, hyra, dator, tele"),
    ("administration", "adm-styrelse", "Arvoden, ersättningar styrelsen"),
    ("administration", "adm-resor", "Rese- och logikostnader"),
    ("administration", "adm-natverk", "Medlemsavgift NNS inklusive serviceavgift"),
    ("administration", "adm-sammantraden", "Sammanträdeskostnader"),
    ("nya", "nya-aktiviteter", "Nya ej beslutade aktiviteter"),
]
LAST = "Budgeten är fastställd och låst. Skapa en ny version för att ändra den."
RADFALT = ["grupp", "nyckel", "text", "medlem", "insats", "ordning", "belopp", "plan1", "plan2"]


def _olast(budget: Budget) -> None:
    if not budget.kan_andras:  # a set or replaced budget is locked: the refusal is audited by the door
        raise vagrad(LAST, forbund=budget.forbund, objekt=budget)


@transaction.atomic
def budget_skapa(*, forbund: Forbund, aktor: Any, ar: int, kommentar: str = "") -> Budget:
    """A new draft budget for `ar` (version 1) with the standard lines, filled from contributions and grants."""
    if Budget.objects.filter(forbund=forbund, ar=ar).exists():
        raise ValidationError(f"Det finns redan en budget för {ar}. Skapa en ny version av den i stället.")
    budget = Budget(forbund=forbund, ar=ar, version=1, kommentar=kommentar)
    budget.full_clean()
    budget.save()
    for i, (grupp, nyckel, text) in enumerate(STANDARDRADER):
        ordning = 100 + i * 10 if grupp == "administration" else 900
        Budgetrad.objects.create(forbund=forbund, budget=budget, grupp=grupp, nyckel=nyckel, text=text, ordning=ordning)
    handelse_logga(aktor=aktor, forbund=forbund, handling="budget_skapa", objekt=budget, andringar=diff({}, snapshot(budget)))
    _fyll(budget)
    return budget


def _fyll(budget: Budget) -> dict[str, int]:
    """Member income lines from the contributions, one line per intervention from the board's grants."""

    forbund = budget.forbund
    falt = ["belopp", "plan1", "plan2"]
    rader = {r.nyckel: r for r in budget.rader.all()}
    andrade = 0
    bidrag = [medlemsbidrag(forbund, ar) for ar in budget.planar]
    for i, mb in enumerate(bidrag):
        for post in mb["rader"]:
            if post["medlem_id"] is None:
                continue
            nyckel = f"medlem-{post['medlem_id']}"
            rad = rader.get(nyckel) or Budgetrad(
                forbund=forbund,
                budget=budget,
                grupp="medlemsbidrag",
                nyckel=nyckel,
                text=f"{post['medlem']}/Arbetsförmedlingen" if post["typ"] == "fk" else post["medlem"],
                medlem_id=post["medlem_id"],
                ordning=10 + len(rader),
            )
            setattr(rad, falt[i], post["belopp"])
            rad.save()
            rader[nyckel] = rad
            andrade += 1
    beviljat = [beviljat_per_ar(forbund, ar) for ar in budget.planar]
    insats_ids = sorted({k for b in beviljat for k in b} | {r.insats_id for r in rader.values() if r.insats_id})
    insatser = {i.pk: i for i in Insats.objects.filter(forbund=forbund, pk__in=insats_ids)}
    for insats_id in insats_ids:
        nyckel = f"insats-{insats_id}"
        rad = rader.get(nyckel) or Budgetrad(
            forbund=forbund,
            budget=budget,
            grupp="insatser",
            nyckel=nyckel,
            text=insatser[insats_id].namn,
            insats_id=insats_id,
            ordning=500,
        )
        for i, b in enumerate(beviljat):
            v = b.get(insats_id)
            setattr(rad, falt[i], v if v is not None else (Decimal(0) if i == 0 else None))
        rad.save()
        rader[nyckel] = rad
        andrade += 1
    return {"rader": andrade}


@transaction.atomic
def budget_fyll(*, budget: Budget, aktor: Any) -> Budget:
    """Refresh the member income lines and the intervention lines (a draft only)."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    _olast(budget)
    fore = {r.nyckel: [str(r.belopp), str(r.plan1), str(r.plan2)] for r in budget.rader.all()}
    _fyll(budget)
    efter = {r.nyckel: [str(r.belopp), str(r.plan1), str(r.plan2)] for r in budget.rader.all()}
    handelse_logga(aktor=aktor, forbund=budget.forbund, handling="budget_fyll", objekt=budget, andringar=diff(fore, efter))
    return budget


@transaction.atomic
def budgetrad_spara(*, budget: Budget, aktor: Any, rad: Budgetrad | None = None, **varden: Any) -> Budgetrad:
    """Create or change a line of a draft budget."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    _olast(budget)
    if rad is not None and rad.budget_id != budget.pk:
        raise ValidationError("Raden hör inte till budgeten.")
    fore = snapshot(rad, RADFALT) if rad else {}
    if rad is None:
        # A new line's key and order are derived here, never asked of the client: the key from group and text (unique in
        # the budget), the order after the fixed lines of its group.
        varden.pop("nyckel", None)
        varden.pop("ordning", None)
        bas = slugify(f"{str(varden.get('grupp', ''))[:3]}-{varden.get('text', '')}")[:50] or "rad"
        nyckel, i = bas, 2
        while budget.rader.filter(nyckel=nyckel).exists():
            nyckel, i = f"{bas}-{i}", i + 1
        varden["nyckel"] = nyckel
        varden["ordning"] = 800 if varden.get("grupp") in ("insatser", "nya") else 300
    else:
        varden.pop("nyckel", None)  # a line's key links it to the accounts and the forecast: it never changes
    rad = rad or Budgetrad(forbund=budget.forbund, budget=budget)
    for namn, varde in varden.items():
        if namn not in RADFALT:
            raise ValueError(f"Okänt fält {namn}")
        setattr(rad, namn, varde)
    for relaterad in ("medlem", "insats"):
        obj = getattr(rad, relaterad)
        if obj is not None and obj.forbund_id != budget.forbund_id:
            raise ValidationError({relaterad: "Finns inte i förbundet."})
    rad.full_clean()
    rad.save()
    handelse_logga(
        aktor=aktor,
        forbund=budget.forbund,
        handling="budgetrad_spara",
        objekt=rad,
        andringar=diff(fore, snapshot(rad, RADFALT)),
        detaljer={"budget": budget.pk},
    )
    return rad


@transaction.atomic
def budgetrad_ta_bort(*, rad: Budgetrad, aktor: Any) -> None:
    budget = Budget.objects.select_for_update().get(pk=rad.budget_id)
    _olast(budget)
    fore = snapshot(rad, RADFALT)
    handelse_logga(
        aktor=aktor, forbund=budget.forbund, handling="budgetrad_ta_bort", objekt=rad, andringar=diff(fore, {}), detaljer={"budget": budget.pk}
    )
    rad.delete()


@transaction.atomic
def budget_faststall(*, budget: Budget, aktor: Any, paragraf: Any) -> Budget:
    """Set the budget by a board decision (a paragraph of the minutes). Locks it; an earlier set version is replaced."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    budget.kontrollera_overgang(Budget.Status.FASTSTALLD)
    if paragraf is None or paragraf.forbund_id != budget.forbund_id:
        raise ValidationError({"paragraf": "Ange styrelsens beslut (paragraf) som fastställer budgeten."})
    # A decision in favour, at a held meeting before the budget year ended, in an item about the budget.
    paragraf_for_faststallelse(paragraf, "budget", budget.ar)
    if not budget.rader.exists():
        raise ValidationError("En budget utan rader kan inte fastställas.")
    fore = snapshot(budget)
    tidigare = list(Budget.objects.select_for_update().filter(forbund=budget.forbund, ar=budget.ar, status=Budget.Status.FASTSTALLD))
    for b in tidigare:
        f = snapshot(b)
        b.kontrollera_overgang(Budget.Status.ERSATT)
        b.status = Budget.Status.ERSATT
        b.save(update_fields=["status"])
        handelse_logga(
            aktor=aktor, forbund=b.forbund, handling="budget_ersatt", objekt=b, andringar=diff(f, snapshot(b)), detaljer={"ersatt_av": budget.pk}
        )
    budget.status = Budget.Status.FASTSTALLD
    budget.paragraf = paragraf
    budget.faststalld_datum = paragraf.sammantrade.datum
    budget.full_clean()
    budget.save()
    handelse_logga(
        aktor=aktor,
        forbund=budget.forbund,
        handling="budget_faststall",
        objekt=budget,
        andringar=diff(fore, snapshot(budget)),
        detaljer={"paragraf": str(paragraf)},
    )
    return budget


@transaction.atomic
def budget_ny_version(*, budget: Budget, aktor: Any) -> Budget:
    """A new draft version copied from a set budget; it needs its own board decision."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    if budget.status == Budget.Status.UTKAST:
        raise ValidationError("Budgeten är ett utkast och kan ändras direkt; en ny version behövs inte.")
    if Budget.objects.filter(forbund=budget.forbund, ar=budget.ar, status=Budget.Status.UTKAST).exists():
        raise ValidationError(f"Det finns redan ett utkast till ny version av budget {budget.ar}.")
    hogst = Budget.objects.filter(forbund=budget.forbund, ar=budget.ar).aggregate(m=Max("version"))["m"] or 0
    ny = Budget.objects.create(forbund=budget.forbund, ar=budget.ar, version=hogst + 1, kommentar=budget.kommentar)
    Budgetrad.objects.bulk_create(
        [
            Budgetrad(
                forbund=r.forbund,
                budget=ny,
                grupp=r.grupp,
                nyckel=r.nyckel,
                text=r.text,
                medlem_id=r.medlem_id,
                insats_id=r.insats_id,
                ordning=r.ordning,
                belopp=r.belopp,
                plan1=r.plan1,
                plan2=r.plan2,
            )
            for r in budget.rader.all()
        ]
    )
    handelse_logga(
        aktor=aktor,
        forbund=budget.forbund,
        handling="budget_ny_version",
        objekt=ny,
        andringar=diff({}, snapshot(ny)),
        detaljer={"fran_version": budget.version},
    )
    return ny
