"""Send a fixed list of GETs to a local server from several users at once, each user a thread
with its own cookies (a logged-in session, or none); count what came back."""

from __future__ import annotations

import http.client
import queue
import threading
import time
from collections import Counter

from ._web_load import Load
from ._web_server import HOST


def get_all(port: int, paths: list[str], *, cookies: list[str], expect: bytes) -> Load:
    """GET each path once, one thread per entry of `cookies` (a Cookie header, or "");
    ok means 200 with `expect` in the body."""
    work: queue.Queue = queue.Queue()
    for path in paths:
        work.put(path)
    outcomes: list[str] = []
    users = [
        threading.Thread(target=_drain, args=(port, work, cookie, expect, outcomes))
        for cookie in cookies
    ]
    start = time.perf_counter()
    for user in users:
        user.start()
    for user in users:
        user.join()
    seconds = time.perf_counter() - start
    failures = Counter(outcome for outcome in outcomes if outcome != "ok")
    return Load(len(paths), outcomes.count("ok"), seconds, failures)


def _drain(port: int, work: queue.Queue, cookie: str, expect: bytes, outcomes: list[str]) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        while True:
            try:
                path = work.get_nowait()
            except queue.Empty:
                return
            outcomes.append(_get(connection, path, cookie, expect))
    finally:
        connection.close()


def _get(connection: http.client.HTTPConnection, path: str, cookie: str, expect: bytes) -> str:
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        reply = connection.getresponse()
        body = reply.read()
    except (OSError, http.client.HTTPException) as error:
        connection.close()  # the next request opens a fresh connection
        return type(error).__name__
    if reply.status != 200:
        return f"HTTP {reply.status}"
    return "ok" if expect in body else "unexpected page"
