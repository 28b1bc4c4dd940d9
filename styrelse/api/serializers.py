"""API serializers: output for reads, input for the service calls."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Anslag, Arende, Delegationsbeslut, Expediering, Handling, Narvaro, Paragraf, Rost, Sammantrade, Uppdrag, Yrkande


# Plain strings in the schema: an enum named "typ"/"status" collides with other apps' enums (drf-spectacular W001).
@extend_schema_field({"type": "string", "description": "Typ: " + ", ".join(Sammantrade.Typ.values)})
class MotestypField(serializers.ChoiceField):
    """Inline enum (no shared component name: other apps also have a field called typ)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Sammantrade.Typ.choices, **kwargs)


@extend_schema_field({"type": "string", "description": "Status: " + ", ".join(Sammantrade.Status.values)})
class MotesstatusField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Sammantrade.Status.choices, **kwargs)


@extend_schema_field({"type": "string", "description": "Yrkande: " + ", ".join(Yrkande.Typ.values)})
class YrkandetypField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Yrkande.Typ.choices, **kwargs)


class ArendeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    paragraf = serializers.SerializerMethodField()
    bilagor = serializers.SerializerMethodField()

    class Meta:
        model = Arende
        fields = ["id", "ordning", "typ", "rubrik", "text", "foredragande", "forslag", "tillagt", "paragraf", "bilagor"]

    def get_paragraf(self, obj: Arende) -> int | None:
        return obj.paragraf.nummer if obj.paragraf else None

    def get_bilagor(self, obj: Arende) -> list[dict[str, Any]]:
        return [{"nummer": b.nummer, "titel": b.titel, "storlek": b.storlek} for b in obj.bilagor.all()]


class NarvaroSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    namn = serializers.CharField(source="person.namn", read_only=True)
    tjanstgor_for = serializers.CharField(source="ersatter.person.namn", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Narvaro
        fields = ["id", "person", "namn", "kategori", "tjanstgor_for", "fran_nummer", "till_nummer", "funktion"]


class SammantradeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    typ = MotestypField(read_only=True)
    status = MotesstatusField(read_only=True)

    class Meta:
        model = Sammantrade
        fields = [
            "id",
            "typ",
            "datum",
            "starttid",
            "sluttid",
            "plats",
            "status",
            "kallelse_skickad",
            "avslutat",
            "justerat",
            "ordforande",
            "sekreterare",
        ]


class SammantradeDetaljSerializer(SammantradeSerializer):
    dagordning = ArendeSerializer(source="arenden", many=True, read_only=True)
    narvaro = NarvaroSerializer(many=True, read_only=True)
    justerare: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta(SammantradeSerializer.Meta):
        fields = [*SammantradeSerializer.Meta.fields, "justerare", "dagordning", "narvaro"]


class SammantradeInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    datum = serializers.DateField()
    typ = MotestypField(default=Sammantrade.Typ.STYRELSEMOTE)
    starttid = serializers.TimeField(required=False, allow_null=True)
    sluttid = serializers.TimeField(required=False, allow_null=True)
    plats = serializers.CharField(required=False, allow_blank=True, default="")
    mall = serializers.ChoiceField(choices=["standard", "kopia", "tom"], default="standard")
    kopiera_fran = serializers.IntegerField(required=False, allow_null=True)


class ArendeInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    rubrik = serializers.CharField(max_length=300)
    text = serializers.CharField(required=False, allow_blank=True, default="")
    foredragande = serializers.CharField(required=False, allow_blank=True, default="")
    forslag = serializers.CharField(required=False, allow_blank=True, default="")
    ordning = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class NarvaroInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    person = serializers.IntegerField()
    kategori = serializers.ChoiceField(choices=Narvaro.Kategori.choices)
    ersatter = serializers.IntegerField(required=False, allow_null=True, help_text="Ledamotens mandat-id (tjänstgörande ersättare).")
    fran_nummer = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    till_nummer = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    funktion = serializers.CharField(required=False, allow_blank=True, default="")


class RostInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    person = serializers.IntegerField()
    val = serializers.ChoiceField(choices=Rost.Val.choices, required=False, allow_blank=True, default="")
    reservation = serializers.CharField(required=False, allow_blank=True, default="")
    anteckning = serializers.CharField(required=False, allow_blank=True, default="", help_text="Protokollsanteckning.")


class YrkandeInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    person = serializers.IntegerField()
    typ = YrkandetypField()
    text = serializers.CharField(required=False, allow_blank=True, default="", help_text="Lydelse (ändring, tillägg) eller motivering.")


class BeslutInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """One paragraph: the proposition (beslut), motions, the chair's finding (utfall) or a recorded vote (roster)."""

    arende = serializers.IntegerField()
    rubrik = serializers.CharField(required=False, allow_blank=True, default="")
    text = serializers.CharField(required=False, allow_blank=True, default="")
    beslut = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Förslaget som ställs under proposition, en att-sats per rad."
    )
    utfall = serializers.ChoiceField(
        choices=["", "bifall", "andrat", "avslag", "aterremiss", "bordlagt"],
        required=False,
        allow_blank=True,
        default="",
        help_text="Ordförandens beslut vid acklamation; vid votering avgör rösterna.",
    )
    motforslag = serializers.ChoiceField(
        choices=["avslag", "aterremiss", "bordlagt"], default="avslag", help_text="Vid votering: vad nej-röst är för."
    )
    motivering = serializers.CharField(required=False, allow_blank=True, default="")
    propositionsordning = serializers.CharField(required=False, allow_blank=True, default="")
    yrkanden = YrkandeInSerializer(many=True, required=False, default=list)
    roster = RostInSerializer(many=True, required=False, default=list)
    justerare = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="Person-id för de som utses att justera (ärendet ”Val av justerare”).",
    )
    omedelbar_justering = serializers.BooleanField(default=False)


class JusteringInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    person = serializers.IntegerField()
    roll = serializers.ChoiceField(choices=["ordforande", "sekreterare", "justerare"])
    plats = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    losenord = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        write_only=True,
        max_length=200,
        help_text="Ditt lösenord: krävs när du bekräftar din egen justering (förnyad autentisering).",
    )


class ExpedieringInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    mottagare = serializers.ListField(child=serializers.EmailField(), help_text="E-postadresser.")
    meddelande = serializers.CharField(required=False, allow_blank=True, default="")


class ExpedieringSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Expediering
        fields = ["id", "paragraf", "mottagare", "epost", "begard", "skickad", "fel"]


class YrkandeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    namn = serializers.CharField(source="person.namn", read_only=True)
    typ = YrkandetypField(read_only=True)

    class Meta:
        model = Yrkande
        fields = ["person", "namn", "typ", "text"]


class AnslagInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    uppsatt = serializers.DateField()
    nedtas = serializers.DateField()
    forvaringsplats = serializers.CharField(required=False, allow_blank=True, default="")
    anslagsplatser = serializers.CharField(required=False, allow_blank=True, default="", help_text="En anslagsplats per rad.")


class RostSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    namn = serializers.CharField(source="person.namn", read_only=True)

    class Meta:
        model = Rost
        fields = ["person", "namn", "val", "reservation", "anteckning"]


class ParagrafSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    beslut = serializers.ListField(source="beslut_satser", child=serializers.CharField(), read_only=True)
    roster = RostSerializer(many=True, read_only=True)
    yrkanden = YrkandeSerializer(many=True, read_only=True)
    sammantrade_datum = serializers.DateField(source="sammantrade.datum", read_only=True)

    class Meta:
        model = Paragraf
        fields = [
            "id",
            "ar",
            "nummer",
            "rubrik",
            "text",
            "beslut",
            "utfall",
            "beslutsform",
            "propositionsordning",
            "omrostning",
            "sammantrade",
            "sammantrade_datum",
            "last",
            "omedelbart_justerad",
            "yrkanden",
            "roster",
        ]


class UppdragInSerializer(serializers.Serializer):  # type: ignore[type-arg]
    paragraf = serializers.IntegerField()
    text = serializers.CharField()
    ansvarig = serializers.IntegerField(required=False, allow_null=True)
    ansvarig_text = serializers.CharField(required=False, allow_blank=True, default="")
    aterrapport = serializers.IntegerField(required=False, allow_null=True)


class UppdragSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    paragraf_nummer = serializers.CharField(source="paragraf.beteckning", read_only=True)
    ar = serializers.IntegerField(source="paragraf.ar", read_only=True)
    aterrapport_datum = serializers.DateField(source="aterrapport.datum", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Uppdrag
        fields = [
            "id",
            "paragraf",
            "paragraf_nummer",
            "ar",
            "text",
            "ansvarig",
            "ansvarig_text",
            "aterrapport",
            "aterrapport_datum",
            "status",
            "klart_paragraf",
            "klart_datum",
        ]


class DelegationsbeslutSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Delegationsbeslut
        fields = ["id", "delegation", "delegat", "datum", "arende", "beslut", "belopp", "diarienummer", "anmald_i"]
        read_only_fields = ["anmald_i"]


class HandlingSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    diarienummer = serializers.CharField(read_only=True)

    class Meta:
        model = Handling
        fields = [
            "id",
            "diarienummer",
            "ar",
            "lopnummer",
            "riktning",
            "datum",
            "rubrik",
            "motpart",
            "arende",
            "handlingstyp",
            "sekretess",
            "paragrafer",
        ]
        read_only_fields = ["ar", "lopnummer"]


class AnslagSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    sammantrade_datum = serializers.DateField(source="sammantrade.datum", read_only=True)

    class Meta:
        model = Anslag
        fields = ["id", "sammantrade", "sammantrade_datum", "uppsatt", "nedtas", "forvaringsplats", "anslagsplatser"]
