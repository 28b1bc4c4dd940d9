
import django.core.validators
import uppfoljning.models
from django.db import migrations, models


def hoj_maskeringsgrans(apps, schema_editor):
    """Masking is always on for board, auditors and the public: thresholds under 3 (0 was "off") become 3."""
    Installning = apps.get_model("uppfoljning", "Installning")
    Installning.objects.filter(maskeringsgrans__lt=3).update(maskeringsgrans=3)


class Migration(migrations.Migration):

    dependencies = [
        ('finsam', '0001_initial'),
        ('uppfoljning', '0002_importkorning'),
    ]

    operations = [
        migrations.AddField(
            model_name='inskrivning',
            name='alder_skal',
            field=models.CharField(blank=True, help_text='Krävs när deltagarens ålder vid start ligger utanför insatsens målgrupp; räknas i årsredovisningens not.', max_length=300, verbose_name='skäl till ålder utanför målgruppen'),
        ),
        migrations.AlterField(
            model_name='deltagare',
            name='kod',
            field=models.CharField(max_length=40, validators=[django.core.validators.RegexValidator('^[A-Za-z0-9ÅÄÖåäö_.-]{1,40}$', 'Deltagarkoden får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck (högst 40 tecken).'), uppfoljning.models.kod_inte_personnummer], verbose_name='deltagarkod'),
        ),
        migrations.AlterField(
            model_name='installning',
            name='maskeringsgrans',
            field=models.PositiveSmallIntegerField(default=3, help_text='Antal under denna gräns visas som ”<N” för styrelse, revisorer och i dokument för publicering (minst 3).', verbose_name='maskeringsgräns'),
        ),
        migrations.RunPython(hoj_maskeringsgrans, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='installning',
            constraint=models.CheckConstraint(condition=models.Q(('maskeringsgrans__gte', 3), ('maskeringsgrans__lte', 100)), name='uppf_maskeringsgrans_intervall'),
        ),
    ]
