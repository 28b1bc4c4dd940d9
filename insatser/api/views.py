"""API for interventions, applications, grants, goals and reports (/api/insatser/). Writes go through the services."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.base import ForbundMixin
from finsam.sortering import svensk

from .. import services
from ..models import Ansokan, AnsokanBelopp, Beviljande, Insats, Mal, Malbedomning, Malnod, Malnodbedomning, Rapport, Rapportversion
from ..models.rapport import RapportQuerySet
from ..selectors import beviljat_per_ar
from .serializers import (
    InsatsAnsokanSerializer,
    InsatsBeredningSerializer,
    InsatsBeslutSerializer,
    InsatsBeviljandeSerializer,
    InsatsBeviljatPerArSerializer,
    InsatsIndikatorvardeSerializer,
    InsatsMalbedomningSerializer,
    InsatsMalnodArSerializer,
    InsatsMalnodbedomningSerializer,
    InsatsMalnodBekraftaSerializer,
    InsatsMalnodSerializer,
    InsatsMalSerializer,
    InsatsMedfinansieringInSerializer,
    InsatsRapportSerializer,
    InsatsRapportUppladdningSerializer,
    InsatsSerializer,
    InsatsStatusSerializer,
)

LAS, SKRIV, BESLUTA = "insatser.visa", "insatser.redigera", "insatser.besluta"
AR = OpenApiParameter("ar", int, description="År, t.ex. 2020.")


def _int(varde: Any) -> int | None:
    try:
        return int(varde)
    except (TypeError, ValueError):
        return None


class InsatsViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet[Insats]
):
    """Interventions. Members are given by code (`parter: ["fk", "af"]`)."""

    queryset = Insats.objects.select_related("agare_medlem").prefetch_related("parter", "bemanning__medlem").order_by(svensk("kortnamn"))
    serializer_class = InsatsSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        parter = data.pop("parter", [])
        serializer.instance = services.insats_create(forbund=self.kontext.forbund, aktor=self.request.user, parter=parter, **data)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        parter = data.pop("parter", None)
        serializer.instance = services.insats_update(insats=serializer.instance, aktor=self.request.user, parter=parter, **data)

    @extend_schema(request=InsatsStatusSerializer, responses=InsatsSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request: Request, pk: str | None = None) -> Response:
        s = InsatsStatusSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        insats = services.insats_status_andra(insats=self.get_object(), aktor=request.user, status=s.validated_data["status"])
        return Response(InsatsSerializer(insats, context=self.get_serializer_context()).data)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("status", str, description="Bara ansökningar med denna status.")]))
class AnsokanViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Ansokan]):
    """Applications: register (inkommen), send to preparation (beredning), the board's decision (besluta)."""

    queryset = (
        Ansokan.objects.select_related("ansvarig_medlem")
        .prefetch_related("sokande", Prefetch("belopp", queryset=AnsokanBelopp.objects.order_by("ar")), "medfinansiering")
        .order_by("-inkom", "-id")
    )
    serializer_class = InsatsAnsokanSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        if self.request.query_params.get("status"):
            qs = qs.filter(status=self.request.query_params["status"])
        return qs

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        sokande = data.pop("sokande", [])
        belopp = {b["ar"]: b["belopp"] for b in data.pop("belopp", [])}
        serializer.instance = services.ansokan_create(forbund=self.kontext.forbund, aktor=self.request.user, sokande=sokande, belopp=belopp, **data)

    def _svar(self, ansokan: Ansokan) -> Response:
        return Response(InsatsAnsokanSerializer(self.get_queryset().get(pk=ansokan.pk), context=self.get_serializer_context()).data)

    @extend_schema(request=InsatsBeredningSerializer, responses=InsatsAnsokanSerializer)
    @action(detail=True, methods=["post"])
    def beredning(self, request: Request, pk: str | None = None) -> Response:
        s = InsatsBeredningSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        return self._svar(services.ansokan_till_beredning(ansokan=self.get_object(), aktor=request.user, **s.validated_data))

    @extend_schema(request=InsatsMedfinansieringInSerializer, responses=InsatsAnsokanSerializer)
    @action(detail=True, methods=["post"])
    def medfinansiering(self, request: Request, pk: str | None = None) -> Response:
        s = InsatsMedfinansieringInSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        ansokan = self.get_object()
        services.medfinansiering_spara(ansokan=ansokan, aktor=request.user, rader=s.validated_data["rader"])
        return self._svar(ansokan)

    @extend_schema(request=InsatsBeslutSerializer, responses=InsatsAnsokanSerializer, description="Kräver behörigheten insatser.besluta.")
    @action(detail=True, methods=["post"])
    def besluta(self, request: Request, pk: str | None = None) -> Response:
        self.kontext.kraver(BESLUTA)
        ansokan = self.get_object()
        s = InsatsBeslutSerializer(data=request.data, context=self.get_serializer_context())
        s.is_valid(raise_exception=True)
        d = s.validated_data
        services.ansokan_besluta(
            ansokan=ansokan,
            aktor=request.user,
            paragraf=d["paragraf"],
            beslut=d["beslut"],
            belopp={b["ar"]: b["belopp"] for b in d.get("belopp", [])},
            insats=d.get("insats"),
            ny_insats={"kortnamn": d["ny_kortnamn"]} if d.get("ny_kortnamn") else None,
        )
        return self._svar(ansokan)


class BeviljandeViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Beviljande]):
    """Grants decided by the board. Filter with ?ar= and ?insats=."""

    queryset = Beviljande.objects.select_related("insats").order_by("ar", svensk("insats__kortnamn"), "id")
    serializer_class = InsatsBeviljandeSerializer
    behorighet_las, behorighet_skriv = LAS, BESLUTA

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        if (ar := _int(self.request.query_params.get("ar"))) is not None:
            qs = qs.filter(ar=ar)
        if (insats := _int(self.request.query_params.get("insats"))) is not None:
            qs = qs.filter(insats_id=insats)
        return qs

    @extend_schema(parameters=[AR, OpenApiParameter("insats", int)])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.beviljande_create(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    @extend_schema(parameters=[AR], responses=InsatsBeviljatPerArSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="per-ar", pagination_class=None)
    def per_ar(self, request: Request) -> Response:
        """Granted amount per intervention for one year (summed over every decision)."""
        ar = _int(request.query_params.get("ar")) or timezone.localdate().year
        summor = beviljat_per_ar(self.kontext.forbund, ar)
        namn = dict(Insats.objects.filter(forbund=self.kontext.forbund, pk__in=list(summor)).values_list("pk", "kortnamn"))
        rader = [{"insats": k, "kortnamn": namn[k], "belopp": v} for k, v in sorted(summor.items(), key=lambda x: namn[x[0]])]
        return Response(InsatsBeviljatPerArSerializer(rader, many=True).data)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("insats", int, description="Bara mål för denna insats (id).")]))
class MalViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Mal]):
    """Goals with their yearly assessments. Filter with ?insats=."""

    queryset = (
        Mal.objects.select_related("insats")
        .prefetch_related(Prefetch("bedomningar", queryset=Malbedomning.objects.order_by("ar")))
        .order_by(svensk("insats__kortnamn"), "ordning", "id")
    )
    serializer_class = InsatsMalSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        if (insats := _int(self.request.query_params.get("insats"))) is not None:
            qs = qs.filter(insats_id=insats)
        return qs

    def perform_create(self, serializer: Any) -> None:
        d = dict(serializer.validated_data)
        serializer.instance = services.mal_create(insats=d.pop("insats"), aktor=self.request.user, **d)

    @extend_schema(request=InsatsMalbedomningSerializer, responses=InsatsMalbedomningSerializer)
    @action(detail=True, methods=["post"])
    def bedomning(self, request: Request, pk: str | None = None) -> Response:
        """Create or replace the assessment of the goal for a year."""
        s = InsatsMalbedomningSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = services.malbedomning_spara(mal=self.get_object(), aktor=request.user, **s.validated_data)
        return Response(InsatsMalbedomningSerializer(obj).data)


class RapportViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Rapport]):
    """Reports due from interventions. ?forsenade=1 lists overdue reports only."""

    queryset = (
        Rapport.objects.select_related("insats")
        .prefetch_related(Prefetch("versioner", queryset=Rapportversion.objects.order_by("-version")))
        .order_by("forfallodatum", svensk("insats__kortnamn"))
    )
    serializer_class = InsatsRapportSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        if self.request.query_params.get("forsenade") in {"1", "true", "ja"}:
            qs = cast(RapportQuerySet, qs).forsenade()
        return qs

    @extend_schema(parameters=[OpenApiParameter("forsenade", bool)])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        d = dict(serializer.validated_data)
        serializer.instance = services.rapport_create(insats=d.pop("insats"), aktor=self.request.user, **d)

    @extend_schema(request={"multipart/form-data": InsatsRapportUppladdningSerializer}, responses={201: InsatsRapportSerializer})
    @action(detail=True, methods=["post"])
    def version(self, request: Request, pk: str | None = None) -> Response:
        """Upload a new version of the report (multipart: fil, kommentar)."""
        s = InsatsRapportUppladdningSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        rapport = self.get_object()
        services.rapportversion_ladda_upp(rapport=rapport, aktor=request.user, **s.validated_data)
        return Response(
            InsatsRapportSerializer(self.get_queryset().get(pk=rapport.pk), context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class MalnodViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Malnod]):
    """The goal tree (vision, övergripande mål, delmål) with the assessments per year; the same services as the page."""

    queryset = (
        Malnod.objects.select_related("insats")
        .prefetch_related(Prefetch("bedomningar", queryset=Malnodbedomning.objects.order_by("ar")))
        .order_by("ordning", "id")
    )
    serializer_class = InsatsMalnodSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.malnod_skapa(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    @extend_schema(request=InsatsMalnodArSerializer, responses=InsatsMalnodbedomningSerializer)
    @action(detail=True, methods=["post"])
    def forslag(self, request: Request, pk: str | None = None) -> Response:
        """Measure the goal for the year and store the proposed assessment."""
        s = InsatsMalnodArSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = services.malnod_bedomning_foresla(malnod=self.get_object(), aktor=request.user, ar=s.validated_data["ar"])
        return Response(InsatsMalnodbedomningSerializer(obj).data)

    @extend_schema(
        request=InsatsMalnodBekraftaSerializer, responses=InsatsMalnodbedomningSerializer, description="Kräver behörigheten insatser.besluta."
    )
    @action(detail=True, methods=["post"])
    def bedomning(self, request: Request, pk: str | None = None) -> Response:
        """The förbundschef's assessment of the year, with a comment."""
        self.kontext.kraver(BESLUTA)
        nod = self.get_object()
        s = InsatsMalnodBekraftaSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = services.malnod_bedomning_bekrafta(malnod=nod, aktor=request.user, **s.validated_data)
        return Response(InsatsMalnodbedomningSerializer(obj).data)

    @extend_schema(request=InsatsIndikatorvardeSerializer, responses=InsatsIndikatorvardeSerializer)
    @action(detail=True, methods=["post"])
    def indikator(self, request: Request, pk: str | None = None) -> Response:
        """Enter the indicator value of a goal measured by an indicator, for a year."""
        s = InsatsIndikatorvardeSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = services.indikatorvarde_spara(malnod=self.get_object(), aktor=request.user, **s.validated_data)
        return Response(InsatsIndikatorvardeSerializer(obj).data)
