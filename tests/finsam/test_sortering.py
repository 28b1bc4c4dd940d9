"""Swedish alphabetical order on both databases (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from finsam.models import Forbund, Person
from finsam.sortering import nyckel, sortera, svensk

INDATA = ["Zenit", "avancera", "Ärlig", "Åter", "Éclair", "Öppna", "bygg", "Ødegaard", "Ybbs", "Übel"]
SVENSK = ["avancera", "bygg", "Éclair", "Ybbs", "Übel", "Zenit", "Åter", "Ärlig", "Ødegaard", "Öppna"]


def test_python_nyckel_ger_svensk_ordning() -> None:
    assert sorted(INDATA, key=nyckel) == SVENSK
    assert sortera([{"n": n} for n in INDATA], lambda r: r["n"]) == [{"n": n} for n in SVENSK]


def test_databasen_sorterar_svenskt(forbund: Forbund, db: Any) -> None:
    for namn in INDATA:
        Person.objects.create(forbund=forbund, namn=namn)
    namn_i_ordning = list(Person.objects.filter(forbund=forbund).order_by(svensk("namn")).values_list("namn", flat=True))
    assert namn_i_ordning == SVENSK
    baklanges = list(Person.objects.filter(forbund=forbund).order_by(svensk("namn").desc()).values_list("namn", flat=True))
    assert baklanges == SVENSK[::-1]


def test_personer_sorteras_pa_efternamn_sedan_fornamn(forbund: Forbund, db: Any) -> None:
    from finsam.services import person_create

    for namn in ["Örjan Andersson", "Anna Öberg", "Åsa Andersson", "Bertil Ärlig", "Cecilia Zetterlund", "Émile Åberg"]:
        person_create(forbund=forbund, aktor=None, namn=namn)
    assert list(Person.objects.filter(forbund=forbund).values_list("namn", flat=True)) == [
        "Åsa Andersson",
        "Örjan Andersson",
        "Cecilia Zetterlund",
        "Émile Åberg",
        "Bertil Ärlig",
        "Anna Öberg",
    ]


def test_sqlite_url_far_svensk_sortering(tmp_path: Path) -> None:
    """DATABASE_URL=sqlite:///… must use the same backend as the embedded default (collation "sv"):
    before, `migrate` stopped at finsam 0003 with "no such collation sequence: sv"."""
    import subprocess
    import sys

    db = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_SETTINGS_MODULE": "finsam.settings.base"}
    env.pop("FINSAM_TEST_DB", None)
    kod = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute(\"select 'Öppna' as n union select 'Åter' union select 'Zenit' "
        "union select 'Ärlig' order by n collate sv\"); print(','.join(r[0] for r in c.fetchall()))"
    )
    ut = subprocess.run([sys.executable, "-c", kod], env=env, capture_output=True, text=True, check=True)
    assert ut.stdout.strip() == "Zenit,Åter,Ärlig,Öppna"
