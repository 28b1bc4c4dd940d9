"""Input and output of the agreements API; rules live in the model and the services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from finsam.models import Medlem
from insatser.models import Insats
from styrelse.models import Delegationsbeslut, Paragraf

from ..models import Avtal, AvtalDokument


class AvtalDokumentSerializer(serializers.ModelSerializer[AvtalDokument]):
    class Meta:
        model = AvtalDokument
        fields = ["id", "titel", "uppladdad"]


class AvtalDokumentInSerializer(serializers.Serializer[Any]):
    fil = serializers.FileField(help_text="Dokumentet som PDF (multipart).")
    titel = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class AvtalSerializer(serializers.ModelSerializer[Avtal]):
    medlemmar = serializers.SlugRelatedField(
        slug_field="kod", many=True, queryset=Medlem.objects.none(), required=False, help_text='Medlemmarnas koder, t.ex. ["skelleftea"].'
    )
    sista_uppsagningsdag = serializers.SerializerMethodField()
    periodslut = serializers.SerializerMethodField()
    dokument = AvtalDokumentSerializer(many=True, read_only=True)

    class Meta:
        model = Avtal
        fields = [
            "id",
            *Avtal.SKRIVBARA_FALT,
            "status",
            "uppsagt_datum",
            "upphor_datum",
            "periodslut",
            "sista_uppsagningsdag",
            "dokument",
        ]
        read_only_fields = ["status", "uppsagt_datum", "upphor_datum"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kontext = self.context.get("kontext")
        if kontext is not None:
            f = kontext.forbund
            self.fields["medlemmar"].child_relation.queryset = Medlem.objects.filter(forbund=f)  # type: ignore[attr-defined]
            self.fields["paragraf"].queryset = Paragraf.objects.filter(forbund=f)  # type: ignore[attr-defined]
            self.fields["delegationsbeslut"].queryset = Delegationsbeslut.objects.filter(forbund=f)  # type: ignore[attr-defined]
            self.fields["insats"].queryset = Insats.objects.filter(forbund=f)  # type: ignore[attr-defined]

    def get_sista_uppsagningsdag(self, obj: Avtal) -> str | None:
        d = obj.sista_uppsagningsdag(self.context["idag"])
        return d.isoformat() if d else None

    def get_periodslut(self, obj: Avtal) -> str | None:
        d = obj.periodslut(self.context["idag"])
        return d.isoformat() if d else None

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return attrs  # the model's clean() runs in the service, the same for page and API


class UppsagningSerializer(serializers.Serializer[dict[str, Any]]):
    datum = serializers.DateField()
