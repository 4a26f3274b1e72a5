"""Goals marked 'reached' or 'dropped' before these statuses were renamed keep their meaning."""

from django.db import migrations

RENAMED = {"reached": "achieved", "dropped": "set-aside"}


def forwards(apps, schema_editor):
    goal = apps.get_model("clinic", "Goal")
    for old, new in RENAMED.items():
        goal.objects.filter(status=old).update(status=new)


def backwards(apps, schema_editor):
    goal = apps.get_model("clinic", "Goal")
    for old, new in RENAMED.items():
        goal.objects.filter(status=new).update(status=old)
    goal.objects.filter(status="revised").update(status="active")


class Migration(migrations.Migration):
    dependencies = [("clinic", "0002_goal_agreement_tasks_ruptures_and_alert_closing")]
    operations = [migrations.RunPython(forwards, backwards)]
