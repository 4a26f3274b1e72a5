"""SMS backends: one small interface, a provider over its HTTP API, and an outbox of files.

`ALLIANCE_SMS_BACKEND` picks one: `outbox` (the default: each message is written to a file in
the data directory's `outbox/`, as email is without EMAIL_HOST) or `twilio` (Twilio's REST API).
"""

from __future__ import annotations

import base64
import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils import timezone


class SmsError(Exception):
    """The message did not go out; `permanent` when trying again cannot help."""

    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


class SmsBackend:
    def send(self, to: str, body: str) -> str:
        """Send one message; the provider's id of it, or SmsError."""
        raise NotImplementedError


class OutboxSms(SmsBackend):
    """Writes each message to a file, for the demo and for clinics without a provider."""

    def __init__(self, folder: Path):
        self.folder = folder

    def send(self, to: str, body: str) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"sms-{timezone.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}.txt"
        (self.folder / name).write_text(f"To: {to}\n\n{body}\n", encoding="utf-8")
        return name


class TwilioSms(SmsBackend):
    """Twilio's Messages API: POST /2010-04-01/Accounts/{sid}/Messages.json, basic auth."""

    def __init__(self, *, api_url: str, account_sid: str, auth_token: str, sender: str):
        self.api_url, self.account_sid = api_url.rstrip("/"), account_sid
        self.auth_token, self.sender = auth_token, sender

    def send(self, to: str, body: str) -> str:
        request = urllib.request.Request(
            f"{self.api_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json",
            data=urllib.parse.urlencode({"To": to, "From": self.sender, "Body": body}).encode(),
            headers={"Authorization": self._auth(), "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=settings.SMS_TIMEOUT) as answer:
                return json.load(answer).get("sid", "")
        except urllib.error.HTTPError as error:
            raise _refused(error) from None
        except (urllib.error.URLError, OSError) as error:
            reason = f"SMS provider unreachable ({type(error).__name__})"
            raise SmsError(reason, permanent=False) from None

    def _auth(self) -> str:
        pair = f"{self.account_sid}:{self.auth_token}".encode()
        return "Basic " + base64.b64encode(pair).decode()


def _refused(error: urllib.error.HTTPError) -> SmsError:
    """The provider's error code only: its message may quote the number."""
    try:
        code = json.load(error).get("code", "")
    except ValueError:
        code = ""
    detail = f"error {code}" if code else f"HTTP {error.code}"
    transient = error.code == 429 or error.code >= 500
    return SmsError(f"SMS provider refused the message ({detail})", permanent=not transient)


def sms_backend() -> SmsBackend:
    if settings.SMS_BACKEND == "twilio":
        return TwilioSms(
            api_url=settings.TWILIO_API_URL,
            account_sid=settings.TWILIO_ACCOUNT_SID,
            auth_token=settings.TWILIO_AUTH_TOKEN,
            sender=settings.TWILIO_FROM,
        )
    return OutboxSms(settings.OUTBOX_DIR)
