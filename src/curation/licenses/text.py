"""License evidence as people write it, made plain: BOM, CRLF, HTML and markdown removed.

A license file in a repository is rarely the bare SPDX text: it carries a byte-order mark,
Windows line ends, markdown headings and emphasis, links, tables, or it is a terms page saved as
HTML. `clean` turns such a text into plain lines, keeping for each the line number it came from
(after HTML, the line of the text the page renders), so that evidence can be shown where it was.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from curation.licenses.doc_markup import doc_format, read_lines
from curation.licenses.json_fields import JSON_LD, json_ld_license
from curation.licenses.names import mentions

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)

_HTML = re.compile(r"<(?:html|body|head|p|div|br|h[1-6]|li|ul|ol|span|a\s|table|tr|td|section|article|footer)\b",
                   re.IGNORECASE)
_HTML_DROP = re.compile(r"<(script|style|head)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_HTML_BLOCK = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|footer|header|nav|"
                         r"blockquote|pre|dt|dd|hr)\b[^>]*>", re.IGNORECASE)
_HTML_HEADING = re.compile(r"<h[1-6]\b[^>]{0,2000}>(.{0,2000}?)</h[1-6]\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# In markdown, only real tags go: `<name of author>` and `<https://www.gnu.org/licenses/>` are text
# that ScanCode's notice rules expect.
_MD_TAG = re.compile(r"</?(?:a|br|p|img|span|div|b|i|em|strong|sup|sub|code|details|summary|center|font|small|"
                     r"h[1-6]|ul|ol|li|table|tr|td|th|hr|picture|source)\b[^>]*>|<!--.*?-->", re.IGNORECASE)

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
# A man page's section heading (troff `.SH LICENSE`, `.SS "Copying"`): its LICENSE or COPYRIGHT
# section states the program's terms as a README's License heading does.
_TROFF_HEADING = re.compile(r"^\.S[HS]\s+\"?(.*?)\"?\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[=\-*_~]\s*){3,}$")
# A source file's comment leaders ("// ", "/* ", " * ", "-- ", ";; "): a notice in a header reads
# as one sentence across its lines only without them.
# ... and TeX's ("%% This package may be distributed ..." in a .sty or .dtx header)
_COMMENT_LEADER = re.compile(r"^\s*(?://+!?|/\*+!?|\*+/|\*(?=\s|$)|--(?=\s|$)|;+(?=\s|$)|%+(?=\s|$))\s?")
_HASH_COMMENT = re.compile(r"^#(?:\s|$)")
_MD_PREFIX = re.compile(r"^\s*(?:>\s*)+|^\s*[-*+•・]\s+")
# Every run bounded: a line of unclosed "[" or "(" must not make each one scan to the line's end.
_MD_IMAGE = re.compile(r"!\[([^\]]{0,1000})\]\([^)]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]]{1,1000})\]\(([^)\s]{0,2000})[^)]{0,1000}\)")
_MD_REF_LINK = re.compile(r"\[([^\]]{1,1000})\]\[[^\]]{0,1000}\]")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`+|~~)")
# A plain-text listing of one license per directory ("  src/     Mozilla Public License 2.0"): each
# row is a field of its own whose scope is the directory, as a table row with a License column.
_DIRECTORY_ROW = re.compile(r"^\s{0,8}(?P<dir>(?:[\w.-]+/)+)\s{2,}(?P<rest>\S.*)$")
_LICENSE_CELL = re.compile(r"\W*(?:licen[cs]e|licensing|ライセンス|利用条件|利用規約)\W*", re.IGNORECASE)
_URL_LICENSE = re.compile(r"creativecommons\.org/(?:licenses|publicdomain)/([a-z\-]+)/(\d\.\d)", re.IGNORECASE)


# A license badge says what the project's license is: opensource.org/licenses/<id>, or a
# shields.io badge labelled License (`License-Apache_2.0-blue`, `license-CC_BY--NC_4.0-lightgrey`).
_BADGE = re.compile(r"opensource\.org/licenses?/(?P<osi>[A-Za-z0-9.+\-]+?)(?:\.php|\.html)?/?(?=[)\s\]\"]|$)|"
                    r"img\.shields\.io/badge/licen[cs]e-(?P<shield>(?:[^-]|--)+)-", re.IGNORECASE)


def _badge_license(line: str) -> str | None:
    m = _BADGE.search(line)
    if not m:
        return None
    if m["osi"]:
        return m["osi"]
    return re.sub(r"%20|_", " ", m["shield"]).replace("--", "-").strip()


@dataclass(frozen=True)
class Line:
    """One plain line: its number in the original (1-based), its text, and whether it was a heading."""

    number: int
    text: str
    heading: bool = False
    code: bool = False  # inside a fenced block, or an indented block of markdown (code_blocks.py)
    quoted: bool = False  # a quoted line ("> From: ..."): another's words (deliberation.py)


@dataclass(frozen=True)
class Unread:
    """The middle of a long text that was not read: lines `first_line`..`last_line`, `chars` characters."""

    first_line: int
    last_line: int
    chars: int

    def explain(self, head: int, tail: int) -> str:
        where = f"line {self.first_line}" if self.first_line == self.last_line else \
            f"lines {self.first_line}-{self.last_line}"
        return (f"{where}: {self.chars:,} characters in the middle not read (only the first {head:,} and the "
                f"last {tail:,} characters are: a file's license evidence sits at its head and tail)")


def window(text: str, head: int, tail: int) -> tuple[str, Unread | None]:
    """`text` with all but its first `head` and last `tail` characters left out, and what was left
    out. Both cuts fall on a line break where one is near; the lines left out stay as empty lines
    (the ones read keep their numbers). A text without line breaks in the middle is cut where it
    is, the two pieces on lines of their own."""
    if len(text) <= head + tail:
        return text, None
    start = text.rfind("\n", head // 2, head) + 1 or head
    end = text.find("\n", len(text) - tail, len(text) - tail // 2)
    end = len(text) - tail if end < 0 else end
    middle = text[start:end]
    breaks = middle.count("\n")
    between = "\n" * breaks
    if not breaks and text[start - 1] != "\n" and text[end] != "\n":
        between = "\n"  # two pieces of one line: apart, or their words would run together
    first = text.count("\n", 0, start) + 1
    return text[:start] + between + text[end:], Unread(first, first + breaks, len(middle))


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(YAML header or None, the rest, the number of lines the header took)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end():], match.group(0).count("\n")


def _html_to_text(text: str) -> str:
    # schema.org's `license` in the page's own JSON-LD is the page's License field (the block is
    # dropped with the other scripts below)
    found = [v for v in (json_ld_license(b) for b in JSON_LD.findall(text)) if v]
    text = _head_license_links(text)
    text = _HTML_DROP.sub("", text) + "".join(f"\n\nLicense: {v}\n" for v in found[:1])
    text = _HTML_HEADING.sub(lambda m: "\n# " + _TAG.sub("", m.group(1)).strip() + "\n", text)
    # rel="license" is HTML's own way to say "this page's license is at": a License field
    # (every run bounded: an unclosed <a> must not make each later one scan to the end of the page)
    text = re.sub(r"<a\b(?=[^>]{0,2000}\brel=[\"']?license\b)[^>]{0,2000}\bhref=[\"']([^\"']{0,2000})[\"']"
                  r"[^>]{0,2000}>.{0,4000}?</a\s*>",
                  lambda m: f"\n\nLicense: {m.group(1)}\n\n", text, flags=re.IGNORECASE | re.DOTALL)
    # A link's target can be the only place that names the license (a CC badge).
    text = re.sub(r"<a\b[^>]{0,2000}href=\"([^\"]{0,2000})\"[^>]{0,2000}>(.{0,4000}?)</a\s*>",
                  lambda m: f"{m.group(2)} ({m.group(1)})",
                  text, flags=re.IGNORECASE | re.DOTALL)
    text = _HTML_BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


# <link rel="license" href=...> in the page's head: the page's license, as a rel="license" anchor is;
# rel holds a list of tokens ("external license"), any of which may be "license"
_REL_LICENSE = r"\brel=(?:\"[^\">]{0,200}?(?<![\w-])license(?![\w-])[^\">]{0,200}\"|'[^'>]{0,200}?(?<![\w-])license(?![\w-])[^'>]{0,200}'|license\b)"
_LINK_LICENSE = re.compile(r"<link\b(?=[^>]{0,2000}" + _REL_LICENSE + r")[^>]{0,2000}\bhref=[\"']([^\"']{0,2000})[\"']"
                           r"[^>]{0,2000}>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def _head_license_links(text: str) -> str:
    """`text` with each <link rel="license"> made a License field where the page's body starts (the
    head, dropped with its scripts and styles, would take it along)."""
    links = _LINK_LICENSE.findall(text)
    if not links or not (end := _HEAD_END.search(text)):
        return _LINK_LICENSE.sub(lambda m: f"\n\nLicense: {m.group(1)}\n\n", text)
    fields = "".join(f"\n\nLicense: {href}\n" for href in links)
    return _LINK_LICENSE.sub("", text[:end.end()]) + fields + text[end.end():]


def _table_row(line: str) -> str:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
        return ""
    return ": ".join(c for c in cells if c)


def _hash_comments(raws: list[str]) -> set[int]:
    """The offsets of "# " lines that are a script's comment block, not markdown headings: a bare
    "#" line among them, or three or more "# " lines in a row (markdown never stacks headings so)."""
    out: set[int] = set()
    run: list[int] = []
    for offset, raw in enumerate(raws + [""]):
        if _HASH_COMMENT.match(raw):
            run.append(offset)
            continue
        if len(run) >= 3 or any(not raws[i][1:].strip() for i in run) and len(run) >= 2:
            out.update(run)
        run = []
    return out


def clean_line(line: str, comment: bool = False) -> tuple[str, bool]:
    heading = False
    if comment:
        line = line[1:]
    line = _COMMENT_LEADER.sub("", line)
    badge = _badge_license(line) if "](" in line or "href" in line else None
    if m := _MD_HEADING.match(line) or _TROFF_HEADING.match(line):
        line, heading = m.group(1), True
    line = _MD_PREFIX.sub("", line)
    if line.count("|") >= 2:
        line = _table_row(line)
    line = _MD_IMAGE.sub(r"\1", line)
    line = _MD_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if _URL_LICENSE.search(m.group(2))
                        else m.group(1), line)
    line = _MD_REF_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub("", line)
    line = _MD_TAG.sub("", line) if "<" in line else line
    line = re.sub(r"[ \t]+", " ", line).strip()
    if badge and len(line.split()) <= 8:
        line = f"License: {badge}"  # a line of badges: the license badge is a License field
    return line, heading


_MARKDOWN = re.compile(r"^ {0,3}(?:#{1,6} \S|```|~~~)", re.MULTILINE)
# A source file's first line: a shebang, or an encoding or editor mode line (PEP 263's
# "# -*- coding: utf-8 -*-", Emacs' "-*- mode -*-", vim's modeline). Its "# " lines are comments
# and its indented lines are code or a docstring's text, never markdown headings or code blocks.
_SCRIPT_START = re.compile(r"\A(?:#!|#.*(?:-\*-.*-\*-|\bvim?:|coding[:=]))")
_INDENTED = re.compile(r"^(?: {4}|\t)\s*\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _in_list(raws: list[str], offset: int) -> bool:
    """Whether the indented line at `offset` continues a list item (its paragraph, not code)."""
    above = next((raw for raw in reversed(raws[max(0, offset - 20):offset]) if raw.strip()), "")
    return bool(_LIST_ITEM.match(above)) or bool(_INDENTED.match(above))


def is_html(text: str) -> bool:
    return len(_HTML.findall(text[:20_000])) >= 2


def clean(text: str, first_line: int = 1) -> list[Line]:
    """Plain lines of `text` (BOM, CR, HTML, markdown and full-width forms removed), numbered
    from `first_line`; blank lines are kept as empty text so that paragraphs stay apart."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if is_html(text):
        text = _html_to_text(text)
    text = unicodedata.normalize("NFKC", text)
    lines: list[Line] = []
    in_fence = False
    raws = text.split("\n")
    script = bool(_SCRIPT_START.match(text))
    doc = doc_format(text)  # Texinfo, roff, POD, LaTeX, AsciiDoc, reST: its markup read through
    markdown = bool(_MARKDOWN.search(text)) and not script and not doc
    indented = False  # in an indented code block: after a blank line, every line indented four
    comments = _hash_comments(raws)
    license_column: int | None = None  # a markdown table with a License column: each row is a field
    row_column = 0  # in a listing of one license per directory: the column its licenses start at
    doc_lines = read_lines(raws, doc) if doc else []
    for offset, raw in enumerate(raws):
        doc_heading = False
        if doc and not in_fence:
            if (read := doc_lines[offset]) is None:
                lines.append(Line(first_line + offset, ""))
                continue
            raw, doc_heading = read
        if raw.count("|") >= 2 and not in_fence:
            cells = [c.strip() for c in raw.strip().strip("|").split("|")]
            following = raws[offset + 1] if offset + 1 < len(raws) else ""
            if re.fullmatch(r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*", following):
                license_column = next((i for i, c in enumerate(cells) if _LICENSE_CELL.fullmatch(c)), None)
            elif license_column is not None and len(cells) > license_column and \
                    not re.fullmatch(r"[\s|:-]*", raw):
                # the row's other cells in one pair of parentheses: their own become brackets
                others = ", ".join(c for i, c in enumerate(cells) if i != license_column and c) \
                    .translate(str.maketrans("()（）", "[][]"))
                lines.append(Line(first_line + offset,
                                  clean_line(f"License ({others}): {cells[license_column]}")[0]))
                continue
        else:
            license_column = None
        if not markdown and not in_fence and (row := _DIRECTORY_ROW.match(raw)) and mentions(row["rest"]):
            lines.append(Line(first_line + offset, clean_line(f"License ({row['dir']}): {row['rest']}")[0]))
            row_column = row.start("rest")
            continue
        if row_column and raw.strip() and len(raw) - len(raw.lstrip()) >= row_column:
            # a row's second line, aligned under its license: the same row ("(full text: LICENSES/MPL-2.0.txt)")
            row_line = next(i for i in range(len(lines) - 1, -1, -1) if lines[i].text)
            lines[row_line] = Line(lines[row_line].number, f"{lines[row_line].text} {clean_line(raw)[0]}")
            lines.append(Line(first_line + offset, ""))
            continue
        row_column = 0
        if not script and raw.strip().startswith(("```", "~~~")):  # a docstring's ~~~ underline is no fence
            in_fence = not in_fence
            lines.append(Line(first_line + offset, ""))
            continue
        if _MD_RULE.match(raw) and not in_fence:
            # a setext underline makes the line above it a heading
            if lines and lines[-1].text and set(raw.strip()) <= {"=", "-"}:
                lines[-1] = Line(lines[-1].number, lines[-1].text, True)
            lines.append(Line(first_line + offset, ""))
            continue
        if markdown and not in_fence:
            blank_before = offset == 0 or not raws[offset - 1].strip()
            indented = bool(_INDENTED.match(raw)) and (indented or blank_before and not _in_list(raws, offset)) \
                or indented and not raw.strip()
        cleaned, heading = clean_line(raw, offset in comments) if not in_fence else (raw.strip(), False)
        lines.append(Line(first_line + offset, cleaned, heading or doc_heading, code=in_fence or indented and bool(raw.strip()),
                          quoted=not in_fence and raw.lstrip().startswith(">")))
    return lines


def plain(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)
