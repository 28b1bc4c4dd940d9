"""URLs of the board member's side (Mina möten, notes, jäv, signed justering, urgent matters); added to styrelse.urls."""

from django.urls import path

from .views import bradskande as b
from .views import mina_moten as m

urlpatterns = [
    path("mina-moten/", m.mina_moten, name="mina_moten"),
    path("mina-moten/<int:pk>/", m.mina_moten_mote, name="mina_moten_mote"),
    path("mina-moten/<int:pk>/bilagor/<int:bilaga_pk>/", m.mina_moten_bilaga, name="mina_moten_bilaga"),
    path("mina-moten/<int:pk>/anteckningar/", m.anteckning_spara_vy, name="anteckning_spara"),
    path("mina-moten/<int:pk>/anteckningar/export/", m.anteckningar_export, name="anteckningar_export"),
    path("mina-moten/<int:pk>/jav/", m.jav_anmala_vy, name="jav_anmala"),
    path("mina-moten/<int:pk>/justera/", m.justera, name="justera_signera"),
    path("anteckningar/<int:pk>/ta-bort/", m.anteckning_ta_bort_vy, name="anteckning_ta_bort"),
    path("jav/<int:pk>/aterkalla/", m.jav_aterkalla_vy, name="jav_aterkalla"),
    path("ordforandebeslut/", b.ordforandebeslut, name="ordforandebeslut"),
    path("ordforandebeslut/<int:pk>/", b.ordforandebeslut_detalj, name="ordforandebeslut_detalj"),
    path("ordforandebeslut/handlingar/<int:pk>/", b.ordforandebeslut_handling, name="ordforandebeslut_handling"),
    path("moten/<int:pk>/distans/", b.distans_registrera_vy, name="distans_registrera"),
    path("distans/<int:pk>/ta-bort/", b.distans_ta_bort_vy, name="distans_ta_bort"),
    path("regler/distans/", b.distansregler, name="distansregler"),
    path("extra-sammantrade/", b.extra_sammantrade, name="extra_sammantrade"),
]
