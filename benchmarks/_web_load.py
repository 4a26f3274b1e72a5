"""Send a fixed list of form posts to a local server from a few threads; count what came back."""

from __future__ import annotations

import http.client
import queue
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from ._web_server import HOST


@dataclass
class Load:
    """What a batch of posts achieved: how many answered as expected, and how fast."""

    requests: int
    ok: int
    seconds: float
    failures: Counter = field(default_factory=Counter)

    @property
    def per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def csrf_cookie(port: int) -> str:
    """The CSRF cookie a browser would get on its first page; posts send it back."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", "/login/")
        reply = connection.getresponse()
        reply.read()
        cookie = SimpleCookie(reply.getheader("Set-Cookie") or "")
    finally:
        connection.close()
    if "csrftoken" not in cookie:
        raise RuntimeError("the login page set no csrftoken cookie")
    return cookie["csrftoken"].value


def post_all(
    port: int, posts: list[tuple[str, dict[str, str]]], *, csrf: str, expect: bytes, threads: int
) -> Load:
    """Post each (path, fields) once, `threads` at a time; ok means 200 and `expect` in the body,
    or a redirect to an address with `expect` in it (the check-in sends to its thank-you page)."""
    work: queue.Queue = queue.Queue()
    for post in posts:
        work.put(post)
    outcomes: list[str] = []
    workers = [
        threading.Thread(target=_drain, args=(port, work, csrf, expect, outcomes))
        for _ in range(threads)
    ]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = time.perf_counter() - start
    failures = Counter(outcome for outcome in outcomes if outcome != "ok")
    return Load(len(posts), outcomes.count("ok"), seconds, failures)


def _drain(port: int, work: queue.Queue, csrf: str, expect: bytes, outcomes: list[str]) -> None:
    while True:
        try:
            path, fields = work.get_nowait()
        except queue.Empty:
            return
        outcomes.append(_post(port, path, {**fields, "csrfmiddlewaretoken": csrf}, csrf, expect))


def _post(port: int, path: str, fields: dict[str, str], csrf: str, expect: bytes) -> str:
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"}
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("POST", path, body=urlencode(fields), headers=headers)
        reply = connection.getresponse()
        body = reply.read()
    except OSError as error:
        return type(error).__name__
    finally:
        connection.close()
    if reply.status in (302, 303):
        body = (reply.getheader("Location") or "").encode()
    elif reply.status != 200:
        return f"HTTP {reply.status}"
    return "ok" if expect in body else "unexpected page"
