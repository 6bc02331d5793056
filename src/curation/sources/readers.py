"""One reader per format. Each yields RawDocument per record, or Quarantine with a reason code.

Whole-file formats (.txt, .md, .html) yield one document with record 0; record formats (.jsonl,
.csv, .parquet, datasets folders) yield one per line/row, so a bad line costs only that line.

Messages never quote the input: not a value, a column name, a key, a parser's snippet or the file's
name (the item's stored path says where it is). They say what kind of thing went wrong, where
(line, row, count) and what to do.

Every reader charges what it decodes to a `Budget` of the policy's `inputs.max_file_mb`, while it
streams: a small compressed file (Parquet, Arrow) that inflates past the limit stops there.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from curation.documents import Quarantine, RawDocument, SourceInfo, normalize_text
from curation.sources.files import open_regular, tree_files

Item = RawDocument | Quarantine
Reader = Callable[..., Iterator[Item]]

# Metadata fields that may carry per-record license evidence; never copied otherwise, since
# arbitrary metadata can hold personal data.
KEPT_METADATA = ("id", "license", "language")

BINARY_FORMATS = {".parquet"}
DEFAULT_LIMIT = 100 * 2**20


class TooLarge(Exception):
    """The decoded content of a file went past the budget."""


class Budget:
    """Bytes a reader may decode from one file (inputs.max_file_mb): charged while streaming."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.limit, self.used = limit, 0

    def charge(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise TooLarge(self.used)

    def charge_text(self, value: object) -> None:
        if isinstance(value, str):
            self.charge(len(value))
        elif isinstance(value, bytes | bytearray):
            self.charge(len(value))


def looks_binary(path: Path) -> bool:
    """NUL bytes in the first 8 KiB of a file that is not a binary format we read."""
    if path.suffix.lower() in BINARY_FORMATS:
        return False
    with open_regular(path) as fh:
        return b"\x00" in fh.read(8192)


def _read_bounded(path: Path, budget: Budget) -> bytes:
    out = bytearray()
    with open_regular(path) as fh:
        while block := fh.read(1 << 20):
            budget.charge(len(block))
            out += block
    return bytes(out)


def _decode(path: Path, rel: str, source: SourceInfo, budget: Budget) -> tuple[str | None, Quarantine | None]:
    data = _read_bounded(path, budget)
    if not data.strip():
        return None, Quarantine(source.name, rel, None, "empty_file", "the file is empty")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, Quarantine(source.name, rel, None, "not_utf8",
                                f"not UTF-8 text (invalid byte at offset {exc.start}); "
                                "re-save it as UTF-8 (e.g. from Shift_JIS)")


def _document(source: SourceInfo, rel: str, record: int, text: object, metadata: dict) -> Item:
    if not isinstance(text, str):
        return Quarantine(source.name, rel, record, "missing_text_field",
                          f"record {record}: no string in the field SOURCE.yaml names as text_field")
    text = normalize_text(text)
    if not text:
        return Quarantine(source.name, rel, record, "empty_text", f"record {record}: empty text")
    kept = {k: metadata[k] for k in KEPT_METADATA if isinstance(metadata.get(k), str | int)}
    if source.license_field and isinstance(metadata.get(source.license_field), str):
        kept["license"] = metadata[source.license_field]
    return RawDocument(source.name, rel, record, text, kept)


def read_text(path: Path, rel: str, source: SourceInfo, budget: Budget | None = None) -> Iterator[Item]:
    text, problem = _decode(path, rel, source, budget or Budget())
    yield problem or _document(source, rel, 0, text, {})


def read_html(path: Path, rel: str, source: SourceInfo, budget: Budget | None = None) -> Iterator[Item]:
    from bs4 import BeautifulSoup

    html, problem = _decode(path, rel, source, budget or Budget())
    if problem:
        yield problem
        return
    soup = BeautifulSoup(html, "html.parser")
    # Only what a reader of the page sees: scripts, styles and hidden templates are not text.
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    yield _document(source, rel, 0, soup.get_text(separator="\n"), {})


def read_jsonl(path: Path, rel: str, source: SourceInfo, budget: Budget | None = None) -> Iterator[Item]:
    budget = budget or Budget()
    with open_regular(path) as fh:
        for index, raw in enumerate(fh):
            budget.charge(len(raw))
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except RecursionError:  # one deeply nested line must not end the file's loop
                yield Quarantine(source.name, rel, index, "malformed_json",
                                 f"line {index + 1}: JSON nested too deeply to read")
                continue
            except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, over-long integers
                yield Quarantine(source.name, rel, index, "malformed_json",
                                 f"line {index + 1}: not valid JSON ({type(exc).__name__})")
                continue
            if not isinstance(record, dict):
                yield Quarantine(source.name, rel, index, "malformed_json",
                                 f"line {index + 1}: a JSON object was expected")
                continue
            yield _document(source, rel, index, record.get(source.text_field), record)


def read_csv(path: Path, rel: str, source: SourceInfo, budget: Budget | None = None) -> Iterator[Item]:
    budget = budget or Budget()
    text, problem = _decode(path, rel, source, budget)
    if problem:
        yield problem
        return
    # The csv module refuses a field above field_size_limit() (128 KiB by default) and cannot
    # resume after it: raise the limit to the file limit, which the whole file is already under.
    if csv.field_size_limit() < budget.limit:
        csv.field_size_limit(min(budget.limit, sys.maxsize))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        yield Quarantine(source.name, rel, None, "malformed_csv", f"the header row cannot be read ({exc.__class__.__name__})")
        return
    if source.text_field not in fieldnames:
        yield Quarantine(source.name, rel, None, "unexpected_schema",
                         f"no column named by SOURCE.yaml's text_field (the header has {len(fieldnames)} column(s))")
        return
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a bad row costs that row only
            yield Quarantine(source.name, rel, index, "malformed_csv",
                             f"row {index + 1}: cannot be parsed ({type(exc).__name__})")
            index += 1
            continue
        if None in row:  # more cells than header fields
            yield Quarantine(source.name, rel, index, "ragged_row",
                             f"row {index + 1}: more cells than the header has columns")
        else:
            yield _document(source, rel, index, row.get(source.text_field), row)
        index += 1


def _iter_table(table, rel: str, source: SourceInfo, budget: Budget) -> Iterator[Item]:
    if source.text_field not in table.column_names:
        yield Quarantine(source.name, rel, None, "unexpected_schema",
                         f"no column named by SOURCE.yaml's text_field (the table has {len(table.column_names)} column(s))")
        return
    columns = [c for c in dict.fromkeys([source.text_field, *KEPT_METADATA, source.license_field])
               if c in table.column_names]
    table = table.select(columns)
    index = 0
    for batch in table.to_batches(max_chunksize=256):
        budget.charge(batch.nbytes)
        for row in batch.to_pylist():
            yield _document(source, rel, index, row.get(source.text_field), row)
            index += 1


def read_parquet(path: Path, rel: str, source: SourceInfo, budget: Budget | None = None) -> Iterator[Item]:
    import pyarrow.parquet as pq

    budget = budget or Budget()
    fh = open_regular(path)
    try:
        parquet = pq.ParquetFile(fh)
        names = parquet.schema_arrow.names
    except Exception as exc:
        fh.close()
        yield Quarantine(source.name, rel, None, "unreadable_parquet",
                         f"not a readable Parquet file ({type(exc).__name__})")
        return
    with fh:
        if source.text_field not in names:
            yield Quarantine(source.name, rel, None, "unexpected_schema",
                             f"no column named by SOURCE.yaml's text_field (the file has {len(names)} column(s))")
            return
        columns = [c for c in dict.fromkeys([source.text_field, *KEPT_METADATA, source.license_field]) if c in names]
        # The footer declares each column chunk's inflated size: refuse before inflating anything.
        meta, wanted = parquet.metadata, set(columns)
        declared = sum(meta.row_group(g).column(c).total_uncompressed_size
                       for g in range(meta.num_row_groups) for c in range(meta.num_columns)
                       if meta.row_group(g).column(c).path_in_schema.split(".")[0] in wanted)
        if declared > budget.limit:
            raise TooLarge(declared)
        index = 0
        # Small batches: a row group streams, and what it inflates to is charged as it comes.
        for batch in parquet.iter_batches(batch_size=64, columns=columns):
            budget.charge(batch.nbytes)
            for row in batch.to_pylist():
                yield _document(source, rel, index, row.get(source.text_field), row)
                index += 1


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


def read_hf_dataset(path: Path, rel: str, source: SourceInfo, budget: Budget | None = None) -> Iterator[Item]:
    budget = budget or Budget()
    if problem := hf_dataset_problem(path):
        yield Quarantine(source.name, rel, None, "path_escape", problem)
        return
    from datasets import load_from_disk

    try:
        dataset = load_from_disk(str(path), keep_in_memory=False)
    except Exception as exc:
        yield Quarantine(source.name, rel, None, "unreadable_dataset",
                         f"not a loadable datasets folder ({type(exc).__name__})")
        return
    if hasattr(dataset, "keys"):  # a DatasetDict: read each split
        for n, split in enumerate(sorted(dataset.keys())):
            yield from _iter_table(dataset[split].data.table, f"{rel}#{n}", source, budget)
    else:
        yield from _iter_table(dataset.data.table, rel, source, budget)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".parquet": read_parquet,
}
