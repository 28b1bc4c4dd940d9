"""API for the agreements register (/api/forvaltning/avtal/). Writes go through the same services as the pages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.base import ForbundMixin
from finsam.sortering import svensk

from .. import services
from ..models import Avtal
from .serializers import AvtalDokumentInSerializer, AvtalDokumentSerializer, AvtalSerializer, UppsagningSerializer


class AvtalViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet[Avtal]
):
    """Agreements with their parties, amounts, period, renewal and notice. Members are given by code."""

    queryset = Avtal.objects.prefetch_related("medlemmar", "dokument").order_by("-startdatum", svensk("rubrik"), "pk")
    serializer_class = AvtalSerializer
    behorighet_las, behorighet_skriv = "avtal.visa", "avtal.redigera"

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "idag": timezone.localdate()}

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        medlemmar = data.pop("medlemmar", [])
        serializer.instance = services.avtal_skapa(forbund=self.kontext.forbund, aktor=self.request.user, medlemmar=medlemmar, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        medlemmar = data.pop("medlemmar", None)
        serializer.instance = services.avtal_andra(avtal=serializer.instance, aktor=self.request.user, medlemmar=medlemmar, **data)

    @extend_schema(request=UppsagningSerializer, responses=AvtalSerializer)
    @action(detail=True, methods=["post"], url_path="sag-upp")
    def sag_upp(self, request: Request, pk: str | None = None) -> Response:
        s = UppsagningSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        avtal = services.avtal_sag_upp(avtal=self.get_object(), aktor=request.user, datum=s.validated_data["datum"])
        return Response(AvtalSerializer(avtal, context=self.get_serializer_context()).data)

    @extend_schema(request={"multipart/form-data": AvtalDokumentInSerializer}, responses={201: AvtalDokumentSerializer})
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def dokument(self, request: Request, pk: str | None = None) -> Response:
        """Upload a document (PDF) of the agreement; the same service and content checks as the page."""
        inn = AvtalDokumentInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        dok = services.avtal_dokument_ladda_upp(avtal=self.get_object(), aktor=request.user, **inn.validated_data)
        return Response(AvtalDokumentSerializer(dok).data, status=status.HTTP_201_CREATED)
