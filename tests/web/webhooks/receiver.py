"""A webhook receiver on loopback: it checks each signature and answers as told."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from alliance.web.webhooks.signing import HEADER, verify


class Receiver:
    def __init__(self, answers: list[int]):
        self.answers = list(answers)  # the status of each request in turn; the last one repeats
        self.received: list[dict] = []
        self.secret = ""
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/hook"

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(
                    {
                        "body": body,
                        "signed": verify(receiver.secret, body, self.headers.get(HEADER, "")),
                        "event": self.headers.get("X-Alliance-Event"),
                    }
                )
                status = (
                    receiver.answers.pop(0) if len(receiver.answers) > 1 else receiver.answers[0]
                )
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
