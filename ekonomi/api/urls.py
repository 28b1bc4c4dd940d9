from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "ekonomi-api"
router = DefaultRouter()
router.register("bidragsavrundningar", views.BidragsavrundningViewSet, basename="bidragsavrundning")
router.register("bidragsjusteringar", views.BidragsjusteringViewSet, basename="bidragsjustering")
router.register("tilldelningar", views.TilldelningViewSet, basename="tilldelning")
router.register("budgetar", views.BudgetViewSet, basename="budget")
router.register("importer", views.ImportViewSet, basename="import")
router.register("importjobb", views.BokforingsjobbViewSet, basename="importjobb")
router.register("kontointervall", views.KontointervallViewSet, basename="kontointervall")
router.register("kontokopplingar", views.KontokopplingViewSet, basename="kontokoppling")
router.register("revisionsberattelser", views.RevisionsberattelseViewSet, basename="revisionsberattelse")
router.register("ansvarsfrihet", views.AnsvarsfrihetViewSet, basename="ansvarsfrihet")

urlpatterns = [
    path("rakenskaper/<int:ar>/", views.RakenskaperView.as_view(), name="rakenskaper"),
    path("rakenskaper/<int:ar>/pdf/", views.RakenskaperPdfView.as_view(), name="rakenskaper-pdf"),
    path("uppfoljning/<int:ar>/<int:kvartal>/", views.UppfoljningView.as_view(), name="uppfoljning"),
    *router.urls,
]
