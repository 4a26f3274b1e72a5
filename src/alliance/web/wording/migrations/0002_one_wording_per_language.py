from django.db import migrations, models


class Migration(migrations.Migration):
    """A clinic may import an instrument's licensed wording once for each of its languages."""

    dependencies = [("wording", "0001_licensed_wording")]

    operations = [
        migrations.RemoveConstraint(model_name="licensedwording", name="one_wording_per_instrument"),
        migrations.AddConstraint(
            model_name="licensedwording",
            constraint=models.UniqueConstraint(
                fields=("clinic", "instrument", "language"),
                name="one_wording_per_instrument_and_language",
            ),
        ),
    ]
