from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _utlosare(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """After every migrate: the data-version triggers on every table (a new table gets them with its migration)."""
    from . import sidcache  # models are loaded only once the app registry is ready

    sidcache.installera_utlosare(using)


class FinsamConfig(AppConfig):
    name = "finsam"
    verbose_name = "Finsam (kärna)"

    def ready(self) -> None:
        from . import documenttyper

        documenttyper.registrera_alla()
        post_migrate.connect(_utlosare, sender=self, dispatch_uid="finsam_dataandring_utlosare")
