from django.apps import AppConfig


class ForvaltningConfig(AppConfig):
    """Governance registers the förbund keeps itself: agreements (avtal)."""

    name = "forvaltning"
    verbose_name = "Förvaltning"

    def ready(self) -> None:
        from finsam.startsida import Ruta, registrera_bidrag, registrera_rutor

        from . import selectors

        registrera_rutor(
            Ruta("Avtal", "Överenskommelser, tjänsteköp och konsultavtal med uppsägningstider.", "forvaltning:avtal_lista", "avtal.visa", 60)
        )
        registrera_bidrag(selectors.startsida_notiser)
