"""Run the clinic app under gunicorn on 127.0.0.1 for the length of a benchmark."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ._compare import PYTHONPATH, REPO

HOST = "127.0.0.1"
STARTUP_SECONDS = 60


def free_port() -> int:
    """A port nothing listens on right now, chosen by the operating system."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def gunicorn_command(port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "alliance.web.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
    ]


WORKER_COMMAND = [sys.executable, "-m", "alliance", "worker"]  # as deployed: its default interval


@contextmanager
def running_server(*, workers: int, log: Path) -> Iterator[int]:
    """Start gunicorn and one task worker (`alliance worker`) with this process's environment;
    yield the server's port once it answers."""
    port = free_port()
    started = [start(gunicorn_command(port, workers), log), start(WORKER_COMMAND, log)]
    try:
        wait_until_ready(started[0], port, log)
        yield port
    finally:
        for process in started:
            stop(process)


def start(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start a command in a process group of its own (so `kill_hard` reaches its children)."""
    env = {**(env or os.environ), "PYTHONPATH": PYTHONPATH}
    with log.open("ab") as output:  # the processes' and the app's own logs, for a failed run
        return subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kill_hard(process)


def kill_hard(process: subprocess.Popen) -> None:
    """SIGKILL the process and everything it started (gunicorn's workers), as a crash would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def wait_until_ready(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start:\n{_tail(log)}")
        if _answers(port):
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {STARTUP_SECONDS} s:\n{_tail(log)}")


def _answers(port: int) -> bool:
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", "/login/")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def _tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text().splitlines()[-lines:]) if log.exists() else "(no log)"


def run_backend(module: str, database: dict[str, str], sizes, results: str) -> dict:
    """One benchmark backend (a module of benchmarks) on one database in a child process, with
    the benchmark's settings and a fresh secret; its figures, read back from its JSON file."""
    found = Path(database["ALLIANCE_DATA_DIR"]) / results
    env = {
        **os.environ,
        **database,
        "DJANGO_SETTINGS_MODULE": "benchmarks._web_settings",
        "ALLIANCE_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLIANCE_DEBUG": "false",
        "PYTHONPATH": PYTHONPATH,
    }
    command = [sys.executable, "-m", module, str(found), json.dumps(asdict(sizes))]
    subprocess.run(command, cwd=REPO, env=env, check=True)
    return json.loads(found.read_text())
