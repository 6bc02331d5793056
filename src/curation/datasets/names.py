"""Dataset names: they become a folder under data/datasets, so they are checked before any use.

A name is 1-64 characters of `A-Z a-z 0-9 . _ -`, does not start with `.` or `-`, and is never
`.` or `..`: no path separator, no way out of data/datasets, no hidden folder.
"""

from __future__ import annotations

import re

NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")


class DatasetNameError(ValueError):
    """A dataset name outside the allowed form; the message says the form, never the name."""


def check_dataset_name(name: object) -> str:
    """`name` unchanged if it is a valid dataset name, else DatasetNameError."""
    if not isinstance(name, str) or not NAME.fullmatch(name) or name in (".", ".."):
        raise DatasetNameError("dataset name must be 1-64 characters of A-Z a-z 0-9 . _ - "
                               "(not starting with . or -), with no path separator")
    return name
