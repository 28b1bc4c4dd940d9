"""Pages kept in the cache until their förbund's data changes (issue 16).

Reading pages is most of what the app does, and a page costs 10–40 ms of CPU to build from its queries and its
template, against 1–2 ms for a request that only loads the session and the user. A page marked with `@sidcache` is
kept, as the HTML it answered, under a key made of everything it depends on:

- the förbund's **data version**: the count and the highest id of its rows in `finsam_dataandring` (and of the rows
  of förbund 0, data every förbund shows). Database triggers on every table add a row per changing statement, so
  the version moves with every commit — whoever wrote, the page, the API, the admin, a worker, a COPY or raw SQL —
  and a page built before a commit is never served after it;
- the user, the role and the förbund; the address with its query; the session's data (a kept search, the chosen
  förbund); the CSRF secret the page's forms carry; the language; today's date (notices that depend on the day).

A page is not kept when it is not a plain GET answered 200 with HTML, when a message waits to be shown, or when the
browser has no CSRF cookie yet. Kept pages expire after `FINSAM_SIDCACHE_SEKUNDER` at the latest (a clock-dependent
text, a lost trigger). Only pages whose GET writes nothing are marked (reading marks, for one, are writes).

Which tables carry which triggers is decided here, from the models: a table with a `forbund_id` column moves that
förbund's version; the other tables of the apps move every förbund's version; Django's sessions, the login
attempts, migrations, content types, permissions, the admin log and this table move nothing. `installera_utlosare`
runs after every `migrate` (finsam's AppConfig), so a new table gets its triggers with its migration; a test checks
that every table has them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connections, transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation

from .models import Dataandring
from .permissions import Kontext

TABELL = Dataandring._meta.db_table  # "finsam_dataandring", written out in the SQL below
assert TABELL == "finsam_dataandring"
UTAN_VERSION = frozenset(
    {
        TABELL,
        "django_session",
        "django_migrations",
        "django_content_type",
        "django_admin_log",
        "auth_permission",
        "axes_accessattempt",
        "axes_accessattemptexpiration",
        "axes_accessfailurelog",
        "axes_accesslog",
    }
)
PREFIX = "finsam_da_"  # the triggers' names

View = Callable[..., HttpResponseBase]


def tabeller(using: str = "default") -> dict[str, bool]:
    """Every table that moves a data version, with whether it has a `forbund_id` (its förbund's) or not (all)."""
    befintliga = set(connections[using].introspection.table_names())
    resultat: dict[str, bool] = {}
    for modell in apps.get_models(include_auto_created=True):
        meta = modell._meta
        if meta.proxy or not meta.managed or meta.db_table in UTAN_VERSION or meta.db_table not in befintliga:
            continue
        resultat[meta.db_table] = any(f.column == "forbund_id" for f in meta.local_fields)
    return resultat


_PG_FUNKTION = """
CREATE OR REPLACE FUNCTION finsam_da_andring() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one row per statement that changed rows (a statement that changes none moves nothing); the transaction's own
    -- later reads see it too. TG_ARGV[0]: 'forbund' (the rows' förbund) or 'alla' (förbund 0: every förbund).
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO finsam_dataandring (forbund_id, xid) VALUES (0, txid_current());
    ELSIF TG_ARGV[0] = 'alla' THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO finsam_dataandring (forbund_id, xid) SELECT 0, txid_current() WHERE EXISTS (SELECT 1 FROM gammal);
        ELSE
            INSERT INTO finsam_dataandring (forbund_id, xid) SELECT 0, txid_current() WHERE EXISTS (SELECT 1 FROM ny);
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO finsam_dataandring (forbund_id, xid) SELECT DISTINCT COALESCE(forbund_id, 0), txid_current() FROM ny;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO finsam_dataandring (forbund_id, xid) SELECT DISTINCT COALESCE(forbund_id, 0), txid_current() FROM gammal;
    ELSE
        INSERT INTO finsam_dataandring (forbund_id, xid)
            SELECT DISTINCT COALESCE(forbund_id, 0), txid_current() FROM (SELECT forbund_id FROM ny UNION ALL SELECT forbund_id FROM gammal) AS x;
    END IF;
    RETURN NULL;
END
$$;
"""


def _pg(tabell: str, eget: bool) -> list[str]:
    q = f'"{tabell}"'
    vems = "forbund" if eget else "alla"
    return [
        f"CREATE OR REPLACE TRIGGER {PREFIX}i AFTER INSERT ON {q} REFERENCING NEW TABLE AS ny "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}andring('{vems}')",
        f"CREATE OR REPLACE TRIGGER {PREFIX}u AFTER UPDATE ON {q} REFERENCING OLD TABLE AS gammal NEW TABLE AS ny "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}andring('{vems}')",
        f"CREATE OR REPLACE TRIGGER {PREFIX}d AFTER DELETE ON {q} REFERENCING OLD TABLE AS gammal "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}andring('{vems}')",
        f"CREATE OR REPLACE TRIGGER {PREFIX}t AFTER TRUNCATE ON {q} FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}andring('alla')",
    ]


def _sqlite(tabell: str, eget: bool) -> list[str]:
    """SQLite has row triggers only, and one writer at a time: each förbund keeps one row, replaced by a higher id."""

    def ny_rad(uttryck: str) -> str:
        return f"DELETE FROM finsam_dataandring WHERE forbund_id = {uttryck}; INSERT INTO finsam_dataandring (forbund_id, xid) VALUES ({uttryck}, 0);"  # noqa: S608 (a constant expression)

    satser = []
    for handelse, rader in (("INSERT", ["NEW"]), ("UPDATE", ["OLD", "NEW"]), ("DELETE", ["OLD"])):
        namn = f'"{PREFIX}{handelse[0].lower()}_{tabell}"'
        kropp = " ".join(ny_rad(f"COALESCE({r}.forbund_id, 0)" if eget else "0") for r in rader)
        satser.append(f"DROP TRIGGER IF EXISTS {namn}")
        satser.append(f'CREATE TRIGGER {namn} AFTER {handelse} ON "{tabell}" FOR EACH ROW BEGIN {kropp} END')
    return satser


def installera_utlosare(using: str = "default") -> int:
    """(Re)create the triggers on every table; returns how many tables have them. Idempotent."""
    anslutning = connections[using]
    if anslutning.vendor not in ("postgresql", "sqlite"):
        return 0
    alla = tabeller(using)
    if TABELL not in anslutning.introspection.table_names():
        return 0
    with anslutning.cursor() as c:
        if anslutning.vendor == "postgresql":
            c.execute(_PG_FUNKTION)
        for tabell, eget in alla.items():
            for sats in (_pg if anslutning.vendor == "postgresql" else _sqlite)(tabell, eget):
                c.execute(sats)
    return len(alla)


def tabeller_utan_utlosare(using: str = "default") -> list[str]:
    """Tables that should move a data version but have no trigger (the test's check)."""
    anslutning = connections[using]
    with anslutning.cursor() as c:
        if anslutning.vendor == "postgresql":
            c.execute("SELECT DISTINCT event_object_table FROM information_schema.triggers WHERE trigger_name LIKE %s", [PREFIX + "%"])
        else:
            c.execute("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", [PREFIX + "%"])
        har = {r[0] for r in c.fetchall()}
    return sorted(set(tabeller(using)) - har)


def dataversion(forbund_id: int) -> str:
    """The förbund's data version: moves with every commit that changed its data or data every förbund shows."""
    with connections["default"].cursor() as c:
        c.execute("SELECT COUNT(*), MAX(id) FROM finsam_dataandring WHERE forbund_id IN (%s, 0)", [forbund_id])
        antal, hogsta = c.fetchone()
    return f"{antal}.{hogsta or 0}"


def komprimera(over: int = 500) -> int:
    """Fold the rows of förbund with more than `over` into one new row each (a higher id: the version moves, no
    earlier version can come back). Runs hourly (Celery beat) and after seed_demo; returns how many förbund were folded."""
    anslutning = connections["default"]
    with anslutning.cursor() as c:
        c.execute("SELECT forbund_id FROM finsam_dataandring GROUP BY forbund_id HAVING COUNT(*) > %s", [over])
        forbund = [r[0] for r in c.fetchall()]
    for forbund_id in forbund:
        with transaction.atomic(), anslutning.cursor() as c:
            c.execute("DELETE FROM finsam_dataandring WHERE forbund_id = %s", [forbund_id])
            Dataandring.objects.create(forbund_id=forbund_id, xid=-1)  # a higher id than every folded row
    return len(forbund)


def _nyckel(request: HttpRequest, kontext: Kontext) -> str | None:
    if not getattr(settings, "FINSAM_SIDCACHE", True) or request.method != "GET":
        return None
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not csrf or len(get_messages(request)):
        return None
    delar = [
        request.get_full_path(),
        str(request.user.pk),
        str(kontext.roll),
        str(kontext.forbund.pk),
        dataversion(kontext.forbund.pk),
        csrf,
        json.dumps(dict(request.session.items()), sort_keys=True, default=str),
        translation.get_language() or "",
        dt.date.today().isoformat(),
    ]
    return "sida:" + hashlib.sha256("\x1f".join(delar).encode()).hexdigest()


def sidcache(view: View) -> View:
    """Keep the page's HTML until its förbund's data changes (see the module). Under `@behorighet`."""

    @wraps(view)
    def wrapper(request: HttpRequest, kontext: Kontext, *args: Any, **kwargs: Any) -> HttpResponseBase:
        nyckel = _nyckel(request, kontext)
        if nyckel is None:
            return view(request, kontext, *args, **kwargs)
        sparad = cache.get(nyckel)
        if sparad is not None:
            innehall, typ = sparad
            return HttpResponse(innehall, content_type=typ)
        svar = view(request, kontext, *args, **kwargs)
        if (
            svar.status_code == 200
            and isinstance(svar, HttpResponse)
            and svar.get("Content-Type", "").startswith("text/html")
            and not svar.cookies
            and not svar.has_header("Content-Disposition")
        ):
            cache.set(nyckel, (svar.content, svar["Content-Type"]), getattr(settings, "FINSAM_SIDCACHE_SEKUNDER", 600))
        return svar

    wrapper.sidcache = True  # type: ignore[attr-defined]
    return wrapper
