"""Public pages without login (the digital notice board, /anslagstavla/)."""

from django.urls import path

from .views import publik

urlpatterns = [
    path("anslagstavla/", publik.anslagstavla, name="anslagstavla"),
    path("anslagstavla/<int:pk>/protokoll.pdf", publik.anslagstavla_protokoll, name="anslagstavla_protokoll"),
    path("anslagstavla/<int:pk>/bevis.pdf", publik.anslagstavla_bevis, name="anslagstavla_bevis"),
]
