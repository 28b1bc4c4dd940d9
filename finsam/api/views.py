from __future__ import annotations

from typing import Any

from django.http import Http404
from django.http.response import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from finsam import selectors, services
from finsam.documents.services import dokument_bestall, dokument_forsok_igen, dokument_kontrollera_nedladdning
from finsam.models import Dokument, Forbund, Handelse, Medlem, Person
from finsam.tenancy import roller_for_user
from finsam.web import fil_svar

from .base import ForbundMixin, aktuell
from .serializers import (
    DokumentSerializer,
    ForbundSerializer,
    HandelseSerializer,
    MedlemAndraSerializer,
    MedlemSerializer,
    OrganisationsbladInSerializer,
    PersonSerializer,
)


class MinaForbundView(generics.ListAPIView[Forbund]):
    """The förbund the user has a role in. Choose one with the header X-Forbund: <slug>."""

    permission_classes = [IsAuthenticated]
    serializer_class = ForbundSerializer
    behorighet = "login"

    def get_queryset(self) -> list[Forbund]:  # type: ignore[override]
        forbund = []
        for roll in roller_for_user(self.request.user):
            f = roll.forbund
            f.roll = roll.roll  # type: ignore[attr-defined]
            forbund.append(f)
        return forbund


class MedlemViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet[Medlem]
):
    """The förbund's member organisations. POST adds one, PATCH changes name, code, order or org. number (the type is fixed).
    Writes go through the same services as the pages under /forvaltning/medlemmar/ and are audited."""

    queryset = Medlem.objects.order_by("ordning", "namn", "pk")
    serializer_class = MedlemSerializer
    behorighet_las, behorighet_skriv = "forbund.visa", "forbund.redigera"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.medlem_create(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    @extend_schema(request=MedlemAndraSerializer, responses=MedlemSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        inn = MedlemAndraSerializer(data=request.data, partial=True)
        inn.is_valid(raise_exception=True)
        medlem = services.medlem_update(medlem=self.get_object(), aktor=request.user, **inn.validated_data)
        return Response(MedlemSerializer(medlem).data)


class PersonViewSet(
    ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet[Person]
):
    """People of the förbund: board members, auditors and staff. POST adds one, PATCH changes details (audited, as the pages)."""

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    behorighet_las, behorighet_skriv = "forbund.visa", "forbund.redigera"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.person_create(forbund=self.kontext.forbund, aktor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer: Any) -> None:
        serializer.instance = services.person_andra(person=serializer.instance, aktor=self.request.user, **serializer.validated_data)


class HandelseViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Handelse]):
    queryset = Handelse.objects.all()
    serializer_class = HandelseSerializer
    behorighet_las = "handelse.visa"


class DokumentViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Dokument]):
    queryset = Dokument.objects.all()
    serializer_class = DokumentSerializer
    behorighet_las = "dokument.visa"
    behorighet_skriv = "dokument.skapa"

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        sida = self.paginate_queryset(selectors.dokument_lista(aktuell(request)))
        return self.get_paginated_response(DokumentSerializer(sida, many=True).data)

    def get_object(self) -> Dokument:
        obj: Dokument = super().get_object()
        dokument_kontrollera_nedladdning(self.kontext, obj)
        return obj

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="fil")
    def fil(self, request: Request, pk: str | None = None) -> HttpResponseBase:
        d = self.get_object()
        if d.status != Dokument.Status.KLAR or not d.fil:
            raise Http404("Dokumentet är inte klart.")
        return fil_svar(d.fil, content_type="application/pdf", filnamn=d.filnamn)

    @extend_schema(request=None, responses={202: DokumentSerializer})
    @action(detail=True, methods=["post"], url_path="forsok-igen")
    def forsok_igen(self, request: Request, pk: str | None = None) -> Response:
        d = dokument_forsok_igen(kontext=self.kontext, dokument=self.get_object(), aktor=request.user)
        d.refresh_from_db()
        return Response(DokumentSerializer(d).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(request=OrganisationsbladInSerializer, responses={202: DokumentSerializer})
    @action(detail=False, methods=["post"], url_path="organisationsblad")
    def organisationsblad(self, request: Request) -> Response:
        inp = OrganisationsbladInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        ar = inp.validated_data["ar"]
        d = dokument_bestall(
            forbund=self.kontext.forbund,
            aktor=request.user,
            typ="organisationsblad",
            titel=f"Organisationsblad {ar}",
            nyckel=f"organisationsblad:{ar}",
            parametrar={"ar": ar},
        )
        d.refresh_from_db()
        return Response(DokumentSerializer(d).data, status=status.HTTP_202_ACCEPTED)
