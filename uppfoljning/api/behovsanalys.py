"""API of the needs analysis: the year's aggregates (all roles), the import of the published table and a figure entered
by hand (kansli). The same services as the pages; a refusal is the API's one error shape."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from finsam.api.base import HarBehorighet, aktuell
from finsam.granser import ar_fel, ar_inom_granser

from ..models.behovsanalys import Aldersgrupp, Matt, StatKon
from ..selectors import behovsanalys as selectors
from ..services import behovsanalys as services
from ..services.statistikimport import statistik_importera


class StatistikvardeInSerializer(serializers.Serializer[Any]):
    regionkod = serializers.CharField(max_length=4, help_text="00 riket, två siffror län, fyra siffror kommun")
    region = serializers.CharField(max_length=100)
    ar = serializers.IntegerField(min_value=1900, max_value=2200)
    matt = serializers.ChoiceField(choices=Matt.choices)
    kon = serializers.ChoiceField(choices=StatKon.choices)
    alder = serializers.ChoiceField(choices=Aldersgrupp.choices)
    varde = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True, help_text="null tar bort ett sparat värde")


class StatistikvardeUtSerializer(serializers.Serializer[Any]):
    regionkod = serializers.CharField()
    region = serializers.CharField()
    niva = serializers.CharField()
    ar = serializers.IntegerField()
    matt = serializers.CharField()
    kon = serializers.CharField()
    alder = serializers.CharField()
    varde = serializers.DecimalField(max_digits=12, decimal_places=2)


class StatistikImportInSerializer(serializers.Serializer[Any]):
    fil = serializers.FileField()
    dry_run = serializers.BooleanField(default=False)


class StatistikImportUtSerializer(serializers.Serializer[Any]):
    rader = serializers.IntegerField()
    varden = serializers.IntegerField()
    nya = serializers.IntegerField()
    andrade = serializers.IntegerField()
    oforandrade = serializers.IntegerField()
    ar = serializers.ListField(child=serializers.IntegerField())
    regioner = serializers.ListField(child=serializers.CharField())
    kodning = serializers.CharField()
    sha256 = serializers.CharField()


def _rad(r: dict[str, Any]) -> dict[str, Any]:
    """A region row without the chart markup, numbers as strings (exact decimals)."""

    def t(v: Any) -> Any:
        return None if v is None else str(v) if not isinstance(v, (int, str)) else v

    ut = {k: t(v) for k, v in r.items() if k not in ("per_ersattning", "per_ersattning_20_29", "trend")}
    ut["per_ersattning"] = [{"namn": str(p["namn"]), "he": t(p["he"]), "andel": t(p["andel"])} for p in r["per_ersattning"]]
    ut["trend"] = [t(v) for v in r["trend"]]
    return ut


class BehovsanalysView(APIView):
    """The needs analysis of a year (`?ar=2018`): levels, shares and trends per kommun, the county and the country, and
    participants per 1 000 full-year equivalents (masked under the threshold for roles that see aggregates only)."""

    permission_classes = [HarBehorighet]
    behorighet_las = "utfall.visa"
    behorighet_skriv = "utfall.visa"

    @extend_schema(parameters=[OpenApiParameter("ar", int, required=True)], responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        text = request.query_params.get("ar", "")
        if not text.isdigit() or not ar_inom_granser(int(text)):
            raise ValidationError({"ar": ar_fel(text or "(inget)")}, code="invalid")
        ar = int(text)
        data = selectors.behovsanalys(aktuell(request), ar)
        analys = data["analys"]
        return Response(
            {
                "ar": ar,
                "ar_lista": data["ar_lista"],
                "kommuner": [_rad(r) for r in data["kommuner"]],
                "jamforelse": [_rad(r) for r in data["jamforelse"]],
                "forbundet": {k: (str(v) if v is not None and not isinstance(v, (int, str)) else v) for k, v in data["forbundet"].items()},
                "analys": analys.analys if analys else "",
                "faststalld": bool(analys and analys.ar_faststalld),
                "beslut": str(analys.beslut) if analys and analys.beslut else None,
            }
        )


class StatistikvardeView(APIView):
    """Enter or correct one figure (an empty `varde` removes it)."""

    permission_classes = [HarBehorighet]
    behorighet_las = "deltagare.redigera"
    behorighet_skriv = "deltagare.redigera"

    @extend_schema(request=StatistikvardeInSerializer, responses={200: StatistikvardeUtSerializer, 204: None})
    def post(self, request: Request) -> Response:
        inn = StatistikvardeInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        obj = services.statistikvarde_spara(forbund=aktuell(request).forbund, aktor=request.user, **inn.validated_data)
        if obj is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(StatistikvardeUtSerializer(obj).data)


class StatistikImportView(APIView):
    """Import the published table (multipart field `fil`, CSV or XLSX); all or nothing. `dry_run=true` saves nothing."""

    permission_classes = [HarBehorighet]
    parser_classes = [MultiPartParser, FormParser]
    behorighet_las = "deltagare.redigera"
    behorighet_skriv = "deltagare.redigera"

    @extend_schema(request={"multipart/form-data": StatistikImportInSerializer}, responses={200: StatistikImportUtSerializer})
    def post(self, request: Request) -> Response:
        inn = StatistikImportInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        fil = inn.validated_data["fil"]
        r = statistik_importera(
            forbund=aktuell(request).forbund, aktor=request.user, data=fil.read(), filnamn=fil.name, torrkorning=inn.validated_data["dry_run"]
        )
        return Response(StatistikImportUtSerializer(r).data)
