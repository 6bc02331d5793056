"""One reader per format. Each yields RawDocument per record, or Quarantine with a reason code.

Whole-file formats (.txt, .md, .html) yield one document with record 0; record formats (.jsonl,
.csv, .parquet, datasets folders) yield one per line/row, so a bad line costs only that line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from curation.documents import Quarantine, RawDocument, SourceInfo, normalize_text

Item = RawDocument | Quarantine
Reader = Callable[[Path, str, SourceInfo], Iterator[Item]]

# Metadata fields that may carry per-record license evidence; never copied otherwise, since
# arbitrary metadata can hold personal data.
KEPT_METADATA = ("id", "license", "language")


BINARY_FORMATS = {".parquet"}


def looks_binary(path: Path) -> bool:
    """NUL bytes in the first 8 KiB of a file that is not a binary format we read."""
    if path.suffix.lower() in BINARY_FORMATS:
        return False
    with open(path, "rb") as fh:
        return b"\x00" in fh.read(8192)


def _decode(path: Path, rel: str, source: SourceInfo) -> tuple[str | None, Quarantine | None]:
    data = path.read_bytes()
    if not data.strip():
        return None, Quarantine(source.name, rel, None, "empty_file", f"{rel}: the file is empty")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, Quarantine(source.name, rel, None, "not_utf8",
                                f"{rel}: not UTF-8 text (invalid byte at offset {exc.start}); "
                                "re-save it as UTF-8 (e.g. from Shift_JIS)")


def _document(source: SourceInfo, rel: str, record: int, text: object, metadata: dict) -> Item:
    if not isinstance(text, str):
        return Quarantine(source.name, rel, record, "missing_text_field",
                          f"{rel} record {record}: no string field '{source.text_field}'")
    text = normalize_text(text)
    if not text:
        return Quarantine(source.name, rel, record, "empty_text", f"{rel} record {record}: empty text")
    kept = {k: metadata[k] for k in KEPT_METADATA if isinstance(metadata.get(k), str | int)}
    if source.license_field and isinstance(metadata.get(source.license_field), str):
        kept["license"] = metadata[source.license_field]
    return RawDocument(source.name, rel, record, text, kept)


def read_text(path: Path, rel: str, source: SourceInfo) -> Iterator[Item]:
    text, problem = _decode(path, rel, source)
    yield problem or _document(source, rel, 0, text, {})


def read_html(path: Path, rel: str, source: SourceInfo) -> Iterator[Item]:
    from bs4 import BeautifulSoup

    html, problem = _decode(path, rel, source)
    if problem:
        yield problem
        return
    soup = BeautifulSoup(html, "html.parser")
    # Only what a reader of the page sees: scripts, styles and hidden templates are not text.
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    yield _document(source, rel, 0, soup.get_text(separator="\n"), {})


def read_jsonl(path: Path, rel: str, source: SourceInfo) -> Iterator[Item]:
    with open(path, "rb") as fh:
        for index, raw in enumerate(fh):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Quarantine(source.name, rel, index, "malformed_json",
                                 f"{rel} line {index + 1}: not valid JSON ({type(exc).__name__})")
                continue
            if not isinstance(record, dict):
                yield Quarantine(source.name, rel, index, "malformed_json",
                                 f"{rel} line {index + 1}: a JSON object was expected")
                continue
            yield _document(source, rel, index, record.get(source.text_field), record)


def read_csv(path: Path, rel: str, source: SourceInfo) -> Iterator[Item]:
    text, problem = _decode(path, rel, source)
    if problem:
        yield problem
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if source.text_field not in (reader.fieldnames or []):
        yield Quarantine(source.name, rel, None, "unexpected_schema",
                         f"{rel}: no column '{source.text_field}' (columns: {reader.fieldnames})")
        return
    for index, row in enumerate(reader):
        if None in row:  # more cells than header fields
            yield Quarantine(source.name, rel, index, "ragged_row",
                             f"{rel} row {index + 1}: more cells than the header has columns")
            continue
        yield _document(source, rel, index, row.get(source.text_field), row)


def _read_table(table, rel: str, source: SourceInfo) -> Iterator[Item]:
    if source.text_field not in table.column_names:
        yield Quarantine(source.name, rel, None, "unexpected_schema",
                         f"{rel}: no column '{source.text_field}' (columns: {table.column_names})")
        return
    for index, row in enumerate(table.to_pylist()):
        yield _document(source, rel, index, row.get(source.text_field), row)


def read_parquet(path: Path, rel: str, source: SourceInfo) -> Iterator[Item]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        names = parquet.schema_arrow.names
    except Exception as exc:
        yield Quarantine(source.name, rel, None, "unreadable_parquet", f"{rel}: not a readable Parquet file ({exc})")
        return
    if source.text_field not in names:
        yield Quarantine(source.name, rel, None, "unexpected_schema",
                         f"{rel}: no column '{source.text_field}' (columns: {names})")
        return
    columns = [c for c in dict.fromkeys([source.text_field, *KEPT_METADATA, source.license_field]) if c in names]
    index = 0
    for batch in parquet.iter_batches(batch_size=1024, columns=columns):  # row groups stream: bounded memory
        for row in batch.to_pylist():
            yield _document(source, rel, index, row.get(source.text_field), row)
            index += 1


def is_hf_dataset_dir(path: Path) -> bool:
    """A folder written by `datasets.Dataset.save_to_disk`."""
    return (path / "dataset_info.json").is_file() and (path / "state.json").is_file()


def read_hf_dataset(path: Path, rel: str, source: SourceInfo) -> Iterator[Item]:
    from datasets import load_from_disk

    try:
        dataset = load_from_disk(str(path))
    except Exception as exc:
        yield Quarantine(source.name, rel, None, "unreadable_dataset",
                         f"{rel}: not a loadable datasets folder ({type(exc).__name__})")
        return
    if hasattr(dataset, "keys"):  # a DatasetDict: read each split
        for split in sorted(dataset.keys()):
            yield from _read_table(dataset[split].data.table, f"{rel}#{split}", source)
    else:
        yield from _read_table(dataset.data.table, rel, source)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".parquet": read_parquet,
}
