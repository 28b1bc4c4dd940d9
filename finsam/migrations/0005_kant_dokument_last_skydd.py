"""A locked (adopted) document can never be deleted: the database refuses it too (PostgreSQL).

Only on PostgreSQL: Django empties PostgreSQL tables with TRUNCATE (no row trigger fires), while on
SQLite it uses DELETE, which a trigger would stop. The service (dokument_ta_bort) and the admin refuse
on every database.
"""

from django.db import migrations

SKAPA = """
CREATE OR REPLACE FUNCTION finsam_dokument_last_skydd() RETURNS trigger AS $$
BEGIN
    IF OLD.last THEN
        RAISE EXCEPTION 'Dokument % är låst och kan inte tas bort.', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER finsam_dokument_last_skydd BEFORE DELETE ON finsam_dokument
    FOR EACH ROW EXECUTE FUNCTION finsam_dokument_last_skydd();
"""
TA_BORT = """
DROP TRIGGER IF EXISTS finsam_dokument_last_skydd ON finsam_dokument;
DROP FUNCTION IF EXISTS finsam_dokument_last_skydd();
"""


def skapa(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SKAPA, params=None)


def ta_bort(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TA_BORT, params=None)


class Migration(migrations.Migration):
    dependencies = [("finsam", "0004_kant_handling_textchoices")]

    operations = [migrations.RunPython(skapa, ta_bort)]
