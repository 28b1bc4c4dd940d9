"""ekonomi's API under /api/ekonomi/: the same services and selectors as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from finsam.api.base import ArFilterMixin, ForbundMixin, HarBehorighet, aktuell
from finsam.api.serializers import DokumentSerializer
from finsam.models import Medlem
from finsam.tenancy import hamta
from styrelse.models import Paragraf

from .. import selectors, services
from ..models import (
    Ansvarsfrihet,
    Bidragsavrundning,
    Bidragsjustering,
    Bokforingsjobb,
    Budget,
    Budgetrad,
    Kontointervall,
    Kontokoppling,
    Redovisningsimport,
    Revisionsberattelse,
    Tilldelning,
)
from ..rakenskaper.export import som_json
from ..selectors.budget import tabell_for
from ..selectors.uppfoljning import kvartalsuppfoljning
from ..services.importera import storlek_kontrollera
from . import serializers as s

LAS, SKRIV = "ekonomi.visa", "ekonomi.redigera"


class TilldelningViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Tilldelning]):
    """The year's allocation. POST creates or replaces the allocation of a year."""

    queryset = Tilldelning.objects.prefetch_related("kommunandelar").order_by("-ar")
    serializer_class = s.TilldelningSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    @extend_schema(request=s.TilldelningInSerializer, responses=s.TilldelningSerializer)
    def create(self, request: Request) -> Response:
        inn = s.TilldelningInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        d = inn.validated_data
        t = services.tilldelning_spara(
            forbund=self.kontext.forbund,
            aktor=request.user,
            ar=d["ar"],
            belopp=d["belopp"],
            invanare={int(k): v for k, v in d["invanare"].items()},
            kommentar=d["kommentar"],
        )
        return Response(s.TilldelningSerializer(t).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.MedlemsbidragSerializer, description="Fördelningen per medlem och kvartal.")
    @action(detail=True, methods=["get"])
    def fordelning(self, request: Request, pk: str) -> Response:
        t = self.get_object()
        return Response(s.MedlemsbidragSerializer(selectors.medlemsbidrag(self.kontext.forbund, t.ar)).data)


class BudgetViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Budget]):
    queryset = Budget.objects.prefetch_related("rader").order_by("-ar", "-version")
    serializer_class = s.BudgetSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    @extend_schema(request=s.BudgetInSerializer, responses=s.BudgetSerializer)
    def create(self, request: Request) -> Response:
        inn = s.BudgetInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        b = services.budget_skapa(forbund=self.kontext.forbund, aktor=request.user, ar=inn.validated_data["ar"])
        return Response(s.BudgetSerializer(b).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=OpenApiTypes.OBJECT, description="Budgetåret och två planår per rad, i kronor (kostnader negativa).")
    @action(detail=True, methods=["get"])
    def tabell(self, request: Request, pk: str) -> Response:
        b = self.get_object()

        return Response(som_json(tabell_for(b, list(b.rader.order_by("ordning", "id")))))

    @extend_schema(request=s.BudgetradInSerializer, responses=s.BudgetradSerializer)
    @action(detail=True, methods=["post"])
    def rader(self, request: Request, pk: str) -> Response:
        b = self.get_object()
        inn = s.BudgetradInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        d = dict(inn.validated_data)
        rad = hamta(Budgetrad.objects.all(), self.kontext.forbund, pk=d.pop("id"), budget=b) if "id" in d else None
        rad = services.budgetrad_spara(budget=b, aktor=request.user, rad=rad, **d)
        return Response(s.BudgetradSerializer(rad).data)

    @extend_schema(request=None, responses=s.BudgetSerializer)
    @action(detail=True, methods=["post"])
    def fyll(self, request: Request, pk: str) -> Response:
        b = services.budget_fyll(budget=self.get_object(), aktor=request.user)
        return Response(s.BudgetSerializer(b).data)

    @extend_schema(request=s.FaststallInSerializer, responses=s.BudgetSerializer)
    @action(detail=True, methods=["post"])
    def faststall(self, request: Request, pk: str) -> Response:
        inn = s.FaststallInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        paragraf = Paragraf.objects.filter(forbund=self.kontext.forbund, pk=inn.validated_data["paragraf"]).select_related("sammantrade").first()
        b = services.budget_faststall(budget=self.get_object(), aktor=request.user, paragraf=paragraf)
        return Response(s.BudgetSerializer(b).data)

    @extend_schema(request=None, responses={201: s.BudgetSerializer})
    @action(detail=True, methods=["post"], url_path="ny-version")
    def ny_version(self, request: Request, pk: str) -> Response:
        b = services.budget_ny_version(budget=self.get_object(), aktor=request.user)
        return Response(s.BudgetSerializer(b).data, status=status.HTTP_201_CREATED)


class ImportViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Redovisningsimport]):
    """Bookkeeping imports. POST a SIE type 4 file (or a CSV trial balance) as multipart/form-data."""

    queryset = Redovisningsimport.objects.order_by("-ar")
    serializer_class = s.RedovisningsimportSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={"multipart/form-data": s.BokforingImportInSerializer},
        responses={202: s.BokforingsjobbSerializer},
        description=(
            "Läser och kontrollerar filen direkt (teckenkodning, #KSUMMA, struktur, varje verifikation): en felaktig fil avvisas "
            "med 400 och raden som är fel. Sedan sparas den som ett jobb i bakgrunden; följ det på /api/ekonomi/importjobb/{id}/."
        ),
    )
    def create(self, request: Request) -> Response:
        inn = s.BokforingImportInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        d = inn.validated_data
        storlek_kontrollera(d["fil"].size)
        jobb = services.bokforing_import_starta(
            forbund=self.kontext.forbund,
            aktor=request.user,
            data=d["fil"].read(),
            filnamn=d["fil"].name,
            kalla=d["kalla"],
            ar=d.get("ar"),
            tom=d.get("tom"),
            ersatt=d["ersatt"],
            tillagg=d["tillagg"],
        )
        return Response(s.BokforingsjobbSerializer(jobb).data, status=status.HTTP_202_ACCEPTED)


class BokforingsjobbViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Bokforingsjobb]):
    """Import jobs with status and progress; POST …/bekrafta/ confirms replacing a year (or adding a SIE 4I file)."""

    queryset = Bokforingsjobb.objects.defer("data").order_by("-skapad", "-id")
    serializer_class = s.BokforingsjobbSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    @extend_schema(request=None, responses={202: s.BokforingsjobbSerializer})
    @action(detail=True, methods=["post"])
    def bekrafta(self, request: Request, pk: str) -> Response:
        jobb = services.bokforing_jobb_bekrafta(jobb=self.get_object(), aktor=request.user)
        jobb.refresh_from_db()
        return Response(s.BokforingsjobbSerializer(jobb).data, status=status.HTTP_202_ACCEPTED)


class KontointervallViewSet(
    ForbundMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[Kontointervall],
):
    queryset = Kontointervall.objects.order_by("fran")
    serializer_class = s.KontointervallSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.kontointervall_spara(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance: Kontointervall) -> None:
        services.kontointervall_ta_bort(intervall=instance, aktor=self.request.user)


class KontokopplingViewSet(
    ForbundMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[Kontokoppling],
):
    queryset = Kontokoppling.objects.order_by("fran")
    serializer_class = s.KontokopplingSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.kontokoppling_spara(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance: Kontokoppling) -> None:
        services.kontokoppling_ta_bort(koppling=instance, aktor=self.request.user)


class RevisionsberattelseViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Revisionsberattelse]
):
    """Auditors' reports: every role with ekonomi.visa reads; an auditor (revision.redigera) records one."""

    queryset = (
        Revisionsberattelse.objects.select_related("revisor_uppdrag__person", "revisor_uppdrag__utsedd_av")
        .prefetch_related("revisor_uppdrag__granskar")
        .order_by("-ar", "revisor_uppdrag__utsedd_av__ordning", "pk")
    )
    serializer_class = s.RevisionsberattelseSerializer
    behorighet_las, behorighet_skriv = LAS, "revision.redigera"
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.revisionsberattelse_spara(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)


class AnsvarsfrihetViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Ansvarsfrihet]
):
    """Members' decisions on discharge per year; POST records (or replaces) a member's decision."""

    queryset = Ansvarsfrihet.objects.select_related("medlem").order_by("-ar", "medlem__ordning")
    serializer_class = s.AnsvarsfrihetSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def perform_create(self, serializer: Any) -> None:
        d = dict(serializer.validated_data)
        medlem: Medlem = d.pop("medlem")
        if medlem.forbund_id != self.kontext.forbund.pk:
            raise ValidationError({"medlem": "Finns inte i förbundet."})
        serializer.instance = services.ansvarsfrihet_spara(forbund=self.kontext.forbund, aktor=self.request.user, medlem=medlem, **d)


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("ar", int, description="Bara detta år")]))
class BidragsavrundningViewSet(
    ArFilterMixin, ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Bidragsavrundning]
):
    """The rounding rule of the invoiced member shares per year; POST records (or replaces) a year's rule. A rule other
    than to the krona needs a § of a held meeting. The same service as the page."""

    queryset = Bidragsavrundning.objects.select_related("paragraf").order_by("-ar")
    serializer_class = s.BidragsavrundningSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def perform_create(self, serializer: Any) -> None:
        d = serializer.validated_data
        serializer.instance = services.bidragsavrundning_spara(
            forbund=self.kontext.forbund,
            aktor=self.request.user,
            ar=d["ar"],
            regel=d["regel"],
            paragraf=d.get("paragraf"),
            forklaring=d.get("forklaring", ""),
        )


@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("ar", int, description="Bara detta år")]))
class BidragsjusteringViewSet(
    ArFilterMixin, ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Bidragsjustering]
):
    """Explained adjustments of one member's invoiced share, adopted by a § of a held meeting. The same service as the page."""

    queryset = Bidragsjustering.objects.select_related("medlem", "paragraf").order_by("-ar", "medlem__ordning", "id")
    serializer_class = s.BidragsjusteringSerializer
    behorighet_las, behorighet_skriv = LAS, SKRIV

    def perform_create(self, serializer: Any) -> None:
        d = serializer.validated_data
        serializer.instance = services.bidragsjustering_spara(
            forbund=self.kontext.forbund,
            aktor=self.request.user,
            ar=d["ar"],
            medlem=d["medlem"],
            belopp=d["belopp"],
            forklaring=d.get("forklaring", ""),
            paragraf=d.get("paragraf"),
        )


class RakenskaperView(APIView):
    """The annual accounts of a year: statements, notes, budget comparison, equity, balanskrav and `avstamning`."""

    permission_classes = [HarBehorighet]
    behorighet_las = LAS
    behorighet_skriv = SKRIV

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT})
    def get(self, request: Request, ar: int) -> Response:
        data = selectors.rakenskaper(aktuell(request).forbund, ar)
        if not data["finns"]:  # a year without accounts is not a year of zeros
            raise NotFound({"ar": f"Det finns ingen bokföring för {ar} i förbundet."})
        return Response(som_json(data))


class RakenskaperPdfView(APIView):
    """Order the accounts of a year as PDF (rendered in the background; poll /api/dokument/{id}/). Needs `dokument.skapa`."""

    permission_classes = [HarBehorighet]
    behorighet_las = LAS
    behorighet_skriv = "dokument.skapa"  # ordering replaces the document's draft

    @extend_schema(request=None, responses={202: DokumentSerializer})
    def post(self, request: Request, ar: int) -> Response:
        d = services.rakenskaper_bestall(forbund=aktuell(request).forbund, aktor=request.user, ar=ar)
        d.refresh_from_db()
        return Response(DokumentSerializer(d).data, status=status.HTTP_202_ACCEPTED)


class UppfoljningView(APIView):
    """The quarterly follow-up of a year; POST saves the full-year forecast and comments per budget line."""

    permission_classes = [HarBehorighet]
    behorighet_las = LAS
    behorighet_skriv = SKRIV

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT})
    def get(self, request: Request, ar: int, kvartal: int) -> Response:
        if kvartal not in (1, 2, 3, 4):
            raise NotFound({"kvartal": "Kvartalet ska vara 1–4."})
        data = kvartalsuppfoljning(aktuell(request).forbund, ar, kvartal)
        if data["budget"] is None and data["import"] is None and data["uppfoljning"] is None:
            raise NotFound({"ar": f"Det finns varken budget eller bokföring för {ar} i förbundet."})
        data.pop("import")
        data.pop("uppfoljning")
        return Response(som_json(data))

    @extend_schema(request=s.PrognosInSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, ar: int, kvartal: int) -> Response:
        inn = s.PrognosInSerializer(data=request.data)
        inn.is_valid(raise_exception=True)
        rader = {r["nyckel"]: (r["prognos"], r["kommentar"]) for r in inn.validated_data["rader"]}
        services.prognos_spara(
            forbund=aktuell(request).forbund,
            aktor=request.user,
            ar=ar,
            kvartal=kvartal,
            rader=rader,
            sammanfattning=inn.validated_data["sammanfattning"],
        )
        return self.get(request, ar, kvartal)
