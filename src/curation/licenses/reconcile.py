"""The statements of one text reconciled: each line read once, and what one statement says of another.

The reader's statements against ScanCode's notices (`_reconcile`); a GNU license's or-later choice
given by its notice or a later sentence; the LGPL-3.0 carrying the GPL-3.0 text; an EPL-2.0 with
the Secondary Licenses its notice names; an OFL-1.1 with a Reserved Font Name; a versionless title
above a full text; loose public-domain words beside a named dedication.
"""

from __future__ import annotations

import dataclasses
import re

from curation.licenses import statements as st
from curation.licenses.full_texts import _GNU, _inside
from curation.licenses.names import VERSION_NOT_STATED, same_cc_family
from curation.licenses.public_domain import NAMED_DEDICATIONS, PUBLIC_DOMAIN
from curation.licenses.spdx import keys, normalize
from curation.licenses.text import Line



def _family(expression: str) -> str | None:
    """The GNU family (GPL, LGPL, AGPL) of a statement; None for another license, or for a choice
    one side of which is not of that family ("GNU AGPL v3 or the Elastic License 2.0": a ScanCode
    notice that reads only the AGPL on that line must not replace the choice)."""
    families = {re.match(r"^((?:L|A)?GPL)-", side).group(1) if _GNU.match(side) else None
                for side in expression.strip("()").split(" OR ")}
    return families.pop() if len(families) == 1 else None


def _overlap(a: st.Statement, b: st.Statement) -> bool:
    return a.first_line <= b.last_line and b.first_line <= a.last_line


def _reconcile(found: list[st.Statement], notices: list[st.Statement]) -> list[st.Statement]:
    """The reader's statements and ScanCode's notices, each line read once. Where both read the
    same lines, the reader wins (it reads Creative Commons names element by element), except for
    a GNU notice whose whole text ScanCode matched ("either version 2 of the License, or (at
    your option) any later version" names the version far from the name). Of several GNU
    statements of one family, the one that spans most lines is the notice; the others are its
    fragments ("You should have received a copy of the GNU General Public License")."""
    kept_found, kept_notices = list(found), []
    for n in notices:
        over = [f for f in kept_found if _overlap(f, n)]
        if not over:
            kept_notices.append(n)
        elif all(_family(f.expression) and _family(f.expression) == _family(n.expression)
                 and n.first_line <= f.first_line and n.last_line >= f.last_line
                 # "GPL (>= 2)": the reader's explicit choice of later versions stands
                 and not (f.expression.endswith("-or-later") and n.expression.endswith("-only"))
                 # "GPLv2 + Classpath exception": the exception the reader read is more than the notice
                 and " WITH " not in f.expression
                 # "GNU LGPL, version 3 only": a version the reader read in words the notice's rule
                 # does not hold stands against the notice's other version
                 and not _other_version_stated(f, n)
                 # "... Share Alike 3.0 Unported license ("CC-BY-SA")": the notice states the version
                 or VERSION_NOT_STATED in f.rule and same_cc_family(f.expression, n.expression)
                 # ... where it states one: ScanCode reads a bare "CC-BY license" as 4.0 too
                 and re.search(r"(?<![\d.])[1-4]\.\d", n.text) for f in over):
            kept_found = [f for f in kept_found if f not in over]
            kept_notices.append(n)
    out = kept_found + kept_notices
    for family in {_family(s.expression) for s in out if _family(s.expression)}:
        same = [s for s in out if _family(s.expression) == family and s.kind in ("notice", "field", "grant", "title")]
        if len({s.expression for s in same}) > 1:
            longest = max(same, key=lambda s: (s.last_line - s.first_line, s.kind == "notice"))
            # a fragment lies in or next to the notice; a statement further off is another file's
            # or part's ("File: new.c ... GPL version 3" after ten GPL version 2 headers)
            out = [s for s in out if s not in same or s is longest or s.expression == longest.expression
                   or not _fragment_of(s, longest)]
    return sorted(out, key=lambda s: s.first_line)


def _version(expression: str) -> str | None:
    # major and minor: the LGPL's 2.1 and 2.0 are two licenses, as the GPL's 2 and 3 are
    return m.group(1) if (m := re.search(r"-(\d\.\d)", expression)) else None


def _other_version_stated(f: st.Statement, n: st.Statement) -> bool:
    """Whether the reader's statement names in its own words a version the notice does not have."""
    mine, theirs = _version(f.expression), _version(n.expression)
    if not (mine and theirs and mine != theirs):
        return False
    said = re.escape(mine[:-2]) + r"(?:\.0)?" if mine.endswith(".0") else re.escape(mine)
    return bool(re.search(rf"(?<![\d.]){said}(?![\d.]\d)", f.text))


FRAGMENT_REACH = 5  # lines: a GNU notice's fragments ("You should have received a copy ...") sit this close


def _fragment_of(s: st.Statement, notice: st.Statement) -> bool:
    return s.first_line <= notice.last_line + FRAGMENT_REACH and s.last_line >= notice.first_line - FRAGMENT_REACH


def _or_later_notice(statements: list[st.Statement]) -> list[st.Statement]:
    """A GNU text with the project's notice "version N or (at your option) any later version":
    the text is the copy the notice points to, and the notice's choice of versions is the answer
    (one license, GPL-2.0-or-later, never GPL-2.0-only AND GPL-2.0-or-later)."""
    # a notice or a text may carry an exception ("GPL-3.0-or-later WITH GCC-exception-3.1"): the
    # versions are the license's, before WITH. A text's own title ("GNU LESSER GENERAL PUBLIC
    # LICENSE" over a copy without its preamble) is no notice: read without its version it says
    # "any version", which the text alone never states.
    later = {license[:-len("-or-later")] for s in statements
             if (license := s.expression.split(" WITH ")[0]).endswith("-or-later") and _GNU.match(license)
             and s.role == "own" and s.kind != "title"}
    return [dataclasses.replace(s, expression=s.expression.replace("-only", "-or-later", 1),
                                rule=f"{s.rule}; or-later as the notice gives it")
            if s.kind == "license_text" and (license := s.expression.split(" WITH ")[0]).endswith("-only")
            and license[:-len("-only")] in later else s for s in statements]


# The or-later choice given in a sentence of its own after the license is named: "We publish it
# under the LGPL, version 2.1. You may also choose to follow any newer version of that license."
_LATER_SENTENCE = re.compile(r"\bany\s+(?:later|newer|subsequent)\s+version\s+of\s+(?:that|this|the\s+same|said|the)\s+"
                             r"(?:licen[cs]e\b|(?:GNU\s+)?[LA]?GPL\b)|(?:その|同)\s*ライセンスの\s*(?:それ)?以降の\s*(?:任意の\s*)?(?:バージョン|版)",
                             re.IGNORECASE)
# ... unless its sentence says no to them: "we do not offer it under any later version of that
# license", "You may not choose any later version", "Only version 2.1 applies"
_REFUSED_BEFORE = re.compile(r"\b(?:not|no|never|cannot|can't|don't|doesn't|won't|neither|nor|without)\b|\bonly\s+version\b",
                             re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.!?。！？](?=\s|$)")


def _later_given(outside: str) -> bool:
    """Whether a sentence of `outside` gives the choice of later versions (one that refuses them does not)."""
    for m in _LATER_SENTENCE.finditer(outside):
        start = max((b.end() for b in _SENTENCE_START.finditer(outside, 0, m.start())), default=0)
        if not _REFUSED_BEFORE.search(outside[start:m.start()]) and not re.match(r"\s*(?:は|を)?\s*(?:選べ|選択でき|適用され)(?:ません|ない)",
                                                                                outside[m.end():]):
            return True
    return False


def _later_sentence(lines: list[Line], spans, statements: list[st.Statement]) -> list[st.Statement]:
    """The work's GNU license as or-later where a sentence outside any license text gives the
    choice of later versions of the license it just named (one GNU license named, -only)."""
    outside = " ".join(line.text for line in lines if line.text and not _inside(line.number, spans))
    gnu = {s.expression for s in statements if s.role == "own" and _GNU.match(s.expression) and s.kind != "license_text"}
    if len(gnu) != 1 or not next(iter(gnu)).endswith("-only") or not _later_given(outside):
        return statements
    only = next(iter(gnu))
    return [dataclasses.replace(s, expression=only[:-len("-only")] + "-or-later",
                                rule=f"{s.rule}; or-later as a later sentence gives it")
            if s.expression == only and s.role == "own" else s for s in statements]


def _fold_lgpl3(statements: list[st.Statement]) -> list[st.Statement]:
    """The LGPL-3.0 is a set of permissions added to the GPL-3.0, and its published text (the SPDX
    copy, a COPYING.LESSER with COPYING appended) carries the GPL-3.0 text: one license, not two."""
    if not any(s.kind == "license_text" and s.expression.startswith("LGPL-3.0") for s in statements):
        return statements
    return [s for s in statements if not (s.kind == "license_text" and s.expression == "GPL-3.0-only")]


def _secondary_licenses(statements: list[st.Statement]) -> list[st.Statement]:
    """The EPL-2.0 statements joined with the Secondary Licenses their notice names ("EPL-2.0 OR
    GPL-2.0-or-later WITH Classpath-exception-2.0": the user takes either); a Secondary License
    named where the work is not under EPL-2.0 says nothing, and a notice ScanCode read on its
    lines is the same words."""
    secondary = [s for s in statements if s.kind == "secondary"]
    if not secondary:
        return statements
    lines = {n for s in secondary for n in range(s.first_line, s.last_line + 1)}
    rest = [s for s in statements if s.kind != "secondary" and not (s.kind == "notice" and s.first_line in lines
                                                                    and s.expression.startswith("GPL-"))]
    either = " OR ".join(dict.fromkeys(s.expression for s in secondary))
    return [dataclasses.replace(s, expression=normalize(f"EPL-2.0 OR {either}"),
                                rule=s.rule + "; with the Secondary License its notice names (EPL-2.0 Exhibit A)")
            if s.expression == "EPL-2.0" and s.role == "own" else s for s in rest]


# A copyright statement that reserves a font name ('Copyright 2024 Ann, with Reserved Font Name
# "Hanaki"'): SPDX names that form of the OFL-1.1 OFL-1.1-RFN. The OFL's own text names the term
# only in quotes ('"Reserved Font Name" refers to ...'), never after "with"; "no"/"without" declares none.
_RESERVED_FONT_NAME = re.compile(r"(?<!\bno\s)(?<!\bwithout\s)\bwith\s+(?:the\s+)?Reserved\s+Font\s+Names?\b"
                                 r"(?!\s+(?:declared\s+)?none)|予約フォント名", re.IGNORECASE)
# ... and a line that says there is none declares none, in either order and language ("no Reserved
# Font Name is declared", "does not reserve any font name", 「予約フォント名はありません」「…は設定していません」)
_NO_RESERVED_FONT_NAME = re.compile(
    r"\b(?:no|without|not\s+(?:declare|reserve|have|use|set|claim)\w*\s+(?:a|an|any))\s+(?:reserved\s+)?font\s+names?\b"
    r"|\bReserved\s+Font\s+Names?\W{0,3}(?:none|n/a)\b"
    r"|\bReserved\s+Font\s+Names?\b[^.。\"“]{0,30}\b(?:is|are)\s+not\s+(?:declared|reserved|set|used|claimed)\b"
    r"|予約フォント名[^。]{0,30}?(?:ありません|ない|なし|無し|しません|して(?:い)?ません|しておりません)", re.IGNORECASE)
RESERVED_NAME_REACH = 10  # lines around an OFL statement where its copyright statement stands
_PLAIN_OFL = re.compile(r"\bOFL-1\.1\b(?!-)")  # OFL-1.1 not yet of either RFN form


def _reserved_font_name(lines: list[Line], statements: list[st.Statement]) -> list[st.Statement]:
    """An OFL-1.1 whose copyright statement, at or near it, reserves a font name is OFL-1.1-RFN."""
    text_of = {line.number: line.text for line in lines}
    out = []
    for s in statements:
        if _PLAIN_OFL.search(s.expression) and any(
                _RESERVED_FONT_NAME.search(text_of.get(n, "")) and not _NO_RESERVED_FONT_NAME.search(text_of.get(n, ""))
                for n in range(s.first_line - RESERVED_NAME_REACH, s.first_line + RESERVED_NAME_REACH + 1)):
            s = dataclasses.replace(s, expression=_PLAIN_OFL.sub("OFL-1.1-RFN", s.expression),
                                    rule=s.rule + "; a Reserved Font Name declared")
        out.append(s)
    return out


# a version said in a title: "2.0", "version 3", "v2", a year ("20021231")
_VERSION_WORDS = re.compile(r"\d+\.\d+|\bversion\s*\d|\bv\d|\b(?:19|20)\d\d", re.IGNORECASE)
TITLE_ABOVE_LINES = 10  # how far above a full text its title (and a page's navigation) may stand


def _versionless_titles(statements: list[st.Statement]) -> list[st.Statement]:
    """A notice that is only a license's title without its version ("W3C Software Notice and
    License", which ScanCode files under the 1998 version), right above a full text of the same
    family (the 2002 W3C text): the text says which version it is; the title is no second license."""
    texts = [s for s in statements if s.kind == "license_text"]

    def titles(n: st.Statement) -> bool:
        words = re.sub(r"\([^)]*\)|https?://\S+", " ", n.text)
        return n.kind == "notice" and not _VERSION_WORDS.search(words) and any(
            t.first_line - TITLE_ABOVE_LINES <= n.last_line < t.first_line and t.expression != n.expression
            and t.expression.split("-")[0] == n.expression.split("-")[0] for t in texts)
    return [s for s in statements if not titles(s)]


def _named_dedication_wins(statements: list[st.Statement]) -> list[st.Statement]:
    """Without the loose public-domain words where the text names its dedication (CC0 1.0 as the
    fallback of "we give these clips to the public domain"): they say what the dedication does."""
    if not any(s.expression in NAMED_DEDICATIONS for s in statements):
        return statements
    return [s for s in statements if s.expression != PUBLIC_DOMAIN or s.kind in ("notice", "license_text")]


_TAG_RULE = "SPDX-License-Identifier tag"
_LOOSE_KINDS = ("notice", "grant", "short_file", "field")  # never a full text, a header or another tag


def _tag_family(key: str) -> str:
    # a GNU license of any version, or any BSD (the vague "BSD" a MODULE_LICENSE or a header's prose
    # names), is the same terms a tag names precisely
    if m := re.match(r"^((?:L|A)?GPL)-\d", key):
        return m.group(1)
    if key.startswith("BSD-") or key == "LicenseRef-BSD-unspecified":
        return "BSD"
    return key


def _tag_readings(statements: list[st.Statement]) -> list[st.Statement]:
    """An SPDX-License-Identifier tag states the file's terms precisely; a second reading of the same
    header in looser words (MODULE_LICENSE("Dual BSD/GPL"), "dual licensed under the GPL or the BSD
    license") names the same licenses vaguely, and is that tag's terms, not more of them. A reading
    that names a license of another family still counts (a conflict, or a part under other terms);
    so does a full license text."""
    tags = [s for s in statements if s.rule == _TAG_RULE and s.role == "own"]
    if not tags:
        return statements
    families = {_tag_family(k) for t in tags for k in keys(t.expression)}

    def looser(s: st.Statement) -> bool:
        return s.rule != _TAG_RULE and s.role == "own" and s.scope is None and s.kind in _LOOSE_KINDS \
            and not s.expression.startswith("LicenseRef-Custom") and {_tag_family(k) for k in keys(s.expression)} <= families
    return [s for s in statements if not looser(s)]
