from django.urls import path

from . import urls_ledamot, views

app_name = "styrelse"
urlpatterns = [
    path("", views.index, name="index"),
    path("planera/", views.planera, name="planera"),
    path("regler/", views.regler, name="regler"),
    path("mandat/", views.mandat, name="mandat"),
    path("mandat/<int:pk>/avsluta/", views.mandat_avsluta, name="mandat_avsluta"),
    path("sok/", views.sok, name="sok"),
    path("uppdrag/", views.uppdrag, name="uppdrag"),
    path("uppdrag/<int:pk>/andra/", views.uppdrag_andra, name="uppdrag_andra"),
    path("uppdrag/<int:pk>/avsluta/", views.uppdrag_avsluta, name="uppdrag_avsluta"),
    path("delegationsbeslut/", views.delegationsbeslut, name="delegationsbeslut"),
    path("diarium/", views.diarium, name="diarium"),
    path("diarium/<int:pk>/fil/", views.handling_fil, name="handling_fil"),
    path("moten/<int:pk>/", views.mote, name="mote"),
    path("moten/<int:pk>/andra/", views.mote_andra, name="mote_andra"),
    path("moten/<int:pk>/arenden/", views.arende_skapa, name="arende_skapa"),
    path("moten/<int:pk>/arenden/<int:arende_pk>/", views.arende_redigera, name="arende_redigera"),
    path("moten/<int:pk>/arenden/<int:arende_pk>/flytta/", views.arende_flytta, name="arende_flytta"),
    path("moten/<int:pk>/arenden/<int:arende_pk>/ta-bort/", views.arende_ta_bort, name="arende_ta_bort"),
    path("moten/<int:pk>/arenden/<int:arende_pk>/bilagor/", views.bilaga_ladda_upp, name="bilaga_ladda_upp"),
    path("moten/<int:pk>/arenden/<int:arende_pk>/beslut/", views.beslut, name="beslut"),
    path("moten/<int:pk>/bilagor/<int:bilaga_pk>/", views.bilaga_ladda_ned, name="bilaga_ladda_ned"),
    path("moten/<int:pk>/kallelse/pdf/", views.kallelse_bestall, name="kallelse_bestall"),
    path("moten/<int:pk>/kallelse/skicka/", views.kallelse_skicka, name="kallelse_skicka"),
    path("moten/<int:pk>/narvaro/", views.narvaro_registrera, name="narvaro_registrera"),
    path("moten/<int:pk>/narvaro/<int:narvaro_pk>/ta-bort/", views.narvaro_ta_bort, name="narvaro_ta_bort"),
    path("moten/<int:pk>/avsluta/", views.mote_avsluta, name="mote_avsluta"),
    path("moten/<int:pk>/justering/", views.justering_bekrafta, name="justering_bekrafta"),
    path("moten/<int:pk>/anslag/", views.anslag_registrera, name="anslag_registrera"),
    path("moten/<int:pk>/protokoll/pdf/", views.protokoll_bestall, name="protokoll_bestall"),
    path("paragrafer/<int:pk>/", views.paragraf_redigera, name="paragraf_redigera"),
    path("paragrafer/<int:pk>/omedelbar-justering/", views.omedelbar_justering, name="omedelbar_justering"),
    path("paragrafer/<int:pk>/utdrag/", views.utdrag_bestall, name="utdrag_bestall"),
]
urlpatterns += urls_ledamot.urlpatterns  # the board member's side (issue 19)
