from django.apps import AppConfig


class StyrelseConfig(AppConfig):
    name = "styrelse"
    verbose_name = "Styrelse"

    def ready(self) -> None:
        from finsam.models import RollTyp
        from finsam.startsida import Ruta, registrera_bidrag, registrera_rutor, registrera_startvy

        from . import documenttyper, utskick  # noqa: F401 (utskick registers its e-mail tasks)
        from .startsida import notiser

        documenttyper.registrera_alla()
        registrera_rutor(
            Ruta(
                "Mina möten",
                "Nästa möte med kallelse, handlingar och förslag, dina anteckningar, jäv och justeringar.",
                "styrelse:mina_moten",
                "styrelse.mina_moten",
                1,
            ),
            Ruta(
                "Styrelsemöten", "Planera möten, dagordning, kallelse, närvaro, beslut, protokoll och anslag.", "styrelse:index", "styrelse.visa", 10
            ),
            Ruta("Uppdrag", "Uppdrag från styrelsen och när de ska återrapporteras.", "styrelse:uppdrag", "styrelse.visa", 12),
            Ruta("Sök beslut", "Sök styrelsens beslut på text, år, paragraf och insats.", "styrelse:sok", "styrelse.visa", 13),
            Ruta("Diarium", "Registrerade handlingar med diarienummer och gallringsregler.", "styrelse:diarium", "diarium.visa", 14),
        )
        registrera_bidrag(notiser)
        from .startsida_ledamot import notiser as ledamot_notiser

        registrera_bidrag(ledamot_notiser)
        from .views.mina_moten import startsida

        registrera_startvy(RollTyp.STYRELSELEDAMOT, "styrelse.mina_moten", startsida)
