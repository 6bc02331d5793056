"""The part of a text ScanCode's approximate matching reads: lines near license words, repeats capped.

ScanCode's vocabulary (SCANCODE_WORDS) also says whether a text is worth loading its index for;
LICENSE_WORDS adds the Japanese words the statement reader reads.
"""

from __future__ import annotations

import bisect
import re

from curation.licenses.text import Line


# What makes ScanCode worth loading (1.4 GB): words its rules are made of. A document that only
# says 商用 or 営利 is read by the statement reader alone.
_SCANCODE_VOCABULARY = (r"licen[cs]|copyright|©|\(c\)|permission is hereby granted|public domain|creative\s*commons|"
                        r"gnu|spdx|redistribut|warrant|\bCC[\s-]?(?:BY|0)")
SCANCODE_WORDS = re.compile(_SCANCODE_VOCABULARY, re.IGNORECASE)
LICENSE_WORDS = re.compile(_SCANCODE_VOCABULARY + r"|ライセンス|著作権|利用許諾|使用許諾|利用規約|利用条件|"
                           r"クリエイティブ・コモンズ|パブリックドメイン|商用|営利", re.IGNORECASE)


# ScanCode's approximate matching takes time for every run of text it compares with its rules,
# license or not (24 KB of a log: 12 s, of source code: 5 s; 35 KB of a license text: 0.01 s). It
# reads the lines within NEAR_CHARS of license vocabulary (in ScanCode's own license texts the
# longest stretch without any is under 5,000 characters but for a few German terms), each
# distinct line (digits aside) at most REPEAT_MAX times (a log repeats its lines; a file of several
# license texts repeats a few); the other lines stay as empty lines (line numbers kept). A license
# region (from a copyright line or title not seen before, up to REGION_CHARS on) counts its own
# lines: ten bundled licenses share most of their lines (a BSD-2-Clause after nine BSD-3-Clause
# texts), and the tenth must be read whole; a copy repeated with the same copyright line is not a
# new region. Only a block of text copied whole (BLOCK_LINES lines or more in a row, each seen
# before) counts per region: one line repeated among new ones (a log's "Licensed under MIT" after a
# new request line each time) is one statement repeated, capped by the whole file's count.
NEAR_CHARS, REPEAT_MAX = 12_000, 8
REGION_CHARS = 16_000
BLOCK_LINES = 6
# a region's first line: short, a copyright line or a license's title
_REGION_START = re.compile(r"copyright|©|\(c\)|licen[cs]e|agreement", re.IGNORECASE)


# A version is part of what a line says ("GPL version 2" and "GPL version 3" are two notices); other
# numbers (a request's, a date, a time) are not
_VERSION_OR_NUMBER = re.compile(r"(?P<version>\b(?:version|ver\.?|v)\s*\d+(?:\.\d+)*|(?:バージョン|第)\s*\d+(?:\.\d+)*|"
                                r"\b\d+\.\d+\b(?![.:-]\d))|\d+", re.IGNORECASE)


def _shape(text: str) -> str:
    """A line as the repeat cap compares it: numbers as 0, versions kept."""
    return _VERSION_OR_NUMBER.sub(lambda m: m["version"] or "0", text)


def _in_copied_block(shapes: list[str]) -> list[bool]:
    """For each line, whether it lies in a run of BLOCK_LINES or more non-empty lines each seen
    before (blank lines neither count nor break a run), of several distinct lines (one line
    repeated in a row is no text): the body of a text copied again."""
    seen: set[str] = set()
    repeated = []
    for shape in shapes:
        repeated.append(bool(shape.strip()) and shape in seen)
        seen.add(shape)
    out = [False] * len(shapes)
    run: list[int] = []
    for i, shape in enumerate(shapes + ["\0"]):  # a sentinel ends the last run
        if i < len(shapes) and not shape.strip():
            continue
        if i < len(shapes) and repeated[i]:
            run.append(i)
            continue
        if len(run) >= BLOCK_LINES and len({shapes[j] for j in run}) >= BLOCK_LINES // 2:
            for j in run:
                out[j] = True
        run = []
    return out


def _scanned(lines: list[Line]) -> str:
    """The text ScanCode reads: `plain(lines)` with the lines described above left empty."""
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line.text) + 1
    hits = [starts[i] for i, line in enumerate(lines) if line.text and SCANCODE_WORDS.search(line.text)]
    all_shapes = [_shape(line.text) for line in lines]
    copied = _in_copied_block(all_shapes)
    seen: dict[tuple[int, str], int] = {}
    shapes: set[str] = set()
    region, region_at = -1, 0  # the license region a line is in (-1: none), and where it began
    out = []
    for i, line in enumerate(lines):
        k = bisect.bisect_left(hits, starts[i])
        near = any(abs(hits[j] - starts[i]) <= NEAR_CHARS for j in (k - 1, k) if 0 <= j < len(hits))
        shape = all_shapes[i]
        if shape not in shapes and len(shape.split()) <= 12 and _REGION_START.search(shape):
            region, region_at = i, starts[i]
        shapes.add(shape)
        counts = [(-1, shape)] + ([(region, shape)] if region >= 0 and starts[i] - region_at <= REGION_CHARS else [])
        for key in counts:
            seen[key] = seen.get(key, 0) + 1
        kept = not shape.strip() or seen[counts[0]] <= REPEAT_MAX or copied[i] and seen[counts[-1]] <= REPEAT_MAX
        out.append(line.text if near and kept else "")
    return "\n".join(out)
