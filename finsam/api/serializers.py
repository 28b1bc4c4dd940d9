from __future__ import annotations

from typing import Any

from rest_framework import serializers

from finsam.models import Dokument, Forbund, Handelse, Medlem, Person


class ForbundSerializer(serializers.ModelSerializer[Forbund]):
    roll = serializers.CharField(read_only=True)

    class Meta:
        model = Forbund
        fields = ["id", "slug", "namn", "organisationsnummer", "roll"]


class MedlemSerializer(serializers.ModelSerializer[Medlem]):
    class Meta:
        model = Medlem
        fields = ["id", "namn", "typ", "kod", "organisationsnummer", "ordning", "epost"]
        validators: list[Any] = []  # uniqueness is the model's rule, checked in the service (the same for page and API)


class MedlemAndraSerializer(serializers.Serializer[dict[str, Any]]):
    namn = serializers.CharField(max_length=200, required=False)
    kod = serializers.CharField(max_length=40, required=False)
    ordning = serializers.IntegerField(min_value=0, max_value=32767, required=False)
    organisationsnummer = serializers.CharField(max_length=11, required=False, allow_blank=True)
    epost = serializers.EmailField(max_length=254, required=False, allow_blank=True)


class PersonSerializer(serializers.ModelSerializer[Person]):
    class Meta:
        model = Person
        fields = ["id", "namn", "efternamn", "epost", "telefon", "parti", "befattning", "organisation", "ar_personal", "tjanstgoringsgrad"]
        validators: list[Any] = []


class HandelseSerializer(serializers.ModelSerializer[Handelse]):
    class Meta:
        model = Handelse
        fields = ["id", "tidpunkt", "aktor_namn", "handling", "objekttyp", "objekt_id", "objekt_text", "andringar", "detaljer"]


class DokumentSerializer(serializers.ModelSerializer[Dokument]):
    ladda_ned = serializers.SerializerMethodField()

    class Meta:
        model = Dokument
        fields = [
            "id",
            "typ",
            "titel",
            "nyckel",
            "status",
            "framsteg",
            "framsteg_text",
            "fel",
            "sha256",
            "storlek",
            "sidor",
            "pdfa",
            "last",
            "bestalld",
            "klar",
            "ladda_ned",
        ]

    def get_ladda_ned(self, obj: Dokument) -> str | None:
        if obj.status != Dokument.Status.KLAR:
            return None
        return f"/api/dokument/{obj.pk}/fil/"


class OrganisationsbladInSerializer(serializers.Serializer[dict[str, int]]):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)
