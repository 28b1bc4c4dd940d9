"""API of the follow-up register: participants and enrolments (kansli), exits, import, and the aggregate report (all roles)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from finsam.api.base import ForbundMixin, HarBehorighet, aktuell
from finsam.tenancy import hamta
from insatser.models import Insats

from .. import selectors, services
from ..models import Deltagare, Importkorning, Inskrivning
from .serializers import (
    AvslutInSerializer,
    DeltagareSerializer,
    DeltagareSokSerializer,
    ImportInSerializer,
    ImportUtSerializer,
    InskrivningAndraInSerializer,
    InskrivningInSerializer,
    InskrivningSerializer,
)


class DeltagareViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Deltagare]):
    """Pseudonymous participants with their enrolments (förbundschef and administratör only)."""

    queryset = Deltagare.objects.prefetch_related(
        Prefetch("inskrivningar", queryset=Inskrivning.objects.select_related("insats", "deltagare", "hemkommun"))
    )
    serializer_class = DeltagareSerializer
    behorighet_las = "deltagare.visa"
    behorighet_skriv = "deltagare.redigera"

    def get_queryset(self) -> QuerySet[Deltagare]:
        return super().get_queryset().order_by("kod")

    @extend_schema(request=DeltagareSokSerializer, responses={200: DeltagareSerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="sok", pagination_class=None)
    def sok(self, request: Request) -> Response:
        """Find participants by code or by personnummer (compared by keyed hash). A POST, so that no code reaches a URL or a log."""
        inn = DeltagareSokSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        s = selectors.sokning(inn.validated_data["kod"])
        qs = self.get_queryset()
        qs = qs.filter(pnr_hash=s["pnr_hash"]) if "pnr_hash" in s else qs.filter(kod=s.get("kod", ""))
        return Response(DeltagareSerializer(qs, many=True).data)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("insats", str, description="Insatsens kortnamn."),
            OpenApiParameter("ar", int, description="Aktiva under året."),
            OpenApiParameter("oppna", bool, description="Bara pågående inskrivningar."),
        ]
    )
)
class InskrivningViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Inskrivning]):
    """Enrolments. POST creates one (participant by code or personnummer); POST …/avslut/ registers the exit."""

    queryset = Inskrivning.objects.select_related("insats", "deltagare", "hemkommun")
    serializer_class = InskrivningSerializer
    behorighet_las = "deltagare.visa"
    behorighet_skriv = "deltagare.redigera"

    def get_queryset(self) -> QuerySet[Inskrivning]:
        qs: Any = super().get_queryset().order_by("-startar", "-id")
        p = self.request.query_params
        if p.get("insats"):
            qs = qs.filter(insats__kortnamn=p["insats"])
        if p.get("ar", "").isdigit():
            qs = qs.under_ar(int(p["ar"]))
        if p.get("oppna") in ("1", "true", "ja"):
            qs = qs.oppna()
        return qs

    @extend_schema(request=InskrivningInSerializer, responses={201: InskrivningSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        kontext = aktuell(request)
        inn = InskrivningInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        d = dict(inn.validated_data)
        insats = hamta(Insats.objects.all(), kontext.forbund, kortnamn=d.pop("insats"))
        inskrivning, _ = services.inskrivning_registrera(
            forbund=kontext.forbund, aktor=request.user, kod=d.pop("deltagare"), personnummer=d.pop("personnummer"), insats=insats, **d
        )
        return Response(InskrivningSerializer(inskrivning).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=InskrivningAndraInSerializer, responses={200: InskrivningSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Correct entry or exit data; the same rules apply and the change is audited."""
        inskrivning = self.get_object()
        inn = InskrivningAndraInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        inskrivning = services.inskrivning_andra(forbund=aktuell(request).forbund, aktor=request.user, inskrivning=inskrivning, **inn.validated_data)
        return Response(InskrivningSerializer(inskrivning).data)

    @extend_schema(request=AvslutInSerializer, responses={200: InskrivningSerializer})
    @action(detail=True, methods=["post"], url_path="avslut")
    def avslut(self, request: Request, pk: str | None = None) -> Response:
        inskrivning = self.get_object()
        inn = AvslutInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        inskrivning = services.inskrivning_avsluta(
            forbund=aktuell(request).forbund, aktor=request.user, inskrivning=inskrivning, **inn.validated_data
        )
        return Response(InskrivningSerializer(inskrivning).data)


class ImportView(APIView):
    """Import a CSV/XLSX file (multipart field `fil`); all or nothing. `dry_run=true` shows what would change."""

    permission_classes = [HarBehorighet]
    parser_classes = [MultiPartParser, FormParser]
    behorighet_las = "deltagare.redigera"
    behorighet_skriv = "deltagare.redigera"

    @extend_schema(request={"multipart/form-data": ImportInSerializer}, responses={200: ImportUtSerializer, 202: OpenApiTypes.OBJECT})
    def post(self, request: Request) -> Response:
        inn = ImportInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        fil = inn.validated_data["fil"]
        korning = services.deltagare_import_starta(
            forbund=aktuell(request).forbund,
            aktor=request.user,
            fil=fil,
            storlek=fil.size,
            filnamn=fil.name,
            torrkorning=inn.validated_data["dry_run"],
        )
        if korning.pagar:
            return Response(_korning(korning), status=status.HTTP_202_ACCEPTED)
        return Response(korning.resultat)


def _korning(k: Importkorning) -> dict[str, Any]:
    return {
        "id": k.pk,
        "status": k.status,
        "filnamn": k.filnamn,
        "sha256": k.sha256,
        "torrkorning": k.torrkorning,
        "resultat": k.resultat or None,
        "fel": k.fel,
        "status_url": reverse("uppfoljning-import-status", args=[k.pk]),
    }


class ImportStatusView(APIView):
    """A background import (files over the background limit): status, result or the row errors."""

    permission_classes = [HarBehorighet]
    behorighet_las = "deltagare.redigera"
    behorighet_skriv = "deltagare.redigera"

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, pk: int) -> Response:
        return Response(_korning(hamta(Importkorning.objects.defer("data"), aktuell(request).forbund, pk=pk)))


class UtfallView(APIView):
    """The outcome report for a year (`?ar=2019`): exactly the structure of `manage.py utfall --json`.

    Roles without `utfall.omaskerat` get counts under the förbund's masking threshold as "<N".
    """

    permission_classes = [HarBehorighet]
    behorighet_las = "utfall.visa"
    behorighet_skriv = "utfall.visa"

    @extend_schema(parameters=[OpenApiParameter("ar", int, required=True)], responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        ar = request.query_params.get("ar", "")
        if not ar.isdigit() or not 2000 <= int(ar) <= 2100:
            raise ValidationError({"ar": "Ange ett år mellan 2000 och 2100, t.ex. ?ar=2019."}, code="invalid")  # the one error shape
        return Response(selectors.utfall_for(aktuell(request), int(ar)))
