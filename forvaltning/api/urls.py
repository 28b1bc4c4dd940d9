from rest_framework.routers import DefaultRouter

from . import register, views, views_styrning

app_name = "forvaltning-api"
router = DefaultRouter()
router.register("avtal", views.AvtalViewSet, basename="avtal")
router.register("ansvarsfrihetspaminnelser", views_styrning.AnsvarsfrihetPaminnelseViewSet, basename="ansvarsfrihetspaminnelse")
router.register("revisorer", views_styrning.RevisorViewSet, basename="revisor")
router.register("forbundsordningar", views_styrning.ForbundsordningViewSet, basename="forbundsordning")
router.register("uppdrag", views_styrning.UppdragViewSet, basename="uppdrag")
router.register("delegationsordningar", register.DelegationsordningViewSet, basename="delegationsordning")
router.register("delegationsrader", register.DelegationsradViewSet, basename="delegationsrad")
router.register("dokumenthanteringsplan", register.PlanradViewSet, basename="planrad")
router.register("gallringar", register.GallringViewSet, basename="gallring")
router.register("gallringsstopp", register.GallringsstoppViewSet, basename="gallringsstopp")

urlpatterns = router.urls
