"""API of the auditors, statutes and board registers (members and people: finsam.api). Writes go through the same services as the pages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.base import ForbundMixin
from styrelse.models import Mandat

from ..models.forbundsordning import Forbundsordning
from ..models.revision import AnsvarsfrihetPaminnelse, Revisor
from ..selectors import forbundsordning as fo_sel
from ..services import forbundsordning as fo_tjanst
from ..services import revision as rev_tjanst
from ..services import uppdrag as upp_tjanst
from . import serializers_styrning as s

SKRIVA = ["get", "post", "patch", "head", "options"]


class RevisorViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet[Revisor]
):
    """Auditors with the member that appointed them and the members they audit, per year (statutes § 14)."""

    queryset = Revisor.objects.select_related("person", "utsedd_av").prefetch_related("granskar").order_by("-ar_fran", "utsedd_av__ordning", "pk")
    serializer_class = s.RevisorSerializer
    behorighet_las, behorighet_skriv = "forbund.visa", "forbund.redigera"
    http_method_names = SKRIVA

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        granskar = data.pop("granskar", [])
        serializer.instance = rev_tjanst.revisor_skapa(forbund=self.kontext.forbund, aktor=self.request.user, granskar=granskar, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        granskar = data.pop("granskar", None)
        serializer.instance = rev_tjanst.revisor_andra(revisor=serializer.instance, aktor=self.request.user, granskar=granskar, **data)


class AnsvarsfrihetPaminnelseViewSet(ForbundMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[AnsvarsfrihetPaminnelse]):
    """Reminders about discharge sent to members; POST sends one (refused when the member has decided or has no e-mail)."""

    queryset = AnsvarsfrihetPaminnelse.objects.select_related("medlem").order_by("-skickad", "-pk")
    serializer_class = s.AnsvarsfrihetPaminnelseSerializer
    behorighet_las, behorighet_skriv = "forbund.visa", "forbund.redigera"

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = rev_tjanst.ansvarsfrihet_paminnelse_skicka(
            forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data
        )


class ForbundsordningViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Forbundsordning]
):
    """Versions of the statutes with each member's decision; `galler` marks the version in force today."""

    queryset = Forbundsordning.objects.prefetch_related("beslut__medlem").order_by("-version")
    serializer_class = s.ForbundsordningSerializer
    behorighet_las, behorighet_skriv = "forbund.visa", "forbund.redigera"
    parser_classes = [JSONParser, MultiPartParser, FormParser]  # the text as JSON, or the adopted statutes as a PDF (multipart)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if "kontext" in context:
            galler = fo_sel.galler_pa(self.kontext.forbund, timezone.localdate())
            context["galler_id"] = galler.ordning.pk if galler else None
        return context

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = fo_tjanst.forbundsordning_skapa(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    @extend_schema(request=s.ForbundsordningBeslutSerializer, responses={201: s.ForbundsordningBeslutSerializer})
    @action(detail=True, methods=["post"])
    def beslut(self, request: Request, pk: str | None = None) -> Response:
        inn = s.ForbundsordningBeslutSerializer(data=request.data, context=self.get_serializer_context())
        inn.is_valid(raise_exception=True)
        obj = fo_tjanst.forbundsordning_beslut_spara(forbundsordning=self.get_object(), aktor=request.user, **inn.validated_data)
        return Response(s.ForbundsordningBeslutSerializer(obj).data, status=status.HTTP_201_CREATED)


class UppdragViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Mandat]):
    """Board mandates with the appointing decision; POST registers a mandate together with its decision."""

    queryset = Mandat.objects.select_related("person", "medlem", "utnamning").order_by("medlem__ordning", "typ", "-fran", "pk")
    serializer_class = s.StyrelsemandatSerializer
    behorighet_las, behorighet_skriv = "forbund.visa", "forbund.redigera"

    @extend_schema(request=s.StyrelsemandatInSerializer, responses={201: s.StyrelsemandatSerializer})
    def create(self, request: Request) -> Response:
        inn = s.StyrelsemandatInSerializer(data=request.data, context=self.get_serializer_context())
        inn.is_valid(raise_exception=True)
        mandat = upp_tjanst.uppdrag_tillsatt(forbund=self.kontext.forbund, aktor=request.user, **inn.validated_data)
        return Response(s.StyrelsemandatSerializer(mandat).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.UtnamningSerializer, responses=s.StyrelsemandatSerializer)
    @action(detail=True, methods=["post"])
    def utnamning(self, request: Request, pk: str | None = None) -> Response:
        inn = s.UtnamningSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        mandat = self.get_object()
        upp_tjanst.utnamning_spara(mandat=mandat, aktor=request.user, **inn.validated_data)
        return Response(s.StyrelsemandatSerializer(self.get_queryset().get(pk=mandat.pk)).data)
