from django.urls import path
from rest_framework.routers import SimpleRouter

from . import ledamot, views

router = SimpleRouter()
router.register("sammantraden", views.SammantradeViewSet, basename="styrelse-sammantrade")
router.register("beslut", views.BeslutViewSet, basename="styrelse-beslut")
router.register("uppdrag", views.UppdragViewSet, basename="styrelse-uppdrag")
router.register("delegationsbeslut", views.DelegationsbeslutViewSet, basename="styrelse-delegationsbeslut")
router.register("diarium", views.DiariumViewSet, basename="styrelse-diarium")
router.register("anslag", views.AnslagViewSet, basename="styrelse-anslag")
router.register("anteckningar", ledamot.AnteckningViewSet, basename="styrelse-anteckning")
router.register("javsanmalningar", ledamot.JavsanmalanViewSet, basename="styrelse-javsanmalan")
router.register("ordforandebeslut", ledamot.OrdforandebeslutViewSet, basename="styrelse-ordforandebeslut")
router.register("distans", ledamot.DistansViewSet, basename="styrelse-distans")

urlpatterns = [
    *router.urls,
    path("mina-moten/", ledamot.MinaMotenView.as_view(), name="styrelse-mina-moten"),
    path("justering-signerad/", ledamot.SigneradJusteringView.as_view(), name="styrelse-justering-signerad"),
    path("extra-sammantraden/", ledamot.ExtraSammantradeView.as_view(), name="styrelse-extra-sammantrade"),
]
