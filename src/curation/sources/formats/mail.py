"""E-mail: .eml (one message) and .mbox (many); each message one document, each attachment its own.

A message's document is its Subject line and its body: the text/plain parts, else the text/html
parts as a reader sees them (text.html_text), each decoded from the charset it declares (Japanese
mail declares ISO-2022-JP, Shift_JIS or EUC-JP but is often written with their Windows extensions,
so those supersets are tried too, then UTF-8). A body that decodes in none of them is decoded with
replacement characters when at most MAX_LOST of its characters are lost (the document keeps the
U+FFFD); past that the message is quarantined (`undecodable_charset`): a text that is mostly
replacement characters is not a document. A message without body text is `empty_text`, unless it
has attachments, which then stand for it.

Attachments (a part with a file name or Content-Disposition: attachment, an attached message, any
other non-text part) are read by the reader of their extension through `ctx.read_member`
("attachment 2 (.pdf)"), one container deeper; an attached message is read as an .eml. A text
attachment whose part declares a charset (a Shift_JIS memo) is handed on as UTF-8 when it decodes
cleanly in that charset. Past the policy's `archive_max_members` attachments, the rest are not read
(`archive_limits`).

Header addresses and display names (From, To, Cc, Bcc, Reply-To, Sender, Resent-*, ...) are
personal data: never in a document's text, metadata, message or provenance, only in its
`known_pii` (PERSON for a name, EMAIL_ADDRESS for an address), which the PII step masks wherever
they occur in the text. The documents of an attachment carry its message's known_pii as well.
"""

from __future__ import annotations

import codecs
import email
import mimetypes
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses

from curation.documents import RawDocument
from curation.sources.formats.base import Blob, Item, ReadContext, TooLarge
from curation.sources.formats.text import html_text
from curation.sources.paths import KNOWN_SUFFIXES, known_suffix

KnownPii = tuple[tuple[str, str], ...]

# Headers that name people: their display names and addresses become known_pii.
PEOPLE_HEADERS = frozenset({"from", "to", "cc", "bcc", "reply-to", "sender", "resent-from", "resent-to",
                            "resent-cc", "resent-bcc", "resent-sender", "return-path", "delivered-to",
                            "x-original-to", "disposition-notification-to", "mail-followup-to"})
# A file is taken for a message when it has at least one of these headers.
MESSAGE_HEADERS = frozenset({"from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                             "received", "sender", "return-path"})
# The share of a body's characters that may be lost to replacement characters.
MAX_LOST = 0.01
# Codecs tried for a declared charset (by Python codec name), in order; UTF-8 comes after them.
SUPERSETS = {
    "iso2022_jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3"),
    "shift_jis": ("cp932", "shift_jis_2004"),
    "cp932": ("cp932", "shift_jis_2004"),
    "euc_jp": ("euc_jp", "euc_jis_2004", "cp932"),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "ascii": ("ascii",),
}
_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_MBOXRD_FROM = re.compile(rb">+From ")


# ---- readers ----------------------------------------------------------------------------------
def read_eml(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    """One message: its document (record 0), then its attachments' items, numbered on."""
    yield from _message(blob.read_all(ctx.budget), ctx, "", [0])


def read_mbox(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    """Each message of an mbox ("message N", its attachments "message N attachment M (.pdf)"),
    read one message at a time as the file streams, every line charged to the budget."""
    counter, number, lines = [0], 0, None
    with blob.open() as fh:
        for line in fh:
            ctx.budget.charge(len(line))
            if line.startswith(b"From "):
                if lines is not None:
                    number += 1
                    yield from _message(b"".join(lines), ctx, f"message {number}", counter)
                lines = []
            elif lines is not None:
                lines.append(line[1:] if _MBOXRD_FROM.match(line) else line)
            elif line.strip():
                yield ctx.quarantine(None, "unreadable_email",
                                     "not an mbox file: it does not start with a 'From ' separator line")
                return
    if lines is not None:
        yield from _message(b"".join(lines), ctx, f"message {number + 1}", counter)


# ---- one message ------------------------------------------------------------------------------
def _message(data: bytes, ctx: ReadContext, where: str, counter: list[int]) -> Iterator[Item]:
    """The items of one message at `where`: its document first, then its attachments'."""
    record = counter[0]
    counter[0] += 1
    try:
        msg = email.message_from_bytes(data, policy=policy.default)
        names = {name.lower() for name, _ in msg.raw_items()}
        known = known_pii(msg)
        subject = _subject(msg)
        plain, html, attached = _parts(msg)
        body, lost = _body(plain, html)
    except TooLarge:
        raise
    except Exception as exc:  # noqa: BLE001 - the email package raises many kinds on malformed input
        yield ctx.quarantine(record, "unreadable_email", f"not a readable e-mail message ({type(exc).__name__})",
                             where)
        return
    if not names & MESSAGE_HEADERS:
        yield ctx.quarantine(record, "unreadable_email",
                             "not an e-mail message: no From, To, Subject, Date or MIME header at its start", where)
        return
    if lost > MAX_LOST:
        yield ctx.quarantine(record, "undecodable_charset",
                             f"{lost:.1%} of the body's characters do not decode in the charset the message "
                             "declares (nor in UTF-8); not read", where)
    elif body.strip():
        yield ctx.document(record, f"{subject}\n\n{body}" if subject else body, where=where, known_pii=known)
    elif not attached:
        yield ctx.quarantine(record, "empty_text", "no body text and no attachments", where)
    limit = ctx.options.archive_max_members
    if len(attached) > limit:
        yield ctx.quarantine(counter[0], "archive_limits",
                             f"{len(attached)} attachments, above the policy's limit of {limit} "
                             "(inputs.archive_max_members); those after it not read", where)
        counter[0] += 1
    for i, part in enumerate(attached[:limit], 1):
        try:
            content, suffix = _attachment(part)
        except Exception as exc:  # noqa: BLE001 - a damaged part costs only itself
            yield ctx.quarantine(counter[0], "unreadable_email", f"the attachment cannot be decoded ({type(exc).__name__})",
                                 f"{where} attachment {i}".strip())
            counter[0] += 1
            continue
        shown = suffix if suffix in KNOWN_SUFFIXES else ""
        place = " ".join(p for p in (where, f"attachment {i}", f"({shown})" if shown else "") if p)
        for item in ctx.read_member(content, suffix, place, counter):
            if isinstance(item, RawDocument) and known:
                item = replace(item, known_pii=tuple(dict.fromkeys((*item.known_pii, *known))))
            yield item


def _parts(msg: Message) -> tuple[list[Message], list[Message], list[Message]]:
    """(text/plain body parts, text/html body parts, attachments), in the message's order. An
    attached message is not opened here: it is an attachment, read as an .eml."""
    plain, html, attached = [], [], []
    stack = [msg]
    while stack:
        part = stack.pop()
        ctype = part.get_content_type()
        if part is not msg and (ctype == "message/rfc822" or part.get_content_disposition() == "attachment"
                                or part.get_filename()):
            attached.append(part)
        elif part.is_multipart():
            if ctype == "message/rfc822":  # the top-level part of a message never is; kept for safety
                attached.append(part)
            else:
                stack.extend(reversed(part.get_payload()))
        elif ctype == "text/plain":
            plain.append(part)
        elif ctype == "text/html":
            html.append(part)
        elif part.get_payload(decode=True):  # an inline image, a calendar, a message that is a PDF ...
            attached.append(part)
    return plain, html, attached


def _body(plain: list[Message], html: list[Message]) -> tuple[str, float]:
    """The body text (plain parts preferred) and the share of its characters lost in decoding."""
    texts, lost, total = [], 0, 0
    for part in plain or html:
        text, bad = decode_bytes(part.get_payload(decode=True) or b"", part.get_content_charset())
        texts.append(html_text(text) if not plain else text)
        lost, total = lost + bad, total + len(text)
    return "\n\n".join(t.strip() for t in texts if t.strip()), lost / max(total, 1)


def _attachment(part: Message) -> tuple[bytes, str]:
    """The attachment's bytes and its extension (from its file name, else its content type)."""
    ctype = part.get_content_type()
    if part.is_multipart():  # an attached message (message/rfc822) or a multipart marked as attachment
        inner = part.get_payload(0) if ctype == "message/rfc822" else part
        try:
            content = inner.as_bytes()
        except Exception:  # noqa: BLE001 - re-serializing a damaged message; the raw form reads as well
            content = inner.as_bytes(policy=policy.compat32)
        return content, ".eml"
    content = part.get_payload(decode=True) or b""
    suffix = known_suffix((part.get_filename() or "").replace("\\", "/"))
    if not suffix:
        suffix = ".eml" if ctype == "message/rfc822" else (mimetypes.guess_extension(ctype) or "")
    charset = part.get_content_charset()
    if part.get_content_maintype() == "text" and charset and charset.lower() not in ("utf-8", "us-ascii"):
        # The text readers read UTF-8; the MIME header says what these bytes are (a Shift_JIS memo).
        text, lost = decode_bytes(content, charset)
        if not lost:
            content = text.encode("utf-8")
    return content, suffix


# ---- text of headers and bodies ---------------------------------------------------------------
def decode_bytes(data: bytes, charset: str | None) -> tuple[str, int]:
    """(text, characters lost): `data` in the first of the declared charset's codecs (SUPERSETS)
    or UTF-8 that decodes it whole, else in the first with replacement characters."""
    try:
        name = codecs.lookup(charset or "ascii").name
    except (LookupError, ValueError):
        name = None
    candidates = [*SUPERSETS.get(name, (name,) if name else ()), "utf-8"]
    for codec in candidates:
        try:
            return data.decode(codec), 0
        except (UnicodeError, LookupError, ValueError):  # a codec that is not a text encoding
            continue
    try:
        text = data.decode(candidates[0], errors="replace")
    except (LookupError, ValueError):
        text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd")


def _clean(text: str) -> str:
    """Raw 8-bit header bytes (kept by the parser as surrogates) read as UTF-8, whitespace runs as one."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return unicodedata.normalize("NFC", " ".join(text.split()))


def header_text(value: str) -> str:
    """A raw header value with its RFC 2047 encoded words decoded."""
    try:
        pieces = decode_header(value)
    except Exception:  # noqa: BLE001 - a broken encoded word: the value as it is
        return _clean(value)
    try:
        return _clean(str(make_header(pieces)))
    except Exception:  # noqa: BLE001 - an unknown or wrong charset: each piece by decode_bytes's rules
        return _clean("".join(p if isinstance(p, str) else decode_bytes(p, c)[0] for p, c in pieces))


def _subject(msg: Message) -> str:
    values = [v for name, v in msg.raw_items() if name.lower() == "subject"]
    return header_text(values[0]) if values else ""


def known_pii(msg: Message) -> KnownPii:
    """The display names (PERSON) and addresses (EMAIL_ADDRESS) of the headers that name people,
    each once. Addresses are also taken from anything address-shaped in those headers, so a
    header the address parser misreads still gives up its addresses."""
    found: dict[tuple[str, str], None] = {}
    for name, raw in msg.raw_items():
        if name.lower() not in PEOPLE_HEADERS or not isinstance(raw, str):
            continue
        try:
            pairs = getaddresses([raw])
        except Exception:  # noqa: BLE001 - a malformed address list; the address pattern below still reads it
            pairs = []
        for display, address in pairs:
            display = header_text(display).strip(" \"'<>")
            if display:
                found[("EMAIL_ADDRESS" if _ADDRESS.fullmatch(display) else "PERSON", display)] = None
            if _ADDRESS.fullmatch(address.strip()):
                found[("EMAIL_ADDRESS", address.strip())] = None
        for address in _ADDRESS.findall(_clean(raw)):
            found[("EMAIL_ADDRESS", address)] = None
    return tuple(found)
