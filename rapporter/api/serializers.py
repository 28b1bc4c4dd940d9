"""API input and output of the reports app."""

from __future__ import annotations

from rest_framework import serializers

from finsam.api.serializers import DokumentSerializer

from ..models import Forbundsmal, Planavsnitt, Rapport, Rapporttext, RapportTyp
from ..services import MAX_TEXT


class RapportSerializer(serializers.ModelSerializer[Rapport]):
    dokument = DokumentSerializer(read_only=True)
    beslut = serializers.SerializerMethodField()

    class Meta:
        model = Rapport
        fields = ["id", "typ", "ar", "status", "dokument", "sammantrade", "slutlig_tid", "beslut", "faststalld_tid", "sha256"]

    def get_beslut(self, obj: Rapport) -> str | None:
        return str(obj.beslut) if obj.beslut_id else None


class RapportBestallSerializer(serializers.Serializer[None]):
    typ = serializers.ChoiceField(choices=RapportTyp.choices)
    ar = serializers.IntegerField(min_value=2000, max_value=2100)


class RapporttextSerializer(serializers.ModelSerializer[Rapporttext]):
    class Meta:
        model = Rapporttext
        fields = ["id", "typ", "ar", "sektion", "insats", "text", "andrad"]
        read_only_fields = ["id", "andrad"]


class RapporttextInSerializer(serializers.Serializer[None]):
    typ = serializers.ChoiceField(choices=RapportTyp.choices)
    ar = serializers.IntegerField(min_value=2000, max_value=2100)
    sektion = serializers.CharField(max_length=40)
    insats = serializers.IntegerField(required=False, allow_null=True)
    text = serializers.CharField(allow_blank=True, max_length=MAX_TEXT)


class ForbundsmalSerializer(serializers.ModelSerializer[Forbundsmal]):
    class Meta:
        model = Forbundsmal
        fields = ["id", "ar", "ordning", "mal", "slag", "utforande", "matbart", "ansvarig", "period", "bedomning", "kommentar"]
        read_only_fields = ["id"]


class PlanavsnittSerializer(serializers.ModelSerializer[Planavsnitt]):
    class Meta:
        model = Planavsnitt
        fields = [
            "id",
            "ar",
            "ordning",
            "nyckel",
            "rubrik",
            "slag",
            "text",
            "insats",
            "mal_text",
            "uppfoljning",
            "ledning",
            "implementering",
            "rader",
            "att_revidera",
            "andrad",
        ]
        read_only_fields = fields


class _PlanavsnittFalt(serializers.Serializer[None]):
    text = serializers.CharField(allow_blank=True, max_length=MAX_TEXT, required=False)
    insats = serializers.IntegerField(required=False, allow_null=True)
    mal_text = serializers.CharField(allow_blank=True, max_length=MAX_TEXT, required=False)
    uppfoljning = serializers.CharField(allow_blank=True, max_length=MAX_TEXT, required=False)
    ledning = serializers.CharField(allow_blank=True, max_length=MAX_TEXT, required=False)
    implementering = serializers.CharField(allow_blank=True, max_length=MAX_TEXT, required=False)
    rader = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=2000), max_length=10), required=False, max_length=200
    )


class PlanavsnittInSerializer(_PlanavsnittFalt):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)
    rubrik = serializers.CharField(max_length=200)
    slag = serializers.ChoiceField(choices=Planavsnitt.Slag.choices, required=False)


class PlanavsnittAndraSerializer(_PlanavsnittFalt):
    rubrik = serializers.CharField(max_length=200, required=False)


class PlanavsnittFlyttaSerializer(serializers.Serializer[None]):
    riktning = serializers.ChoiceField(choices=[("upp", "Upp"), ("ned", "Ned")])


class PlanStartaSerializer(serializers.Serializer[None]):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)


class PlanKopieraSerializer(serializers.Serializer[None]):
    fran_ar = serializers.IntegerField(min_value=2000, max_value=2100)
    till_ar = serializers.IntegerField(min_value=2000, max_value=2100)
