"""The governance registers' data, one module per register; everything is importable from `forvaltning.models`."""

from .arkiv import Bevarande, Gallring, Gallringsstopp, Planrad
from .avtal import Avtal, AvtalDokument, plus_manader
from .delegation import Delegationsordning, Delegationsrad, DelegatRoll, Prisbasbelopp, prisbasbelopp_for
from .forbundsordning import Forbundsordning, ForbundsordningBeslut
from .revision import AnsvarsfrihetPaminnelse, Revisor
from .uppdrag import Utnamning

__all__ = [
    "AnsvarsfrihetPaminnelse",
    "Avtal",
    "AvtalDokument",
    "Bevarande",
    "DelegatRoll",
    "Delegationsordning",
    "Delegationsrad",
    "Forbundsordning",
    "ForbundsordningBeslut",
    "Gallring",
    "Gallringsstopp",
    "Planrad",
    "Prisbasbelopp",
    "Revisor",
    "Utnamning",
    "plus_manader",
    "prisbasbelopp_for",
]
