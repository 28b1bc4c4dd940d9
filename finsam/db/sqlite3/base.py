"""Django's SQLite backend with the Swedish collation registered on every connection."""

from __future__ import annotations

from typing import Any

from django.db.backends.sqlite3 import base

from finsam.sortering import SQLITE_KOLLATION, jamfor


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        conn = super().get_new_connection(conn_params)
        conn.create_collation(SQLITE_KOLLATION, jamfor)
        return conn
