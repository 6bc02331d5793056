"""Opening and hashing input files without leaving the inbox, blocking, or reading without bound.

Every input file is opened through `open_regular`: the last path component is never followed if
it is a symbolic link (O_NOFOLLOW), a FIFO or device cannot block the open (O_NONBLOCK), and what
was opened is checked with fstat to be a regular file, so a file swapped for a link or a FIFO
between discovery and reading is refused, not read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(OSError):
    """An input path that is not a plain file (FIFO, socket, device, symbolic link)."""


def kind(path: Path) -> str:
    """`file`, `dir`, `symlink` or `special` (FIFO, socket, device), from lstat: opens nothing."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return "special"


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for binary reading, only if it is a regular file and not a symbolic link."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == 40:  # ELOOP: the last component is a symbolic link
            raise NotRegularFile("a symbolic link") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile("not a regular file")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def file_digest(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open_regular(path) as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def tree_files(folder: Path) -> list[Path]:
    """Every regular file under `folder`, symbolic links not followed, sorted. Raises
    NotRegularFile if the folder holds a link or a special file: such a folder is not read."""
    out: list[Path] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        for entry in current.iterdir():
            what = kind(entry)
            if what == "dir":
                stack.append(entry)
            elif what == "file":
                out.append(entry)
            else:
                raise NotRegularFile(f"the folder holds a {what}")
    return sorted(out)


def tree_digest(folder: Path) -> str:
    """sha256 over (relative name, file digest) of every file in a folder, in sorted order."""
    h = hashlib.sha256()
    for path in tree_files(folder):
        h.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0"
                 + file_digest(path).encode())
    return h.hexdigest()
