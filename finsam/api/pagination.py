"""Every API list is paginated the same way: `limit` (1–FINSAM_API_MAX_LIMIT) and `offset`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

from finsam import granser


class Sidindelning(LimitOffsetPagination):
    """LimitOffsetPagination with a maximum page size; a bad `limit` or `offset` is a Swedish 400, never a 500."""

    @property
    def max_limit(self) -> int:  # type: ignore[override]
        return int(settings.FINSAM_API_MAX_LIMIT)

    def _tal(self, request: Request, namn: str, standard: int, minsta: int, storsta: int) -> int:
        text = request.query_params.get(namn, "")
        if text == "":
            return standard
        try:
            return granser.heltal(text, falt=namn, minsta=minsta, storsta=storsta)
        except granser.Gransfel as exc:
            raise ValidationError({namn: [exc.meddelande]}, code=exc.kod) from None

    def get_limit(self, request: Request) -> int:
        return self._tal(request, self.limit_query_param, int(self.default_limit or 100), 1, self.max_limit)

    def get_offset(self, request: Request) -> int:
        return self._tal(request, self.offset_query_param, 0, 0, granser.HELTAL_MAX)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parametrar = super().get_schema_operation_parameters(view)
        for p in parametrar:
            if p["name"] == self.limit_query_param:
                p["description"] = f"Antal poster per sida (1–{self.max_limit}, standard {self.default_limit})."
                p["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_limit}
            elif p["name"] == self.offset_query_param:
                p["description"] = "Index för den första posten (0 = början)."
                p["schema"] = {"type": "integer", "minimum": 0, "maximum": granser.HELTAL_MAX}
        return parametrar
