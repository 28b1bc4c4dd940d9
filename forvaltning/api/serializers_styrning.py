"""API input and output of the auditors, statutes and board registers. Parsing only; rules in services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from finsam.models import Medlem, Person
from styrelse.models import Mandat, Paragraf

from ..models.forbundsordning import Forbundsordning, ForbundsordningBeslut
from ..models.revision import AnsvarsfrihetPaminnelse, Revisor
from ..models.uppdrag import Utnamning


class _Forbundsbunden:
    """Scopes the related-object querysets of a serializer to the förbund of the request."""

    relaterade: dict[str, type] = {}

    def _begransa(self: Any) -> None:
        kontext = self.context.get("kontext")
        if kontext is None:
            return
        for namn, modell in self.relaterade.items():
            falt = self.fields[namn]
            mal = getattr(falt, "child_relation", falt)
            mal.queryset = modell.objects.filter(forbund=kontext.forbund)


class RevisorSerializer(_Forbundsbunden, serializers.ModelSerializer[Revisor]):
    relaterade = {"person": Person, "utsedd_av": Medlem, "granskar": Medlem}
    utsedd_av = serializers.SlugRelatedField(slug_field="kod", queryset=Medlem.objects.none(), help_text="Medlemmens kod, t.ex. fk eller region.")
    granskar = serializers.SlugRelatedField(
        slug_field="kod", many=True, queryset=Medlem.objects.none(), required=False, help_text='Medlemmarnas koder, t.ex. ["fk", "af"].'
    )
    person_namn = serializers.CharField(source="person.namn", read_only=True)

    class Meta:
        model = Revisor
        fields = ["id", "person", "person_namn", "utsedd_av", "granskar", "ar_fran", "ar_till", "beslut_referens", "beslut_datum"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._begransa()


class ForbundsordningBeslutSerializer(_Forbundsbunden, serializers.ModelSerializer[ForbundsordningBeslut]):
    relaterade = {"medlem": Medlem}
    medlem: serializers.SlugRelatedField[Medlem] = serializers.SlugRelatedField(
        slug_field="kod", queryset=Medlem.objects.none(), help_text="Medlemmens kod."
    )

    class Meta:
        model = ForbundsordningBeslut
        fields = ["medlem", "antagen", "organ", "referens", "datum"]
        extra_kwargs = {"organ": {"allow_blank": True}}  # the service names the missing body, as for the page
        validators: list[Any] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._begransa()


class ForbundsordningSerializer(_Forbundsbunden, serializers.ModelSerializer[Forbundsordning]):
    relaterade = {"forslag_paragraf": Paragraf}
    beslut = ForbundsordningBeslutSerializer(many=True, read_only=True)
    galler = serializers.SerializerMethodField(help_text="Om versionen gäller i dag (antagen av alla medlemmar och giltig).")

    class Meta:
        model = Forbundsordning
        fields = [
            "id",
            "version",
            "rubrik",
            "text",
            "fil",
            "giltig_fran",
            "forslag_paragraf",
            "andringar",
            "antal_ledamoter",
            "beslutsfor_minst",
            "majoritet",
            "andel_staten",
            "andel_region",
            "andel_kommunerna",
            "beslut",
            "galler",
        ]
        read_only_fields = ["version"]
        extra_kwargs = {"fil": {"write_only": True, "required": False, "help_text": "Den antagna förbundsordningen som PDF (multipart)."}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._begransa()

    def get_galler(self, obj: Forbundsordning) -> bool:
        return bool(self.context.get("galler_id") == obj.pk)


class UtnamningSerializer(serializers.ModelSerializer[Utnamning]):
    class Meta:
        model = Utnamning
        fields = ["organ", "referens", "datum"]


class StyrelsemandatSerializer(serializers.ModelSerializer[Mandat]):
    """A board mandate with its appointing decision."""

    person_namn = serializers.CharField(source="person.namn", read_only=True)
    medlem: serializers.SlugRelatedField[Medlem] = serializers.SlugRelatedField(slug_field="kod", read_only=True)
    utnamning = serializers.SerializerMethodField()

    class Meta:
        model = Mandat
        fields = ["id", "person", "person_namn", "medlem", "typ", "uppdrag", "fran", "till", "utnamning"]

    def get_utnamning(self, obj: Mandat) -> dict[str, Any] | None:
        u = getattr(obj, "utnamning", None)  # a missing one-to-one raises an AttributeError subclass
        return UtnamningSerializer(u).data if u else None


class StyrelsemandatInSerializer(_Forbundsbunden, serializers.Serializer[dict[str, Any]]):
    relaterade = {"person": Person, "medlem": Medlem}
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.none())
    medlem = serializers.SlugRelatedField(slug_field="kod", queryset=Medlem.objects.none(), help_text="Medlemmens kod (platsen).")
    typ = serializers.ChoiceField(choices=Mandat.Typ.choices)
    uppdrag = serializers.ChoiceField(choices=Mandat.Uppdrag.choices, required=False, default="")
    fran = serializers.DateField()
    till = serializers.DateField(required=False, allow_null=True, default=None)
    organ = serializers.CharField(max_length=200)
    referens = serializers.CharField(max_length=200)
    beslutsdatum = serializers.DateField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._begransa()


class AnsvarsfrihetPaminnelseSerializer(_Forbundsbunden, serializers.ModelSerializer[AnsvarsfrihetPaminnelse]):
    """A reminder sent (output), or the member and year to remind (input: the service picks the address)."""

    relaterade = {"medlem": Medlem}
    medlem: serializers.SlugRelatedField[Medlem] = serializers.SlugRelatedField(
        slug_field="kod", queryset=Medlem.objects.none(), help_text="Medlemmens kod, t.ex. skelleftea."
    )
    ar = serializers.IntegerField(min_value=1900, max_value=2200, help_text="Räkenskapsåret som beslutet gäller.")

    class Meta:
        model = AnsvarsfrihetPaminnelse
        fields = ["id", "medlem", "ar", "mottagare", "skickad"]
        read_only_fields = ["mottagare", "skickad"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._begransa()
