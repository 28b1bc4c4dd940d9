from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import InloggningForm

urlpatterns = [
    path("", views.start, name="start"),
    path("logga-in/", auth_views.LoginView.as_view(authentication_form=InloggningForm, redirect_authenticated_user=True), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("losenord/aterstall/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("losenord/aterstall/skickat/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("losenord/aterstall/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("losenord/aterstall/klart/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("losenord/byt/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("losenord/byt/klart/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("byt-forbund/", views.forbund_byt, name="forbund_byt"),
    path("organisation/", views.organisation, name="organisation"),
    path("organisation/organisationsblad/", views.organisationsblad_bestall, name="organisationsblad_bestall"),
    path("dokument/", views.dokument_lista, name="dokument_lista"),
    path("dokument/<int:pk>/", views.dokument_detalj, name="dokument_detalj"),
    path("dokument/<int:pk>/status/", views.dokument_status, name="dokument_status"),
    path("dokument/<int:pk>/fil/", views.dokument_ladda_ned, name="dokument_ladda_ned"),
    path("dokument/<int:pk>/forsok-igen/", views.dokument_forsok_igen_vy, name="dokument_forsok_igen"),
    path("handelser/", views.handelser, name="handelser"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on their own (the PDF viewer too): the app's icon, not a 404.
    path("favicon.ico", views.favicon, name="favicon"),
    path("styrelse/", include("styrelse.urls")),
    path("insatser/", include("insatser.urls")),
    path("uppfoljning/", include("uppfoljning.urls")),
    path("ekonomi/", include("ekonomi.urls")),
    path("rapporter/", include("rapporter.urls")),
    path("forvaltning/", include("forvaltning.urls")),
    path("", include("styrelse.urls_publik")),
    path("api/", include("finsam.api.urls")),
    path("api/styrelse/", include("styrelse.api.urls")),
    path("api/insatser/", include("insatser.api.urls")),
    path("api/uppfoljning/", include("uppfoljning.api.urls")),
    path("api/ekonomi/", include("ekonomi.api.urls")),
    path("api/rapporter/", include("rapporter.api.urls")),
    path("api/forvaltning/", include("forvaltning.api.urls")),
    path("admin/", admin.site.urls),
]

# Media files (minutes, attachments, diarium files) are never served by a static route, in any
# mode: every file goes through a view that checks the permission (see finsam.web.fil_svar).

handler400 = "finsam.views.fel_400"
handler403 = "finsam.views.fel_403"
handler404 = "finsam.views.fel_404"
handler500 = "finsam.views.fel_500"
