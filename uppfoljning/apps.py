from django.apps import AppConfig


class UppfoljningConfig(AppConfig):
    name = "uppfoljning"
    verbose_name = "Uppföljning"

    def ready(self) -> None:
        from finsam.startsida import registrera_bidrag, registrera_rutor

        from .behovsanalys.pdf import registrera_dokumenttyp
        from .startsida import RUTOR, notiser

        registrera_rutor(*RUTOR)
        registrera_bidrag(notiser)
        registrera_dokumenttyp()
