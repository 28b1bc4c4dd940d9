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

from finsam import selectors
from finsam.documents.services import dokument_bestall, dokument_forsok_igen, dokument_kontrollera_nedladdning
from finsam.models import Dokument, Forbund, Handelse, Medlem, Person
from finsam.tenancy import roller_for_user
from finsam.web import fil_svar

from .base import ForbundMixin, aktuell
from .serializers import (
    DokumentSerializer,
    ForbundSerializer,
    HandelseSerializer,
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


class MedlemViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Medlem]):
    queryset = Medlem.objects.all()
    serializer_class = MedlemSerializer
    behorighet_las = "forbund.visa"


class PersonViewSet(ForbundMixin, viewsets.ReadOnlyModelViewSet[Person]):
    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    behorighet_las = "forbund.visa"


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
