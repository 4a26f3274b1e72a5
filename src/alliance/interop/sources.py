"""Read a table from a CSV file, a Parquet file, or a folder of Parquet files (partitioned by
site, year or anything else, as `site=north/year=2025/part-0.parquet`), whole or in chunks of
whole clients so that memory stays bounded whatever the file's size.

Text columns arrive as text (as from a CSV), numbers as numbers, partition folders' values
(site=north) as text; the science reads either, so a Parquet file and the CSV of the same data give
the same results. Store codes (client, therapist) as text: an integer column of codes arrives as
numbers and prints without leading zeros.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from .tables import TEXT_COLUMNS, TableError, read_csv

CHUNK_ROWS = 500_000  # rows read at a time when reading in chunks (then rounded to whole clients)
WHOLE_ROWS = 2_000_000  # a Parquet source up to this many rows is read whole
WHOLE_CSV_BYTES = 64 * 1024**2  # and a CSV up to this size (about 2 M answer rows)


def is_parquet(path: Path | str) -> bool:
    path = Path(path)
    return path.is_dir() or path.suffix.lower() in {".parquet", ".pq"}


def read_table(path: Path | str) -> pd.DataFrame:
    """The whole table, from CSV or Parquet (a file or a folder)."""
    if not is_parquet(path):
        return read_csv(path)
    return _as_text(_dataset(path).to_table())


def column_names(path: Path | str) -> list[str]:
    """The table's columns, read from its header or schema only."""
    if is_parquet(path):
        return list(_dataset(path).schema.names)
    return list(_csv_errors_named(path, lambda: pd.read_csv(path, nrows=0, **TEXT_COLUMNS)).columns)


def count_rows(path: Path | str) -> int | None:
    """Rows in a Parquet source (from its metadata); None for a CSV, which would need a pass."""
    return _dataset(path).count_rows() if is_parquet(path) else None


def client_chunks(
    path: Path | str, *, client: str = "client_id", rows: int | None = None
) -> Iterator[tuple[int, pd.DataFrame]]:
    """(rows before it, piece) for pieces of about `rows` rows, each holding all its clients' rows.

    That needs each client's rows together (as exports write them). When they are not, the whole
    table comes as one piece, which is as correct and only bounded by memory. A source small
    enough to hold (WHOLE_ROWS, WHOLE_CSV_BYTES) also comes whole: one read, one piece.
    """
    if _small(path) or not _clients_together(path, client):
        yield 0, read_table(path)
        return
    carried, offset = None, 0
    for batch in _batches(path, rows or CHUNK_ROWS):
        frame = batch if carried is None else pd.concat([carried, batch], ignore_index=True)
        if client not in frame or frame.empty:
            carried = frame
            continue
        last = (frame[client] == frame[client].iloc[-1]).to_numpy()
        first_of_last = int(np.argmax(last))
        carried = frame.iloc[first_of_last:].reset_index(drop=True)
        if first_of_last:
            yield offset, frame.iloc[:first_of_last].reset_index(drop=True)
            offset += first_of_last
    if carried is not None:
        yield offset, carried


def _small(path: Path | str) -> bool:
    if is_parquet(path):
        rows = count_rows(path)
        return rows is not None and rows <= WHOLE_ROWS
    return Path(path).exists() and Path(path).stat().st_size <= WHOLE_CSV_BYTES


def _clients_together(path: Path | str, client: str) -> bool:
    """True when each client's rows form one unbroken run (read from that one column)."""
    try:
        ids = _one_column(path, client)
    except (KeyError, ValueError, pa.ArrowInvalid):
        return False  # no such column: the whole read reports it
    codes, uniques = pd.factorize(ids)
    if not len(codes):
        return True
    runs = 1 + int(np.count_nonzero(codes[1:] != codes[:-1]))
    distinct = len(uniques) + int((codes < 0).any())  # a missing id (code -1) counts as one more
    return runs == distinct


def _one_column(path: Path | str, column: str) -> pd.Series:
    if is_parquet(path):
        return _as_text(_dataset(path).to_table(columns=[column]))[column]
    return pd.read_csv(path, engine="pyarrow", usecols=[column], **TEXT_COLUMNS)[column]


def _batches(path: Path | str, rows: int) -> Iterator[pd.DataFrame]:
    if is_parquet(path):
        for batch in _dataset(path).to_batches(batch_size=rows):
            yield _as_text(pa.Table.from_batches([batch]))
        return
    reader = _csv_errors_named(path, lambda: pd.read_csv(path, chunksize=rows, **TEXT_COLUMNS))
    while (batch := _csv_errors_named(path, lambda: next(reader, None))) is not None:
        yield batch


def _csv_errors_named(path: Path | str, read):
    try:
        return read()
    except FileNotFoundError:
        raise TableError(f"{path}: no such file") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise TableError(f"{path}: not a readable CSV file ({error})") from None


def _dataset(path: Path | str) -> ds.Dataset:
    if not Path(path).exists():
        raise TableError(f"{path}: no such file or folder")
    try:
        return ds.dataset(path, format="parquet", partitioning="hive")
    except (pa.ArrowInvalid, OSError) as error:
        raise TableError(f"{path}: not a readable Parquet file or folder ({error})") from None


def _as_text(table: pa.Table) -> pd.DataFrame:
    """Text and partition (dictionary) columns as pandas text, as a CSV gives them."""
    frame = table.to_pandas()
    for name, field in zip(table.column_names, table.schema, strict=True):
        kind = field.type
        if (
            pa.types.is_dictionary(kind)
            or pa.types.is_string(kind)
            or pa.types.is_large_string(kind)
        ):
            frame[name] = frame[name].astype("str").where(frame[name].notna())
    return frame
