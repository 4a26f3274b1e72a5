"""Fewer waits on PostgreSQL: a cursor whose statements the server plans once per connection and
keeps (server-side prepared), and pipeline mode for statements whose answer nothing waits for.

Planning the check-in link's query costs the server several times what running it does, and the
page and the submit run it on every request. psycopg prepares only through a server-binding
cursor, and only while the connection's `prepare_threshold` is set: the settings set it so high
that nothing is prepared unasked, and Django's own cursors bind on the client, so only the
statements run through this cursor are prepared. Elsewhere (SQLite, or prepared statements
turned off with ALLIANCE_DB_PREPARED_STATEMENTS=false) it is Django's own cursor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from django.db import connection


class _PreparingCursor(psycopg.Cursor):
    """psycopg's server-binding cursor that asks for every statement to be prepared."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        super().execute(query, params, prepare=True, binary=binary)
        if self._query is None:  # a prepared run keeps no statement, which Django's log reads
            self._query = self._convert_query(query, params)
        return self


@contextmanager
def preparing_cursor() -> Iterator:
    """A Django cursor (queries logged and errors translated as usual) that prepares its
    statements where the database can keep them."""
    if not _prepares():
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.validate_thread_sharing()
    raw = _PreparingCursor(connection.connection)
    wrapped = connection.make_debug_cursor(raw) if connection.queries_logged else None
    with wrapped or connection.make_cursor(raw) as cursor:
        yield cursor


def _prepares() -> bool:
    if connection.vendor != "postgresql":
        return False
    connection.ensure_connection()
    return connection.connection.prepare_threshold is not None


@contextmanager
def pipelined() -> Iterator[None]:
    """Statements within are sent without waiting for each one's answer (PostgreSQL's pipeline
    mode); a statement that returns rows still waits for them. Leaving waits for every answer, so
    an error of any statement is raised here, inside the caller's transaction. Elsewhere the
    statements run one by one as usual."""
    if connection.vendor != "postgresql" or not psycopg.Pipeline.is_supported():
        yield
        return
    connection.ensure_connection()
    with connection.wrap_database_errors, connection.connection.pipeline():
        yield
