from django.apps import AppConfig


class ForvaltningConfig(AppConfig):
    """Governance registers the förbund keeps itself: agreements (avtal)."""

    name = "forvaltning"
    verbose_name = "Förvaltning"

    def ready(self) -> None:
        from finsam.startsida import Ruta, registrera_bidrag, registrera_rutor

        from . import documenttyper
        from .selectors import avtal as avtal_selectors
        from .selectors import revision as revision_selectors

        registrera_rutor(
            Ruta("Avtal", "Överenskommelser, tjänsteköp och konsultavtal med uppsägningstider.", "forvaltning:avtal_lista", "avtal.visa", 60)
        )
        registrera_bidrag(avtal_selectors.startsida_notiser)
        registrera_rutor(
            Ruta(
                "Förbundsordning",
                "Gällande förbundsordning, tidigare versioner och medlemmarnas beslut.",
                "forvaltning:forbundsordning",
                "forbund.visa",
                61,
            ),
            Ruta(
                "Revision och ansvarsfrihet",
                "Revisorer och vem som utsåg dem, revisionsberättelser, medlemmarnas beslut om ansvarsfrihet.",
                "forvaltning:revision",
                "forbund.visa",
                62,
            ),
            Ruta("Styrelsens mandat", "Ledamöter och ersättare med medlemmens beslut om utnämning.", "forvaltning:styrelsen", "forbund.visa", 63),
        )
        registrera_bidrag(revision_selectors.startsida_notiser)
        registrera_rutor(
            Ruta(
                "Delegationsordning",
                "Vem som beslutar vad på styrelsens vägnar, med beloppsgränser och versioner.",
                "forvaltning:delegationsordning",
                "styrelse.visa",
                64,
            ),
            Ruta(
                "Dokumenthanteringsplan",
                "Vad som bevaras och gallras, och genomförda gallringar med protokoll.",
                "forvaltning:dokumenthanteringsplan",
                "diarium.visa",
                65,
            ),
        )
        documenttyper.registrera_alla()
