from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("medlemmar", views.MedlemViewSet, basename="medlem")
router.register("personer", views.PersonViewSet, basename="person")
router.register("handelser", views.HandelseViewSet, basename="handelse")
router.register("dokument", views.DokumentViewSet, basename="dokument")

urlpatterns = [
    path("auth/token/", obtain_auth_token, name="api_token"),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("forbund/", views.MinaForbundView.as_view(), name="api_mina_forbund"),
    path("", include(router.urls)),
]
