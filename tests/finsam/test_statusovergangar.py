"""Every status field moves only along its model's map of allowed transitions, checked in one place (the model's
`kontrollera_overgang`) before a service changes it; a background job's state is the worker's and is exempt."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError

from forvaltning.models import Avtal, Delegationsordning, Gallring
from rapporter.models import Rapport
from styrelse.models import Uppdrag
from tests.finsam.test_arkitektur import APPAR

JOBB = {
    "finsam.Dokument": "a rendering job: its state is moved by the worker and the reaper (finsam.documents.jobb)",
    "uppfoljning.Importkorning": "a background import: moved by its task",
    "ekonomi.Bokforingsjobb": "a background import: moved by its task",
}


def _har_status(modell: type) -> bool:
    try:
        modell._meta.get_field("status")  # type: ignore[attr-defined]
    except FieldDoesNotExist:
        return False
    return True


def test_varje_statusfalt_har_en_karta_over_tillatna_overgangar() -> None:
    modeller = {m._meta.label: m for m in apps.get_models() if m._meta.app_label in APPAR and _har_status(m)}
    utan = sorted(namn for namn, m in modeller.items() if not hasattr(m, "kontrollera_overgang") and namn not in JOBB)
    assert utan == []
    assert sorted(namn for namn in JOBB if namn not in modeller or hasattr(modeller[namn], "kontrollera_overgang")) == []


@pytest.mark.parametrize(
    ("objekt", "ny", "meddelande"),
    [
        (Avtal(rubrik="Tjänsteköp", status=Avtal.Status.AVSLUTAT), Avtal.Status.UPPSAGT, "kan inte gå från ”Avslutat” till ”Uppsagt”"),
        (Uppdrag(status=Uppdrag.Status.KLART), Uppdrag.Status.OPPET, "kan inte gå från ”Klart” till ”Pågår”"),
        (Delegationsordning(status=Delegationsordning.Status.ANTAGEN), Delegationsordning.Status.ANTAGEN, "från ”Antagen” till ”Antagen”"),
        (Gallring(status=Gallring.Status.GENOMFORD), Gallring.Status.GENOMFORD, "från ”Genomförd” till ”Genomförd”"),
        (Rapport(status=Rapport.Status.FASTSTALLD), Rapport.Status.UTKAST, "från ”Fastställd av styrelsen” till ”Utkast”"),
    ],
)
def test_otillaten_overgang_vagras_pa_svenska(objekt: object, ny: str, meddelande: str) -> None:
    with pytest.raises(ValidationError, match=meddelande):
        objekt.kontrollera_overgang(ny)  # type: ignore[attr-defined]


def test_tillatna_overgangar_passerar() -> None:
    Avtal(status=Avtal.Status.GALLER).kontrollera_overgang(Avtal.Status.UPPSAGT)
    Uppdrag(status=Uppdrag.Status.OPPET).kontrollera_overgang(Uppdrag.Status.KLART)
    Delegationsordning(status=Delegationsordning.Status.UTKAST).kontrollera_overgang(Delegationsordning.Status.ANTAGEN)
    Gallring(status=Gallring.Status.FORSLAG).kontrollera_overgang(Gallring.Status.GENOMFORD)
    Rapport(status=Rapport.Status.SLUTLIG).kontrollera_overgang(Rapport.Status.FASTSTALLD)
