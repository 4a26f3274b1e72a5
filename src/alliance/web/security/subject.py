"""Subject access and erasure: everything held about one client as a ZIP of JSON and CSV, and the
removal of it all. What "everything" is comes from the database itself: every row that deleting
the client would delete (answers, scores, goals, tasks, alerts, ruptures, contact details, ...),
plus the audit of who read or changed the record."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.core.serializers import serialize
from django.db import router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from alliance.web.clinic.models import AuditEvent, AuditKind, Client, ClinicSettings

from .audit_log import as_dict
from .models import AnonymousScore

README = """Everything alliance holds about client {code}, exported {when}.

One JSON file and one CSV file per kind of record ({kinds}), and audit.json / audit.csv: who read
or changed the record, when and from where. Answers are stored as the instrument's item numbers
and the values given; scores as computed. Dates and times are UTC.
"""


def held_rows(client: Client) -> dict[str, list]:
    """Every row about the client, by model label, as deleting the client would find them."""
    collector = Collector(using=router.db_for_write(Client))
    collector.collect([client])
    found: dict[str, list] = {}
    for model, rows in collector.data.items():
        found.setdefault(model._meta.label, []).extend(rows)
    for queryset in collector.fast_deletes:
        found.setdefault(queryset.model._meta.label, []).extend(queryset)
    return {label: sorted(rows, key=lambda row: row.pk) for label, rows in sorted(found.items())}


def export_zip(client: Client) -> bytes:
    """The ZIP a subject-access request is answered with."""
    rows = held_rows(client)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for label, objects in rows.items():
            records = json.loads(serialize("json", objects))
            flat = [{"id": r["pk"], **r["fields"]} for r in records]
            archive.writestr(f"{label}.json", json.dumps(flat, indent=2, ensure_ascii=False))
            archive.writestr(f"{label}.csv", _csv(flat))
        audit = [as_dict(event) for event in AuditEvent.objects.filter(client=client)]
        archive.writestr("audit.json", json.dumps(audit, indent=2, ensure_ascii=False))
        archive.writestr("audit.csv", _csv(audit))
        when = timezone.now().isoformat(timespec="seconds")
        archive.writestr(
            "README.txt", README.format(code=client.code, when=when, kinds=", ".join(rows))
        )
    return buffer.getvalue()


@transaction.atomic
def erase(client: Client, *, by=None, reason: str = "erasure-request") -> int:
    """Remove the client and every row about them; the audit keeps the code and the erasure. With
    the clinic's `erasure_keeps_scores`, scores stay as anonymous rows with no link to anyone."""
    from alliance.web.clinic.audit import event

    if ClinicSettings.for_clinic(client.clinic_id).erasure_keeps_scores:
        AnonymousScore.keep_from(client)
    count = sum(len(rows) for rows in held_rows(client).values())
    event(by, client, reason, f"{count} rows", kind=AuditKind.ERASE).save()
    client.delete()
    return count


def _csv(rows: list[dict]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in row.items()}
        )
    return buffer.getvalue()
