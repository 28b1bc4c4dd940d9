from django.urls import path, re_path

from . import views

app_name = "forvaltning"
urlpatterns = [
    path("avtal/", views.avtal_lista, name="avtal_lista"),
    path("avtal/ny/", views.avtal_ny, name="avtal_ny"),
    re_path(r"^avtal/export\.(?P<format>csv|xlsx)$", views.avtal_export, name="avtal_export"),
    path("avtal/<int:pk>/", views.avtal_detalj, name="avtal"),
    path("avtal/<int:pk>/andra/", views.avtal_andra, name="avtal_andra"),
    path("avtal/<int:pk>/sag-upp/", views.avtal_sag_upp, name="avtal_sag_upp"),
    path("medlemmar/", views.medlemmar, name="medlemmar"),
    path("medlemmar/ny/", views.medlem_ny, name="medlem_ny"),
    path("medlemmar/<int:pk>/andra/", views.medlem_andra, name="medlem_andra"),
    path("personer/", views.personer, name="personer"),
    path("personer/ny/", views.person_ny, name="person_ny"),
    path("personer/<int:pk>/andra/", views.person_andra, name="person_andra"),
]
