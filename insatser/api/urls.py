from rest_framework.routers import DefaultRouter

from . import views

app_name = "insatser-api"
router = DefaultRouter()
router.register("insatser", views.InsatsViewSet, basename="insats")
router.register("ansokningar", views.AnsokanViewSet, basename="ansokan")
router.register("beviljanden", views.BeviljandeViewSet, basename="beviljande")
router.register("mal", views.MalViewSet, basename="mal")
router.register("rapporter", views.RapportViewSet, basename="rapport")
router.register("maltrad", views.MalnodViewSet, basename="malnod")

urlpatterns = router.urls
