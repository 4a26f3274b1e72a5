"""Delivery test fixtures: a real SMTP server and a stub of the SMS provider's HTTP API, both on
loopback, and the task queue run as its worker would run it."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from tests.web.conftest import DATABASE_TASKS
from tests.web.mail_helpers import smtp_server  # noqa: F401 (a fixture)
from tests.web.worker_helpers import run_worker


@dataclass
class ProviderStub:
    """Twilio's Messages API as far as alliance uses it; `answer` sets the next replies."""

    requests: list = field(default_factory=list)
    answer: tuple = (201, {"sid": "SM0001", "status": "queued"})

    def bodies(self) -> list[str]:
        return [r["form"]["Body"][0] for r in self.requests]


def _handler(stub: ProviderStub):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            form = parse_qs(self.rfile.read(length).decode())
            stub.requests.append(
                {"path": self.path, "form": form, "auth": self.headers["Authorization"]}
            )
            status, payload = stub.answer
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(payload).encode())

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def sms_provider(settings):
    """A loopback HTTP stub of the SMS provider's REST API, with alliance pointed at it."""
    stub = ProviderStub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC-test", "secret-test"
    settings.TWILIO_FROM = "+15005550006"
    yield stub
    server.shutdown()
    server.server_close()


@pytest.fixture
def public_base(settings):
    settings.CHECKIN_BASE_URL = "https://checkin.example.org"
    return settings.CHECKIN_BASE_URL


class QueueWorker:
    """The real worker (db_worker, as `alliance worker` runs it), run by the test when it wants."""

    @staticmethod
    def run_due() -> None:
        run_worker()

    @staticmethod
    def waiting() -> list[str]:
        from django_tasks_db.models import DBTaskResult

        return list(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))


@pytest.fixture
def worker(settings):
    """Tasks wait in the database until the test runs the worker, as in production."""
    settings.TASKS = DATABASE_TASKS
    return QueueWorker()


@pytest.fixture
def reachable(make_client, theo):
    """Theo's client, with an email address and email chosen for check-ins."""
    from alliance.web.delivery.services import set_contact

    def make(*, email: str = "client@example.org", mobile: str = "", delivery: str = "email"):
        client = make_client(theo, sessions=0)
        set_contact(client, email=email, mobile=mobile, delivery=delivery, actor=theo)
        return client

    return make
