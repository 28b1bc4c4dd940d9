from django.urls import path, re_path

from . import views
from .views import forbundsordning as fo
from .views import revision as rev
from .views import uppdrag as upp

app_name = "forvaltning"
urlpatterns = [
    path("avtal/", views.avtal_lista, name="avtal_lista"),
    path("avtal/ny/", views.avtal_ny, name="avtal_ny"),
    re_path(r"^avtal/export\.(?P<format>csv|xlsx)$", views.avtal_export, name="avtal_export"),
    path("avtal/<int:pk>/", views.avtal_detalj, name="avtal"),
    path("avtal/<int:pk>/andra/", views.avtal_andra, name="avtal_andra"),
    path("avtal/<int:pk>/sag-upp/", views.avtal_sag_upp, name="avtal_sag_upp"),
    path("medlemmar/", views.medlemmar, name="medlemmar"),
    path("medlemmar/ny/", views.medlem_ny, name="medlem_ny"),
    path("medlemmar/<int:pk>/andra/", views.medlem_andra, name="medlem_andra"),
    path("personer/", views.personer, name="personer"),
    path("personer/ny/", views.person_ny, name="person_ny"),
    path("personer/<int:pk>/andra/", views.person_andra, name="person_andra"),
    # Issue 17: auditors and discharge, statutes, the board with appointing decisions
    path("revision/", rev.revision, name="revision"),
    re_path(r"^revision/export\.(?P<format>csv|xlsx)$", rev.revision_export, name="revision_export"),
    path("revision/revisorer/ny/", rev.revisor_ny, name="revisor_ny"),
    path("revision/revisorer/<int:pk>/andra/", rev.revisor_andra, name="revisor_andra"),
    path("revision/<int:ar>/ansvarsfrihet/", rev.ansvarsfrihet_spara, name="ansvarsfrihet_spara"),
    path("revision/ansvarsfrihet/<int:pk>/dokument/", rev.ansvarsfrihet_dokument, name="ansvarsfrihet_dokument"),
    path("forbundsordning/", fo.forbundsordning, name="forbundsordning"),
    path("forbundsordning/ny/", fo.forbundsordning_ny, name="forbundsordning_ny"),
    path("forbundsordning/<int:pk>/", fo.forbundsordning_version, name="forbundsordning_version"),
    path("forbundsordning/<int:pk>/pdf/", fo.forbundsordning_fil, name="forbundsordning_fil"),
    path("styrelsen/", upp.styrelsen, name="styrelsen"),
    path("styrelsen/ny/", upp.uppdrag_ny, name="uppdrag_ny"),
    path("styrelsen/<int:pk>/utnamning/", upp.utnamning_andra, name="utnamning_andra"),
]
