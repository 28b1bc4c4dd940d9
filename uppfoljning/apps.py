from django.apps import AppConfig


class UppfoljningConfig(AppConfig):
    name = "uppfoljning"
    verbose_name = "Uppföljning"

    def ready(self) -> None:
        from finsam.startsida import registrera_bidrag, registrera_rutor

        from . import documenttyper
        from .startsida import RUTOR, notiser

        registrera_rutor(*RUTOR)
        registrera_bidrag(notiser)
        documenttyper.registrera_alla()
