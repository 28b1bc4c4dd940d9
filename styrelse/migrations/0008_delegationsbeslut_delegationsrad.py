"""Delegation decisions point to the versioned delegation order; the diarium's retention comes from the records plan."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("styrelse", "0007_delegationsordning_dokumenthanteringsplan_data"),
    ]

    operations = [
        migrations.RemoveField(model_name="delegationsbeslut", name="delegation"),
        migrations.RenameField(model_name="delegationsbeslut", old_name="rad", new_name="delegation"),
        migrations.AlterField(
            model_name="delegationsbeslut",
            name="delegation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="beslut",
                to="forvaltning.delegationsrad",
                verbose_name="enligt delegationsordningen",
            ),
        ),
        migrations.RemoveField(model_name="handlingstyp", name="bevaras"),
        migrations.RemoveField(model_name="handlingstyp", name="gallras_efter_ar"),
        migrations.RemoveField(model_name="handlingstyp", name="vid_inaktualitet"),
        migrations.DeleteModel(name="Delegation"),
    ]
