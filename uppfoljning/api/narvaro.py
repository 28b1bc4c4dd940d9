"""API of attendance per period: list (per enrolment), record or replace one period, remove one, import a sheet."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.base import ForbundMixin
from finsam.tenancy import hamta

from ..models import Inskrivning, Narvaroperiod
from ..services import narvaro as services


class NarvaroperiodSerializer(serializers.ModelSerializer[Narvaroperiod]):
    period_text = serializers.CharField(source="text", read_only=True)

    class Meta:
        model = Narvaroperiod
        fields = ["id", "inskrivning", "periodtyp", "period", "period_text", "planerade", "narvarade", "andrad"]
        read_only_fields = fields


class NarvaroperiodInSerializer(serializers.Serializer[None]):
    inskrivning = serializers.IntegerField(min_value=1)
    period = serializers.CharField(max_length=10, help_text="ÅÅÅÅ-MM (månad) eller ÅÅÅÅ-K1 till ÅÅÅÅ-K4 (kvartal).")
    planerade = serializers.IntegerField(min_value=0, max_value=999999)
    narvarade = serializers.IntegerField(min_value=0, max_value=999999)

    def validate_period(self, value: str) -> Any:
        try:
            return services.tolka_period(value)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc


class NarvaroImportInSerializer(serializers.Serializer[None]):
    fil = serializers.FileField()


class NarvaroImportUtSerializer(serializers.Serializer[None]):
    rader = serializers.IntegerField()


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("inskrivning", int, description="Inskrivningens id.")]))
class NarvaroperiodViewSet(ForbundMixin, mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet[Narvaroperiod]):
    queryset = Narvaroperiod.objects.all().order_by("inskrivning_id", "period")
    serializer_class = NarvaroperiodSerializer
    behorighet_las = "deltagare.visa"
    behorighet_skriv = "deltagare.redigera"
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self) -> QuerySet[Narvaroperiod]:
        qs = super().get_queryset()
        ins = self.request.query_params.get("inskrivning")
        return qs.filter(inskrivning_id=ins) if ins and ins.isdigit() else qs

    @extend_schema(request=NarvaroperiodInSerializer, responses={201: NarvaroperiodSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inn = NarvaroperiodInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        d = inn.validated_data
        inskrivning = hamta(Inskrivning.objects.all(), self.kontext.forbund, pk=d["inskrivning"])
        typ, start = d["period"]
        obj = services.narvaroperiod_spara(
            forbund=self.kontext.forbund,
            aktor=request.user,
            inskrivning=inskrivning,
            periodtyp=typ,
            period=start,
            planerade=d["planerade"],
            narvarade=d["narvarade"],
        )
        return Response(NarvaroperiodSerializer(obj).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance: Narvaroperiod) -> None:
        services.narvaroperiod_ta_bort(forbund=self.kontext.forbund, aktor=self.request.user, narvaroperiod=instance)

    @extend_schema(request={"multipart/form-data": NarvaroImportInSerializer}, responses={200: NarvaroImportUtSerializer})
    @action(detail=False, methods=["post"], url_path="import")
    def importera(self, request: Request) -> Response:
        """Import a sheet (multipart field `fil`: deltagare_id, insats, period, planerade, narvarade); all or nothing."""
        inn = NarvaroImportInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        fil = inn.validated_data["fil"]
        n = services.narvaroperioder_importera(forbund=self.kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name)
        return Response({"rader": n})
