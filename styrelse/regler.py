"""Rules other apps call when a board decision adopts something (annual report, budget, grant).

Pure: reads the paragraph, its meeting and its agenda item; writes nothing. Raises ValidationError
in Swedish when the paragraph cannot carry the adoption, so every door (page, API, admin) refuses alike.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils import timezone

from .models import Arende, Arendeslag, Paragraf

SLAG_NAMN = {
    Arendeslag.ARSREDOVISNING: "årsredovisningen",
    Arendeslag.BUDGET: "budgeten",
    Arendeslag.BIDRAG: "bidraget",
}
# The kinds of item that can carry an adoption of each kind: a grant is decided in an item about the grant, or in the
# budget decision that allocates the year's grants ("att bevilja AMT 1 900 000 kr för 2019", as in the seeds' minutes).
GODTAGNA_SLAG: dict[str, set[str]] = {Arendeslag.BIDRAG: {Arendeslag.BIDRAG, Arendeslag.BUDGET}}
# Words in an item's heading that show its kind when the item was not marked (older data, other apps' rows).
SLAG_ORD = {
    Arendeslag.ARSREDOVISNING: ("årsredovisning", "årsbokslut", "bokslut"),
    Arendeslag.BUDGET: ("budget",),
    Arendeslag.BIDRAG: ("ansökan", "medfinansiering", "finansiera", "finansiering", "bidrag", "bevilja"),
}


def arendeslag_av_rubrik(rubrik: str) -> str:
    """The kind of matter a heading (and, for older rows, the decision text) names, or "" (övrigt)."""
    text = rubrik.lower()
    for slag, ord_ in SLAG_ORD.items():
        if any(o in text for o in ord_):
            return str(slag)
    return ""


def _slag(paragraf: Paragraf) -> str:
    try:
        arende: Arende | None = paragraf.arende
    except ObjectDoesNotExist:
        arende = None
    if arende is not None:
        if arende.typ != Arende.Typ.VANLIGT:
            return ""  # standing items (Mötets öppnande, Val av justerare …), information and reports adopt nothing
        return arende.slag or arendeslag_av_rubrik(f"{arende.rubrik}\n{paragraf.beslut}")
    return arendeslag_av_rubrik(f"{paragraf.rubrik}\n{paragraf.beslut}")


def paragraf_for_faststallelse(paragraf: Paragraf, slag: str, ar: int, *, idag: dt.date | None = None) -> Paragraf:
    """Check that `paragraf` can adopt `slag` ("arsredovisning", "budget", "bidrag") for year `ar`.

    The paragraph must be a decision in favour (not avslag, återremiss, bordläggning or a proposal that fell),
    taken at a meeting that has been held, in an item of the matching kind (for a grant: the grant's item or the
    budget decision that allocates the year's grants). An annual report is adopted at a
    meeting after its year has ended; a budget at a meeting before its year has ended.
    """
    if slag not in SLAG_NAMN:
        raise ValueError(f"Okänt slag: {slag}")
    idag = idag or timezone.localdate()
    vad = SLAG_NAMN[Arendeslag(slag)]
    mote = paragraf.sammantrade
    beteckning = f"§ {paragraf.nummer}/{paragraf.ar} {paragraf.rubrik}"
    if mote.datum > idag:
        raise ValidationError(f"{beteckning} hör till ett sammanträde som inte har hållits ({mote.datum:%Y-%m-%d}).")
    if not paragraf.bifallen:
        raise ValidationError(f"{beteckning} är inget bifall ({paragraf.get_utfall_display().lower()}) och kan inte fastställa {vad}.")
    if _slag(paragraf) not in GODTAGNA_SLAG.get(slag, {slag}):
        raise ValidationError(f"{beteckning} är inget ärende om {vad} och kan inte fastställa {vad}.")
    if slag == Arendeslag.ARSREDOVISNING and mote.datum <= dt.date(ar, 12, 31):
        raise ValidationError(
            f"Årsredovisningen för {ar} kan inte fastställas av {beteckning}: sammanträdet {mote.datum:%Y-%m-%d} hölls innan året var slut."
        )
    if slag == Arendeslag.BUDGET and mote.datum > dt.date(ar, 12, 31):
        raise ValidationError(
            f"Budgeten för {ar} kan inte fastställas av {beteckning}: sammanträdet {mote.datum:%Y-%m-%d} hölls efter budgetårets slut."
        )
    return paragraf
