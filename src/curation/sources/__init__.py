"""Reading the inbox: one reader per format, each yielding RawDocument or Quarantine records.

An inbox holds one folder per source; a source folder's SOURCE.yaml declares its license, owner,
purpose, language and (for JSONL/CSV/Parquet) the text field. Files placed directly in the inbox
belong to the source `inbox`, which has no SOURCE.yaml and therefore no license.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources.readers import READERS, is_hf_dataset_dir, looks_binary, read_hf_dataset
from curation.sources.source_yaml import SourceYamlError, read_source_yaml
from curation.sources.files import file_digest, tree_digest

__all__ = ["InputUnit", "discover", "read_unit", "SourceYamlError"]

ROOT_SOURCE = "inbox"
DEFAULT_MAX_BYTES = 100 * 2**20
# Files at a source folder's top that describe the source rather than hold documents: SOURCE.yaml,
# and license files and dataset cards, which are license evidence (curation.licenses).
METADATA_FILES = {"SOURCE.yaml", "LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING", "COPYING.txt", "COPYING.md",
                  "README", "README.md", "README.txt"}


@dataclass(frozen=True)
class InputUnit:
    """One thing to read: a file, or a folder written by `datasets.save_to_disk`."""

    source: SourceInfo | None  # None when the source's SOURCE.yaml is invalid
    source_name: str
    path: Path
    rel: str  # path relative to the inbox: what the catalog and audit log record
    digest: str  # sha256 of the bytes (of every file, for a dataset folder)
    source_error: str | None = None


def discover(inbox: Path) -> Iterator[InputUnit]:
    """Every input unit under `inbox`, in a stable order. Hidden files are not inputs."""
    inbox = inbox.resolve()
    for entry in sorted(inbox.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _discover_source(inbox, entry)
        else:
            yield _unit(inbox, entry, SourceInfo(name=ROOT_SOURCE), ROOT_SOURCE, None)


def _discover_source(inbox: Path, folder: Path) -> Iterator[InputUnit]:
    info, error = None, None
    try:
        info = read_source_yaml(folder)
    except SourceYamlError as exc:
        error = str(exc)
    found: list[Path] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        for entry in current.iterdir():
            if entry.name.startswith(".") or (current == folder and entry.name in METADATA_FILES):
                continue
            if entry.is_dir() and not entry.is_symlink() and not is_hf_dataset_dir(entry):
                stack.append(entry)
            else:
                found.append(entry)
    for entry in sorted(found):
        yield _unit(inbox, entry, info, folder.name, error)


def display_path(path: Path, inbox: Path) -> str:
    """The path relative to the inbox as printable UTF-8: bytes that are not UTF-8 in a file name
    (kept by Python as surrogates) are shown as \\xNN escapes, so the name can be stored."""
    rel = path.relative_to(inbox).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _unit(inbox: Path, path: Path, info: SourceInfo | None, name: str, error: str | None) -> InputUnit:
    rel = display_path(path, inbox)
    if path.is_symlink():
        digest = "symlink"
    elif path.is_dir():
        digest = tree_digest(path)
    else:
        digest = file_digest(path)
    return InputUnit(source=info, source_name=name, path=path, rel=rel, digest=digest, source_error=error)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.lstat().st_size


def read_unit(unit: InputUnit, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Quarantine]:
    """Read one unit; never raises for bad content: bad content becomes Quarantine records.

    A file larger than `max_bytes` is refused before it is read, so memory stays bounded."""
    def refuse(reason: str, message: str) -> Quarantine:
        return Quarantine(unit.source_name, unit.rel, None, reason, f"{unit.rel}: {message}")

    if unit.source is None:
        yield refuse("invalid_source_yaml", unit.source_error or "invalid SOURCE.yaml")
        return
    if unit.path.is_symlink():
        yield refuse("symlink_refused", "symbolic links are not followed (they could point outside the inbox)")
        return
    if (size := _size(unit.path)) > max_bytes:
        yield refuse("file_too_large", f"{size / 2**20:.1f} MiB is above the policy's limit of "
                                       f"{max_bytes / 2**20:.0f} MiB (inputs.max_file_mb); split it")
        return
    if unit.path.is_dir():
        yield from read_hf_dataset(unit.path, unit.rel, unit.source)
        return
    if looks_binary(unit.path):
        yield refuse("binary_file", "binary content (NUL bytes), not a text document")
        return
    reader = READERS.get(unit.path.suffix.lower())
    if reader is None:
        yield refuse("unsupported_format",
                     f"unsupported file type '{unit.path.suffix or '(none)'}'; "
                     f"supported: {', '.join(sorted(READERS))} and datasets.save_to_disk folders")
        return
    produced = 0
    try:
        for item in reader(unit.path, unit.rel, unit.source):
            produced += 1
            yield item
    except Exception as exc:  # a reader bug or unreadable file must not stop the run
        produced += 1
        yield refuse("read_error", f"could not be read ({type(exc).__name__}: {exc})")
    if not produced:  # every file must end with an outcome, even one with no records at all
        yield refuse("empty_file", "no records in the file")
