"""Hostile and broken inputs: every reader answers with documents or quarantine records, never a crash."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curation.documents import Quarantine, RawDocument
from curation.sources import discover, read_unit
from curation.sources.formats import READERS


def read_all(inbox, max_bytes=100 * 2**20):
    return [item for unit in discover(inbox) for item in read_unit(unit, max_bytes)]


def make_source(root: Path, yaml: str = "license: MIT\n") -> Path:
    src = root / "inbox" / "src"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text(yaml)
    return src


def test_file_above_the_size_limit_is_quarantined_unread(tmp_path):
    src = make_source(tmp_path)
    big = src / "big.txt"
    with open(big, "wb") as fh:  # sparse: 3 MiB on paper, nothing read
        fh.truncate(3 * 2**20)
    (item,) = read_all(tmp_path / "inbox", max_bytes=2**20)
    assert item.reason == "file_too_large" and "3.0 MiB" in item.message


def test_odd_file_names_are_read_and_recorded_printably(tmp_path):
    src = make_source(tmp_path)
    (src / "größe 日本 ;rm -rf.txt").write_text("A note whose file name has spaces, umlauts and kanji.")
    (src / "line\nbreak.txt").write_text("A note whose file name contains a line break.")
    os.makedirs(src, exist_ok=True)
    raw_name = os.fsencode(src) + b"/latin1-\xe9.txt"
    with open(raw_name, "wb") as fh:
        fh.write(b"A note whose file name is not UTF-8.")
    items = read_all(tmp_path / "inbox")
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 3
    assert "src/latin1-\\xe9.txt" in {i.path for i in items}
    for item in items:
        item.path.encode("utf-8")  # storable


def test_deeply_nested_folders_are_walked(tmp_path):
    src = make_source(tmp_path)
    deep = src
    for level in range(150):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    (deep / "leaf.txt").write_text("The only document, 150 folders down.")
    (item,) = read_all(tmp_path / "inbox")
    assert isinstance(item, RawDocument) and item.path.endswith("d149/leaf.txt")


def test_symlinked_folder_is_refused_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("must not be read")
    src = make_source(tmp_path)
    (src / "linked").symlink_to(outside, target_is_directory=True)
    (item,) = read_all(tmp_path / "inbox")
    assert isinstance(item, Quarantine) and item.reason == "symlink_refused"


def test_source_yaml_naming_an_unknown_key_quarantines_with_reason(tmp_path):
    src = make_source(tmp_path, "license: MIT\nlicence_url: x\n")
    (src / "a.txt").write_text("text")
    (item,) = read_all(tmp_path / "inbox")
    assert item.reason == "invalid_source_yaml" and "1 unknown key(s)" in item.message
    assert "licence_url" not in item.message  # an unknown key is input: never quoted


_TMP = Path(tempfile.mkdtemp(prefix="reader-fuzz-"))
_SRC = make_source(_TMP, "license: MIT\ntext_field: body\n")
_SUFFIXES = sorted(READERS)


def _only_items(path: Path) -> list:
    items = read_all(_TMP / "inbox")
    path.unlink()
    assert items, "every file yields at least one item"
    assert all(isinstance(i, RawDocument | Quarantine) for i in items)
    for i in items:
        if isinstance(i, Quarantine):
            assert i.reason and i.message
    return items


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(_SUFFIXES), data=st.binary(min_size=0, max_size=2048))
def test_random_bytes_never_crash_a_reader(suffix, data):
    path = _SRC / f"fuzz{suffix}"
    path.write_bytes(data)
    _only_items(path)


_json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                            max_leaves=8)


_PLAIN = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=80, deadline=None)
@given(lines=st.lists(st.one_of(_json_values.map(json.dumps), _PLAIN,
                                st.fixed_dictionaries({"body": st.text(max_size=60)}).map(json.dumps)),
                      max_size=8))
def test_random_jsonl_structures_yield_one_item_per_nonblank_line(lines):
    path = _SRC / "fuzz.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8")
    nonblank = [line for line in path.read_bytes().split(b"\n") if line.strip()]  # the reader's notion
    items = _only_items(path)
    assert len(items) == max(len(nonblank), 1) or (not nonblank and items[0].reason == "empty_file")


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
                              min_size=0, max_size=4), max_size=6))
def test_random_csv_rows_never_crash(rows):
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "body"])
    writer.writerows(rows)
    path = _SRC / "fuzz.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    _only_items(path)
