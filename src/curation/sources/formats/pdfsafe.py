"""Checking a PDF's compressed streams before PDFium opens it.

PDFium inflates a stream whole, in memory, when it needs it: a 400 KB PDF whose page content is
400 MB of Flate-compressed spaces costs 800 MB to read, and a file at the policy's size limit could
cost a hundred times its size. So every stream whose filter chain can inflate is first decoded
here by counting alone, in chunks, without keeping the output: a stream that inflates past the file
limit (`inputs.max_file_mb`), or streams that inflate past STREAMS_FACTOR times it in all, make the
file a decompression bomb.

The chain is read from the stream's /Filter (a name, an array, or a reference to either), because
the bytes after `stream` say nothing about it: `[/ASCIIHexDecode /FlateDecode]` hides a Flate bomb
behind hex digits. The filters that inflate (Flate, RunLength) are measured through whatever chain
of ASCIIHex, ASCII85, Flate and RunLength precedes them; LZW, which can inflate too but is not
decoded here, and an image codec followed by another filter are refused unmeasured. An image codec
at the end of a chain (DCT, JPX, JBIG2, CCITT fax) is not charged here: page images are charged
when rendered, so a long scanned PDF is not refused for its images' size.

The stream's dictionary is not parsed: every /Filter key between the previous stream's data (where
its /Length ends it, else its `stream` keyword) and this stream's keyword, however far back, is taken
as a candidate chain and the largest measure counts, so a decoy /Filter in a nested dictionary or a
string cannot hide the real one, nor can padding push it out of sight. Keys are matched as PDFium
reads them: `#xx` escapes decode in keys and values (/F#69lter), and `%` comments are whitespace
(`/Filter %c` newline `[/AHx /Fl]`). Each value is read token by token within _SPAN bytes; a value the
checker cannot read (a string, an array holding anything but names, an unclosed array, a reference it
cannot resolve) is refused rather than taken as no filter. Stream data that opens with a zlib header is
also measured as Flate whatever the dictionary says. Checking takes time linear in the file's size (no
scan runs past a value's span or the stream's region), and a file with more than MAX_STREAMS streams
to measure, or a stream with more than _MAX_CHAINS distinct candidate chains, is refused unread.

Not covered (PDFium still decodes these unchecked): streams of an encrypted PDF (their bytes are
ciphertext here), and inline images inside a content stream.
"""

from __future__ import annotations

import base64
import binascii
import mmap
import re
import zlib
from collections.abc import Callable, Iterator

from curation.sources.formats.base import Blob

STREAMS_FACTOR = 32
MAX_STREAMS = 100_000
_KEYWORD = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DELIMITED = rb"(?![^\x00\t\n\x0c\r /\[\]<>(){}%])"  # a token ends here
# the key /Filter, however its letters are written (# escapes decode in keys too: /F#69lter)
_FILTER = re.compile(rb"/(?:F|#46)(?:i|#69)(?:l|#6[Cc])(?:t|#74)(?:e|#65)(?:r|#72)" + _DELIMITED)
_NAME = re.compile(rb"/([^\x00\t\n\x0c\r /\[\]<>(){}%]*)")
_SPACE = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")  # whitespace and comments, alike in PDF
_BLANK = re.compile(rb"[\x00\t\n\x0c\r ]*")
_EOL = re.compile(rb"[\r\n]")
_REF = re.compile(rb"(\d+)(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*[\r\n])+(\d+)(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*[\r\n])+R"
                  + _DELIMITED)
_OBJECT = re.compile(rb"(?<![0-9])(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+obj" + _DELIMITED)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_END = re.compile(rb"\s*endstream")
_SPAN = 1 << 12  # how far a /Filter value is read before it is refused as unreadable
_MAX_CHAINS = 16
_CHUNK = 1 << 16
_STEP = 1 << 20

# Long names and their abbreviations (PDF 32000-1, tables 6 and 94): what PDFium decodes.
_ALIASES = {b"AHx": b"ASCIIHexDecode", b"A85": b"ASCII85Decode", b"LZW": b"LZWDecode", b"Fl": b"FlateDecode",
            b"RL": b"RunLengthDecode", b"CCF": b"CCITTFaxDecode", b"DCT": b"DCTDecode"}
_INFLATING = {b"FlateDecode", b"RunLengthDecode"}
_UNMEASURED = {b"LZWDecode"}  # can inflate, but is not decoded here
_IMAGES = {b"DCTDecode", b"JPXDecode", b"JBIG2Decode", b"CCITTFaxDecode"}


def _ascii_hex(chunks: Iterator[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        chunk = bytes(chunk)
        end = chunk.find(b">")
        digits = carry + re.sub(rb"[^0-9A-Fa-f]", b"", chunk if end < 0 else chunk[:end])
        even = len(digits) - len(digits) % 2
        yield binascii.unhexlify(digits[:even])
        carry = digits[even:]
        if end >= 0:
            break
    if carry:
        yield binascii.unhexlify(carry + b"0")


def _a85(data: bytes) -> bytes:
    try:
        return base64.a85decode(data)
    except ValueError:  # a group past 2**32: keep what decodes (measuring more is the safe side)
        out = bytearray()
        for i in range(0, len(data), 5):
            try:
                out += base64.a85decode(data[i:i + 5])
            except ValueError:
                pass
        return bytes(out)


def _ascii85(chunks: Iterator[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        chunk = bytes(chunk)
        end = chunk.find(b"~")
        data = carry + re.sub(rb"[^!-uz]", b"", chunk if end < 0 else chunk[:end]).replace(b"z", b"!!!!!")
        whole = len(data) - len(data) % 5
        yield _a85(data[:whole])
        carry = data[whole:]
        if end >= 0:
            break
    if len(carry) > 1:
        yield _a85(carry)


def _run_length(chunks: Iterator[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        data, i, out = pending + bytes(chunk), 0, bytearray()
        while i < len(data):
            n = data[i]
            if n == 128:  # end of data
                yield bytes(out)
                return
            if n < 128:
                if i + n + 2 > len(data):
                    break
                out += data[i + 1:i + n + 2]
                i += n + 2
            else:
                if i + 2 > len(data):
                    break
                out += data[i + 1:i + 2] * (257 - n)
                i += 2
            if len(out) >= _STEP:
                yield bytes(out)
                out = bytearray()
        pending = data[i:]
        yield bytes(out)


def _flate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:  # past the end, the tail stays put
                yield inflater.decompress(pending, _STEP)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                return
    except zlib.error:  # not zlib, or damaged past this point: PDFium will find no more either
        return


_DECODERS: dict[bytes, Callable[[Iterator[bytes]], Iterator[bytes]]] = {
    b"ASCIIHexDecode": _ascii_hex, b"ASCII85Decode": _ascii85, b"RunLengthDecode": _run_length,
    b"FlateDecode": _flate}


def inflated_size(data, start: int, cap: int, filters: list[bytes] | None = None, end: int | None = None) -> int:
    """How many bytes the stream data at `data[start:end]` decodes to through `filters` (default:
    Flate alone), counted up to just past `cap`; what decodes before a damaged point counts."""
    end = len(data) if end is None else end
    stream: Iterator[bytes] = (data[pos:min(pos + _CHUNK, end)] for pos in range(start, end, _CHUNK))
    for name in filters or [b"FlateDecode"]:
        stream = _DECODERS[name](stream)
    size = 0
    for out in stream:
        size += len(out)
        if size > cap:
            break
    return size


def bomb_message(blob: Blob, limit: int) -> str | None:
    """Why the PDF in `blob` must not be opened, as a sentence, or None. `limit` is the file limit."""
    with blob.open() as fh:
        if blob.data is not None:
            return _check(blob.data, limit)
        try:
            view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # an empty file cannot be mapped: PDFium says what it is
            return None
        with view:
            return _check(view, limit)


class _Refused(Exception):
    pass


def _skip(data, pos: int, stop: int, objects: _Objects) -> int:
    """Past the whitespace and `%` comments at `pos`; refused when they run to `stop`. Where a run of
    comments ends is remembered by each comment's start, so keys inside comments cost no rescans."""
    pos, comments = _BLANK.match(data, pos).end(), []
    while data[pos:pos + 1] == b"%" and pos not in objects.skips:
        comments.append(pos)
        if not objects.line[0] <= pos < objects.line[1]:  # the line's end is known to later keys on it
            eol = _EOL.search(data, pos)
            objects.line = (pos, eol.end() if eol else len(data))
        pos = _BLANK.match(data, objects.line[1]).end()
    end = objects.skips.get(pos, pos)
    objects.skips.update(dict.fromkeys(comments, end))
    if end >= stop:
        raise _Refused("a stream's /Filter entry runs past what the checker reads; not opened")
    return end


def _value(data, pos: int, objects: _Objects, resolve: bool = True) -> list[list[bytes]]:
    """The filter chains a /Filter key ending at `pos` gives: its value, a name or an array of names,
    read token by token within _SPAN bytes (comments skipped, names' # escapes decoded), or the
    values of the object a reference names. Anything else PDFium would not decode (a dictionary, a
    keyword): no chain. What the checker cannot read (a string, an unclosed array, a reference inside
    an array, a reference it cannot resolve) is refused."""
    stop = min(len(data), pos + _SPAN)
    pos = _skip(data, pos, stop, objects)
    head = data[pos:pos + 1]
    if head == b"/":
        return [_chain([_NAME.match(data, pos).group(1)])]
    if head == b"[":
        names, pos = [], pos + 1
        while True:
            pos = _skip(data, pos, stop, objects)
            head = data[pos:pos + 1]
            if head == b"]":
                return [_chain(names)]
            if head != b"/":
                raise _Refused("a stream's /Filter array holds something other than names; not opened")
            name = _NAME.match(data, pos)
            names.append(name.group(1))
            pos = name.end()
    if head.isdigit() and resolve:
        ref = _REF.match(data, pos, stop)
        if ref:
            return objects.filters(ref.group(1), ref.group(2))
        return []
    if head == b"(" or (head == b"<" and data[pos + 1:pos + 2] != b"<"):
        raise _Refused("a stream's /Filter is a string; not opened")
    return []


class _Objects:
    """Where each `N G obj` starts, indexed on the first reference to a /Filter held elsewhere."""

    def __init__(self, data):
        self.data, self.index = data, None
        self.skips: dict[int, int] = {}  # where the whitespace and comments from a comment's `%` end
        self.line = (0, 0)  # the last comment searched for its line's end, and that end

    def filters(self, number: bytes, generation: bytes) -> list[list[bytes]]:
        if self.index is None:
            self.index = {}
            for m in _OBJECT.finditer(self.data):
                self.index.setdefault((int(m.group(1)), int(m.group(2))), []).append(m.end())
        chains = []
        for pos in self.index.get((int(number), int(generation)), []):
            head = _SPACE.match(self.data, pos, min(len(self.data), pos + _SPAN)).end()
            if self.data[head:head + 1] in (b"/", b"["):
                chains += _value(self.data, pos, self, resolve=False)
        if not chains:  # inside an object stream, or nowhere: the chain cannot be known
            raise _Refused("a stream's /Filter is a reference the checker cannot resolve; not opened")
        return chains


def _chain(names: list[bytes]) -> list[bytes]:
    names = [re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), n)  # /Fl#61teDecode
             for n in names]
    return [_ALIASES.get(n, n) for n in names]


def _measurable(chain: list[bytes]) -> list[bytes]:
    """The part of `chain` to decode and count: up to the last inflating filter before an image
    codec, Crypt or an unknown name (what follows those is not inflated here, or not at all)."""
    for i, name in enumerate(chain):
        if name in _UNMEASURED:
            raise _Refused(f"a stream uses {name.decode()}, which can inflate without bound and is not "
                           "measured here; not opened")
        if name in _IMAGES and i < len(chain) - 1:
            raise _Refused(f"a stream decodes {name.decode()} image data through another filter, which "
                           "cannot be measured; not opened")
        if name not in _DECODERS:
            chain = chain[:i]
            break
    return chain if any(n in _INFLATING for n in chain) else []


def _chains(data, region_start: int, keyword: int, start: int, objects: _Objects) -> set[tuple[bytes, ...]]:
    chains: set[tuple[bytes, ...]] = set()
    for m in _FILTER.finditer(data, region_start, keyword):
        chains.update(tuple(c) for c in (_measurable(v) for v in _value(data, m.end(), objects)) if c)
    if (start + 1 < len(data) and data[start] & 0x0F == 8 and data[start] >> 4 <= 7
            and not (data[start] * 256 + data[start + 1]) % 31):  # a zlib header, whatever the dictionary says
        chains.add((b"FlateDecode",))
    if len(chains) > _MAX_CHAINS:
        raise _Refused(f"a stream has more than {_MAX_CHAINS} candidate filter chains; not opened")
    return chains


_HEX_LEAD = re.compile(rb"[\x00\t\n\x0c\r 0-9A-Fa-f]{0,32}(?:>|$)")
_A85_LEAD = re.compile(rb"[\x00\t\n\x0c\r !-uz]{0,32}(?:~|$)")


def _fits(chain: tuple[bytes, ...], data, start: int) -> bool:
    """Whether the stream data at `start` could be what `chain`'s first filter decodes (a chain seen
    before this stream's region is tried on it only then)."""
    first, head = chain[0], bytes(data[start:start + 32])
    if first == b"FlateDecode":
        return len(head) > 1 and head[0] & 0x0F == 8 and not (head[0] * 256 + head[1]) % 31
    if first == b"ASCIIHexDecode":
        return bool(_HEX_LEAD.match(head))
    if first == b"ASCII85Decode":
        return bool(_A85_LEAD.match(head))
    return not head.startswith(b"\xff\xd8")  # RunLength: anything but a JPEG


def _data_end(data, region_start: int, keyword: int, start: int) -> int:
    """Where the stream's data ends: its /Length when `endstream` follows there, else the end of
    the file (PDFium then searches for `endstream` itself; each decoder stops at its own end mark)."""
    lengths = _LENGTH.findall(data, region_start, keyword)
    if lengths:
        end = start + int(lengths[-1])
        if end <= len(data) and _END.match(data, end):
            return end
    return len(data)


def _check(data, limit: int) -> str | None:
    try:
        return _measure_all(data, limit)
    except _Refused as refusal:
        return f"{refusal} (a possible decompression bomb)"


def _measure_all(data, limit: int) -> str | None:
    total, mib, view, objects = 0, limit / 2**20, memoryview(data), _Objects(data)  # slices of a view copy nothing
    count, previous, seen = 0, 0, set()
    for match in _KEYWORD.finditer(data):
        keyword, start = match.start(), match.end()
        # the stream's dictionary lies between the previous stream's data (where its /Length ends it,
        # else its keyword) and this keyword: every /Filter there is a candidate, however far back
        region_start = min(previous, keyword)
        own = _chains(data, region_start, keyword, start, objects)
        # a `stream` keyword inside a string of the dictionary (`/Pad (>>` newline `stream` ...)`) starts a
        # region past the real /Filter: so the chains of earlier regions are tried on this data too
        chains = sorted(own | {c for c in seen if _fits(c, data, start)})
        seen |= own
        if len(seen) > 4 * _MAX_CHAINS:
            raise _Refused(f"the PDF has more than {4 * _MAX_CHAINS} distinct filter chains; not opened")
        end = _data_end(data, region_start, keyword, start)
        previous = max(previous, end if end < len(data) else start)
        if not chains:
            continue
        count += 1
        if count > MAX_STREAMS:
            return (f"more than {MAX_STREAMS:,} compressed streams, far more than a document holds; "
                    "not opened (a decompression bomb or a damaged file)")
        size = max(inflated_size(view, start, limit, chain, end) for chain in chains)
        if size > limit:
            return (f"a compressed stream in the PDF inflates past the policy's limit of {mib:.0f} MiB "
                    "(inputs.max_file_mb), a decompression bomb; not opened")
        total += size
        if total > STREAMS_FACTOR * limit:
            return (f"the PDF's compressed streams inflate to more than {STREAMS_FACTOR} times the policy's "
                    f"limit of {mib:.0f} MiB (inputs.max_file_mb), a decompression bomb; not opened")
    return None
