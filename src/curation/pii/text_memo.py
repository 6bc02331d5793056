"""A function of a text computed once for all the recognizers that ask about the same text in turn."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")


def once_per_text(read: Callable[[str], T]) -> Callable[[str], T]:
    """`read` wrapped to keep its result for the last text it was given, per thread: recognizers
    run one after another over the same text object, each in its own worker thread, so the text
    is compared by identity (cheap) and a thread never sees another's text."""
    last = threading.local()

    @wraps(read)
    def cached(text: str) -> T:
        if getattr(last, "text", None) is not text:
            last.value, last.text = read(text), text
        return last.value

    return cached
