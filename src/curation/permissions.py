"""Owner-only files and folders for everything that holds state, whatever the process's umask.

State is the catalog, audit log, reports, dataset shards, models and keys.

Anonymized text is still personal data under GDPR Art. 4(5), and the catalog and the log hold
pseudonymised identifiers: group and others get no access. `private_umask()` sets the process's
umask to 077 once a workspace is opened, so every file a library or a dependency creates (DuckDB,
pyarrow, transformers) is born 0600/0700; `make_private` fixes what already exists.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077


def private_umask() -> None:
    """Make every file and folder this process creates from now on owner-only."""
    os.umask(os.umask(PRIVATE_UMASK) | PRIVATE_UMASK)


def make_private(path: Path) -> None:
    """chmod `path` to 0700 (folder) or 0600 (file), if it exists; links are left alone."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        os.chmod(path, 0o700)
    elif stat.S_ISREG(mode):
        os.chmod(path, 0o600)


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) owner-only, or make an existing one so; returns it."""
    Path(path).mkdir(parents=True, exist_ok=True, mode=0o700)
    make_private(path)
    return Path(path)


def exposed(paths) -> list[Path]:
    """Those of `paths` (files and folders, walked) that group or others can read, write or enter."""
    out = []
    for root in paths:
        root = Path(root)
        if not root.exists() or root.is_symlink():
            continue
        walk = [root, *root.rglob("*")] if root.is_dir() else [root]
        out += [p for p in walk if not p.is_symlink() and os.lstat(p).st_mode & 0o077]
    return out
