"""`kpss export`: the whole archive (or several) as one dataset of tables for analysts, in
SQLite, Parquet or JSON Lines, with the schema of docs/export.md."""
