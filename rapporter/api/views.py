"""API of the reports app: reports (order a PDF), texts per section, the goal table. Writes go through the services."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from finsam.api.base import ArFilterMixin, ForbundMixin, aktuell
from insatser.models import Insats

from .. import plan, selectors, services
from ..models import Forbundsmal, Planavsnitt, Rapport, Rapporttext
from .serializers import (
    ForbundsmalSerializer,
    PlanavsnittAndraSerializer,
    PlanavsnittFlyttaSerializer,
    PlanavsnittInSerializer,
    PlanavsnittSerializer,
    PlanKopieraSerializer,
    PlanStartaSerializer,
    RapportBestallSerializer,
    RapportSerializer,
    RapporttextInSerializer,
    RapporttextSerializer,
)


class RapportViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Rapport]):
    """Reports per year. Roles without access to drafts see only adopted reports."""

    queryset = Rapport.objects.all()
    serializer_class = RapportSerializer
    behorighet_las = "rapporter.visa"
    behorighet_skriv = "rapporter.redigera"

    def get_queryset(self) -> QuerySet[Rapport]:
        return selectors.rapporter_for(aktuell(self.request)).select_related("dokument")

    @extend_schema(request=RapportBestallSerializer, responses={202: RapportSerializer})
    @action(detail=False, methods=["post"], url_path="skapa")
    def skapa(self, request: Request) -> Response:
        """Order the PDF of a report (answers at once; follow `dokument.framsteg`)."""
        inp = RapportBestallSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        rapport = services.rapport_generera(forbund=self.kontext.forbund, aktor=request.user, **inp.validated_data)
        rapport = Rapport.objects.select_related("dokument").get(pk=rapport.pk)
        return Response(RapportSerializer(rapport).data, status=status.HTTP_202_ACCEPTED)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("ar", int, description="År."), OpenApiParameter("typ", str, description="Rapporttyp.")])
)
class RapporttextViewSet(ForbundMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Rapporttext]):
    """The förbundschef's texts per report, year and section. POST writes (or replaces) one section's text."""

    queryset = Rapporttext.objects.all().order_by("typ", "ar", "sektion")
    serializer_class = RapporttextSerializer
    behorighet_las = "rapporter.utkast"
    behorighet_skriv = "rapporter.redigera"

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        return RapporttextInSerializer if self.action == "create" else RapporttextSerializer

    def get_queryset(self) -> QuerySet[Rapporttext]:
        qs = super().get_queryset()
        for falt in ("typ", "ar"):
            if self.request.query_params.get(falt):
                qs = qs.filter(**{falt: self.request.query_params[falt]})
        return qs

    @extend_schema(request=RapporttextInSerializer, responses={201: RapporttextSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = RapporttextInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        data = dict(inp.validated_data)
        insats_id = data.pop("insats", None)
        insats = get_object_or_404(Insats, forbund=self.kontext.forbund, pk=insats_id) if insats_id else None
        obj = services.rapporttext_spara(forbund=self.kontext.forbund, aktor=request.user, sektion_nyckel=data.pop("sektion"), insats=insats, **data)
        return Response(RapporttextSerializer(obj).data, status=status.HTTP_201_CREATED)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("ar", int, description="År.")]))
class ForbundsmalViewSet(ArFilterMixin, ForbundMixin, viewsets.ModelViewSet[Forbundsmal]):
    """The förbund's goal table per year (verksamhetsplan) with the year's assessment (årsredovisning)."""

    queryset = Forbundsmal.objects.all().order_by("ar", "ordning", "id")
    serializer_class = ForbundsmalSerializer
    behorighet_las = "rapporter.utkast"
    behorighet_skriv = "rapporter.redigera"

    def perform_create(self, serializer: BaseSerializer[Forbundsmal]) -> None:
        serializer.instance = services.forbundsmal_spara(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Forbundsmal]) -> None:
        mal = Forbundsmal.objects.get(pk=serializer.instance.pk)  # type: ignore[union-attr]
        serializer.instance = services.forbundsmal_spara(
            forbund=self.kontext.forbund, aktor=self.request.user, objekt=mal, **serializer.validated_data
        )

    def perform_destroy(self, instance: Forbundsmal) -> None:
        services.forbundsmal_ta_bort(forbund=self.kontext.forbund, aktor=self.request.user, mal=instance)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("ar", int, description="År.")]))
class PlanavsnittViewSet(ArFilterMixin, ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Planavsnitt]):
    """The verksamhetsplan's sections per year in document order: add, change, move, remove; start a year from the
    standard template or copy a year's plan to the next. Writes go through rapporter.plan."""

    queryset = Planavsnitt.objects.all().order_by("ar", "ordning", "id")
    serializer_class = PlanavsnittSerializer
    behorighet_las = "rapporter.utkast"
    behorighet_skriv = "rapporter.redigera"

    def _insats(self, data: dict[str, Any]) -> dict[str, Any]:
        if "insats" in data:
            insats_id = data.pop("insats")
            data["insats"] = get_object_or_404(Insats, forbund=self.kontext.forbund, pk=insats_id) if insats_id else None
        return data

    @extend_schema(request=PlanavsnittInSerializer, responses={201: PlanavsnittSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = PlanavsnittInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        obj = plan.planavsnitt_skapa(forbund=self.kontext.forbund, aktor=request.user, **self._insats(dict(inp.validated_data)))
        return Response(PlanavsnittSerializer(obj).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlanavsnittAndraSerializer, responses={200: PlanavsnittSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = PlanavsnittAndraSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        obj = plan.planavsnitt_andra(
            forbund=self.kontext.forbund, aktor=request.user, avsnitt=self.get_object(), **self._insats(dict(inp.validated_data))
        )
        return Response(PlanavsnittSerializer(obj).data)

    @extend_schema(responses={204: None})
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        plan.planavsnitt_ta_bort(forbund=self.kontext.forbund, aktor=request.user, avsnitt=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=PlanavsnittFlyttaSerializer, responses={200: PlanavsnittSerializer(many=True)})
    @action(detail=True, methods=["post"], url_path="flytta", pagination_class=None)
    def flytta(self, request: Request, pk: str | None = None) -> Response:
        """Move the section one place up or down; answers the year's sections in their new order."""
        inp = PlanavsnittFlyttaSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        obj = plan.planavsnitt_flytta(forbund=self.kontext.forbund, aktor=request.user, avsnitt=self.get_object(), **inp.validated_data)
        return Response(PlanavsnittSerializer(selectors.planavsnitt(self.kontext.forbund, obj.ar), many=True).data)

    @extend_schema(request=PlanStartaSerializer, responses={201: PlanavsnittSerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="starta", pagination_class=None)
    def starta(self, request: Request) -> Response:
        """Start a year's plan from the standard template."""
        inp = PlanStartaSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        nya = plan.plan_starta(forbund=self.kontext.forbund, aktor=request.user, **inp.validated_data)
        return Response(PlanavsnittSerializer(nya, many=True).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlanKopieraSerializer, responses={201: PlanavsnittSerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="kopiera", pagination_class=None)
    def kopiera(self, request: Request) -> Response:
        """ "Ny plan för <till_ar> från <fran_ar>": refused if <till_ar> already has a plan."""
        inp = PlanKopieraSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        nya = plan.plan_kopiera(forbund=self.kontext.forbund, aktor=request.user, **inp.validated_data)
        return Response(PlanavsnittSerializer(nya, many=True).data, status=status.HTTP_201_CREATED)
