"""Checks for uploaded files (application attachments, report versions): the common check in finsam.filkontroll,
with old Word and Excel files (.doc, .xls) also allowed."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from finsam import filkontroll


def kontrollera_fil(fil: UploadedFile) -> None:
    """Refuse empty, too large, not allowed or active files (the content must match the extension)."""
    filkontroll.kontrollera_fil(fil, tillatna=filkontroll.MED_ALDRE_OFFICE)
