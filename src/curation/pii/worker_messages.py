"""The messages between the PII stage and its worker processes: length-prefixed pickles over pipes."""

from __future__ import annotations

import pickle
import struct


def send(stream, obj) -> None:
    """Write `obj` to `stream` as one message and flush."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)))
    stream.write(data)
    stream.flush()


def _read_exactly(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError("stream closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def recv(stream):
    """The next message on `stream`; EOFError when the other side has closed it."""
    (n,) = struct.unpack("<Q", _read_exactly(stream, 8))
    return pickle.loads(_read_exactly(stream, n))
