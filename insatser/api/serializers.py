"""API serializers for interventions, applications, grants, goals and reports. Writes go through the services."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from finsam.models import Medlem
from styrelse.models import Paragraf
from uppfoljning.models import Behovsanalys

from ..models import (
    Ansokan,
    AnsokanBelopp,
    Bemanning,
    Beviljande,
    Insats,
    Mal,
    Malbedomning,
    Malnod,
    Malnodbedomning,
    Medfinansiering,
    Rapport,
    Rapportversion,
)


class ForbundetsMedlem(serializers.SlugRelatedField):
    """A member by code (fk, af, region, skelleftea), looked up in the current förbund only."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="kod", **kwargs)

    def get_queryset(self) -> Any:
        kontext = self.context.get("kontext")
        return Medlem.objects.filter(forbund=kontext.forbund) if kontext else Medlem.objects.none()


@extend_schema_field(OpenApiTypes.INT)
class ForbundetsObjekt(serializers.PrimaryKeyRelatedField):
    def __init__(self, model: Any, **kwargs: Any) -> None:
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self) -> Any:
        kontext = self.context.get("kontext")
        return self.model.objects.filter(forbund=kontext.forbund) if kontext else self.model.objects.none()


class InsatsBemanningSerializer(serializers.ModelSerializer):
    medlem = serializers.CharField(source="medlem.kod", read_only=True)

    class Meta:
        model = Bemanning
        fields = ["id", "medlem", "funktion", "arsarbetare", "samlokaliserad", "betalas_av"]


class InsatsSerializer(serializers.ModelSerializer):
    parter = ForbundetsMedlem(many=True, required=False)
    agare_medlem = ForbundetsMedlem(required=False, allow_null=True)
    status = serializers.CharField(read_only=True)
    bemanning = InsatsBemanningSerializer(many=True, read_only=True)

    class Meta:
        model = Insats
        fields = [
            "id",
            "kortnamn",
            "namn",
            "typ",
            "inriktning",
            "status",
            "startdatum",
            "slutdatum",
            "agare_medlem",
            "agare_extern",
            "parter",
            "malgrupp",
            "alder_fran",
            "alder_till",
            "syfte",
            "styrgrupp",
            "kontaktperson",
            "bemanning",
        ]
        validators: list[Any] = []  # uniqueness per förbund is checked by the service


class InsatsStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Insats.Status.choices)


class InsatsAnsokanBeloppSerializer(serializers.ModelSerializer):
    class Meta:
        model = AnsokanBelopp
        fields = ["ar", "belopp"]


class InsatsMedfinansieringSerializer(serializers.ModelSerializer):
    class Meta:
        model = Medfinansiering
        fields = ["finansiar", "form", "ar", "belopp"]


class InsatsAnsokanSerializer(serializers.ModelSerializer):
    sokande = ForbundetsMedlem(many=True)
    ansvarig_medlem = ForbundetsMedlem(required=False, allow_null=True)
    belopp = InsatsAnsokanBeloppSerializer(many=True, help_text="Sökt belopp från förbundet per år.")
    medfinansiering = InsatsMedfinansieringSerializer(many=True, read_only=True)
    status = serializers.CharField(read_only=True)
    beslut = serializers.CharField(read_only=True)
    yttrande = serializers.CharField(read_only=True)
    paragraf: Any = serializers.PrimaryKeyRelatedField(read_only=True)
    insats: Any = serializers.PrimaryKeyRelatedField(read_only=True)
    behovsanalys: Any = ForbundetsObjekt(
        Behovsanalys, required=False, allow_null=True, help_text="Den fastställda behovsanalys (id) ansökan bygger på."
    )

    class Meta:
        model = Ansokan
        fields = [
            "id",
            *Ansokan.SOKANDENS_FALT,
            "belopp",
            "medfinansiering",
            "status",
            "yttrande",
            "beslut",
            "paragraf",
            "insats",
        ]


class InsatsBeredningSerializer(serializers.Serializer):
    yttrande = serializers.CharField(required=False, allow_blank=True, default="")


class InsatsBeslutSerializer(serializers.Serializer):
    paragraf = ForbundetsObjekt(Paragraf, help_text="Beslutsparagrafen (id) i styrelsens protokoll.")
    beslut = serializers.ChoiceField(choices=[c for c in Ansokan.Beslut.choices if c[0]])
    belopp = InsatsAnsokanBeloppSerializer(many=True, required=False, help_text="Beviljat belopp per år.")
    insats = ForbundetsObjekt(Insats, required=False, allow_null=True, help_text="Befintlig insats som får medlen.")
    ny_kortnamn = serializers.CharField(required=False, allow_blank=True, help_text="Kortnamn för en ny insats skapad från ansökan.")


class InsatsMedfinansieringInSerializer(serializers.Serializer):
    rader = InsatsMedfinansieringSerializer(many=True)


class InsatsBeviljandeSerializer(serializers.ModelSerializer):
    insats = ForbundetsObjekt(Insats)
    paragraf = ForbundetsObjekt(Paragraf)
    ansokan = ForbundetsObjekt(Ansokan, required=False, allow_null=True)
    kortnamn = serializers.CharField(source="insats.kortnamn", read_only=True)

    class Meta:
        model = Beviljande
        fields = ["id", "insats", "kortnamn", "ansokan", "paragraf", "ar", "belopp", "registrerad"]
        read_only_fields = ["registrerad"]
        validators: list[Any] = []


class InsatsBeviljatPerArSerializer(serializers.Serializer):
    insats = serializers.IntegerField()
    kortnamn = serializers.CharField()
    belopp = serializers.DecimalField(max_digits=14, decimal_places=0)


class InsatsMalbedomningSerializer(serializers.ModelSerializer):
    class Meta:
        model = Malbedomning
        fields = ["id", "mal", "ar", "bedomning", "kommentar"]
        read_only_fields = ["mal"]
        validators: list[Any] = []


class InsatsMalSerializer(serializers.ModelSerializer):
    insats = ForbundetsObjekt(Insats)
    bedomningar = InsatsMalbedomningSerializer(many=True, read_only=True)

    class Meta:
        model = Mal
        fields = ["id", "insats", "text", "matbart", "ordning", "bedomningar"]
        extra_kwargs = {"ordning": {"required": False}}


class InsatsRapportversionSerializer(serializers.ModelSerializer):
    fil = serializers.SerializerMethodField(help_text="Adress för nedladdning av versionen.")

    class Meta:
        model = Rapportversion
        fields = ["id", "version", "kommentar", "uppladdad", "fil"]

    def get_fil(self, obj: Rapportversion) -> str:
        return reverse("insatser:rapportversion_fil", args=[obj.pk])


class InsatsRapportSerializer(serializers.ModelSerializer):
    insats = ForbundetsObjekt(Insats)
    forfallodatum = serializers.DateField(required=False)
    forsenad = serializers.BooleanField(read_only=True)
    versioner = InsatsRapportversionSerializer(many=True, read_only=True)

    class Meta:
        model = Rapport
        fields = ["id", "insats", "typ", "ar", "forfallodatum", "inlamnad", "forsenad", "paminnelse_skickad", "versioner"]
        read_only_fields = ["inlamnad", "paminnelse_skickad"]
        validators: list[Any] = []


class InsatsRapportUppladdningSerializer(serializers.Serializer):
    fil = serializers.FileField()
    kommentar = serializers.CharField(required=False, allow_blank=True, default="")


class InsatsMalnodbedomningSerializer(serializers.ModelSerializer):
    forslag = serializers.CharField(read_only=True, help_text="uppfyllt, delvis_uppfyllt, ej_uppfyllt eller tomt.")
    bedomning = serializers.CharField(read_only=True, help_text="Den bekräftade bedömningen; tomt tills den bekräftas.")

    class Meta:
        model = Malnodbedomning
        fields = ["ar", "utfall", "forslag", "bedomning", "kommentar", "bekraftad"]
        read_only_fields = fields


class InsatsMalnodSerializer(serializers.ModelSerializer):
    forelder = ForbundetsObjekt(Malnod, required=False, allow_null=True)
    insats = ForbundetsObjekt(Insats, required=False, allow_null=True)
    bedomningar = InsatsMalnodbedomningSerializer(many=True, read_only=True)

    class Meta:
        model = Malnod
        fields = [
            "id",
            "niva",
            "forelder",
            "text",
            "ansvarig",
            "ar_fran",
            "ar_till",
            "ordning",
            "kriterium",
            "matt",
            "insats",
            "malvarde",
            "jamforelse",
            "bedomningar",
        ]
        validators: list[Any] = []


class InsatsMalnodArSerializer(serializers.Serializer):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)


class InsatsMalnodBekraftaSerializer(serializers.Serializer):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)
    bedomning = serializers.ChoiceField(choices=Malbedomning.Bedomning.choices)
    kommentar = serializers.CharField(allow_blank=True)


class InsatsIndikatorvardeSerializer(serializers.Serializer):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)
    varde = serializers.DecimalField(max_digits=14, decimal_places=2)
