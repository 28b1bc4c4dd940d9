from django.urls import path

from . import views
from .views import behovsanalys as behov
from .views import narvaro

app_name = "uppfoljning"
urlpatterns = [
    path("", views.index, name="index"),
    path("deltagare/<int:pk>/", views.deltagare_detalj, name="deltagare_detalj"),
    path("inskrivning/ny/", views.inskrivning_ny, name="inskrivning_ny"),
    path("inskrivning/<int:pk>/andra/", views.inskrivning_andra, name="inskrivning_andra"),
    path("inskrivning/<int:pk>/narvaro/", narvaro.narvaro_ny, name="narvaro_ny"),
    path("narvaro/<int:pk>/ta-bort/", narvaro.narvaro_ta_bort, name="narvaro_ta_bort"),
    path("narvaro/import/", narvaro.narvaro_import, name="narvaro_import"),
    path("avslut/", views.avslut, name="avslut"),
    path("import/", views.importera, name="importera"),
    path("import/<int:pk>/", views.import_status, name="import_status"),
    path("export/", views.export_nationell, name="export_nationell"),
    path("installningar/", views.installningar, name="installningar"),
    path("utfall/", views.utfall, name="utfall"),
    path("utfall/export/", views.utfall_export, name="utfall_export"),
    path("behovsanalys/", behov.behovsanalys, name="behovsanalys"),
    path("behovsanalys/import/", behov.statistik_import, name="statistik_import"),
    path("behovsanalys/varde/", behov.statistik_varde, name="statistik_varde"),
    path("behovsanalys/<int:ar>/analys/", behov.behovsanalys_analys, name="behovsanalys_analys"),
    path("behovsanalys/<int:ar>/pdf/", behov.behovsanalys_pdf, name="behovsanalys_pdf"),
    path("behovsanalys/<int:ar>/faststall/", behov.behovsanalys_faststall, name="behovsanalys_faststall"),
]
