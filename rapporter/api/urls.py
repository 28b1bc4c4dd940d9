from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("rapporter", views.RapportViewSet, basename="rapporter-rapport")
router.register("texter", views.RapporttextViewSet, basename="rapporter-text")
router.register("planavsnitt", views.PlanavsnittViewSet, basename="rapporter-planavsnitt")
router.register("mal", views.ForbundsmalViewSet, basename="rapporter-mal")

urlpatterns = router.urls
