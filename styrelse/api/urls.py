from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("sammantraden", views.SammantradeViewSet, basename="styrelse-sammantrade")
router.register("beslut", views.BeslutViewSet, basename="styrelse-beslut")
router.register("uppdrag", views.UppdragViewSet, basename="styrelse-uppdrag")
router.register("delegationsbeslut", views.DelegationsbeslutViewSet, basename="styrelse-delegationsbeslut")
router.register("diarium", views.DiariumViewSet, basename="styrelse-diarium")
router.register("anslag", views.AnslagViewSet, basename="styrelse-anslag")

urlpatterns = router.urls
