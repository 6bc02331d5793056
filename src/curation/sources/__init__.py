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
from curation.sources.files import (
    NotRegularFile,
    file_digest,
    kind,
    tree_digest,
    tree_files,
)
from curation.sources.formats import (
    Blob,
    Budget,
    ReadContext,
    ReaderOptions,
    TooLarge,
    read_blob,
)
from curation.sources.formats.records import is_hf_dataset_dir, read_hf_dataset
from curation.sources.paths import ROOT_SOURCE, display_path, stored_path
from curation.sources.source_yaml import SourceYamlError, read_source_yaml

__all__ = ["InputUnit", "ReaderOptions", "discover", "read_unit", "SourceYamlError", "display_path", "stored_path"]

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
    rel: str  # path relative to the inbox: in memory only (a file name can be personal data)
    digest: str  # sha256 of the bytes (of every file, for a dataset folder); "symlink", "special"
    source_error: str | None = None
    kind: str = "file"  # file | dir | symlink | special (FIFO, socket, device) | unreadable

    @property
    def stored(self) -> str:
        """What the catalog records of the path (see sources.paths.stored_path)."""
        return stored_path(self.rel)


def discover(inbox: Path) -> Iterator[InputUnit]:
    """Every input unit under `inbox`, in a stable order. Hidden files are not inputs."""
    inbox = inbox.resolve()
    for entry in sorted(inbox.iterdir()):
        if entry.name.startswith("."):
            continue
        if kind(entry) == "dir":
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
            if kind(entry) == "dir" and not is_hf_dataset_dir(entry):
                stack.append(entry)
            else:
                found.append(entry)
    for entry in sorted(found):
        yield _unit(inbox, entry, info, folder.name, error)


def _unit(inbox: Path, path: Path, info: SourceInfo | None, name: str, error: str | None) -> InputUnit:
    """Special files and links are named by their kind and never opened: open() on a FIFO blocks."""
    rel = display_path(path, inbox)
    try:
        what = kind(path)
        if what in ("symlink", "special"):
            digest = what
        elif what == "dir":
            digest = tree_digest(path)
        else:
            digest = file_digest(path)
    except NotRegularFile:  # a dataset folder holding a link or special file; a file swapped meanwhile
        what, digest = "special", "special"
    except OSError as exc:  # unreadable (permissions), or gone since listing
        what, digest = "unreadable", f"unreadable:{type(exc).__name__}"
    return InputUnit(source=info, source_name=name, path=path, rel=rel, digest=digest, source_error=error,
                     kind=what)


def _size(path: Path) -> int:
    if kind(path) == "dir":
        return sum(p.lstat().st_size for p in tree_files(path))
    return path.lstat().st_size


def read_unit(unit: InputUnit, max_bytes: int = DEFAULT_MAX_BYTES,
              options: ReaderOptions | None = None) -> Iterator[RawDocument | Quarantine]:
    """Read one unit; never raises for bad content: bad content becomes Quarantine records.

    A file larger than `max_bytes` is refused before it is read, and what its reader decodes
    (members of containers included) is charged to a budget of `max_bytes`, so memory stays bounded."""
    def refuse(reason: str, message: str) -> Quarantine:
        return Quarantine(unit.source_name, unit.rel, None, reason, message)

    if unit.source is None:
        yield refuse("invalid_source_yaml", unit.source_error or "invalid SOURCE.yaml")
        return
    if unit.kind == "symlink":
        yield refuse("symlink_refused", "symbolic links are not followed (they could point outside the inbox)")
        return
    if unit.kind == "special":
        yield refuse("special_file", "not a regular file (a FIFO, socket or device, or a folder holding one); "
                                     "not opened")
        return
    if unit.kind == "unreadable":
        yield refuse("read_error", f"could not be opened ({unit.digest.split(':', 1)[-1]})")
        return
    try:
        size = _size(unit.path)
    except (OSError, NotRegularFile) as exc:
        yield refuse("read_error", f"could not be read ({type(exc).__name__})")
        return
    if size > max_bytes:
        yield refuse("file_too_large", f"{size / 2**20:.1f} MiB is above the policy's limit of "
                                       f"{max_bytes / 2**20:.0f} MiB (inputs.max_file_mb); split it")
        return
    ctx = ReadContext(unit.source, unit.rel, Budget(max_bytes), options or ReaderOptions())
    if unit.kind == "dir":
        items = read_hf_dataset(unit.path, ctx)
    else:
        items = read_blob(Blob.of_file(unit.path), ctx)
    produced = 0
    try:
        for item in items:
            produced += 1
            yield item
    except TooLarge as exc:  # inflated past the limit while streaming: the rest of the file is refused
        produced += 1
        yield refuse("file_too_large", f"decoded content passed the policy's limit of {max_bytes / 2**20:.0f} MiB "
                                       f"(inputs.max_file_mb) after {produced - 1} record(s) "
                                       f"({int(exc.args[0]) / 2**20:.1f} MiB); the rest of the file was not read")
    except (OSError, NotRegularFile) as exc:
        produced += 1
        yield refuse("read_error", f"could not be read ({type(exc).__name__})")
    except Exception as exc:  # a reader bug or unreadable file must not stop the run
        produced += 1
        yield refuse("read_error", f"could not be read ({type(exc).__name__})")
    if not produced:  # every file must end with an outcome, even one with no records at all
        yield refuse("empty_file", "no records in the file")
