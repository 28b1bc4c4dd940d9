"""What every management command that works on one förbund (and often one file) checks first, in one wording."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from .models import Forbund


def forbund_fran_slug(slug: str) -> Forbund:
    forbund = Forbund.objects.filter(slug=slug).first()
    if forbund is None:
        raise CommandError(f"Förbundet {slug} finns inte.")
    return forbund


def befintlig_fil(sokvag: str | Path) -> Path:
    fil = Path(sokvag)
    if not fil.is_file():
        raise CommandError(f"Filen {fil} finns inte.")
    return fil
