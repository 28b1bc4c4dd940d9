"""SIE, the Swedish standard export of every accounting system: encoding, parsing and validation (pure)."""

from .avkodning import Kodning, kodning_for
from .modell import NOLL, Periodpost, SieFil, Trans, Ver, kontonyckel
from .tolkning import las_sie, tokens

__all__ = ["NOLL", "Kodning", "Periodpost", "SieFil", "Trans", "Ver", "kodning_for", "kontonyckel", "las_sie", "tokens"]
