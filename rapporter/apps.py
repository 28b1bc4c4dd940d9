from django.apps import AppConfig


class RapporterConfig(AppConfig):
    name = "rapporter"
    verbose_name = "Rapporter"

    def ready(self) -> None:
        from . import documenttyper, startsida

        documenttyper.registrera_alla()
        startsida.registrera()
