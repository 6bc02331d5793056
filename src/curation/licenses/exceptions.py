"""An exception added to a GNU or Apache license in a sentence of its own makes it `X WITH exception`.

A notice often names the license in one sentence and the exception in the next ("Distributed under
the GPL version 2. The Classpath exception applies.", 「GPL v2 で配布しています。ただし Classpath
例外を追加しています」). An exception adds permissions to the license it is attached to; it never
makes the terms custom, and SPDX writes the pair as one expression (`GPL-2.0-only WITH
Classpath-exception-2.0`). The exception is attached only where SPDX defines it for that license
(names.exception_for) and a word says it is added or applies; "with the exception of data/" names
no exception.
"""

from __future__ import annotations

import dataclasses
import re

from curation.licenses import statements as st
from curation.licenses.names import exception_for
from curation.licenses.spdx import licensing
from curation.licenses.text import Line

# the words before "exception" that may name it ("the Classpath", "GCC Runtime Library")
_NAMED = re.compile(r"(?P<name>[^\W\d_][\w .-]{1,40}?)\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:exceptions?\b|例外)", re.IGNORECASE)
# a word that says the exception is part of the terms
_ADDED = re.compile(r"\b(?:add|adds|added|adding|addition|plus|with|applies|apply|applied|grant(?:s|ed)?|carr(?:y|ies)|"
                    r"includ(?:e|es|ed|ing)|under)\b|追加|付[けき]|適用|付与|加え", re.IGNORECASE)
_BASE = re.compile(r"(?:A|L)?GPL-[23]\.\d-(?:only|or-later)|Apache-2\.0")
EXCEPTION_REACH = 3  # lines after a statement where the sentence adding its exception may stand


def _exception_in(text: str, base: str) -> str | None:
    if not _ADDED.search(text):
        return None
    return next((exception for m in _NAMED.finditer(text) if (exception := exception_for(m["name"], base))), None)


def with_added_exceptions(lines: list[Line], statements: list[st.Statement]) -> list[st.Statement]:
    """The statements with each GNU or Apache license that a sentence in it or right after it adds
    an exception to written `X WITH exception`."""
    text_of = {line.number: line.text for line in lines}
    out = []
    for s in statements:
        if s.role == "own" and _BASE.fullmatch(s.expression):
            for n in range(s.first_line, s.last_line + EXCEPTION_REACH + 1):
                if exception := _exception_in(text_of.get(n, ""), s.expression):
                    s = dataclasses.replace(s, expression=f"{s.expression} WITH {exception}",
                                            rule=f"{s.rule}; with {exception} (line {n})")
                    break
        out.append(s)
    return out


def _is_exception(key: str) -> bool:
    symbol = licensing().known_symbols.get(key)
    return bool(symbol is not None and getattr(symbol, "is_exception", False))


def with_exception_texts(statements: list[st.Statement]) -> list[st.Statement]:
    """The statements with an exception's full text that follows a license's full text (a GNU
    COPYING with the Autoconf, Bison or GCC Runtime Library exception appended) folded into that
    license: `GPL-3.0-only WITH GCC-exception-3.1`, one statement over both texts. An exception is
    a permission added to the license before it, never a license of its own nor custom terms."""
    out: list[st.Statement] = []
    for s in statements:
        # (ScanCode's match of the license may run into the exception's first lines)
        base = next((b for b in reversed(out) if b.kind == "license_text" and b.role == s.role
                     and b.first_line < s.first_line and not _is_exception(b.expression)
                     and (" " not in b.expression or b.expression.endswith(f" WITH {s.expression}"))), None)
        if s.kind == "license_text" and _is_exception(s.expression) and base is not None:
            expression = base.expression if " WITH " in base.expression else f"{base.expression} WITH {s.expression}"
            out[out.index(base)] = dataclasses.replace(
                base, expression=expression, last_line=max(base.last_line, s.last_line),
                rule=f"{base.rule}; with the {s.expression} text after it (line {s.first_line})")
            continue
        out.append(s)
    return out
