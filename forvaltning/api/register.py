"""API of the delegation order, the records plan and gallring. Writes go through the same services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.base import ForbundMixin

from ..models import Delegationsordning, Delegationsrad, Gallring, Gallringsstopp, Planrad, Prisbasbelopp
from ..services import arkiv as arkiv
from ..services import delegation as deleg
from ..services.delegation_import import delegationsordning_importera
from .serializers_register import (
    AntaSerializer,
    DelegationsimportSerializer,
    DelegationsordningSerializer,
    DelegationsradSerializer,
    GallringSerializer,
    GallringsstoppSerializer,
    PlanradSerializer,
    PrisbasbeloppSerializer,
)


class DelegationsordningViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Delegationsordning]):
    """Versions of the delegation order with their rows. POST makes a draft (a copy of the version in force)."""

    queryset = Delegationsordning.objects.prefetch_related("rader__delegat_person", "rader__ersattare_person").order_by("-giltig_fran", "-id")
    serializer_class = DelegationsordningSerializer
    behorighet_las, behorighet_skriv = "styrelse.visa", "delegationsordning.redigera"

    @extend_schema(request=DelegationsordningSerializer, responses={201: DelegationsordningSerializer})
    def create(self, request: Request) -> Response:
        inn = DelegationsordningSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        rubrik = inn.validated_data.get("rubrik") or "Delegationsordning"
        ordning = deleg.delegationsordning_utkast_skapa(forbund=self.kontext.forbund, aktor=request.user, rubrik=rubrik)
        return Response(DelegationsordningSerializer(ordning).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AntaSerializer, responses=DelegationsordningSerializer)
    @action(detail=True, methods=["post"])
    def anta(self, request: Request, pk: str | None = None) -> Response:
        ordning = self.get_object()
        inn = AntaSerializer(data=request.data, context=self.get_serializer_context())
        inn.is_valid(raise_exception=True)
        d = inn.validated_data
        ordning = deleg.delegationsordning_anta(ordning=ordning, aktor=request.user, paragraf=d.get("paragraf"), giltig_fran=d.get("giltig_fran"))
        return Response(DelegationsordningSerializer(ordning).data)

    @extend_schema(request={"multipart/form-data": DelegationsimportSerializer}, responses={201: DelegationsordningSerializer})
    @action(detail=False, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def importera(self, request: Request) -> Response:
        """A spreadsheet (CSV/XLSX) becomes a new draft; all or nothing, each error with its row (the page's service)."""
        inn = DelegationsimportSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        ordning = delegationsordning_importera(forbund=self.kontext.forbund, aktor=request.user, **inn.validated_data)
        return Response(DelegationsordningSerializer(ordning).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=PrisbasbeloppSerializer(many=True))
    @action(detail=False, methods=["get"], pagination_class=None)
    def prisbasbelopp(self, request: Request) -> Response:
        return Response(PrisbasbeloppSerializer(Prisbasbelopp.objects.order_by("ar"), many=True).data)


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("ordning", int, description="Bara rader i denna version.")]))
class DelegationsradViewSet(
    ForbundMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[Delegationsrad],
):
    """Rows of the delegation order; only a draft's rows can be written."""

    queryset = Delegationsrad.objects.select_related("delegat_person", "ersattare_person").order_by("ordning", "nummer", "id")
    serializer_class = DelegationsradSerializer
    behorighet_las, behorighet_skriv = "styrelse.visa", "delegationsordning.redigera"

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        ordning = self.request.query_params.get("ordning")
        return qs.filter(ordning_id=int(ordning)) if ordning and ordning.isdigit() else qs

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        ordning = data.pop("ordning")
        serializer.instance = deleg.delegationsrad_spara(ordning=ordning, aktor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("ordning", None)
        rad = serializer.instance
        serializer.instance = deleg.delegationsrad_spara(ordning=rad.ordning, aktor=self.request.user, rad=rad, **data)

    def perform_destroy(self, instance: Delegationsrad) -> None:
        deleg.delegationsrad_ta_bort(rad=instance, aktor=self.request.user)


class PlanradViewSet(
    ForbundMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[Planrad],
):
    """Rows of the records plan (dokumenthanteringsplan)."""

    queryset = Planrad.objects.order_by("nummer", "id")
    serializer_class = PlanradSerializer
    behorighet_las, behorighet_skriv = "diarium.visa", "dokumenthanteringsplan.redigera"

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = arkiv.planrad_spara(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer: Any) -> None:
        serializer.instance = arkiv.planrad_spara(
            forbund=self.kontext.forbund, aktor=self.request.user, rad=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance: Planrad) -> None:
        arkiv.planrad_ta_bort(rad=instance, aktor=self.request.user)


class GallringViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Gallring]):
    """Gallring runs: the system's proposal and the runs the förbundschef carried out, with their protocol."""

    queryset = Gallring.objects.order_by("-nummer")
    serializer_class = GallringSerializer
    behorighet_las, behorighet_skriv = "diarium.visa", "gallring.genomfora"

    @extend_schema(request=None, responses={201: GallringSerializer})
    @action(detail=False, methods=["post"])
    def foresla(self, request: Request) -> Response:
        g = arkiv.gallring_foresla(forbund=self.kontext.forbund, aktor=request.user)
        return Response(GallringSerializer(g).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=GallringSerializer)
    @action(detail=True, methods=["post"])
    def genomfor(self, request: Request, pk: str | None = None) -> Response:
        g = arkiv.gallring_genomfor(gallring=self.get_object(), aktor=request.user)
        return Response(GallringSerializer(g).data)


class GallringsstoppViewSet(ForbundMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Gallringsstopp]):
    """Legal holds: the records of a matter are kept whatever the plan says."""

    queryset = Gallringsstopp.objects.order_by("-fran", "-id")
    serializer_class = GallringsstoppSerializer
    behorighet_las, behorighet_skriv = "diarium.visa", "gallring.genomfora"

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = arkiv.gallringsstopp_registrera(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    @extend_schema(request=None, responses=GallringsstoppSerializer)
    @action(detail=True, methods=["post"])
    def hav(self, request: Request, pk: str | None = None) -> Response:
        return Response(GallringsstoppSerializer(arkiv.gallringsstopp_hav(stopp=self.get_object(), aktor=request.user)).data)
