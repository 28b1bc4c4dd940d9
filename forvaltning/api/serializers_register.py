"""Input and output of the delegation order, records plan and gallring API; rules live in the models and services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from finsam.models import Person
from styrelse.models import Paragraf

from ..arkivtyper import arkivtyper
from ..models import Delegationsordning, Delegationsrad, Gallring, Gallringsstopp, Planrad, Prisbasbelopp


class DelegationsradSerializer(serializers.ModelSerializer[Delegationsrad]):
    delegat = serializers.CharField(read_only=True, help_text="Delegaten i klartext (roll eller person).")
    ersattare = serializers.CharField(read_only=True)
    grans_text = serializers.CharField(read_only=True)

    class Meta:
        model = Delegationsrad
        fields = [
            "id",
            "ordning",
            *Delegationsrad.SKRIVBARA_FALT,
            "delegat",
            "ersattare",
            "grans_text",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kontext = self.context.get("kontext")
        if kontext is not None:
            f = kontext.forbund
            self.fields["ordning"].queryset = Delegationsordning.objects.filter(forbund=f)  # type: ignore[attr-defined]
            self.fields["delegat_person"].queryset = Person.objects.filter(forbund=f)  # type: ignore[attr-defined]
            self.fields["ersattare_person"].queryset = Person.objects.filter(forbund=f)  # type: ignore[attr-defined]


class DelegationsordningSerializer(serializers.ModelSerializer[Delegationsordning]):
    rader = DelegationsradSerializer(many=True, read_only=True)
    beslut = serializers.CharField(source="beslut_text", read_only=True)

    class Meta:
        model = Delegationsordning
        fields = ["id", "rubrik", "status", "giltig_fran", "antagen_paragraf", "beslut", "anteckning", "rader"]
        read_only_fields = ["status", "giltig_fran", "antagen_paragraf", "anteckning"]


class AntaSerializer(serializers.Serializer[Any]):
    paragraf = serializers.PrimaryKeyRelatedField(queryset=Paragraf.objects.none(), allow_null=True, required=False)
    giltig_fran = serializers.DateField(allow_null=True, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kontext = self.context.get("kontext")
        if kontext is not None:
            self.fields["paragraf"].queryset = Paragraf.objects.filter(forbund=kontext.forbund)  # type: ignore[attr-defined]


class DelegationsimportSerializer(serializers.Serializer[Any]):
    fil = serializers.FileField(help_text="CSV eller XLSX med kolumnerna Ärende, Delegat, Beloppsgräns, Anmäls till styrelsen, Kommentar.")
    rubrik = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class PrisbasbeloppSerializer(serializers.ModelSerializer[Prisbasbelopp]):
    class Meta:
        model = Prisbasbelopp
        fields = ["ar", "belopp"]


class PlanradSerializer(serializers.ModelSerializer[Planrad]):
    produkttyper = serializers.ListField(
        child=serializers.ChoiceField(choices=[]), required=False, help_text="Nycklar för handlingar i Finsam, t.ex. dokument:styrelse_protokoll."
    )
    regel = serializers.CharField(read_only=True)
    tolkning = serializers.CharField(read_only=True)

    class Meta:
        model = Planrad
        fields = [
            "id",
            "nummer",
            "avsnitt",
            "handling",
            "media",
            "sortering",
            "forvaringsplats",
            "bevarande",
            "ar",
            "regel_text",
            "anmarkning",
            "produkttyper",
            "regel",
            "tolkning",
        ]
        validators: list[Any] = []  # the unique rows are refused by the model, in the service

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["produkttyper"].child.choices = list(arkivtyper())  # type: ignore[attr-defined]


class GallringSerializer(serializers.ModelSerializer[Gallring]):
    class Meta:
        model = Gallring
        fields = ["id", "nummer", "ar", "status", "foreslagen", "poster", "behalls", "utfall", "genomford", "genomford_av_namn", "protokoll"]
        read_only_fields = fields


class GallringsstoppSerializer(serializers.ModelSerializer[Gallringsstopp]):
    class Meta:
        model = Gallringsstopp
        fields = ["id", "arende", "orsak", "fran", "havt"]
        read_only_fields = ["havt"]
        extra_kwargs = {"fran": {"required": False}, "arende": {"allow_blank": True}, "orsak": {"allow_blank": True}}
