"""Board API. Reads are scoped to the förbund; every write goes through the same services as the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from finsam.api.base import ForbundMixin
from finsam.models import Person
from finsam.tenancy import hamta
from forvaltning.models import Delegationsrad

from .. import selectors, services
from ..models import Anslag, Arende, Bilaga, Delegationsbeslut, Handling, Handlingstyp, Mandat, Narvaro, Paragraf, Sammantrade, Uppdrag
from . import serializers as s


class SammantradeViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Sammantrade]
):
    """Meetings with agenda (dagordning), attendance (narvaro), decisions (beslut), notice, justering and posting."""

    queryset = Sammantrade.objects.all()
    behorighet_las = "styrelse.visa"

    @property
    def behorighet_skriv(self) -> str:  # type: ignore[override]
        return "styrelse.justera" if getattr(self, "action", "") == "justering" else "styrelse.redigera"

    def get_queryset(self) -> QuerySet[Sammantrade]:
        qs = super().get_queryset().order_by("-datum")
        if self.action == "retrieve":
            qs = qs.prefetch_related(
                Prefetch(
                    "arenden",
                    queryset=Arende.objects.select_related("paragraf")
                    .prefetch_related(Prefetch("bilagor", queryset=Bilaga.objects.order_by("nummer")))
                    .order_by("ordning"),
                ),
                Prefetch("narvaro", queryset=Narvaro.objects.select_related("person", "ersatter__person")),
                "justerare",
            )
        return qs

    def get_serializer_class(self) -> Any:
        return s.SammantradeDetaljSerializer if self.action == "retrieve" else s.SammantradeSerializer

    def _mote(self) -> Sammantrade:
        return self.get_object()

    def _svar(self, mote: Sammantrade, kod: int = status.HTTP_200_OK) -> Response:
        mote = self.get_queryset().model.objects.get(pk=mote.pk)
        return Response(s.SammantradeSerializer(mote).data, status=kod)

    @extend_schema(request=s.SammantradeInSerializer, responses={201: s.SammantradeSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = s.SammantradeInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = dict(inp.validated_data)
        kopia_id = d.pop("kopiera_fran", None)
        kopia = hamta(Sammantrade.objects.all(), self.kontext.forbund, pk=kopia_id) if kopia_id else None
        mote = services.sammantrade_planera(forbund=self.kontext.forbund, aktor=request.user, kopiera_fran=kopia, **d)
        return self._svar(mote, status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], responses=s.ArendeSerializer(many=True))
    @extend_schema(methods=["POST"], request=s.ArendeInSerializer, responses={201: s.ArendeSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def dagordning(self, request: Request, pk: str | None = None) -> Response:
        mote = self._mote()
        if request.method == "POST":
            inp = s.ArendeInSerializer(data=request.data)
            inp.is_valid(raise_exception=True)
            a = services.arende_skapa(sammantrade=mote, aktor=request.user, **inp.validated_data)
            return Response(s.ArendeSerializer(a).data, status=status.HTTP_201_CREATED)
        arenden = Arende.objects.filter(sammantrade=mote).select_related("paragraf").prefetch_related("bilagor").order_by("ordning")
        return Response(s.ArendeSerializer(arenden, many=True).data)

    @extend_schema(methods=["GET"], responses=s.NarvaroSerializer(many=True))
    @extend_schema(methods=["POST"], request=s.NarvaroInSerializer, responses={201: s.NarvaroSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def narvaro(self, request: Request, pk: str | None = None) -> Response:
        mote = self._mote()
        if request.method == "POST":
            inp = s.NarvaroInSerializer(data=request.data)
            inp.is_valid(raise_exception=True)
            d = dict(inp.validated_data)
            person = hamta(Person.objects.all(), self.kontext.forbund, pk=d.pop("person"))
            ersatter_id = d.pop("ersatter", None)
            ersatter = hamta(Mandat.objects.select_related("person", "medlem"), self.kontext.forbund, pk=ersatter_id) if ersatter_id else None
            n = services.narvaro_registrera(sammantrade=mote, aktor=request.user, person=person, ersatter=ersatter, **d)
            return Response(s.NarvaroSerializer(n).data, status=status.HTTP_201_CREATED)
        return Response(s.NarvaroSerializer(Narvaro.objects.filter(sammantrade=mote).select_related("person", "ersatter__person"), many=True).data)

    @extend_schema(request=s.BeslutInSerializer, responses={201: s.ParagrafSerializer})
    @action(detail=True, methods=["post"])
    def beslut(self, request: Request, pk: str | None = None) -> Response:
        mote = self._mote()
        inp = s.BeslutInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = inp.validated_data
        arende = hamta(Arende.objects.all(), self.kontext.forbund, pk=d["arende"], sammantrade=mote)
        justerare = [hamta(Person.objects.all(), self.kontext.forbund, pk=pid) for pid in d["justerare"]]
        p = services.beslut_fatta(
            sammantrade=mote,
            arende=arende,
            aktor=request.user,
            text=d["text"],
            beslut=d["beslut"],
            rubrik=d["rubrik"],
            roster={r["person"]: r["val"] for r in d["roster"] if r["val"]},
            reservationer={r["person"]: r["reservation"] for r in d["roster"] if r["reservation"]},
            anteckningar={r["person"]: r["anteckning"] for r in d["roster"] if r["anteckning"]},
            utfall=d["utfall"],
            motforslag=d["motforslag"],
            motivering=d["motivering"],
            propositionsordning=d["propositionsordning"],
            yrkanden=[dict(y) for y in d["yrkanden"]],
            justerare=justerare or None,
            omedelbar_justering=d["omedelbar_justering"],
        )
        return Response(s.ParagrafSerializer(p).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={202: s.SammantradeSerializer})
    @action(detail=True, methods=["post"])
    def kallelse(self, request: Request, pk: str | None = None) -> Response:
        """Send the notice (PDF + .ics) by e-mail to ledamöter, ersättare and staff."""
        mote = self._mote()
        services.kallelse_skicka(sammantrade=mote, aktor=request.user)
        return self._svar(mote, status.HTTP_202_ACCEPTED)

    @extend_schema(request=None, responses={202: s.SammantradeSerializer})
    @action(detail=True, methods=["post"], url_path="kalender")
    def kalender(self, request: Request, pk: str | None = None) -> Response:
        """Send the changed time or place to the notice's recipients (same UID, higher SEQUENCE)."""
        mote = self._mote()
        services.kalender_uppdatering_skicka(sammantrade=mote, aktor=request.user)
        return self._svar(mote, status.HTTP_202_ACCEPTED)

    @extend_schema(request=None, responses=s.SammantradeSerializer)
    @action(detail=True, methods=["post"], url_path="stall-in")
    def stall_in(self, request: Request, pk: str | None = None) -> Response:
        """Cancel a meeting without decisions; the notice's recipients get METHOD:CANCEL."""
        mote = self._mote()
        services.sammantrade_stall_in(sammantrade=mote, aktor=request.user)
        return self._svar(mote)

    @extend_schema(request=None, responses=s.SammantradeSerializer)
    @action(detail=True, methods=["post"])
    def avsluta(self, request: Request, pk: str | None = None) -> Response:
        mote = self._mote()
        services.mote_avsluta(sammantrade=mote, aktor=request.user)
        return self._svar(mote)

    @extend_schema(request=s.JusteringInSerializer, responses=s.SammantradeSerializer)
    @action(detail=True, methods=["post"])
    def justering(self, request: Request, pk: str | None = None) -> Response:
        mote = self._mote()
        inp = s.JusteringInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        person = hamta(Person.objects.all(), self.kontext.forbund, pk=inp.validated_data["person"])
        services.justering_bekrafta(
            sammantrade=mote,
            kontext=self.kontext,
            aktor=request.user,
            person=person,
            roll=inp.validated_data["roll"],
            plats=inp.validated_data["plats"],
            autentisering={"losenord": inp.validated_data["losenord"]},
            begaran=request._request,
        )
        return self._svar(mote)

    @extend_schema(request=s.AnslagInSerializer, responses={201: s.AnslagSerializer})
    @action(detail=True, methods=["post"])
    def anslag(self, request: Request, pk: str | None = None) -> Response:
        mote = self._mote()
        inp = s.AnslagInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        a = services.anslag_registrera(sammantrade=mote, aktor=request.user, **inp.validated_data)
        return Response(s.AnslagSerializer(a).data, status=status.HTTP_201_CREATED)


class BeslutViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Paragraf]):
    """Decisions (paragraphs). Search with ?q=, ?ar=, ?nummer=, ?insats=. POST …/expediera/ sends a protokollsutdrag."""

    queryset = Paragraf.objects.all()
    serializer_class = s.ParagrafSerializer
    behorighet_las = "styrelse.visa"
    behorighet_skriv = "styrelse.redigera"

    @extend_schema(request=s.ExpedieringInSerializer, responses={202: s.ExpedieringSerializer(many=True)})
    @action(detail=True, methods=["post"], pagination_class=None)
    def expediera(self, request: Request, pk: str | None = None) -> Response:
        p = hamta(Paragraf.objects.all(), self.kontext.forbund, pk=pk)
        inp = s.ExpedieringInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        rader = services.utdrag_expediera(
            paragraf=p, aktor=request.user, mottagare=[("", e) for e in inp.validated_data["mottagare"]], meddelande=inp.validated_data["meddelande"]
        )
        return Response(s.ExpedieringSerializer(rader, many=True).data, status=status.HTTP_202_ACCEPTED)

    def get_queryset(self) -> QuerySet[Paragraf]:
        p = self.request.query_params

        def tal(namn: str) -> int | None:
            v = p.get(namn, "")
            return int(v) if v.isdigit() else None

        return selectors.beslut_sok(
            self.kontext.forbund, q=p.get("q", ""), ar=tal("ar"), nummer=tal("nummer"), insats=tal("insats")
        ).prefetch_related("roster__person")

    @extend_schema(
        parameters=[OpenApiParameter("q", str), OpenApiParameter("ar", int), OpenApiParameter("nummer", int), OpenApiParameter("insats", int)]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("status", str, description="Bara uppdrag med denna status.")]))
class UppdragViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Uppdrag]):
    """Assignments from decisions; ?status=oppet for open ones. POST registers an assignment by hand."""

    queryset = Uppdrag.objects.all()
    serializer_class = s.UppdragSerializer
    behorighet_las = "styrelse.visa"
    behorighet_skriv = "styrelse.redigera"

    @extend_schema(request=s.UppdragInSerializer, responses={201: s.UppdragSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = s.UppdragInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = inp.validated_data
        f = self.kontext.forbund
        u = services.uppdrag_skapa(
            forbund=f,
            aktor=request.user,
            paragraf=hamta(Paragraf.objects.select_related("sammantrade"), f, pk=d["paragraf"]),
            text=d["text"],
            ansvarig=hamta(Person.objects.all(), f, pk=d["ansvarig"]) if d.get("ansvarig") else None,
            ansvarig_text=d["ansvarig_text"],
            aterrapport=hamta(Sammantrade.objects.all(), f, pk=d["aterrapport"]) if d.get("aterrapport") else None,
        )
        return Response(s.UppdragSerializer(u).data, status=status.HTTP_201_CREATED)

    def get_queryset(self) -> QuerySet[Uppdrag]:
        qs = selectors.uppdrag_lista(self.kontext.forbund, bara_oppna=False)
        st = self.request.query_params.get("status")
        return qs.filter(status=st) if st else qs


class DelegationsbeslutViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Delegationsbeslut]
):
    queryset = Delegationsbeslut.objects.all()
    serializer_class = s.DelegationsbeslutSerializer
    behorighet_las = "styrelse.visa"
    behorighet_skriv = "styrelse.redigera"

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = s.DelegationsbeslutSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = dict(inp.validated_data)
        f = self.kontext.forbund
        d["delegation"] = hamta(Delegationsrad.objects.select_related("ordning"), f, pk=d["delegation"].pk)
        d["delegat"] = hamta(Person.objects.all(), f, pk=d["delegat"].pk)
        obj = services.delegationsbeslut_registrera(forbund=f, aktor=request.user, **d)
        return Response(s.DelegationsbeslutSerializer(obj).data, status=status.HTTP_201_CREATED)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("q", str, description="Sök i rubrik, motpart och ärende.")]))
class DiariumViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Handling]):
    """The diarium (files are downloaded from the page; secret files only with diarium.sekretess)."""

    queryset = Handling.objects.all()
    serializer_class = s.HandlingSerializer
    behorighet_las = "diarium.visa"
    behorighet_skriv = "diarium.redigera"

    def get_queryset(self) -> QuerySet[Handling]:
        return selectors.diarium(self.kontext, q=self.request.query_params.get("q", ""))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inp = s.HandlingSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = dict(inp.validated_data)
        f = self.kontext.forbund
        d["handlingstyp"] = hamta(Handlingstyp.objects.all(), f, pk=d["handlingstyp"].pk)
        d["paragrafer"] = [hamta(Paragraf.objects.all(), f, pk=p.pk) for p in d.get("paragrafer", [])]
        h = services.handling_registrera(forbund=f, aktor=request.user, **d)
        return Response(s.HandlingSerializer(h).data, status=status.HTTP_201_CREATED)


# filters of the list, documented so that the API accepts exactly them (finsam.granser)
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("aktuella", bool, description="Bara anslag som sitter uppe i dag.")]))
class AnslagViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Anslag]):
    """The förbund's postings; ?aktuella=1 for those on the notice board today (public page: /anslagstavla/)."""

    queryset = Anslag.objects.all()
    serializer_class = s.AnslagSerializer
    behorighet_las = "styrelse.visa"

    def get_queryset(self) -> QuerySet[Anslag]:
        qs = super().get_queryset().select_related("sammantrade")
        if self.request.query_params.get("aktuella"):
            idag = timezone.localdate()
            qs = qs.filter(uppsatt__lte=idag, nedtas__gte=idag)
        return qs.order_by("-uppsatt")
