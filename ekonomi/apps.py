from django.apps import AppConfig


class EkonomiConfig(AppConfig):
    name = "ekonomi"
    verbose_name = "Ekonomi"

    def ready(self) -> None:
        from . import documenttyper, startsida

        documenttyper.registrera_alla()
        startsida.registrera()
