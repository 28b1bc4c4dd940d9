"""The embedded default's broker: kombu's filesystem transport, with each message written atomically.

kombu's own `_put` creates the message file under its final name and then writes into it, so a worker listing the
folder at that moment moves and reads an empty or half-written file and dies with "Unrecoverable error:
JSONDecodeError" (celery/kombu#1551); every job ordered after that stays queued with nothing to run it. Here the
message is written under a name the workers do not take (no `.msg` ending), flushed to disk, and then renamed to its
final name in one step (`os.replace`, atomic within a folder), so a worker only ever sees whole messages.
The broker URL `finsamfil://` selects it (finsam/settings/base.py, when there is no REDIS_URL); finsam/celery.py
imports this module, which registers the name with kombu.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from time import monotonic
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

DELVIS = ".skrivs"  # the ending of a message being written; `_get` only takes names ending in ".<queue>.msg"


class Channel(filesystem.Channel):
    def _put(self, queue: str, payload: Any, **kwargs: Any) -> None:  # type: ignore[override]  # kombu: (queue, payload, **kwargs)
        """Put `payload` onto `queue`: written whole under a temporary name, then renamed into place."""
        namn = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        slutlig = os.path.join(self.data_folder_out, namn)
        tillfallig = slutlig + DELVIS
        try:
            with open(tillfallig, "wb") as f:
                f.write(str_to_bytes(dumps(payload)))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tillfallig, slutlig)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.remove(tillfallig)
            raise ChannelError(f"Kan inte lägga meddelandet {slutlig!r} i kön.") from exc


class Transport(filesystem.Transport):
    Channel = Channel


TRANSPORT_ALIASES["finsamfil"] = "finsam.kofil:Transport"
