"""API serializers: output of ekonomi's records, input of its use cases."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..models import (
    Ansvarsfrihet,
    Bidragsavrundning,
    Bidragsjustering,
    Bokforingsjobb,
    Budget,
    Budgetrad,
    Kontointervall,
    Kontokoppling,
    Redovisningsimport,
    Revisionsberattelse,
    Tilldelning,
)


class TilldelningSerializer(serializers.ModelSerializer[Tilldelning]):
    invanare = serializers.SerializerMethodField()

    class Meta:
        model = Tilldelning
        fields = ["id", "ar", "belopp", "kommentar", "invanare"]

    def get_invanare(self, obj: Tilldelning) -> dict[str, int]:
        return {str(k.medlem_id): k.invanare for k in obj.kommunandelar.all()}


class TilldelningInSerializer(serializers.Serializer[Any]):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)
    belopp = serializers.DecimalField(max_digits=14, decimal_places=0, min_value=0)
    kommentar = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    invanare = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=2**31 - 1), help_text="{medlem_id: invånare 18–64 år} per kommun"
    )

    def validate_invanare(self, varde: dict[str, int]) -> dict[str, int]:
        # input bound: the keys are member ids (integers), never free text
        if not all(str(nyckel).isdigit() and int(nyckel) <= 2**31 - 1 for nyckel in varde):
            raise serializers.ValidationError("Nycklarna ska vara medlemmarnas id (heltal).", code="invalid")
        return varde


class FordelningsradSerializer(serializers.Serializer[Any]):
    medlem_id = serializers.IntegerField(allow_null=True)
    medlem = serializers.CharField()
    grund = serializers.CharField()
    invanare = serializers.IntegerField(allow_null=True)
    belopp = serializers.DecimalField(max_digits=14, decimal_places=0)
    kvartal = serializers.ListField(child=serializers.DecimalField(max_digits=14, decimal_places=0))


class MedlemsbidragSerializer(serializers.Serializer[Any]):
    ar = serializers.IntegerField()
    tilldelning = serializers.DecimalField(max_digits=14, decimal_places=0, allow_null=True)
    referensdatum = serializers.DateField()
    summa = serializers.DecimalField(max_digits=14, decimal_places=0)
    rader = FordelningsradSerializer(many=True)


class BudgetradSerializer(serializers.ModelSerializer[Budgetrad]):
    class Meta:
        model = Budgetrad
        fields = ["id", "grupp", "nyckel", "text", "medlem", "insats", "ordning", "belopp", "plan1", "plan2"]


class BudgetSerializer(serializers.ModelSerializer[Budget]):
    rader = BudgetradSerializer(many=True, read_only=True)

    class Meta:
        model = Budget
        fields = ["id", "ar", "version", "status", "paragraf", "faststalld_datum", "kommentar", "rader"]


class BudgetInSerializer(serializers.Serializer[Any]):
    ar = serializers.IntegerField(min_value=2000, max_value=2100)


class BudgetradInSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(required=False, help_text="En befintlig rad att ändra; utelämna för en ny rad.")
    grupp = serializers.ChoiceField(choices=Budgetrad.Grupp.choices)
    text = serializers.CharField(max_length=200)
    belopp = serializers.DecimalField(max_digits=14, decimal_places=0, min_value=0)
    plan1 = serializers.DecimalField(max_digits=14, decimal_places=0, min_value=0, allow_null=True, required=False)
    plan2 = serializers.DecimalField(max_digits=14, decimal_places=0, min_value=0, allow_null=True, required=False)


class FaststallInSerializer(serializers.Serializer[Any]):
    paragraf = serializers.IntegerField(help_text="Id för styrelsens paragraf som fastställer budgeten.")


class RedovisningsimportSerializer(serializers.ModelSerializer[Redovisningsimport]):
    class Meta:
        model = Redovisningsimport
        fields = [
            "id",
            "ar",
            "kalla",
            "sietyp",
            "filnamn",
            "sha256",
            "program",
            "foretag",
            "orgnr",
            "format",
            "kodning",
            "genererad",
            "genererad_av",
            "kontoplanstyp",
            "ksumma",
            "varningar",
            "fran",
            "tom",
            "antal_verifikationer",
            "importerad",
        ]


class BokforingImportInSerializer(serializers.Serializer[Any]):
    fil = serializers.FileField()
    kalla = serializers.ChoiceField(choices=Redovisningsimport.Kalla.choices, default="sie")
    ar = serializers.IntegerField(required=False, allow_null=True, min_value=2000, max_value=2100)
    tom = serializers.DateField(required=False, allow_null=True)
    ersatt = serializers.BooleanField(default=False, help_text="Ersätt en tidigare import av året utan att fråga.")
    tillagg = serializers.BooleanField(default=False, help_text="Lägg till en SIE 4I-fils verifikationer till årets saldon.")


class BokforingsjobbSerializer(serializers.ModelSerializer[Bokforingsjobb]):
    class Meta:
        model = Bokforingsjobb
        fields = ["id", "filnamn", "sha256", "kalla", "status", "framsteg", "steg", "jamforelse", "fel", "redovisningsimport", "skapad", "klar"]


class KontointervallSerializer(serializers.ModelSerializer[Kontointervall]):
    class Meta:
        model = Kontointervall
        fields = ["id", "fran", "till", "rad"]


class KontokopplingSerializer(serializers.ModelSerializer[Kontokoppling]):
    class Meta:
        model = Kontokoppling
        fields = ["id", "fran", "till", "text", "nyckel", "medlem"]


class PrognosradInSerializer(serializers.Serializer[Any]):
    nyckel = serializers.SlugField()
    prognos = serializers.DecimalField(max_digits=14, decimal_places=0, allow_null=True)
    kommentar = serializers.CharField(max_length=500, allow_blank=True, default="")


class PrognosInSerializer(serializers.Serializer[Any]):
    sammanfattning = serializers.CharField(allow_blank=True, default="")
    rader = PrognosradInSerializer(many=True)


class RevisionsberattelseSerializer(serializers.ModelSerializer[Revisionsberattelse]):
    revisor_namn = serializers.CharField(read_only=True, help_text="Revisorn (registrerad under Förvaltning → Revision).")
    avser = serializers.CharField(read_only=True, help_text="Vem som utsåg revisorn och för vilka medlemmar (förbundsordningen § 14).")
    fil = serializers.FileField(write_only=True, required=False, help_text="Den undertecknade revisionsberättelsen som PDF (multipart).")
    fil_finns = serializers.SerializerMethodField(help_text="Om den undertecknade revisionsberättelsen finns bifogad som PDF.")

    class Meta:
        model = Revisionsberattelse
        fields = [
            "id",
            "ar",
            "revisor_uppdrag",
            "revisor_namn",
            "avser",
            "datum",
            "tillstyrker_ansvarsfrihet",
            "text",
            "fil",
            "fil_finns",
            "registrerad",
        ]
        read_only_fields = ["registrerad", "revisor_uppdrag"]

    def get_fil_finns(self, obj: Revisionsberattelse) -> bool:
        return bool(obj.fil)


class AnsvarsfrihetSerializer(serializers.ModelSerializer[Ansvarsfrihet]):
    class Meta:
        model = Ansvarsfrihet
        fields = ["id", "ar", "medlem", "beslut", "beslutsdatum", "beslutsorgan", "referens", "paragraf", "dokument", "dokument_finns"]
        read_only_fields = ["dokument_finns"]
        extra_kwargs = {"dokument": {"write_only": True, "required": False, "help_text": "Medlemmens beslut som PDF (multipart)."}}

    dokument_finns = serializers.SerializerMethodField(help_text="Om medlemmens beslut finns bifogat som PDF.")

    def get_dokument_finns(self, obj: Ansvarsfrihet) -> bool:
        return bool(obj.dokument)


class BidragsavrundningSerializer(serializers.ModelSerializer[Bidragsavrundning]):
    regel_namn = serializers.CharField(source="get_regel_display", read_only=True)

    class Meta:
        model = Bidragsavrundning
        fields = ["id", "ar", "regel", "regel_namn", "paragraf", "forklaring"]
        # regel has a model default, but a rule posted without one is a refusal (400), not a 500 in the view
        extra_kwargs = {
            "ar": {"min_value": 2000, "max_value": 2100},
            "regel": {"required": True},
            "paragraf": {"allow_null": True, "required": False},
        }


class BidragsjusteringSerializer(serializers.ModelSerializer[Bidragsjustering]):
    class Meta:
        model = Bidragsjustering
        fields = ["id", "ar", "medlem", "belopp", "forklaring", "paragraf"]
        extra_kwargs = {
            "ar": {"min_value": 2000, "max_value": 2100},
            "paragraf": {"allow_null": True, "required": False},
            "forklaring": {"allow_blank": True, "required": False},
        }
