from django.apps import AppConfig


class RapporterConfig(AppConfig):
    name = "rapporter"
    verbose_name = "Rapporter"

    def ready(self) -> None:
        from . import dokumenttyper, startsida

        dokumenttyper.registrera_alla()
        startsida.registrera()
