"""A clinic served for real: its own throwaway database (SQLite, or PostgreSQL when DATABASE_URL
is set), gunicorn and `alliance worker` in processes of their own that a test can kill -9."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import bench_web
from benchmarks._web_server import (
    REPO,
    free_port,
    gunicorn_command,
    kill_hard,
    start,
    stop,
    wait_until_ready,
)

WORKER = [sys.executable, "-m", "alliance", "worker", "--interval", "0.1"]


@dataclass
class LiveClinic:
    env: dict[str, str]
    folder: Path
    port: int = 0
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def log(self) -> Path:
        return self.folder / "processes.log"

    def seed(self, n_links: int) -> list[tuple[str, dict[str, str]]]:
        out = self.folder / "posts.json"
        command = [sys.executable, "-m", "tests.web.live_seed", str(out), str(n_links)]
        subprocess.run(command, cwd=REPO, env=self.env, check=True)
        return [(path, fields) for path, fields in json.loads(out.read_text())]

    def start(self) -> None:
        """Start (or restart) the worker and the server; return once the server answers."""
        self.processes["worker"] = start(WORKER, self.log, self.env)
        self.start_server()

    def start_server(self) -> None:
        self.port = self.port or free_port()
        self.processes["server"] = start(gunicorn_command(self.port, 2), self.log, self.env)
        wait_until_ready(self.processes["server"], self.port, self.log)

    def kill_hard(self) -> None:
        for process in self.processes.values():
            kill_hard(process)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                stop(process)

    def count(self, sql: str) -> int:
        """The one number a query returns, read straight from the clinic's database."""
        url = self.env["DATABASE_URL"]
        if url:
            import psycopg

            with psycopg.connect(url) as connection:
                return connection.execute(sql).fetchone()[0]
        with sqlite3.connect(self.folder / "alliance.sqlite3") as connection:
            return connection.execute(sql).fetchone()[0]


@contextmanager
def live_clinic() -> Iterator[LiveClinic]:
    database = (
        bench_web.postgres_database(os.environ["DATABASE_URL"])
        if os.environ.get("DATABASE_URL")
        else bench_web.sqlite_database()
    )
    with database as found:
        env = {
            **os.environ,
            **found,
            "DJANGO_SETTINGS_MODULE": "alliance.web.settings",
            "ALLIANCE_SECRET_KEY": secrets.token_urlsafe(50),
            "ALLIANCE_DEBUG": "false",
        }
        clinic = LiveClinic(env, Path(found["ALLIANCE_DATA_DIR"]))
        try:
            yield clinic
        finally:
            clinic.stop()
