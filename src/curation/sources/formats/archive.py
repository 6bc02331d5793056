"""ZIP archives: every member read with the reader of its format, ZIPs within ZIPs included.

One outcome per member, in the directory's order, found at "member N (.ext)" (N counts the
members that are not folders, from 1; the extension only when it is a well-known one): the
member's documents, or a Quarantine saying why not (`unsupported_format`, `symlink_refused`,
`corrupt_archive`, or whatever its reader says). Member names never appear: a file name can be
personal data. A whole archive is refused before anything inflates when its directory breaks the
policy (zipsafe: `archive_limits`, `decompression_bomb`, `encrypted`, `corrupt_archive`); members
nested past inputs.archive_max_depth are `archive_too_deep` (formats.read_member); and everything
inflated, at any depth, is charged to the inbox file's budget (inputs.max_file_mb), so a nested
bomb ends as `file_too_large` in bounded memory and time.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator

from curation.sources.formats.base import Blob, Item, ReadContext, renumbered
from curation.sources.formats.readers import READERS, unsupported
from curation.sources.formats.zipsafe import UnsafeZip, open_zip
from curation.sources.formats.zipsafe import read_member as inflate
from curation.sources.paths import known_suffix

# What to do, per reason the archive as a whole is refused for.
ADVICE = {
    "corrupt_archive": "re-create the archive",
    "archive_limits": "split it into smaller archives",
    "decompression_bomb": "nothing was inflated; if it is genuine, unpack it and add its files instead",
    "encrypted": "",  # zipsafe's message says it
}
# A member that cannot be inflated: a damaged stream, a bad CRC, a method Python lacks (Deflate64).
MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError, RuntimeError)


def read_zip(blob: Blob, ctx: ReadContext) -> Iterator[Item]:
    if blob.size == 0:
        yield ctx.quarantine(None, "empty_file", "the file is empty")
        return
    with blob.open() as fh:
        try:
            archive = open_zip(fh, ctx)
        except UnsafeZip as exc:
            advice = ADVICE.get(exc.reason, "")
            yield ctx.quarantine(None, exc.reason, f"{exc.message}; {advice}" if advice else exc.message)
            return
        with archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if not members:
                yield ctx.quarantine(None, "empty_file", "a ZIP archive with no files in it")
                return
            counter = [0]  # one record number per item across all members (base.renumbered)
            for number, member in enumerate(members, start=1):
                suffix = known_suffix(member.filename)
                where = f"member {number} ({suffix})" if suffix else f"member {number}"
                if problem := _refusal(member, suffix, ctx, where):
                    yield from renumbered(iter([problem]), counter)
                    continue
                try:
                    data = inflate(archive, member, ctx)
                except UnsafeZip as exc:  # inflates past its declared size: a forged directory entry
                    yield from renumbered(iter([ctx.quarantine(None, exc.reason, exc.message, where)]), counter)
                    continue
                except MEMBER_ERRORS as exc:
                    yield from renumbered(iter([ctx.quarantine(
                        None, "corrupt_archive",
                        f"this member cannot be inflated ({type(exc).__name__}); re-create the archive", where)]),
                        counter)
                    continue
                yield from ctx.read_member(data, suffix, where, counter)


def _refusal(member: zipfile.ZipInfo, suffix: str, ctx: ReadContext, where: str) -> Item | None:
    """Why `member` is not inflated at all, or None."""
    if stat.S_ISLNK(member.external_attr >> 16):
        return ctx.quarantine(None, "symlink_refused",
                              "a symbolic link stored in the archive; links are not followed", where)
    if suffix not in READERS:
        return unsupported(ctx, suffix, where)
    return None
