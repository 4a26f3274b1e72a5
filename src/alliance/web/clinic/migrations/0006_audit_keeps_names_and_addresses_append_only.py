"""Audit rows keep the actor's username, the client's code and the address as text; on
PostgreSQL a trigger refuses to change or delete them (only the links to a removed user or
client may become empty)."""

import django.utils.timezone
from django.db import migrations, models


APPEND_ONLY = """
CREATE OR REPLACE FUNCTION clinic_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (to_jsonb(NEW) - 'actor_id' - 'client_id') = (to_jsonb(OLD) - 'actor_id' - 'client_id')
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.client_id IS NULL OR NEW.client_id = OLD.client_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit rows are append-only (%% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER clinic_auditevent_append_only BEFORE UPDATE OR DELETE ON clinic_auditevent
    FOR EACH ROW EXECUTE FUNCTION clinic_auditevent_append_only();
"""
DROP_APPEND_ONLY = """
DROP TRIGGER IF EXISTS clinic_auditevent_append_only ON clinic_auditevent;
DROP FUNCTION IF EXISTS clinic_auditevent_append_only();
"""


def name_the_actors_and_clients(apps, schema_editor):
    events = apps.get_model("clinic", "AuditEvent").objects
    for event in events.select_related("actor", "client").iterator():
        event.actor_name = event.actor.username if event.actor else ""
        event.client_code = event.client.code if event.client else ""
        event.kind = "export" if event.action == "report-exported" else "change"
        event.save(update_fields=["actor_name", "client_code", "kind"])


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('clinic', '0005_clinics_on_the_old_default_get_the_new_rupture_rules'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='actor_name',
            field=models.CharField(blank=True, db_index=True, max_length=150),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='client_code',
            field=models.CharField(blank=True, db_index=True, max_length=32),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='ip',
            field=models.GenericIPAddressField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='kind',
            field=models.CharField(choices=[('read', 'Read'), ('change', 'Change'), ('export', 'Export'), ('erase', 'Erase'), ('account', 'Account')], default='change', max_length=10),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now),
        ),
        migrations.RunPython(name_the_actors_and_clients, migrations.RunPython.noop),
        migrations.RunPython(_on_postgresql(APPEND_ONLY), _on_postgresql(DROP_APPEND_ONLY)),
    ]
