from django.db import migrations, models


def answered_through_a_link_in_english(apps, schema_editor):
    Response = apps.get_model("clinic", "Response")
    Response.objects.filter(link__isnull=False).update(language="en")


class Migration(migrations.Migration):
    """The client's check-in language, and the language each response was answered in. The
    check-in page was English only until now, so answers that came through a link say "en";
    imported and entered answers stay unknown (empty)."""

    dependencies = [("clinic", "0013_client_progress_view")]

    operations = [
        migrations.AddField(
            model_name="client",
            name="language",
            field=models.CharField(
                default="en",
                help_text="The language of the client's check-in, its messages and the kiosk; "
                "one of the LANGUAGES setting, chosen by the therapist.",
                max_length=10,
                verbose_name="check-in language",
            ),
        ),
        migrations.AddField(
            model_name="checkinsubmission",
            name="language",
            field=models.CharField(blank=True, default="en", max_length=10),
        ),
        migrations.AlterField(
            model_name="checkinsubmission",
            name="language",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.AddField(
            model_name="response",
            name="language",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.RunPython(answered_through_a_link_in_english, migrations.RunPython.noop),
    ]
