from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("finsam", "0007_handelse_nya_handlingar_2"),
    ]

    operations = [
        migrations.AddField(
            model_name="medlem",
            name="epost",
            field=models.EmailField(
                blank=True,
                help_text="Medlemmens registrator eller funktionsbrevlåda, t.ex. för påminnelser om ansvarsfrihet.",
                max_length=254,
                verbose_name="e-post för ärenden",
            ),
        ),
    ]
