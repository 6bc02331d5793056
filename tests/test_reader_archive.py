"""ZIP archives: one outcome per member, in directory order, at "member N (.ext)"; member names
never shown; bombs, nesting and limits refused in bounded memory and time."""

from __future__ import annotations

import random
import string
import time
import tracemalloc
import zipfile
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curation.documents import Quarantine, RawDocument, SourceInfo
from curation.sources import discover, read_unit
from curation.sources.formats import (
    Blob,
    Budget,
    ReadContext,
    ReaderOptions,
    TooLarge,
    read_blob,
)
from scripts.sample_files.archive import (
    nested_bomb_bytes,
    write_zip,
    zeros_bomb_bytes,
    zip_bytes,
)
from scripts.sample_files.encodings import encoded

# Member names that are personal data: none of them may appear in any item.
NAMES = ("hr/jane_roe_cv.txt", "taro_yamada.csv", "customers/nested_suzuki.zip", "inner/hanako_sato.txt",
         "photo_of_ken.exe", "old_folder_kimura/", "link_to_mori")


def read(data: bytes, budget: int = 100 * 2**20, **options) -> list:
    ctx = ReadContext(SourceInfo(name="src", license="MIT"), "src/a.zip", Budget(budget), ReaderOptions(**options))
    return list(read_blob(Blob.of_bytes(data, ".zip"), ctx))


def mixed_zip() -> bytes:
    inner = zip_bytes({NAMES[3]: encoded("中の文書です。ご確認ください。", "cp932")})
    return zip_bytes({NAMES[5]: b"", NAMES[0]: b"A plain note.", NAMES[1]: b"text\nfirst row\nsecond row\n",
                      NAMES[2]: inner, NAMES[4]: b"MZ\x00\x01"}, symlinks={NAMES[6]: "/etc/passwd"})


def test_every_member_gives_its_items_in_directory_order_with_member_provenance():
    items = read(mixed_zip())
    assert [(type(i).__name__, getattr(i, "reason", None), i.provenance) for i in items] == [
        ("RawDocument", None, "member 1 (.txt)"),
        ("RawDocument", None, "member 2 (.csv)"),
        ("RawDocument", None, "member 2 (.csv)"),
        ("RawDocument", None, "member 3 (.zip) member 1 (.txt) decoded from cp932, confidence 1.00"),
        ("Quarantine", "unsupported_format", "member 4"),
        ("Quarantine", "symlink_refused", "member 5"),
    ]
    assert [i.text for i in items[:4]] == ["A plain note.", "first row", "second row", "中の文書です。ご確認ください。"]


def test_record_numbers_are_unique_within_the_archive():
    records = [i.record for i in read(mixed_zip())]
    assert records == list(range(len(records)))


def test_member_names_appear_in_no_item():
    for item in read(mixed_zip()):
        shown = repr(item)
        for name in NAMES:
            for part in name.strip("/").replace(".", "/").split("/"):
                if len(part) > 3:
                    assert part not in shown, (part, item)


def test_messages_say_what_where_and_what_to_do():
    unsupported, link = read(mixed_zip())[4:]
    assert unsupported.message.startswith("member 4: unsupported file type") and "supported: " in unsupported.message
    assert link.message.startswith("member 5: ") and "not followed" in link.message


def test_empty_archive_and_empty_file_are_empty_file():
    assert [i.reason for i in read(zip_bytes({}))] == ["empty_file"]
    assert [i.reason for i in read(zip_bytes({"only_a_folder/": b""}))] == ["empty_file"]
    assert [i.reason for i in read(b"")] == ["empty_file"]


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really", bytes(random.Random(1).randrange(256) for _ in range(900)),
                                  zip_bytes({"a.txt": b"x" * 500})[:-30]])
def test_unreadable_archive_is_corrupt_archive(data):
    (item,) = read(data)
    assert item.reason == "corrupt_archive" and "re-create the archive" in item.message


def test_a_damaged_member_costs_that_member_only():
    data = bytearray(zip_bytes({"a.txt": b"first member " * 40, "b.txt": b"second member"}))
    data[30 + len("a.txt") + 5] ^= 0xFF  # inside a.txt's deflated bytes (after its 30-byte local header)
    first, second = read(bytes(data))
    assert first.reason == "corrupt_archive" and first.provenance == "member 1 (.txt)"
    assert isinstance(second, RawDocument) and second.text == "second member"


def test_encrypted_archive_is_refused():
    data = bytearray(zip_bytes({"secret.txt": b"x"}))
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the central directory's "encrypted" flag
    (item,) = read(bytes(data))
    assert item.reason == "encrypted" and "without a password" in item.message


def test_more_members_than_the_policy_allows_is_archive_limits():
    (item,) = read(zip_bytes({f"{n}.txt": b"x" for n in range(12)}), archive_max_members=10)
    assert item.reason == "archive_limits" and "inputs.archive_max_members" in item.message


def test_declared_size_above_the_budget_stops_before_inflating():
    rnd = random.Random(2)
    text = "".join(rnd.choice(string.ascii_letters + " ") for _ in range(3 * 2**20)).encode()  # ratio ~1.3
    with pytest.raises(TooLarge):
        read(zip_bytes({"big.txt": text}), budget=2 * 2**20)


def test_single_member_gigabyte_of_zeros_is_a_decompression_bomb_in_bounded_memory_and_time():
    data = zeros_bomb_bytes(2**30)
    assert len(data) < 2 * 2**20
    tracemalloc.start()
    start = time.perf_counter()
    try:
        (item,) = read(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert item.reason == "decompression_bomb" and "inputs.archive_max_ratio" in item.message
    assert peak < 16 * 2**20 and time.perf_counter() - start < 10


def test_nested_42_zip_style_bomb_is_refused_in_bounded_memory_and_time(tmp_path):
    data = nested_bomb_bytes(levels=4, copies=16, base_size=16 * 2**20)  # 1 TiB on paper
    assert len(data) < 100_000
    src = tmp_path / "inbox" / "src"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    (src / "42.zip").write_bytes(data)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        items = [i for unit in discover(tmp_path / "inbox") for i in read_unit(unit, max_bytes=4 * 2**20)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not any(isinstance(i, RawDocument) for i in items)
    reasons = Counter(i.reason for i in items)
    assert set(reasons) == {"archive_too_deep", "file_too_large"} and items[-1].reason == "file_too_large"
    assert peak < 64 * 2**20 and time.perf_counter() - start < 60


def test_nested_bomb_within_the_depth_limit_stops_at_its_bombs():
    items = read(nested_bomb_bytes(levels=2, copies=4, base_size=16 * 2**20))
    assert [i.reason for i in items] == ["decompression_bomb"] * 16
    assert items[0].provenance == "member 1 (.zip) member 1 (.zip)"


def test_zips_nested_past_the_depth_limit_are_archive_too_deep():
    level2 = zip_bytes({"deep.txt": b"two containers down"})
    level1 = zip_bytes({"mid.txt": b"one container down", "inner.zip": level2})
    top = zip_bytes({"top.txt": b"in the inbox file", "middle.zip": level1})
    items = read(top, archive_max_depth=2)
    assert [getattr(i, "text", None) or i.reason for i in items] == [
        "in the inbox file", "one container down", "archive_too_deep"]
    assert items[2].provenance == "member 2 (.zip) member 2 (.zip) member 1 (.txt)"
    assert "inputs.archive_max_depth" in items[2].message


def test_zip_in_a_source_folder_through_discover_and_read_unit(tmp_path):
    src = tmp_path / "inbox" / "scans"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: MIT\n")
    write_zip(src / "bundle_for_jane.zip", {"note_jane.txt": b"First note.", "sub/more.md": b"# Second note"})
    items = [i for unit in discover(tmp_path / "inbox") for i in read_unit(unit)]
    assert [(i.text, i.record, i.provenance, i.path) for i in items] == [
        ("First note.", 0, "member 1 (.txt)", "scans/bundle_for_jane.zip"),
        ("# Second note", 1, "member 2 (.md)", "scans/bundle_for_jane.zip")]
    assert all(isinstance(i, RawDocument) for i in items)


def test_deflate64_or_other_unknown_method_is_that_members_corrupt_archive():
    data = bytearray(zip_bytes({"a.txt": b"some text"}, compression=zipfile.ZIP_STORED))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # method field: 9 = Deflate64, which zipfile lacks
        at = data.index(header) + (8 if header == b"PK\x03\x04" else 10)
        data[at:at + 2] = (9).to_bytes(2, "little")
    (item,) = read(bytes(data))
    assert item.reason == "corrupt_archive" and item.provenance == "member 1 (.txt)"
    assert isinstance(item, Quarantine)


_member_names = st.text(alphabet=string.ascii_letters + "_/", min_size=6, max_size=20).map(
    lambda s: "Zq" + s.strip("/") + "Qz")  # "Zq...Qz": a marker no reader or message writes


@settings(max_examples=40, deadline=None)
@given(members=st.dictionaries(_member_names.flatmap(lambda n: st.sampled_from([n + ".txt", n + ".csv", n + ".zip",
                                                                                n + ".bin", n + "/"])),
                               st.binary(max_size=300), max_size=6))
def test_fuzz_members_give_one_or_more_items_each_and_never_their_names(members):
    items = read(zip_bytes(members))
    files = [name for name in members if not name.endswith("/")]
    assert items, "every archive ends with an outcome"
    if not files:
        assert [i.reason for i in items] == ["empty_file"]
        return
    numbers = {int(i.provenance.split()[1]) for i in items if i.provenance.startswith("member ")}
    assert numbers == set(range(1, len(files) + 1)), "every member has its own outcome"
    assert [i.record for i in items] == list(range(len(items)))
    for item in items:
        assert "Zq" not in repr(item) and "Qz" not in repr(item)
