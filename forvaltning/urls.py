from django.urls import path

from . import views
from .views import forbundsordning as fo
from .views import revision as rev
from .views import uppdrag as upp
from .views.register import export_url

app_name = "forvaltning"
urlpatterns = [
    path("avtal/", views.avtal_lista, name="avtal_lista"),
    path("avtal/ny/", views.avtal_ny, name="avtal_ny"),
    export_url(r"avtal/", views.avtal_export, "avtal_export"),
    path("avtal/<int:pk>/", views.avtal_detalj, name="avtal"),
    path("avtal/<int:pk>/andra/", views.avtal_andra, name="avtal_andra"),
    path("avtal/<int:pk>/sag-upp/", views.avtal_sag_upp, name="avtal_sag_upp"),
    path("avtal/<int:pk>/dokument/ny/", views.avtal_dokument_ny, name="avtal_dokument_ny"),
    path("avtal/dokument/<int:pk>/", views.avtal_dokument, name="avtal_dokument"),
    path("delegationsordning/", views.delegationsordning, name="delegationsordning"),
    path("delegationsordning/importera/", views.delegationsordning_import, name="delegationsordning_import"),
    path("delegationsordning/utkast/", views.delegationsordning_utkast, name="delegationsordning_utkast"),
    path("delegationsordning/<int:pk>/", views.delegationsordning_version, name="delegationsordning_version"),
    export_url(r"delegationsordning/(?P<pk>\d+)/", views.delegationsordning_export, "delegationsordning_export"),
    path("delegationsordning/<int:pk>/anta/", views.delegationsordning_anta, name="delegationsordning_anta"),
    path("delegationsordning/<int:pk>/ny-rad/", views.delegationsrad_ny, name="delegationsrad_ny"),
    path("delegationsordning/rad/<int:pk>/", views.delegationsrad_andra, name="delegationsrad_andra"),
    path("delegationsordning/rad/<int:pk>/ta-bort/", views.delegationsrad_ta_bort, name="delegationsrad_ta_bort"),
    path("dokumenthanteringsplan/", views.dokumenthanteringsplan, name="dokumenthanteringsplan"),
    export_url(r"dokumenthanteringsplan/", views.dokumenthanteringsplan_export, "dokumenthanteringsplan_export"),
    path("dokumenthanteringsplan/skapa/", views.dokumenthanteringsplan_skapa, name="dokumenthanteringsplan_skapa"),
    path("dokumenthanteringsplan/ny/", views.planrad_ny, name="planrad_ny"),
    path("dokumenthanteringsplan/<int:pk>/", views.planrad_andra, name="planrad_andra"),
    path("dokumenthanteringsplan/<int:pk>/ta-bort/", views.planrad_ta_bort, name="planrad_ta_bort"),
    path("dokumenthanteringsplan/handlingstyp/<int:pk>/", views.handlingstyp_klassa, name="handlingstyp_klassa"),
    path("gallring/", views.gallring, name="gallring"),
    path("gallring/foresla/", views.gallring_foresla, name="gallring_foresla"),
    path("gallring/<int:pk>/", views.gallring_detalj, name="gallring_detalj"),
    path("gallring/<int:pk>/genomfor/", views.gallring_genomfor, name="gallring_genomfor"),
    path("gallring/stopp/ny/", views.gallringsstopp_ny, name="gallringsstopp_ny"),
    path("gallring/stopp/<int:pk>/hav/", views.gallringsstopp_hav, name="gallringsstopp_hav"),
    path("medlemmar/", views.medlemmar, name="medlemmar"),
    path("medlemmar/ny/", views.medlem_ny, name="medlem_ny"),
    path("medlemmar/<int:pk>/andra/", views.medlem_andra, name="medlem_andra"),
    path("personer/", views.personer, name="personer"),
    path("personer/ny/", views.person_ny, name="person_ny"),
    path("personer/<int:pk>/andra/", views.person_andra, name="person_andra"),
    # Issue 17: auditors and discharge, statutes, the board with appointing decisions
    path("revision/", rev.revision, name="revision"),
    export_url(r"revision/", rev.revision_export, "revision_export"),
    path("revision/revisorer/ny/", rev.revisor_ny, name="revisor_ny"),
    path("revision/revisorer/<int:pk>/andra/", rev.revisor_andra, name="revisor_andra"),
    path("revision/<int:ar>/ansvarsfrihet/", rev.ansvarsfrihet_spara, name="ansvarsfrihet_spara"),
    path("revision/<int:ar>/ansvarsfrihet/<int:medlem>/paminn/", rev.ansvarsfrihet_paminn, name="ansvarsfrihet_paminn"),
    path("revision/berattelse/<int:pk>/pdf/", rev.revisionsberattelse_fil, name="revisionsberattelse_fil"),
    path("revision/ansvarsfrihet/<int:pk>/dokument/", rev.ansvarsfrihet_dokument, name="ansvarsfrihet_dokument"),
    path("forbundsordning/", fo.forbundsordning, name="forbundsordning"),
    path("forbundsordning/ny/", fo.forbundsordning_ny, name="forbundsordning_ny"),
    path("forbundsordning/<int:pk>/", fo.forbundsordning_version, name="forbundsordning_version"),
    path("forbundsordning/<int:pk>/pdf/", fo.forbundsordning_fil, name="forbundsordning_fil"),
    path("styrelsen/", upp.styrelsen, name="styrelsen"),
    path("styrelsen/ny/", upp.uppdrag_ny, name="uppdrag_ny"),
    path("styrelsen/<int:pk>/utnamning/", upp.utnamning_andra, name="utnamning_andra"),
]
