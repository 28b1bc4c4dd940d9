from django.urls import path

from .views import ansokan, beslut, importvy, maltrad, rapporter, register

app_name = "insatser"
urlpatterns = [
    path("", register.index, name="index"),
    path("ny/", register.insats_ny, name="insats_ny"),
    path("importera/", importvy.importera_vy, name="importera"),
    path("exportera/", importvy.exportera_vy, name="exportera"),
    path("<int:pk>/", register.insats, name="insats"),
    path("<int:pk>/andra/", register.insats_redigera, name="insats_redigera"),
    path("<int:pk>/status/", register.insats_status, name="insats_status"),
    path("<int:pk>/bemanning/", register.bemanning_ny, name="bemanning_ny"),
    path("bemanning/<int:pk>/ta-bort/", register.bemanning_ta_bort, name="bemanning_ta_bort"),
    path("<int:pk>/mal/", register.mal_ny, name="mal_ny"),
    path("mal/<int:pk>/ta-bort/", register.mal_ta_bort, name="mal_ta_bort"),
    path("<int:pk>/malbedomning/", register.malbedomning, name="malbedomning"),
    path("<int:pk>/rapportschema/", rapporter.rapport_schema, name="rapport_schema"),
    path("<int:pk>/rapporter/ny/", rapporter.rapport_ny, name="rapport_ny"),
    path("rapporter/", rapporter.rapporter, name="rapporter"),
    path("rapporter/<int:pk>/", rapporter.rapport, name="rapport"),
    path("rapporter/version/<int:pk>/fil/", rapporter.rapportversion_fil, name="rapportversion_fil"),
    path("ansokningar/", ansokan.ansokningar, name="ansokningar"),
    path("ansokningar/ny/", ansokan.ansokan_ny, name="ansokan_ny"),
    path("ansokningar/<int:pk>/", ansokan.ansokan, name="ansokan"),
    path("ansokningar/<int:pk>/andra/", ansokan.ansokan_redigera, name="ansokan_redigera"),
    path("ansokningar/<int:pk>/beredning/", ansokan.ansokan_beredning, name="ansokan_beredning"),
    path("ansokningar/<int:pk>/beslut/", ansokan.ansokan_besluta, name="ansokan_besluta"),
    path("ansokningar/<int:pk>/finansiering/", ansokan.ansokan_medfinansiering, name="ansokan_medfinansiering"),
    path("ansokningar/<int:pk>/bilagor/", ansokan.ansokan_bilaga, name="ansokan_bilaga"),
    path("ansokningar/bilagor/<int:pk>/fil/", ansokan.ansokan_bilaga_fil, name="ansokan_bilaga_fil"),
    path("beslut/", beslut.beslut, name="beslut"),
    path("beslut/<int:pk>/", beslut.paragraf, name="paragraf"),
    path("beviljande/ny/", beslut.beviljande_ny, name="beviljande_ny"),
    path("mal/", maltrad.maltrad, name="maltrad"),
    path("mal/forslag/", maltrad.maltrad_foresla, name="maltrad_foresla"),
    path("mal/nod/<int:pk>/bedomning/", maltrad.maltrad_bekrafta, name="maltrad_bekrafta"),
]
