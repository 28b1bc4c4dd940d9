"""Every audit action as one TextChoices: `<noun>_<verb>` with Swedish verbs, shown in Swedish words.

A service names its action with a member (or the same string) when it calls
`finsam.audit.handelse_logga(handling=...)`; the audit page shows the label. A new use case adds its
member here (tests/finsam/test_kant_audit.py fails on an action string that is not a member).
"""

from __future__ import annotations

from django.db import models


class Handling(models.TextChoices):
    ANSLAG_REGISTRERA = "anslag_registrera", "Registrerade anslag"
    ANSOKAN_ANDRA = "ansokan_andra", "Ändrade ansökan"
    ANSOKAN_BESLUTA = "ansokan_besluta", "Beslutade om ansökan"
    ANSOKAN_BILAGA_LADDA_UPP = "ansokan_bilaga_ladda_upp", "Laddade upp bilaga till ansökan"
    ANSOKAN_SKAPA = "ansokan_skapa", "Skapade ansökan"
    ANSOKAN_TILL_BEREDNING = "ansokan_till_beredning", "Skickade ansökan till beredning"
    ANSVARSFRIHET_SPARA = "ansvarsfrihet_spara", "Sparade ansvarsfrihet"
    ANVANDARE_SKAPA = "anvandare_skapa", "Skapade användare"
    ARENDE_ANDRA = "arende_andra", "Ändrade ärende"
    ARENDE_FLYTTA = "arende_flytta", "Flyttade ärende"
    ARENDE_SKAPA = "arende_skapa", "Skapade ärende"
    ARENDE_TA_BORT = "arende_ta_bort", "Tog bort ärende"
    BEMANNING_SKAPA = "bemanning_skapa", "Skapade bemanning"
    BEMANNING_TA_BORT = "bemanning_ta_bort", "Tog bort bemanning"
    BEHOVSANALYS_FASTSTALL = "behovsanalys_faststall", "Fastställde behovsanalys"
    BEHOVSANALYS_SPARA = "behovsanalys_spara", "Sparade behovsanalys"
    BESLUT_FATTA = "beslut_fatta", "Fattade beslut"
    BESLUTSREGLER_ANDRA = "beslutsregler_andra", "Ändrade beslutsregler"
    BEVILJANDE_SKAPA = "beviljande_skapa", "Skapade beviljande"
    BILAGA_LADDA_UPP = "bilaga_ladda_upp", "Laddade upp bilaga"
    BOKFORING_IMPORTERA = "bokforing_importera", "Importerade bokföring"
    BUDGET_ERSATT = "budget_ersatt", "Ersatte budget"
    BUDGET_FASTSTALL = "budget_faststall", "Fastställde budget"
    BUDGET_FYLL = "budget_fyll", "Fyllde budget"
    BUDGET_NY_VERSION = "budget_ny_version", "Skapade ny version av budget"
    BUDGET_SKAPA = "budget_skapa", "Skapade budget"
    BUDGETRAD_SPARA = "budgetrad_spara", "Sparade budgetrad"
    BUDGETRAD_TA_BORT = "budgetrad_ta_bort", "Tog bort budgetrad"
    DELEGATIONSBESLUT_REGISTRERA = "delegationsbeslut_registrera", "Registrerade delegationsbeslut"
    DELTAGARE_IMPORTERA = "deltagare_importera", "Importerade deltagare"
    DELTAGARE_SKAPA = "deltagare_skapa", "Skapade deltagare"
    DEMODATA_SKAPA = "demodata_skapa", "Skapade demodata"
    DOKUMENT_BESTALL = "dokument_bestall", "Beställde dokument"
    DOKUMENT_LAS = "dokument_las", "Låste dokument"
    DOKUMENT_TA_BORT = "dokument_ta_bort", "Tog bort dokument"
    FORBUND_SKAPA = "forbund_skapa", "Skapade förbund"
    FORBUNDSMAL_KOPIERA = "forbundsmal_kopiera", "Kopierade förbundsmål"
    FORBUNDSMAL_SKAPA = "forbundsmal_skapa", "Skapade förbundsmål"
    FORBUNDSMAL_SPARA = "forbundsmal_spara", "Sparade förbundsmål"
    FORBUNDSMAL_TA_BORT = "forbundsmal_ta_bort", "Tog bort förbundsmål"
    GALLRINGSLISTA_SKAPA = "gallringslista_skapa", "Skapade gallringslista"
    HANDLING_REGISTRERA = "handling_registrera", "Registrerade diarieförd handling"
    INSATS_ANDRA = "insats_andra", "Ändrade insats"
    INSATS_IMPORTERA = "insats_importera", "Importerade insats"
    INSATS_SKAPA = "insats_skapa", "Skapade insats"
    INSATS_STATUS_ANDRA = "insats_status_andra", "Ändrade status för insats"
    INSATSER_IMPORTERA = "insatser_importera", "Importerade insatser"
    INSKRIVNING_ANDRA = "inskrivning_andra", "Ändrade inskrivning"
    INSKRIVNING_AVSLUTA = "inskrivning_avsluta", "Avslutade inskrivning"
    INSKRIVNING_SKAPA = "inskrivning_skapa", "Skapade inskrivning"
    INSTALLNING_SPARA = "installning_spara", "Sparade inställning"
    JUSTERING_BEKRAFTA = "justering_bekrafta", "Bekräftade justering"
    KALLELSE_SKICKA = "kallelse_skicka", "Skickade kallelse"
    KONTOINTERVALL_SPARA = "kontointervall_spara", "Sparade kontointervall"
    KONTOINTERVALL_TA_BORT = "kontointervall_ta_bort", "Tog bort kontointervall"
    KONTOKOPPLING_SPARA = "kontokoppling_spara", "Sparade kontokoppling"
    KONTOKOPPLING_TA_BORT = "kontokoppling_ta_bort", "Tog bort kontokoppling"
    KONTOPLAN_SKAPA = "kontoplan_skapa", "Skapade kontoplan"
    MAL_ANDRA = "mal_andra", "Ändrade mål"
    MAL_SKAPA = "mal_skapa", "Skapade mål"
    MAL_TA_BORT = "mal_ta_bort", "Tog bort mål"
    MALBEDOMNING_SPARA = "malbedomning_spara", "Sparade målbedömning"
    MANDAT_AVSLUTA = "mandat_avsluta", "Avslutade mandat"
    MANDAT_SKAPA = "mandat_skapa", "Skapade mandat"
    MEDFINANSIERING_SPARA = "medfinansiering_spara", "Sparade medfinansiering"
    MEDLEM_ANDRA = "medlem_andra", "Ändrade medlem"
    MEDLEM_SKAPA = "medlem_skapa", "Skapade medlem"
    MOTE_AVSLUTA = "mote_avsluta", "Avslutade möte"
    NARVARO_REGISTRERA = "narvaro_registrera", "Registrerade närvaro"
    NARVARO_TA_BORT = "narvaro_ta_bort", "Tog bort närvaro"
    NUMMERSERIE_SATT_START = "nummerserie_satt_start", "Satte start för nummerserie"
    PARAGRAF_ANDRA = "paragraf_andra", "Ändrade paragraf"
    PARAGRAF_JUSTERA_OMEDELBART = "paragraf_justera_omedelbart", "Justerade paragraf omedelbart"
    PERSON_SKAPA = "person_skapa", "Skapade person"
    PROGNOS_SPARA = "prognos_spara", "Sparade prognos"
    PROTOKOLL_JUSTERA = "protokoll_justera", "Justerade protokoll"
    RAPPORT_ATEROPPNA = "rapport_ateroppna", "Återöppnade rapport"
    RAPPORT_FASTSTALL = "rapport_faststall", "Fastställde rapport"
    RAPPORT_GENERERA = "rapport_generera", "Genererade rapport"
    RAPPORT_MARKERA_SLUTLIG = "rapport_markera_slutlig", "Markerade rapport som slutlig"
    RAPPORT_PAMINNELSE_SKICKA = "rapport_paminnelse_skicka", "Skickade påminnelse om rapport"
    RAPPORT_SKAPA = "rapport_skapa", "Skapade rapport"
    RAPPORTTEXT_SPARA = "rapporttext_spara", "Sparade rapporttext"
    RAPPORTVERSION_LADDA_UPP = "rapportversion_ladda_upp", "Laddade upp rapportversion"
    REVISIONSBERATTELSE_SPARA = "revisionsberattelse_spara", "Sparade revisionsberättelse"
    ROLL_TILLDELA = "roll_tilldela", "Tilldelade roll"
    SAMMANTRADE_ANDRA = "sammantrade_andra", "Ändrade sammanträde"
    SAMMANTRADE_PLANERA = "sammantrade_planera", "Planerade sammanträde"
    SKRIVNING_VAGRA = "skrivning_vagra", "Vägrade ändring av låst post"
    STATISTIK_IMPORTERA = "statistik_importera", "Importerade statistik över offentlig försörjning"
    STATISTIKVARDE_SPARA = "statistikvarde_spara", "Sparade statistikvärde"
    TILLDELNING_SPARA = "tilldelning_spara", "Sparade tilldelning"
    UPPDRAG_ANDRA = "uppdrag_andra", "Ändrade uppdrag"
    UPPDRAG_AVSLUTA = "uppdrag_avsluta", "Avslutade uppdrag"
    UPPFOLJNING_GALLRA = "uppfoljning_gallra", "Gallrade uppföljning"
    UPPFOLJNING_INSTALLNING_SPARA = "uppfoljning_installning_spara", "Sparade uppföljningens inställning"
    ANTECKNING_SPARA = "anteckning_spara", "Sparade privat anteckning"
    ANTECKNING_TA_BORT = "anteckning_ta_bort", "Tog bort privat anteckning"
    ANTECKNINGAR_GALLRA = "anteckningar_gallra", "Gallrade privata anteckningar"
    AVTAL_ANDRA = "avtal_andra", "Ändrade avtal"
    AVTAL_SAG_UPP = "avtal_sag_upp", "Sade upp avtal"
    AVTAL_SKAPA = "avtal_skapa", "Registrerade avtal"
    AVTAL_DOKUMENT_LADDA_UPP = "avtal_dokument_ladda_upp", "Laddade upp avtalsdokument"
    ANSVARSFRIHET_PAMINNELSE_SKICKA = "ansvarsfrihet_paminnelse_skicka", "Skickade påminnelse om ansvarsfrihet"
    DELEGATIONSORDNING_ANTA = "delegationsordning_anta", "Antog delegationsordning"
    DELEGATIONSORDNING_SKAPA = "delegationsordning_skapa", "Skapade utkast till delegationsordning"
    DELEGATIONSORDNING_IMPORTERA = "delegationsordning_importera", "Importerade delegationsordning till utkast"
    DELEGATIONSRAD_SPARA = "delegationsrad_spara", "Sparade ärende i delegationsordningen"
    DELEGATIONSRAD_TA_BORT = "delegationsrad_ta_bort", "Tog bort ärende ur delegationsordningen"
    DOKUMENTHANTERINGSPLAN_SKAPA = "dokumenthanteringsplan_skapa", "Skapade dokumenthanteringsplan"
    GALLRING_FORESLA = "gallring_foresla", "Föreslog gallring"
    GALLRING_GENOMFORA = "gallring_genomfora", "Genomförde gallring"
    GALLRINGSSTOPP_HAV = "gallringsstopp_hav", "Hävde gallringsstopp"
    GALLRINGSSTOPP_REGISTRERA = "gallringsstopp_registrera", "Registrerade gallringsstopp"
    HANDLINGSTYP_KLASSA = "handlingstyp_klassa", "Klassade handlingstyp i dokumenthanteringsplanen"
    PRISBASBELOPP_SPARA = "prisbasbelopp_spara", "Sparade prisbasbelopp"
    PLANRAD_SPARA = "planrad_spara", "Sparade rad i dokumenthanteringsplanen"
    PLANRAD_TA_BORT = "planrad_ta_bort", "Tog bort rad ur dokumenthanteringsplanen"
    BOKFORING_IMPORT_BEKRAFTA = "bokforing_import_bekrafta", "Bekräftade ersättning av bokföringsår"
    BOKFORING_IMPORT_BESTALL = "bokforing_import_bestall", "Beställde import av bokföring"
    BOKFORING_TILLAGG = "bokforing_tillagg", "Lade till verifikationer i bokföringsår"
    DISTANS_REGISTRERA = "distans_registrera", "Registrerade deltagande på distans"
    DISTANS_TA_BORT = "distans_ta_bort", "Tog bort deltagande på distans"
    DISTANSREGLER_ANDRA = "distansregler_andra", "Ändrade regler för deltagande på distans"
    DOKUMENT_FORSOK_IGEN = "dokument_forsok_igen", "Försökte skapa dokument igen"
    DOKUMENT_RENDERA = "dokument_rendera", "Skapade dokumentets PDF"
    EXTRA_SAMMANTRADE_KALLA = "extra_sammantrade_kalla", "Kallade till extra sammanträde"
    INDIKATORVARDE_SPARA = "indikatorvarde_spara", "Sparade indikatorvärde"
    JAV_ANMALA = "jav_anmala", "Anmälde jäv i förväg"
    JAV_ATERKALLA = "jav_aterkalla", "Återkallade jävsanmälan"
    JUSTERING_ATERSTALL = "justering_aterstall", "Återställde justeringar"
    JUSTERING_AUTENTISERING_NEKAD = "justering_autentisering_nekad", "Nekade justering (fel lösenord)"
    JUSTERING_SIGNERA = "justering_signera", "Justerade med förnyad inloggning"
    KALENDER_UPPDATERING_SKICKA = "kalender_uppdatering_skicka", "Skickade uppdaterad kalenderinbjudan"
    MALNOD_BEDOMNING_BEKRAFTA = "malnod_bedomning_bekrafta", "Bekräftade målbedömning"
    MALNOD_BEDOMNING_FORESLA = "malnod_bedomning_foresla", "Föreslog målbedömning"
    MALNOD_SKAPA = "malnod_skapa", "Skapade mål i målträdet"
    ORDFORANDEBESLUT_FATTA = "ordforandebeslut_fatta", "Fattade ordförandebeslut"
    PERSON_ANDRA = "person_andra", "Ändrade person"
    PROTOKOLL_SIGNERA = "protokoll_signera", "Signerade protokollet digitalt"
    SAMMANTRADE_STALL_IN = "sammantrade_stall_in", "Ställde in sammanträde"
    UPPDRAG_SKAPA = "uppdrag_skapa", "Skapade uppdrag"
    UTDRAG_EXPEDIERA = "utdrag_expediera", "Expedierade protokollsutdrag"
    BIDRAGSAVRUNDNING_SPARA = "bidragsavrundning_spara", "Sparade avrundningsregel för medlemsbidrag"
    BIDRAGSJUSTERING_SPARA = "bidragsjustering_spara", "Sparade justering av medlemsbidrag"
    RAPPORT_UNDERLAG_BYGG = "rapport_underlag_bygg", "Byggde rapportens underlag"
    # Issue 17: auditors, statutes and appointing decisions
    REVISOR_SKAPA = "revisor_skapa", "Registrerade revisor"
    REVISOR_ANDRA = "revisor_andra", "Ändrade revisor"
    FORBUNDSORDNING_SKAPA = "forbundsordning_skapa", "Registrerade version av förbundsordningen"
    FORBUNDSORDNING_BESLUT_SPARA = "forbundsordning_beslut_spara", "Registrerade medlems beslut om förbundsordningen"
    UTNAMNING_SPARA = "utnamning_spara", "Registrerade beslut om utnämning till styrelsen"
    # Issue 18: the verksamhetsplan's sections as data, attendance per period
    VERKSAMHETSPLAN_SKAPA = "verksamhetsplan_skapa", "Skapade verksamhetsplan från standardmallen"
    VERKSAMHETSPLAN_KOPIERA = "verksamhetsplan_kopiera", "Kopierade verksamhetsplan till nästa år"
    PLANAVSNITT_SKAPA = "planavsnitt_skapa", "Lade till avsnitt i verksamhetsplanen"
    PLANAVSNITT_ANDRA = "planavsnitt_andra", "Ändrade avsnitt i verksamhetsplanen"
    PLANAVSNITT_FLYTTA = "planavsnitt_flytta", "Flyttade avsnitt i verksamhetsplanen"
    PLANAVSNITT_TA_BORT = "planavsnitt_ta_bort", "Tog bort avsnitt ur verksamhetsplanen"
    NARVAROPERIOD_SPARA = "narvaroperiod_spara", "Sparade deltagares närvaro för en period"
    NARVAROPERIOD_TA_BORT = "narvaroperiod_ta_bort", "Tog bort deltagares närvaro för en period"
    NARVAROPERIODER_IMPORTERA = "narvaroperioder_importera", "Importerade närvaro per period"


# Codes stored before the actions became TextChoices (English verbs, free text) → their members.
# Used by migration finsam 0004_kant_handling_textchoices; kept here so that the mapping is read once.
TIDIGARE_KODER: dict[str, str] = {
    "ansokan_create": "ansokan_skapa",
    "ansokan_update": "ansokan_andra",
    "bemanning_create": "bemanning_skapa",
    "bemanning_delete": "bemanning_ta_bort",
    "beviljande_create": "beviljande_skapa",
    "deltagare_create": "deltagare_skapa",
    "deltagare_import": "deltagare_importera",
    "forbund_create": "forbund_skapa",
    "insats_create": "insats_skapa",
    "insats_import": "insats_importera",
    "insats_update": "insats_andra",
    "inskrivning_create": "inskrivning_skapa",
    "kontoplan_standard": "kontoplan_skapa",
    "mal_create": "mal_skapa",
    "mal_delete": "mal_ta_bort",
    "mal_update": "mal_andra",
    "medlem_create": "medlem_skapa",
    "medlem_update": "medlem_andra",
    "paragraf_andra_nekad": "skrivning_vagra",
    "paragraf_omedelbar_justering": "paragraf_justera_omedelbart",
    "person_create": "person_skapa",
    "rapport_create": "rapport_skapa",
    "uppfoljning_demo": "demodata_skapa",
}
