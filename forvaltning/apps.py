from django.apps import AppConfig


class ForvaltningConfig(AppConfig):
    """Governance registers the förbund keeps itself: agreements (avtal)."""

    name = "forvaltning"
    verbose_name = "Förvaltning"

    def ready(self) -> None:
        from finsam.startsida import Ruta, registrera_bidrag, registrera_rutor

        from . import documenttyper, selectors

        registrera_rutor(
            Ruta("Avtal", "Överenskommelser, tjänsteköp och konsultavtal med uppsägningstider.", "forvaltning:avtal_lista", "avtal.visa", 60)
        )
        registrera_bidrag(selectors.startsida_notiser)
        registrera_rutor(
            Ruta(
                "Delegationsordning",
                "Vem som beslutar vad på styrelsens vägnar, med beloppsgränser och versioner.",
                "forvaltning:delegationsordning",
                "styrelse.visa",
                61,
            ),
            Ruta(
                "Dokumenthanteringsplan",
                "Vad som bevaras och gallras, och genomförda gallringar med protokoll.",
                "forvaltning:dokumenthanteringsplan",
                "diarium.visa",
                62,
            ),
        )
        documenttyper.registrera_alla()
