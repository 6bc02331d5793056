"""Bulk writes and key lookups in DuckDB: one statement per table, the cost of the rows not the table."""

from __future__ import annotations

from functools import cache

import duckdb

# Keys per lookup by key (by_keys): DuckDB turns a hash join's build side of up to
# `dynamic_or_filter_threshold` values into an IN filter on the other table's scan, which it
# answers through that table's ART index (EXPLAIN ANALYZE: "Type: Index Scan"); above that, and at
# its default of 50, the scan reads the whole table. A long `IN (?, ?, …)` list would use the index
# too, but binding it costs more than the lookups.
KEYS_PER_LOOKUP = 1000


def by_keys(con: duckdb.DuckDBPyConnection, sql: str, keys: list, params: list = ()) -> list[tuple]:
    """Rows of `sql`, which joins a table to `(SELECT unnest(?::TYPE[]) AS column) k` on an indexed
    column, over `keys` in slices of KEYS_PER_LOOKUP (the first parameter), `params` after them.
    Each slice is found through the index: the cost follows the keys, not the table. A filter on
    any other column (`retracted_at IS NULL`, even `dataset = ?`) makes DuckDB scan the table
    instead: apply those to the rows returned."""
    rows: list[tuple] = []
    if not keys:
        return rows
    con.execute(f"SET dynamic_or_filter_threshold = {KEYS_PER_LOOKUP}")
    try:
        for start in range(0, len(keys), KEYS_PER_LOOKUP):
            rows.extend(con.execute(sql, [list(keys[start:start + KEYS_PER_LOOKUP]), *params]).fetchall())
    finally:
        con.execute("RESET dynamic_or_filter_threshold")
    return rows


@cache
def _arrow_schema(columns: tuple[tuple[str, str], ...]):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int32(), "int16": pa.int16(), "int64": pa.int64(),
             "ts": pa.timestamp("us", tz="UTC")}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[tuple[str, str], ...],
                rows: list[tuple], *, on_conflict_do_nothing: bool = False) -> None:
    """`rows` (tuples in the order of `columns`: (name, "str" | "int" | "int16" | "int64" | "ts"))
    into `table` with one INSERT … SELECT over an Arrow table, inside the caller's transaction.
    One statement per table instead of one per row: executemany costs 1-2 ms a row here. With
    `on_conflict_do_nothing` a row whose key exists, or came earlier in `rows`, is left out, as
    one INSERT … ON CONFLICT DO NOTHING per row would."""
    if not rows:
        return
    import pyarrow as pa

    schema = _arrow_schema(columns)
    data = pa.Table.from_arrays([pa.array(values, type=field.type) for values, field in
                                 zip(zip(*rows, strict=True), schema, strict=True)], schema=schema)
    name, names = f"_bulk_{table}", ", ".join(schema.names)
    con.register(name, data)
    try:
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {name}"
                    + (" ON CONFLICT DO NOTHING" if on_conflict_do_nothing else ""))
    finally:
        con.unregister(name)
