"""ZIP archives for tests and samples: plain ones, and hostile ones built small on disk.

    write_zip(path, {"notes/a.txt": b"...", "b.csv": b"..."})   members in the order given
    write_zeros_bomb(path, 2**30)            one member of 1 GiB of zeros, about 1 MB on disk, in ~1 s
    write_nested_bomb(path, levels=4)        42.zip-style: 16 copies of a ZIP per level
    write_zip(path, {...}, symlinks={"link": "/etc/passwd"})    a member stored as a symbolic link
"""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from pathlib import Path

ZEROS_BLOCK = bytes(1 << 20)


def zip_bytes(members: dict[str, bytes], symlinks: dict[str, str] | None = None,
              compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP holding `members` (name -> bytes; a name ending in "/" is a folder entry) in the order
    given, then `symlinks` (name -> target) marked as Unix symbolic links."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, data in members.items():
            if name.endswith("/"):
                archive.mkdir(name)
            else:
                archive.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3  # Unix: the high 16 bits of external_attr are st_mode
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buf.getvalue()


def write_zip(path: Path, members: dict[str, bytes], symlinks: dict[str, str] | None = None) -> Path:
    path.write_bytes(zip_bytes(members, symlinks))
    return path


def zeros_bomb_bytes(size: int = 2**30, name: str = "zeros.txt") -> bytes:
    """One member of `size` zero bytes (a multiple of 1 MiB, under 4 GiB), deflated about 1000:1,
    in about a second: the deflate stream is one fully flushed block of 1 MiB of zeros repeated
    (a full flush resets the compressor, so every block is the same), so nothing is compressed twice."""
    if size % len(ZEROS_BLOCK) or not 0 < size < 2**32:
        raise ValueError("size must be a positive multiple of 1 MiB under 4 GiB")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate, as ZIP stores it
    block = compressor.compress(ZEROS_BLOCK) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * (size // len(ZEROS_BLOCK)) + compressor.flush()
    crc = 0
    for _ in range(size // len(ZEROS_BLOCK)):
        crc = zlib.crc32(ZEROS_BLOCK, crc)
    return _single_member_zip(name.encode(), stream, crc, size)


def _single_member_zip(name: bytes, deflated: bytes, crc: int, size: int) -> bytes:
    """A ZIP of one deflated member, written field by field (APPNOTE 4.3.7, 4.3.12, 4.3.16)."""
    common = struct.pack("<HHHHHIII", 20, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(deflated), size)
    local = struct.pack("<I", 0x04034B50) + common + struct.pack("<HH", len(name), 0) + name
    central = (struct.pack("<IH", 0x02014B50, 20) + common
               + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, 0) + name)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(deflated), 0)
    return local + deflated + central + end


def write_zeros_bomb(path: Path, size: int = 2**30) -> Path:
    path.write_bytes(zeros_bomb_bytes(size))
    return path


def nested_bomb_bytes(levels: int = 4, copies: int = 16, base_size: int = 16 << 20) -> bytes:
    """42.zip's shape: a ZIP of `copies` copies of a ZIP of ... (`levels` deep) of a ZIP holding
    `base_size` zeros; copies**levels * base_size bytes on paper, a few KB on disk, since each
    level's deflated copies deflate again."""
    data = zeros_bomb_bytes(base_size, "0.txt")
    for _ in range(levels):
        data = zip_bytes({f"{n}.zip": data for n in range(copies)})
    return data


def write_nested_bomb(path: Path, levels: int = 4, copies: int = 16, base_size: int = 16 << 20) -> Path:
    path.write_bytes(nested_bomb_bytes(levels, copies, base_size))
    return path
