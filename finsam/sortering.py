"""Swedish alphabetical order for names, on PostgreSQL (ICU) and SQLite (a registered collation).

Swedish order: a–z, then å, ä, ö; case does not decide; é sorts as e, ü as y, æ as ä, ø as ö.
Use `svensk("namn")` in `order_by()` wherever a list is ordered by a name that people read.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db.models import F, Func
from django.db.models.expressions import Expression

SQLITE_KOLLATION = "sv"
POSTGRES_KOLLATION = "sv-x-icu"

# Letters with their own place in the Swedish alphabet (after z), and letters that sort as another letter.
_EGNA = {"å": "{", "ä": "|", "ö": "}"}
_SOM = {"æ": "ä", "ø": "ö", "ü": "y", "ß": "ss"}


def nyckel(text: str) -> tuple[str, str]:
    """The Swedish sort key of a string: primary letters, then the string itself to break ties stably."""
    ut: list[str] = []
    for tecken in text.casefold():
        tecken = _SOM.get(tecken, tecken)
        if tecken in _EGNA:
            ut.append(_EGNA[tecken])
            continue
        if tecken == "ss":
            ut.append("ss")
            continue
        ut.append(unicodedata.normalize("NFD", tecken)[0])
    return "".join(ut), text


def jamfor(a: str | None, b: str | None) -> int:
    """SQLite collation callback: negative, zero or positive as a sorts before, with or after b."""
    ka, kb = nyckel(a or ""), nyckel(b or "")
    return (ka > kb) - (ka < kb)


class SvenskOrdning(Func):
    """`expr COLLATE <Swedish>` on the current database."""

    template = '%(expressions)s COLLATE "' + POSTGRES_KOLLATION + '"'

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template='%(expressions)s COLLATE "' + SQLITE_KOLLATION + '"', **extra)


def svensk(falt: str | Expression) -> SvenskOrdning:
    """An order_by() expression that sorts `falt` in Swedish order (prefix with .desc() for descending)."""
    return SvenskOrdning(F(falt) if isinstance(falt, str) else falt)


def sortera(rader: list[Any], nyckelfunktion: Any) -> list[Any]:
    """Sort Python objects (already fetched) in Swedish order by the text `nyckelfunktion` gives."""
    return sorted(rader, key=lambda r: nyckel(nyckelfunktion(r) or ""))


def personordning(via: str = "") -> list[SvenskOrdning]:
    """People by last name, then first name, in Swedish order (as Person.Meta.ordering), also through a relation.

    `via` is the lookup to the person, e.g. "person__": `order_by(*personordning("person__"))`.
    """
    return [svensk(f"{via}efternamn"), svensk(f"{via}namn")]
