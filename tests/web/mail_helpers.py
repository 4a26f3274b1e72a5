"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, as a fixture."""

from __future__ import annotations

import email
import email.policy
import re
import socket
from dataclasses import dataclass, field

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
