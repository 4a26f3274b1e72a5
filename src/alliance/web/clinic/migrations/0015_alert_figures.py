from django.db import migrations, models


class Migration(migrations.Migration):
    """What an alert is, kept as figures, so its words can be shown in the reader's language.
    Alerts raised before keep their stored text and show it: their figures stay empty."""

    dependencies = [("clinic", "0014_languages")]

    operations = [
        migrations.AddField(
            model_name="alert",
            name="figures",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
