"""Opening ZIP containers (.zip archives, and .docx/.xlsx/.pptx, which are ZIP files) safely.

Before anything is inflated, the central directory is checked against the policy: how many
members, how much they declare they inflate to (charged to the file's budget), how far one member
inflates relative to its compressed size (a decompression bomb), and whether a member is encrypted.
Reading a member then charges what it actually inflates to, so a member that lies in the
directory still stops at the budget.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from curation.sources.formats.base import ReadContext, TooLarge

ENCRYPTED_FLAG = 0x1


class UnsafeZip(Exception):
    """The archive must not be opened: `reason` is a reason code, `message` a sentence."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


def open_zip(fh: BinaryIO, ctx: ReadContext) -> zipfile.ZipFile:
    """`fh` as a ZipFile whose directory passed the checks; raises UnsafeZip or TooLarge."""
    try:
        archive = zipfile.ZipFile(fh)
    except Exception as exc:  # BadZipFile, and what a hostile directory makes zipfile raise (struct.error, ...)
        raise UnsafeZip("corrupt_archive", f"not a readable ZIP container ({type(exc).__name__})") from None
    members = [m for m in archive.infolist() if not m.is_dir()]
    options = ctx.options
    if len(members) > options.archive_max_members:
        raise UnsafeZip("archive_limits", f"{len(members)} members, above the policy's limit of "
                                          f"{options.archive_max_members} (inputs.archive_max_members)")
    if any(m.flag_bits & ENCRYPTED_FLAG for m in members):
        raise UnsafeZip("encrypted", "password-protected (encrypted members); save it without a password")
    # The ratio before the budget: a bomb is named as one even when it also declares too much.
    for m in members:
        if m.file_size > 1 << 20 and m.file_size > options.archive_max_ratio * max(m.compress_size, 1):
            raise UnsafeZip("decompression_bomb",
                            f"a member inflates {m.file_size // max(m.compress_size, 1)}x, above the policy's "
                            f"limit of {options.archive_max_ratio}x (inputs.archive_max_ratio)")
    declared = sum(m.file_size for m in members)
    if ctx.budget.used + declared > ctx.budget.limit:
        raise TooLarge(ctx.budget.used + declared)
    return archive


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, ctx: ReadContext) -> bytes:
    """The member's bytes, charged to the budget while inflating (the directory may lie)."""
    out = bytearray()
    with archive.open(member) as fh:
        while block := fh.read(1 << 20):
            ctx.budget.charge(len(block))
            out += block
            if len(out) > member.file_size:  # more than the directory declared: a forged entry
                raise UnsafeZip("decompression_bomb", "a member inflates to more than its declared size")
    return bytes(out)
