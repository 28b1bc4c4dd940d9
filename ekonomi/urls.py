"""Ekonomi pages under /ekonomi/."""

from django.urls import path

from . import views

app_name = "ekonomi"
urlpatterns = [
    path("", views.index, name="index"),
    path("medlemsbidrag/<int:ar>/", views.bidrag, name="bidrag"),
    path("medlemsbidrag/<int:ar>/avrundning/", views.bidragsavrundning, name="bidragsavrundning"),
    path("medlemsbidrag/<int:ar>/justering/", views.bidragsjustering, name="bidragsjustering"),
    path("budget/", views.budget_lista, name="budget_lista"),
    path("budget/<int:pk>/", views.budget_detalj, name="budget"),
    path("budget/<int:pk>/rad/", views.budgetrad, name="budgetrad_ny"),
    path("budget/<int:pk>/rad/<int:rad_pk>/", views.budgetrad, name="budgetrad"),
    path("budget/<int:pk>/rad/<int:rad_pk>/ta-bort/", views.budgetrad_ta_bort, name="budgetrad_ta_bort"),
    path("budget/<int:pk>/fyll/", views.budget_fyll, name="budget_fyll"),
    path("budget/<int:pk>/faststall/", views.budget_faststall, name="budget_faststall"),
    path("budget/<int:pk>/ny-version/", views.budget_ny_version, name="budget_ny_version"),
    path("bokforing/", views.importera, name="importera"),
    path("bokforing/jobb/<int:pk>/", views.import_jobb, name="import_jobb"),
    path("bokforing/jobb/<int:pk>/bekrafta/", views.import_bekrafta, name="import_bekrafta"),
    path("kontoplan/", views.kontoplan, name="kontoplan"),
    path("kontoplan/<str:typ>/<int:pk>/ta-bort/", views.kontoplan_ta_bort, name="kontoplan_ta_bort"),
    path("rakenskaper/", views.rakenskaper, name="rakenskaper"),
    path("rakenskaper/<int:ar>/ladda-ned/<str:format>/", views.rakenskaper_fil, name="rakenskaper_fil"),
    path("rakenskaper/<int:ar>/pdf/", views.rakenskaper_pdf, name="rakenskaper_pdf"),
    path("uppfoljning/<int:ar>/<int:kvartal>/", views.uppfoljning, name="uppfoljning"),
    path("uppfoljning/<int:ar>/<int:kvartal>/pdf/", views.kvartalsrapport_pdf, name="kvartalsrapport_pdf"),
    path("revision/<int:ar>/", views.revision, name="revision"),
    path("revision/<int:ar>/ansvarsfrihet/", views.ansvarsfrihet, name="ansvarsfrihet"),
]
