from __future__ import annotations

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
        fields = ["id", "namn", "typ", "kod", "organisationsnummer", "ordning"]


class PersonSerializer(serializers.ModelSerializer[Person]):
    class Meta:
        model = Person
        fields = ["id", "namn", "epost", "parti", "befattning", "organisation", "ar_personal"]


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
