from django.apps import AppConfig


class FinsamConfig(AppConfig):
    name = "finsam"
    verbose_name = "Finsam (kärna)"

    def ready(self) -> None:
        from . import documenttyper

        documenttyper.registrera_alla()
