from rest_framework.routers import DefaultRouter

from . import views, views_styrning

app_name = "forvaltning-api"
router = DefaultRouter()
router.register("avtal", views.AvtalViewSet, basename="avtal")
router.register("revisorer", views_styrning.RevisorViewSet, basename="revisor")
router.register("forbundsordningar", views_styrning.ForbundsordningViewSet, basename="forbundsordning")
router.register("uppdrag", views_styrning.UppdragViewSet, basename="uppdrag")

urlpatterns = router.urls
