from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import behovsanalys as behov
from . import views
from .narvaro import NarvaroperiodViewSet

router = DefaultRouter()
router.register("deltagare", views.DeltagareViewSet, basename="uppfoljning-deltagare")
router.register("inskrivningar", views.InskrivningViewSet, basename="uppfoljning-inskrivning")
router.register("narvaro", NarvaroperiodViewSet, basename="uppfoljning-narvaro")

urlpatterns = [
    path("utfall/", views.UtfallView.as_view(), name="uppfoljning-utfall"),
    path("import/", views.ImportView.as_view(), name="uppfoljning-import"),
    path("import/<int:pk>/", views.ImportStatusView.as_view(), name="uppfoljning-import-status"),
    path("behovsanalys/", behov.BehovsanalysView.as_view(), name="uppfoljning-behovsanalys"),
    path("statistik/", behov.StatistikvardeView.as_view(), name="uppfoljning-statistik"),
    path("statistik/import/", behov.StatistikImportView.as_view(), name="uppfoljning-statistik-import"),
    path("", include(router.urls)),
]
