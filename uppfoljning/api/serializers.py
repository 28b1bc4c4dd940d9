"""API input/output for the follow-up register. Codes or Swedish labels are accepted in input."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..models import Deltagare, Inskrivning
from ..vokabular import Forsorjning, Kon, Remittent, Utbildning, tolka


class KodFalt(serializers.CharField):
    def __init__(self, choices: Any, **kwargs: Any) -> None:
        self.vokabular = choices
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        if not text:
            return ""
        try:
            return tolka(self.vokabular, text)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc


class InskrivningSerializer(serializers.ModelSerializer[Inskrivning]):
    insats = serializers.CharField(source="insats.kortnamn", read_only=True)
    hemkommun = serializers.CharField(source="hemkommun.kod", read_only=True, allow_null=True, default=None, help_text="medlemskommunens kod")
    deltagare = serializers.CharField(source="deltagare.kod", read_only=True)
    # blank until known (and after gallring): documented as the enum or "" so that responses match the schema
    remittent = serializers.ChoiceField(choices=Remittent.choices, allow_blank=True, read_only=True)
    utbildning = serializers.ChoiceField(choices=Utbildning.choices, allow_blank=True, read_only=True)
    forsorjning_in = serializers.ChoiceField(choices=Forsorjning.choices, allow_blank=True, read_only=True)
    forsorjning_ut = serializers.ChoiceField(choices=Forsorjning.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Inskrivning
        fields = [
            "id",
            "insats",
            "deltagare",
            "samtycke",
            "samtycke_datum",
            "kon",
            "fodelsear",
            "remittent",
            "utbildning",
            "forsorjning_in",
            "inskriven",
            "avslutad",
            "forsorjning_ut",
            "alder_skal",
            "hemkommun",
            "forsorjningstid",
            "remitterad",
            "vantedagar",
            "narvaro_planerad",
            "narvaro_faktisk",
            "startar",
            "slutar",
            "alder",
            "dagar",
            "gallrad",
        ]
        read_only_fields = fields


class DeltagareSerializer(serializers.ModelSerializer[Deltagare]):
    inskrivningar = InskrivningSerializer(many=True, read_only=True)
    personnummer_kant = serializers.SerializerMethodField()

    class Meta:
        model = Deltagare
        fields = ["id", "kod", "personnummer_kant", "gallrad", "skapad", "inskrivningar"]
        read_only_fields = fields

    def get_personnummer_kant(self, obj: Deltagare) -> bool:
        return bool(obj.pnr_hash)


class InskrivningInSerializer(serializers.Serializer[Any]):
    insats = serializers.CharField(help_text="insatsens kortnamn")
    deltagare = serializers.CharField(required=False, allow_blank=True, default="", help_text="deltagarkod")
    personnummer = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        write_only=True,
        help_text="frivilligt, för att känna igen en återkommande person; sparas bara som nyckelhash",
    )
    samtycke = serializers.BooleanField(help_text="om deltagaren har lämnat samtycke; måste anges (inget förval)")
    samtycke_datum = serializers.DateField(required=False, allow_null=True, default=None)
    kon = KodFalt(Kon)
    fodelsear = serializers.IntegerField(required=False, allow_null=True, default=None)
    remittent = KodFalt(Remittent, required=False, default="")
    utbildning = KodFalt(Utbildning, required=False, default="")
    forsorjning_in = KodFalt(Forsorjning, required=False, default="")
    inskriven = serializers.DateField()
    alder_skal = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=300, help_text="skäl när åldern vid start ligger utanför insatsens målgrupp"
    )
    hemkommun = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None, help_text="medlemskommunens kod eller namn")
    forsorjningstid = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=600, help_text="månader i offentlig försörjning före inskrivningen"
    )
    remitterad = serializers.DateField(required=False, allow_null=True, default=None, help_text="remissdatum")
    narvaro_planerad = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0, max_value=100000)
    narvaro_faktisk = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0, max_value=100000)


class DeltagareSokSerializer(serializers.Serializer[Any]):
    kod = serializers.CharField(max_length=40, help_text="deltagarkod, eller personnummer (jämförs med nyckelhash)")


class InskrivningAndraInSerializer(serializers.Serializer[Any]):
    """Corrections: any subset of these fields (PATCH)."""

    samtycke_datum = serializers.DateField(required=False, allow_null=True)
    kon = KodFalt(Kon, required=False, allow_blank=False)
    fodelsear = serializers.IntegerField(required=False)
    remittent = KodFalt(Remittent, required=False)
    utbildning = KodFalt(Utbildning, required=False)
    forsorjning_in = KodFalt(Forsorjning, required=False)
    inskriven = serializers.DateField(required=False)
    avslutad = serializers.DateField(required=False, allow_null=True)
    forsorjning_ut = KodFalt(Forsorjning, required=False)
    alder_skal = serializers.CharField(required=False, allow_blank=True, max_length=300)
    hemkommun = serializers.CharField(required=False, allow_blank=True, allow_null=True, help_text="medlemskommunens kod eller namn")
    forsorjningstid = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=600)
    remitterad = serializers.DateField(required=False, allow_null=True)
    narvaro_planerad = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=100000)
    narvaro_faktisk = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=100000)


class AvslutInSerializer(serializers.Serializer[Any]):
    avslutad = serializers.DateField()
    forsorjning_ut = KodFalt(Forsorjning, allow_blank=False)


class ImportInSerializer(serializers.Serializer[Any]):
    fil = serializers.FileField()
    dry_run = serializers.BooleanField(default=False)


class ImportUtSerializer(serializers.Serializer[Any]):
    rader = serializers.IntegerField()
    nya = serializers.IntegerField()
    uppdaterade = serializers.IntegerField()
    oforandrade = serializers.IntegerField()
    nya_deltagare = serializers.IntegerField()
    sha256 = serializers.CharField()
    torrkorning = serializers.BooleanField()
    andringar = serializers.ListField(child=serializers.DictField())
