from rest_framework.routers import DefaultRouter

from . import views

app_name = "forvaltning-api"
router = DefaultRouter()
router.register("avtal", views.AvtalViewSet, basename="avtal")

urlpatterns = router.urls
