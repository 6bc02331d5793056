"""Builders of e-mail files for tests and samples: one .eml message, or an .mbox of several.

Messages are built the way mail clients write them (email.mime, compat32): a Japanese message in
ISO-2022-JP has its body, subject and display names in ISO-2022-JP (RFC 2047 encoded words), an
attachment is base64 with its file name, an attached message is message/rfc822.
"""

from __future__ import annotations

import email
import hashlib
from collections.abc import Sequence
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate
from pathlib import Path

Address = str | tuple[str, str]  # "jane@example.com" or ("Jane Doe", "jane@example.com")


def _address(value: Address, charset: str) -> str:
    if isinstance(value, str):
        return value
    return formataddr(value, charset=charset)


def eml_bytes(sender: Address, recipients: Sequence[Address], subject: str, body: str,
              attachments: Sequence[tuple[str, bytes | str]] = (), charset: str = "utf-8",
              cc: Sequence[Address] = (), html: bool = False) -> bytes:
    """One message as bytes. An attachment given as str is a text/plain part in `charset`; one named
    *.eml is attached as a message (message/rfc822); other bytes as application/octet-stream."""
    text = MIMEText(body, "html" if html else "plain", charset)
    if attachments:
        # A boundary from the content, not random: the same message is the same bytes on every run.
        msg = MIMEMultipart(boundary="=_" + hashlib.sha256((subject + body).encode()).hexdigest()[:24])
        msg.attach(text)
        for name, data in attachments:
            if isinstance(data, str):  # a text file, in the message's charset
                part = MIMEText(data, "plain", charset)
                part.add_header("Content-Disposition", "attachment", filename=name)
            elif name.lower().endswith(".eml"):
                part = MIMEMessage(email.message_from_bytes(data))
                part.add_header("Content-Disposition", "attachment", filename=name)
            else:
                part = MIMEApplication(data, Name=name)
                part.add_header("Content-Disposition", "attachment", filename=name)
            msg.attach(part)
    else:
        msg = text
    msg["From"] = _address(sender, charset)
    msg["To"] = ", ".join(_address(r, charset) for r in recipients)
    if cc:
        msg["Cc"] = ", ".join(_address(r, charset) for r in cc)
    msg["Subject"] = Header(subject, charset).encode()
    msg["Date"] = formatdate(1767225600, localtime=False)
    msg["Message-ID"] = f"<{hashlib.sha256((subject + body).encode()).hexdigest()[:16]}@example.invalid>"
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"
    return msg.as_bytes()


def write_eml(path: Path, sender: Address, recipients: Sequence[Address], subject: str, body: str,
              attachments: Sequence[tuple[str, bytes | str]] = (), charset: str = "utf-8", **kwargs) -> Path:
    """`eml_bytes(...)` written to `path`; returns `path`."""
    path = Path(path)
    path.write_bytes(eml_bytes(sender, recipients, subject, body, attachments, charset, **kwargs))
    return path


def write_mbox(path: Path, messages: Sequence[bytes]) -> Path:
    """Messages (eml_bytes) as one mbox file (mboxrd: a body line starting "From " gets a ">")."""
    out = bytearray()
    for message in messages:
        out += b"From sender@example.invalid Thu Jan  1 00:00:00 2026\n"
        for line in message.replace(b"\r\n", b"\n").split(b"\n"):
            stripped = line.lstrip(b">")
            out += (b">" + line if stripped.startswith(b"From ") else line) + b"\n"
        out += b"\n"
    path = Path(path)
    path.write_bytes(bytes(out))
    return path
