"""Record formats: one document per JSONL line, CSV row, Parquet row or datasets row.

A bad line or row costs only itself. The text is the field SOURCE.yaml names as `text_field`;
of the other fields only KEPT_METADATA is kept (base.ReadContext.document).
"""

from __future__ import annotations

import csv
import io
import json
import mmap
import sys
from collections.abc import Iterator
from pathlib import Path

from curation.sources.files import open_regular, tree_files
from curation.sources.formats.base import (
    KEPT_METADATA,
    Blob,
    Item,
    ReadContext,
    TooLarge,
)
from curation.sources.formats.encodings import bom_encoding
from curation.sources.formats.parquetsafe import (
    PageSizes,
    Unwalkable,
    page_sizes,
    wanted_chunks,
)
from curation.sources.formats.text import decode


def read_jsonl(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    """JSON Lines is UTF-8 by its specification: no other encoding is guessed, and a line that is
    not UTF-8 is quarantined as `not_utf8` (a UTF-16/32 file, once, as a whole)."""
    if bom_encoding(blob.head(4)):
        yield ctx.quarantine(None, "not_utf8", "UTF-16/32 text (byte order mark), but JSON Lines files are UTF-8 "
                                               "by their specification; re-save it as UTF-8")
        return
    with blob.open() as fh:
        for index, raw in enumerate(fh):
            ctx.budget.charge(len(raw))
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except RecursionError:  # one deeply nested line must not end the file's loop
                yield ctx.quarantine(index, "malformed_json", f"line {index + 1}: JSON nested too deeply to read")
                continue
            except UnicodeDecodeError as exc:
                yield ctx.quarantine(index, "not_utf8", f"line {index + 1}: not UTF-8 (invalid byte at offset "
                                                        f"{exc.start}), but JSON Lines files are UTF-8 by their "
                                                        "specification; re-save it as UTF-8")
                continue
            except ValueError as exc:  # JSONDecodeError, over-long integers
                yield ctx.quarantine(index, "malformed_json", f"line {index + 1}: not valid JSON ({type(exc).__name__})")
                continue
            if not isinstance(record, dict):
                yield ctx.quarantine(index, "malformed_json", f"line {index + 1}: a JSON object was expected")
                continue
            yield ctx.document(index, record.get(ctx.source.text_field), record)


def read_csv(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    text, decoded_from, problem = decode(blob, ctx)
    if problem:
        yield problem
        return
    # The csv module refuses a field above field_size_limit() (128 KiB by default) and cannot
    # resume after it: raise the limit to the file limit, which the whole file is already under.
    if csv.field_size_limit() < ctx.budget.limit:
        csv.field_size_limit(min(ctx.budget.limit, sys.maxsize))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        yield ctx.quarantine(None, "malformed_csv", f"the header row cannot be read ({exc.__class__.__name__})")
        return
    if ctx.source.text_field not in fieldnames:
        yield ctx.quarantine(None, "unexpected_schema",
                             f"no column named by SOURCE.yaml's text_field (the header has {len(fieldnames)} column(s))")
        return
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a bad row costs that row only
            yield ctx.quarantine(index, "malformed_csv", f"row {index + 1}: cannot be parsed ({type(exc).__name__})")
            index += 1
            continue
        if None in row:  # more cells than header fields
            yield ctx.quarantine(index, "ragged_row", f"row {index + 1}: more cells than the header has columns")
        else:
            yield ctx.document(index, row.get(ctx.source.text_field), row, where=decoded_from)
        index += 1


def _wanted_columns(ctx: ReadContext, names: list[str]) -> list[str]:
    return [c for c in dict.fromkeys([ctx.source.text_field, *KEPT_METADATA, ctx.source.license_field])
            if c in names]


def _iter_table(table, ctx: ReadContext) -> Iterator[Item]:
    if ctx.source.text_field not in table.column_names:
        yield ctx.quarantine(None, "unexpected_schema",
                             f"no column named by SOURCE.yaml's text_field (the table has {len(table.column_names)} column(s))")
        return
    table = table.select(_wanted_columns(ctx, table.column_names))
    index = 0
    for batch in table.to_batches(max_chunksize=256):
        ctx.budget.charge(batch.nbytes)
        for row in batch.to_pylist():
            yield ctx.document(index, row.get(ctx.source.text_field), row)
            index += 1


def read_parquet(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    import pyarrow.parquet as pq

    fh = blob.open()
    try:
        parquet = pq.ParquetFile(fh)
        names = parquet.schema_arrow.names
    except Exception as exc:
        fh.close()
        yield ctx.quarantine(None, "unreadable_parquet", f"not a readable Parquet file ({type(exc).__name__})")
        return
    with fh:
        if ctx.source.text_field not in names:
            yield ctx.quarantine(None, "unexpected_schema",
                                 f"no column named by SOURCE.yaml's text_field (the file has {len(names)} column(s))")
            return
        columns = _wanted_columns(ctx, names)
        try:
            sizes = _page_sizes(blob, fh, parquet.metadata, set(columns))
        except Unwalkable as exc:
            yield ctx.quarantine(None, "unreadable_parquet", f"its pages cannot be checked before decoding ({exc})")
            return
        # What the pages' own headers say they inflate to (the footer's totals can lie): refuse
        # before inflating anything.
        if sizes.inflated > ctx.budget.limit:
            raise TooLarge(sizes.inflated)
        # A batch repeats dictionary values at no cost in the pages: few enough rows that a batch
        # of the largest value fits the limit, charged as it comes.
        rows = max(1, min(64, ctx.budget.limit // max(sizes.largest_dictionary, 1)))
        index = 0
        for batch in parquet.iter_batches(batch_size=rows, columns=columns):
            ctx.budget.charge(batch.nbytes)
            for row in batch.to_pylist():
                yield ctx.document(index, row.get(ctx.source.text_field), row)
                index += 1


def _page_sizes(blob: Blob, fh, meta, wanted: set[str]) -> PageSizes:
    try:
        chunks = wanted_chunks(meta, wanted)
        if blob.data is not None:
            return page_sizes(blob.data, chunks)
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as view:  # a parquet file is never empty
            return page_sizes(view, chunks)
    except Unwalkable:
        raise
    except Exception as exc:  # noqa: BLE001 - the footer's metadata failing to list its chunks: refused the same
        raise Unwalkable(f"its column chunks cannot be listed ({type(exc).__name__})") from exc


def is_hf_dataset_dir(path: Path) -> bool:
    """A folder written by `datasets.Dataset.save_to_disk`."""
    return (path / "dataset_info.json").is_file() and (path / "state.json").is_file()


def hf_dataset_problem(path: Path) -> str | None:
    """Why a datasets folder must not be loaded, or None. `state.json` names the Arrow files that
    `load_from_disk` opens: each must be a plain file name inside the folder (never `../x` or an
    absolute path), and the folder must hold no link or special file."""
    try:
        tree_files(path)
        state = json.loads(open_regular(path / "state.json").read().decode("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        return f"the folder or its state.json cannot be read safely ({type(exc).__name__})"
    files = state.get("_data_files") if isinstance(state, dict) else None
    if not isinstance(files, list) or not files:
        return "state.json lists no data files"
    for entry in files:
        name = entry.get("filename") if isinstance(entry, dict) else None
        if (not isinstance(name, str) or not name or "/" in name or "\\" in name or name in (".", "..")
                or "\x00" in name or not (path / name).is_file() or (path / name).is_symlink()):
            return "state.json names a data file outside the folder or one that is not a plain file in it"
    return None


def read_hf_dataset(path: Path, ctx: ReadContext) -> Iterator[Item]:
    """A `save_to_disk` folder in the inbox (never inside a container): each split's rows."""
    if problem := hf_dataset_problem(path):
        yield ctx.quarantine(None, "path_escape", problem)
        return
    from datasets import load_from_disk

    try:
        dataset = load_from_disk(str(path), keep_in_memory=False)
    except Exception as exc:
        yield ctx.quarantine(None, "unreadable_dataset", f"not a loadable datasets folder ({type(exc).__name__})")
        return
    if hasattr(dataset, "keys"):  # a DatasetDict: read each split
        from dataclasses import replace

        for n, split in enumerate(sorted(dataset.keys())):
            yield from _iter_table(dataset[split].data.table, replace(ctx, rel=f"{ctx.rel}#{n}"))
    else:
        yield from _iter_table(dataset.data.table, ctx)
