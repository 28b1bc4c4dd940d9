"""django-import-export resource for the enrolment export: the import's columns, so an exported file can be imported again.

The import itself is `uppfoljning.services.importera` (validated column-wise with the model's rules, written with COPY).
"""

from __future__ import annotations

from typing import Any

from import_export import fields, resources

from finsam.models import Forbund

from .models import Inskrivning
from .services.importera import KOLUMNER, VALFRIA


class InskrivningResource(resources.ModelResource):
    insats = fields.Field(column_name="insats")
    deltagare_id = fields.Field(column_name="deltagare_id")
    samtycke = fields.Field(column_name="samtycke")
    hemkommun = fields.Field(column_name="hemkommun")

    class Meta:
        model = Inskrivning
        fields = (*KOLUMNER, *VALFRIA)
        export_order = (*KOLUMNER, *VALFRIA)

    def __init__(self, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.forbund = forbund

    def get_queryset(self) -> Any:
        return Inskrivning.objects.filter(forbund=self.forbund).select_related("insats", "deltagare", "hemkommun")

    def dehydrate_insats(self, obj: Inskrivning) -> str:
        return obj.insats.kortnamn

    def dehydrate_deltagare_id(self, obj: Inskrivning) -> str:
        return obj.deltagare.kod

    def dehydrate_hemkommun(self, obj: Inskrivning) -> str:
        return obj.hemkommun.kod if obj.hemkommun else ""

    def dehydrate_samtycke(self, obj: Inskrivning) -> str:
        return "ja" if obj.samtycke else "nej"
