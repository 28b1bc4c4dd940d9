"""API input and output of the reports app."""

from __future__ import annotations

from rest_framework import serializers

from finsam.api.serializers import DokumentSerializer

from ..models import Forbundsmal, Rapport, Rapporttext, RapportTyp
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
