"""Exports of the record (interchange CSV with its data dictionary, Parquet, research exports)
and the import of history from the interchange CSV."""
