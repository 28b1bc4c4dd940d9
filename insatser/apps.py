from django.apps import AppConfig


class InsatserConfig(AppConfig):
    name = "insatser"
    verbose_name = "Insatser"

    def ready(self) -> None:
        from finsam.startsida import Ruta, registrera_bidrag, registrera_rutor

        from .startsida import notiser

        registrera_rutor(
            Ruta("Insatser", "Finansierade insatser: medlemmar, mål, bemanning, beviljade medel och utfall.", "insatser:index", "insatser.visa", 20),
            Ruta("Ansökningar", "Ansökningar om finansiering från inkommen till beslut.", "insatser:ansokningar", "insatser.visa", 21),
            Ruta(
                "Beslut och medel",
                "Från styrelsens beslut till vad medlen köpte: deltagare, utfall och kostnad.",
                "insatser:beslut",
                "insatser.visa",
                22,
            ),
            Ruta(
                "Rapporter från insatser", "Delårs- och årsrapporter, versioner och försenade rapporter.", "insatser:rapporter", "insatser.visa", 23
            ),
            Ruta(
                "Mål och måluppfyllelse",
                "Vision, övergripande mål och delmål med mått; årets bedömning föreslås från uppgifterna.",
                "insatser:maltrad",
                "insatser.visa",
                24,
            ),
        )
        registrera_bidrag(notiser)
