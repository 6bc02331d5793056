"""How an input file is named outside the inbox.

A file name can itself be personal data (`hr/cv_jane_roe.pdf`, a folder per customer), so the
catalog, exports and messages never keep it. They keep `stored_path(rel)`: the source folder
(chosen by the operator with its SOURCE.yaml), the first 16 hex digits of the sha256 of the path
relative to the inbox, and the extension when it is a well-known one: `hr/4f0c9e1a2b3d5e6f.pdf`.
The name is the same on every run, so it keys "already read"; a steward finds the file behind it
with `curation audit locate NAME`, which hashes the inbox's paths on the spot and prints the match
on the terminal only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

# Extensions shown in stored names: formats, not content. Anything else is dropped (".jane").
KNOWN_SUFFIXES = frozenset({
    ".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv", ".tsv", ".parquet", ".arrow", ".pdf",
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".xml", ".yaml", ".yml", ".zip",
    ".gz", ".bz2", ".xz", ".zst", ".tar", ".7z", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".eml", ".mbox",
    ".msg", ".log",
})
ROOT_SOURCE = "inbox"


def display_path(path: Path, inbox: Path) -> str:
    """The path relative to the inbox as printable UTF-8: bytes that are not UTF-8 in a file name
    (kept by Python as surrogates) are shown as \\xNN escapes. In memory only: see stored_path."""
    rel = path.relative_to(inbox).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def path_sha256(rel: str) -> str:
    return hashlib.sha256(rel.encode("utf-8", "surrogateescape")).hexdigest()


def known_suffix(name: str) -> str:
    """The extension of the file name or path `name`, lower case, when it is a well-known one; else
    "" (any other extension can be part of a personal name: "cv.jane")."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if suffix in KNOWN_SUFFIXES else ""


def stored_path(rel: str) -> str:
    """What the catalog keeps of the input path `rel` (relative to the inbox): source folder,
    16 hex digits of the path's sha256, known extension. Files at the inbox's top get `inbox/`."""
    parts = PurePosixPath(rel).parts
    source = parts[0] if len(parts) > 1 else ROOT_SOURCE
    return f"{source}/{path_sha256(rel)[:16]}{known_suffix(rel.split('#', 1)[0])}"


def is_stored_path(value: str) -> bool:
    """Whether `value` has the shape of a stored path (source/16 hex digits[.ext])."""
    name = PurePosixPath(value).name
    stem = name.split(".", 1)[0]
    return len(stem) == 16 and all(c in "0123456789abcdef" for c in stem)
