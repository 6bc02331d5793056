"""Markup of documentation formats read through, as markdown and HTML are.

A license text in a manual's Texinfo appendix, a man page (roff), a Perl module's POD, an AsciiDoc
or reStructuredText page or a LaTeX document is the license, not a copy with words added.

`doc_format` tells the format from at least two of its command lines (one alone is too weak: a
README may start a line with "@" or "="); `read_lines` gives each raw line's text with the markup gone
and whether the line was a heading, or None where the whole line is markup (an environment, a
comment, an attribute): such a line is left blank, so that paragraphs stay apart and the line
numbers stay those of the file.
"""

from __future__ import annotations

import re

_COMMAND_LINES = {
    "texinfo": re.compile(r"^@(?:c|comment|node|appendix\w*|chapter|section|subsection|heading|subheading|"
                          r"majorheading|center|display|example|quotation|smallexample|format|end|enumerate|itemize|"
                          r"item|setfilename|settitle|copying|unnumbered\w*|sp|page|noindent)\b", re.MULTILINE),
    # man(7) requests, and mdoc's (BSD and mandoc pages: .Dd, .Sh, .Pp, .Nm)
    "roff": re.compile(r"^\.(?:TH|SH|SS|PP|LP|P|IP|TP|RS|RE|B|I|BR|BI|IR|RI|br|sp|nf|fi|"
                       r"Dd|Dt|Os|Sh|Ss|Pp|Nm|Nd|Bl|El|It|Xr)\b", re.MULTILINE),
    "pod": re.compile(r"^=(?:pod|head[1-4]|over|item|back|cut|begin|end|encoding|for)\b", re.MULTILINE),
    "latex": re.compile(r"^\s*\\(?:documentclass|usepackage|begin\{|end\{|section\*?\{|subsection\*?\{|chapter\*?\{|"
                        r"item\b)", re.MULTILINE),
    "asciidoc": re.compile(r"^(?:={1,5} \S|:[\w!-]+:(?:\s|$)|\[(?:quote|source|listing|literal|verse)\b[^\]]*\]$)",
                           re.MULTILINE),
    "rest": re.compile(r"^\.\. (?:_[^:\n]+:|[\w-]+::|\|[^|\n]+\|)", re.MULTILINE),
}


# An AsciiDoc document has a "= Title" or a block; attribute-like lines alone are a README's emoji
# shortcodes (":rocket: Fast.") or a reST field list (":License: MIT")
_ASCIIDOC_STRUCTURE = re.compile(r"^(?:={1,5} \S|\[(?:quote|source|listing|literal|verse)\b[^\]]*\]$)", re.MULTILINE)


def doc_format(text: str) -> str | None:
    """The documentation format `text` is written in (texinfo, roff, pod, latex, asciidoc, rest),
    or None: two lines of its commands at least."""
    for name, commands in _COMMAND_LINES.items():
        if len(commands.findall(text[:50_000], 0)) >= 2 and (
                name != "asciidoc" or _ASCIIDOC_STRUCTURE.search(text[:50_000])):
            return name
    return None


# ---- Texinfo ----
_TEXI_HEADING = re.compile(r"^@(?:appendix\w*|chapter|section|subsection|heading|subheading|majorheading|"
                           r"unnumbered\w*|top)\s+(.*)$")
_TEXI_TEXT = re.compile(r"^@(?:center|item|itemx)\b\s*(.*)$")
_TEXI_INLINE = re.compile(r"@(?:url|uref|email|emph|strong|code|var|samp|file|titlefont|cite|dfn|acronym|abbr|command|"
                          r"option|env|kbd|key|sc|w|r|i|b|t|asis)\{([^{}]*)\}")


def _texinfo(line: str) -> tuple[str, bool] | None:
    if m := _TEXI_HEADING.match(line):
        return _texinfo_inline(m.group(1)), True
    if m := _TEXI_TEXT.match(line):
        return _texinfo_inline(m.group(1)), False
    if re.match(r"^@[a-zA-Z]+\b", line) and not re.match(r"^@(?:copyright|url|uref|email|emph|strong|code|var|"
                                                            r"samp|file|dots|w|r|i|b|t)\{", line):
        return None  # @c, @node, @display, @end ..., @enumerate: markup only
    return _texinfo_inline(line), False


def _texinfo_inline(text: str) -> str:
    text = re.sub(r"@copyright\{\}", "(C)", text)
    text = re.sub(r"@dots\{\}|@enddots\{\}", "...", text)
    for _ in range(2):  # nested commands (@strong{@code{x}})
        text = _TEXI_INLINE.sub(lambda m: m.group(1).split(",")[0].strip(), text)
    text = re.sub(r"@([{}@.:?!*])", lambda m: "" if m.group(1) in ":*" else m.group(1), text)
    return _tex_quotes(text)


def _tex_quotes(text: str) -> str:
    return text.replace("``", '"').replace("''", '"')


# ---- roff (man pages) ----
_ROFF_TEXT = re.compile(r"^\.(?:B|I|BR|BI|IB|IR|RI|RB|SM|SB|It|Em|Sy)\s+(.*)$")
# an mdoc section title is a heading, as markdown's is: the text under it is a section of its own
_MDOC_HEADING = re.compile(r"^\.S[hs]\s+(.*)$")
_ROFF_ESCAPES = [(re.compile(r"\\\(co"), "(C)"), (re.compile(r"\\\((?:aq|cq|oq)"), "'"),
                 (re.compile(r"\\\((?:lq|rq|dq)"), '"'), (re.compile(r"\\\((?:em|en|hy)"), "-"),
                 (re.compile(r"\\f(?:\(..|\[[^\]]*\]|.)"), ""), (re.compile(r"\\-"), "-"), (re.compile(r"\\e"), "\\"),
                 (re.compile(r"\\[&|^]"), ""), (re.compile(r"\\ "), " ")]


def _roff(line: str) -> tuple[str, bool] | None:
    if m := _MDOC_HEADING.match(line):
        return m.group(1).strip('"'), True
    if m := _ROFF_TEXT.match(line):
        line = " ".join(part.strip('"') for part in re.findall(r'"[^"]*"|\S+', m.group(1)))
    elif line.startswith((".\\\"", "'\\\"")):
        return line[3:].strip(), False  # a comment: man pages often keep their copyright and license there
    elif re.match(r"^\.(?!S[HS]\b)[A-Za-z]{1,2}\b", line):
        return None  # a request (.PP, .IP 1. 4, .RS): markup only
    for pattern, plain in _ROFF_ESCAPES:
        line = pattern.sub(lambda _, plain=plain: plain, line)
    return line, False


# ---- POD ----
_POD_ESCAPES = {"lt": "<", "gt": ">", "sol": "/", "verbar": "|", "quot": '"', "amp": "&"}


def _pod(line: str) -> tuple[str, bool] | None:
    if m := re.match(r"^=head[1-4]\s+(.*)$", line):
        return _pod_inline(m.group(1)), True
    if m := re.match(r"^=item\s+(.*)$", line):
        return _pod_inline(m.group(1)), False
    if re.match(r"^=[a-zA-Z]", line):
        return None  # =pod, =over, =back, =cut: markup only
    return _pod_inline(line), False


def _pod_inline(text: str) -> str:
    text = re.sub(r"E<(\w+)>", lambda m: _POD_ESCAPES.get(m.group(1), m.group(0)), text)
    text = re.sub(r"[BICFLSX]<<+\s+(.*?)\s+>>+", r"\1", text)
    for _ in range(2):
        text = re.sub(r"[BICFLSX]<([^<>]*)>", r"\1", text)
    return text


# ---- LaTeX ----
_LATEX_HEADING = re.compile(r"^\s*\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?\{(.*)\}\s*$")
_LATEX_INLINE = re.compile(r"\\(?:textbf|textit|emph|texttt|textsc|textrm|underline|url|mbox)\{([^{}]*)\}")


def _latex(line: str) -> tuple[str, bool] | None:
    if m := _LATEX_HEADING.match(line):
        return _latex_inline(m.group(1)), True
    if re.match(r"^\s*\\(?:documentclass|usepackage|begin|end|maketitle|tableofcontents|title|author|date)\b", line):
        return None
    return _latex_inline(re.sub(r"^(\s*)\\item\b\s*", r"\1", line)), False


def _latex_inline(text: str) -> str:
    text = re.sub(r"\\copyright(?:\{\})?", "(C)", text)
    text = re.sub(r"\\href\{[^{}]*\}\{([^{}]*)\}", r"\1", text)
    for _ in range(2):
        text = _LATEX_INLINE.sub(r"\1", text)
    text = re.sub(r"\\([&%_#$])", r"\1", text)
    text = re.sub(r"(?<!\\)~", " ", text).replace("\\\\", " ")
    return _tex_quotes(text)


# ---- AsciiDoc ----
def _asciidoc(line: str) -> tuple[str, bool] | None:
    if m := re.match(r"^={1,6}\s+(\S.*)$", line):
        return m.group(1), True
    if m := re.match(r"^:([\w-]+):\s+(\S.*)$", line):
        return f"{m.group(1)}: {m.group(2)}", False  # a header attribute with a value (":license: Apache-2.0")
    if re.match(r"^(?::[\w!-]+:(?:\s.*)?|\[[^\]]*\]|'''+|<<<+)\s*$", line):
        return None  # an attribute, a block's attribute list, a break
    return re.sub(r"(?:link:(\S+?)|((?:https?|ftp)://\S+?))\[([^\]]*)\]",
                  lambda m: f"{m.group(3)} ({m.group(1) or m.group(2)})", line), False


# ---- reStructuredText ----
def _rest(line: str) -> tuple[str, bool] | None:
    if m := re.match(r"^\.\.\s+(?![\w-]+::|_|\[|\|)(\S.*)$", line):
        return m.group(1), False  # a comment's words: a copyright and license line is often one
    if re.match(r"^\.\.(?:\s|$)", line):
        return None  # a directive, a target or a comment
    return re.sub(r":[\w-]+:`([^`]*)`", r"\1", line), False


_READERS = {"texinfo": _texinfo, "roff": _roff, "pod": _pod, "latex": _latex, "asciidoc": _asciidoc, "rest": _rest}


def read_lines(raws: list[str], doc: str) -> list[tuple[str, bool] | None]:
    """Each raw line of a `doc`-format text as (text, heading), or None where it is markup only.
    In a Perl file the code around its POD is no text: only its "#" comments are read."""
    out: list[tuple[str, bool] | None] = []
    in_pod = False
    for raw in raws:
        if doc == "pod":
            in_pod = bool(re.match(r"^=(?!cut\b)[a-zA-Z]", raw)) or in_pod and not raw.startswith("=cut")
            if not in_pod and not raw.lstrip().startswith("#"):
                out.append(None)
                continue
        out.append(_READERS[doc](raw))
    return out
