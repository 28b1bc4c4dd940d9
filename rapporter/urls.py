from django.urls import path

from . import views
from .views import plan as views_plan

app_name = "rapporter"
urlpatterns = [
    path("", views.index, name="index"),
    path("mal/<int:ar>/", views.mal, name="mal"),
    path("mal/<int:ar>/nytt/", views.mal_ny, name="mal_ny"),
    path("mal/<int:ar>/kopiera/", views.mal_kopiera, name="mal_kopiera"),
    path("mal/andra/<int:pk>/", views.mal_andra, name="mal_andra"),
    path("mal/ta-bort/<int:pk>/", views.mal_ta_bort, name="mal_ta_bort"),
    path("plan/<int:ar>/starta/", views_plan.plan_starta, name="plan_starta"),
    path("plan/<int:ar>/ny-plan/", views_plan.plan_kopiera, name="plan_kopiera"),
    path("plan/<int:ar>/avsnitt/nytt/", views_plan.avsnitt_nytt, name="avsnitt_nytt"),
    path("plan/avsnitt/<int:pk>/", views_plan.avsnitt_andra, name="avsnitt_andra"),
    path("plan/avsnitt/<int:pk>/flytta/", views_plan.avsnitt_flytta, name="avsnitt_flytta"),
    path("plan/avsnitt/<int:pk>/ta-bort/", views_plan.avsnitt_ta_bort, name="avsnitt_ta_bort"),
    path("<str:typ>/<int:ar>/", views.rapport, name="rapport"),
    path("<str:typ>/<int:ar>/text/<slug:nyckel>/", views.text, name="text"),
    path("<str:typ>/<int:ar>/insats/<int:insats_id>/text/<slug:nyckel>/", views.text, name="insatstext"),
    path("<str:typ>/<int:ar>/skapa/", views.generera, name="generera"),
    path("<str:typ>/<int:ar>/slutlig/", views.slutlig, name="slutlig"),
    path("<str:typ>/<int:ar>/ateroppna/", views.ateroppna, name="ateroppna"),
    path("<str:typ>/<int:ar>/faststall/", views.faststall, name="faststall"),
    path("<str:typ>/<int:ar>/avstamning/", views.avstamning, name="avstamning"),
]
