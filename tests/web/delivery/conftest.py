"""Delivery test fixtures: a real SMTP server and a stub of the SMS provider's HTTP API, both on
loopback, and the task queue run as its worker would run it."""

from __future__ import annotations

import email
import email.policy
import json
import re
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from aiosmtpd.controller import Controller

URL = re.compile(r"https?://[^\s]+/c/[A-Za-z0-9_-]+/")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Mailbox:
    """What the SMTP server received; addresses in `refuse` get a 550."""

    messages: list = field(default_factory=list)
    refuse: set = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in m["To"]]

    @staticmethod
    def text(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def links_to(self, address: str) -> list[str]:
        return [url for m in self.to(address) for url in URL.findall(self.text(m))]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's email framework sends to it over SMTP."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER = False, ""
    yield mailbox
    controller.stop()


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
    """Runs the queued tasks that are due, as the worker does, until none is left due."""

    def __init__(self, backend):
        self.backend = backend

    def due(self) -> list:
        from django.utils import timezone

        now = timezone.now()
        return [r for r in self.backend.results if not r.task.run_after or r.task.run_after <= now]

    def waiting(self) -> list[str]:
        return [r.task.name for r in self.backend.results]

    def run_due(self) -> list:
        done = []
        while due := self.due():
            for result in due:
                self.backend.results.remove(result)
                done.append(result.task.call(*result.args, **result.kwargs))
        return done


@pytest.fixture
def worker(settings):
    """The task queue with a worker the test runs; tasks wait until the test runs them."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return QueueWorker(default_task_backend)


@pytest.fixture
def reachable(make_client, theo):
    """Theo's client, with an email address and email chosen for check-ins."""
    from alliance.web.delivery.services import set_contact

    def make(*, email: str = "client@example.org", mobile: str = "", delivery: str = "email"):
        client = make_client(theo, sessions=0)
        set_contact(client, email=email, mobile=mobile, delivery=delivery, actor=theo)
        return client

    return make
