"""API of the board member's side: own notes, Mina möten, jäv in advance, signed justering and urgent matters.

Every write calls the same service as the page. Notes are read through the author's queryset only:
another user's note is a 404, whatever the role.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from finsam.api.base import ForbundMixin, HarBehorighet
from finsam.tenancy import hamta
from forvaltning.models import Delegationsrad

from ..models import Anteckning, Arende, Bilaga, Distansdeltagande, Javsanmalan, Narvaro, Ordforandebeslut, Sammantrade
from ..selectors import ledamot as sel
from ..services.anteckning import anteckning_spara, anteckning_ta_bort, gallringsdatum
from ..services.bradskande import distans_registrera, distans_ta_bort, extra_sammantrade_kalla, ordforandebeslut_fatta
from ..services.mina_moten import jav_anmala, jav_aterkalla
from ..services.signering import justering_bekrafta

# --- serializers ---------------------------------------------------------------------------


class AnteckningSerializer(serializers.ModelSerializer[Anteckning]):
    gallras = serializers.SerializerMethodField()

    class Meta:
        model = Anteckning
        fields = ["id", "sammantrade", "arende", "bilaga", "text", "skapad", "andrad", "gallras"]

    def get_gallras(self, obj: Anteckning) -> str | None:
        d = gallringsdatum(obj.sammantrade)
        return d.isoformat() if d else None


class AnteckningInSerializer(serializers.Serializer[Any]):
    arende = serializers.IntegerField(required=False, allow_null=True)
    bilaga = serializers.IntegerField(required=False, allow_null=True)
    text = serializers.CharField(allow_blank=True, max_length=20000)


class AnteckningAndraSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(allow_blank=True, max_length=20000)


class JavsanmalanSerializer(serializers.ModelSerializer[Javsanmalan]):
    class Meta:
        model = Javsanmalan
        fields = ["id", "arende", "person", "skal", "skapad"]


class JavInSerializer(serializers.Serializer[Any]):
    arende = serializers.IntegerField()
    skal = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class OrdforandebeslutSerializer(serializers.ModelSerializer[Ordforandebeslut]):
    arende = serializers.CharField(source="delegationsbeslut.arende")
    beslut = serializers.CharField(source="delegationsbeslut.beslut")
    delegation = serializers.IntegerField(source="delegationsbeslut.delegation_id")
    anmald_i = serializers.IntegerField(source="delegationsbeslut.anmald_i_id", allow_null=True)
    ordforande_namn = serializers.CharField(source="ordforande.namn")

    class Meta:
        model = Ordforandebeslut
        fields = ["id", "tidpunkt", "arende", "beslut", "bradska", "delegation", "delegationsbeslut", "anmald_i", "ordforande", "ordforande_namn"]


class OrdforandebeslutInSerializer(serializers.Serializer[Any]):
    delegation = serializers.IntegerField(required=False, allow_null=True)
    arende = serializers.CharField(max_length=300)
    beslut = serializers.CharField()
    bradska = serializers.CharField(allow_blank=True)
    diarienummer = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)


class DistansSerializer(serializers.ModelSerializer[Distansdeltagande]):
    person = serializers.IntegerField(source="narvaro.person_id")

    class Meta:
        model = Distansdeltagande
        fields = ["id", "narvaro", "person", "fran_nummer", "till_nummer"]


class DistansInSerializer(serializers.Serializer[Any]):
    narvaro = serializers.IntegerField()
    fran_nummer = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    till_nummer = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ExtraInSerializer(serializers.Serializer[Any]):
    datum = serializers.DateField()
    starttid = serializers.TimeField(required=False, allow_null=True)
    sluttid = serializers.TimeField(required=False, allow_null=True)
    plats = serializers.CharField(required=False, allow_blank=True, default="")
    kallelsetid_dagar = serializers.IntegerField(min_value=0, max_value=60)
    begart_av = serializers.CharField(allow_blank=True)
    skal = serializers.CharField(allow_blank=True)
    arenden = serializers.ListField(child=serializers.CharField(allow_blank=True), allow_empty=True)


class SigneradJusteringInSerializer(serializers.Serializer[Any]):
    sammantrade = serializers.IntegerField()
    roll = serializers.ChoiceField(choices=["ordforande", "sekreterare", "justerare"])
    losenord = serializers.CharField(allow_blank=True, trim_whitespace=False, write_only=True, max_length=200)
    plats = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


# --- views ---------------------------------------------------------------------------------


class AnteckningViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Anteckning]):
    """The logged-in member's own notes (per agenda item or attachment). Nobody else's are reachable."""

    queryset = Anteckning.objects.all()
    serializer_class = AnteckningSerializer
    behorighet_las = "styrelse.anteckna"
    behorighet_skriv = "styrelse.anteckna"

    def get_queryset(self) -> QuerySet[Anteckning]:
        qs = Anteckning.objects.for_forfattare(self.request.user).filter(forbund=self.kontext.forbund).select_related("sammantrade")
        mote = self.request.query_params.get("sammantrade")
        return qs.filter(sammantrade_id=mote) if mote and mote.isdigit() else qs

    @extend_schema(request=AnteckningInSerializer, responses={201: AnteckningSerializer, 204: None})
    def create(self, request: Request) -> Response:
        inp = AnteckningInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = inp.validated_data
        f = self.kontext.forbund
        arende = hamta(Arende.objects.all(), f, pk=d["arende"]) if d.get("arende") else None
        bilaga = hamta(Bilaga.objects.all(), f, pk=d["bilaga"]) if d.get("bilaga") else None
        a = anteckning_spara(forbund=f, aktor=request.user, text=d["text"], arende=arende, bilaga=bilaga)
        if a is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(AnteckningSerializer(a).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AnteckningAndraSerializer, responses={200: AnteckningSerializer, 204: None})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        a = self.get_object()
        inp = AnteckningAndraSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        ny = anteckning_spara(forbund=self.kontext.forbund, aktor=request.user, text=inp.validated_data["text"], arende=a.arende, bilaga=a.bilaga)
        if ny is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(AnteckningSerializer(ny).data)

    def destroy(self, request: Request, pk: str | None = None) -> Response:
        anteckning_ta_bort(anteckning=self.get_object(), aktor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JavsanmalanViewSet(ForbundMixin, mixins.ListModelMixin, viewsets.GenericViewSet[Javsanmalan]):
    """The member's own jäv declared in advance."""

    queryset = Javsanmalan.objects.all()
    serializer_class = JavsanmalanSerializer
    behorighet_las = "styrelse.jav_anmala"
    behorighet_skriv = "styrelse.jav_anmala"

    def get_queryset(self) -> QuerySet[Javsanmalan]:
        person = sel.person_for(self.kontext, self.request.user)
        return Javsanmalan.objects.filter(forbund=self.kontext.forbund, person=person) if person else Javsanmalan.objects.none()

    @extend_schema(request=JavInSerializer, responses={201: JavsanmalanSerializer})
    def create(self, request: Request) -> Response:
        inp = JavInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        arende = hamta(Arende.objects.all(), self.kontext.forbund, pk=inp.validated_data["arende"])
        j = jav_anmala(arende=arende, aktor=request.user, person=sel.person_for(self.kontext, request.user), skal=inp.validated_data["skal"])
        return Response(JavsanmalanSerializer(j).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, pk: str | None = None) -> Response:
        jav_aterkalla(javsanmalan=self.get_object(), aktor=request.user, person=sel.person_for(self.kontext, request.user))
        return Response(status=status.HTTP_204_NO_CONTENT)


class OrdforandebeslutViewSet(ForbundMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Ordforandebeslut]):
    """Ordförandebeslut in urgent matters (read by every role); the chair decides one with POST."""

    queryset = Ordforandebeslut.objects.select_related("delegationsbeslut", "ordforande")
    serializer_class = OrdforandebeslutSerializer
    behorighet_las = "styrelse.visa"
    behorighet_skriv = "styrelse.ordforandebeslut"

    @extend_schema(request=OrdforandebeslutInSerializer, responses={201: OrdforandebeslutSerializer})
    def create(self, request: Request) -> Response:
        inp = OrdforandebeslutInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = inp.validated_data
        delegation = Delegationsrad.objects.filter(forbund=self.kontext.forbund, pk=d.get("delegation") or 0).first()
        o = ordforandebeslut_fatta(
            forbund=self.kontext.forbund,
            aktor=request.user,
            ordforande=sel.person_for(self.kontext, request.user),
            delegation=delegation,
            arende=d["arende"],
            beslut=d["beslut"],
            bradska=d["bradska"],
            diarienummer=d["diarienummer"],
        )
        return Response(OrdforandebeslutSerializer(o).data, status=status.HTTP_201_CREATED)


class DistansViewSet(ForbundMixin, mixins.ListModelMixin, viewsets.GenericViewSet[Distansdeltagande]):
    """Remote participation (KL 6 kap. 24 §) per present member and paragraphs; ?sammantrade=<id> filters."""

    queryset = Distansdeltagande.objects.select_related("narvaro")
    serializer_class = DistansSerializer
    behorighet_las = "styrelse.visa"
    behorighet_skriv = "styrelse.redigera"

    def get_queryset(self) -> QuerySet[Distansdeltagande]:
        qs = super().get_queryset()
        mote = self.request.query_params.get("sammantrade")
        return qs.filter(narvaro__sammantrade_id=mote) if mote and mote.isdigit() else qs

    @extend_schema(request=DistansInSerializer, responses={201: DistansSerializer})
    def create(self, request: Request) -> Response:
        inp = DistansInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = inp.validated_data
        narvaro = hamta(Narvaro.objects.select_related("sammantrade"), self.kontext.forbund, pk=d["narvaro"])
        dd = distans_registrera(narvaro=narvaro, aktor=request.user, fran_nummer=d.get("fran_nummer"), till_nummer=d.get("till_nummer"))
        return Response(DistansSerializer(dd).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, pk: str | None = None) -> Response:
        distans_ta_bort(distansdeltagande=self.get_object(), aktor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExtraSammantradeView(APIView):
    """Call an extra meeting at short notice (the shortened notice period recorded)."""

    permission_classes = [HarBehorighet]
    behorighet_las = "styrelse.visa"
    behorighet_skriv = "styrelse.redigera"

    @extend_schema(request=ExtraInSerializer, responses={201: None})
    def post(self, request: Request) -> Response:
        inp = ExtraInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = dict(inp.validated_data)
        kontext = request.kontext  # type: ignore[attr-defined]
        mote = extra_sammantrade_kalla(forbund=kontext.forbund, aktor=request.user, sammankallande=sel.person_for(kontext, request.user), **d)
        return Response(
            {"sammantrade": mote.pk, "datum": mote.datum.isoformat(), "kallelsetid_dagar": d["kallelsetid_dagar"]}, status=status.HTTP_201_CREATED
        )


class SigneradJusteringView(APIView):
    """Confirm one's own justering with the password (re-authentication recorded on the signed minutes)."""

    permission_classes = [HarBehorighet]
    behorighet_las = "styrelse.justera"
    behorighet_skriv = "styrelse.justera"

    @extend_schema(request=SigneradJusteringInSerializer, responses={201: None})
    def post(self, request: Request) -> Response:
        inp = SigneradJusteringInSerializer(data=request.data)
        inp.is_valid(raise_exception=True)
        d = inp.validated_data
        kontext = request.kontext  # type: ignore[attr-defined]
        mote = hamta(Sammantrade.objects.all(), kontext.forbund, pk=d["sammantrade"])
        person = sel.person_for(kontext, request.user)
        if person is None:
            from django.core.exceptions import ValidationError

            raise ValidationError("Ditt konto är inte kopplat till en person i förbundet.")
        j = justering_bekrafta(
            sammantrade=mote,
            kontext=kontext,
            aktor=request.user,
            person=person,
            roll=d["roll"],
            plats=d["plats"],
            autentisering={"losenord": d["losenord"]},
            begaran=request._request,
        )
        mote.refresh_from_db()
        return Response({"justering": j.pk, "roll": j.roll, "protokollet_justerat": mote.justerat is not None}, status=status.HTTP_201_CREATED)


class MinaMotenView(APIView):
    """The member's next meeting with items, proposals, attachments and unread marks; justering tasks; urgent matters."""

    permission_classes = [HarBehorighet]
    behorighet_las = "styrelse.mina_moten"
    behorighet_skriv = "styrelse.mina_moten"

    @extend_schema(responses={200: None})
    def get(self, request: Request) -> Response:
        kontext = request.kontext  # type: ignore[attr-defined]
        m = sel.mina_moten(kontext, request.user)
        nasta = None
        if m.nasta:
            v = m.nasta
            nasta = {
                "id": v.mote.pk,
                "datum": v.mote.datum.isoformat(),
                "plats": v.mote.plats,
                "extra": v.extra is not None,
                "kallelse_dokument": v.kallelse.pk if v.kallelse else None,
                "nya": v.antal_nya,
                "arenden": [
                    {
                        "id": a.arende.pk,
                        "ordning": a.arende.ordning,
                        "rubrik": a.arende.rubrik,
                        "text": a.arende.text,
                        "forslag": a.arende.forslag_satser,
                        "ny": a.ny,
                        "jav_anmalt": a.jav is not None,
                        "bilagor": [{"id": b.bilaga.pk, "nummer": b.bilaga.nummer, "titel": b.bilaga.titel, "olast": b.olast} for b in a.bilagor],
                    }
                    for a in v.arenden
                ],
            }
        return Response(
            {
                "nasta": nasta,
                "justeringar": [{"sammantrade": u.mote.pk, "datum": u.mote.datum.isoformat(), "roll": u.roll} for u in m.justeringar],
                "ordforandebeslut": [o.pk for o in m.ordforandebeslut],
                "extra_sammantraden": [e.sammantrade_id for e in m.extra_moten],
                "tidigare": [
                    {"id": mote.pk, "datum": mote.datum.isoformat(), "protokoll_dokument": p.pk if p else None} for mote, p, _ in m.tidigare
                ],
            }
        )
