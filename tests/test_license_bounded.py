"""Issue 22: every input ends in bounded time. A long text is read at its head and tail only (where
license evidence sits), the middle said to be unread; the rules pass has no step whose work grows
faster than its input (runs of raw whitespace, long paragraphs, a copy's comparison)."""

import sys
from pathlib import Path

from curation import licenses
from curation.licenses import copies, statements
from curation.licenses.detect import FILE_HEAD, FILE_TAIL
from curation.licenses.names import mentions
from curation.licenses.text import Line, clean, window

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))
from wrappers import reference_text  # noqa: E402

FILLER = "Build logs rotate daily; each job keeps its last 30 runs and the artifacts of the last 5.\n"


def test_window_keeps_the_line_numbers_of_the_tail():
    text = "".join(f"line {i}\n" for i in range(1, 5001))
    read, unread = window(text, 2_000, 1_000)
    lines = read.split("\n")
    assert len(lines) == len(text.split("\n"))
    assert lines[-2] == "line 5000" and lines[unread.last_line] == f"line {unread.last_line + 1}"
    assert lines[unread.first_line - 2] == f"line {unread.first_line - 1}" and not lines[unread.first_line - 1]
    assert unread.chars == len(text) - len(read) + unread.last_line - unread.first_line


def test_a_text_without_line_breaks_is_cut_into_two_pieces_apart():
    read, unread = window("alpha " * 10_000 + "omega", 600, 300)
    head, tail = read.split("\n")
    assert head.startswith("alpha") and tail.endswith("omega") and len(head) == 600 and len(tail) == 300
    assert (unread.first_line, unread.last_line) == (1, 1)


def test_a_short_text_is_read_whole():
    assert window("MIT License\n", 10, 10) == ("MIT License\n", None)


def test_a_long_license_file_is_read_at_its_head_and_tail_and_says_the_middle_was_not():
    text = reference_text("mit") + FILLER * (3 * (FILE_HEAD + FILE_TAIL) // len(FILLER))
    found = licenses.detect_text(text)
    assert found.expression == "MIT"
    assert any("characters in the middle not read" in line for line in found.explain())


def test_a_statement_in_the_unread_middle_is_not_evidence_but_one_in_the_tail_is():
    pad = FILLER * (FILE_HEAD // len(FILLER) + 10)
    middle = "This project is licensed under the GNU General Public License version 3.\n"
    tail = "\n## License\n\nThis project is licensed under the Apache License, Version 2.0.\n"
    found = licenses.detect_text("# Tern\n\n" + pad + middle + pad + tail)
    assert found.expression == "Apache-2.0"
    assert not any("GPL" in s.expression for s in found.statements)


def test_a_name_followed_by_a_long_run_of_raw_whitespace_is_read():
    # safe by itself, not only behind clean(): the runs are possessive
    assert [m.expression for m in mentions("GNU General Public License" + " \t" * 30_000 + "version 2")] == \
        ["GPL-2.0-only"]
    assert [m.expression for m in mentions("Apache License" + " " * 50_000 + "v 2.0")] == ["Apache-2.0"]


def test_sentences_of_a_long_paragraph_keep_their_lines():
    # a log whose lines continue one another: one paragraph of thousands of lines
    lines = [Line(n, f"job {n} finished and the cache was written to disk and") for n in range(1, 20_001)]
    lines.append(Line(20_001, "the run ended. This corpus is released under CC BY 4.0."))
    said = statements.sentences(lines)
    assert said[0].first_line == 1 and said[0].last_line == 20_001
    assert said[-1].text == "This corpus is released under CC BY 4.0." and said[-1].first_line == 20_001


def test_a_copy_is_compared_only_over_what_can_hold_it():
    text = "Apache License\nVersion 2.0, January 2004\n\n" + reference_text("apache-2.0").split("\n", 2)[2] \
        + "\n" + FILLER * 20_000
    lines = clean(text)
    copy = copies.find_copy(lines)
    assert copy is not None and copy.license_id == "Apache-2.0" and not copy.changed
    assert copy.last < 400  # the filler after the text is not part of it


def test_a_head_with_many_names_tries_only_the_first():
    lines = clean("Licenses: MIT, Apache 2.0, BSD 3-Clause, MPL 2.0, GPL 3.0, LGPL 2.1, EPL 2.0\n" + FILLER * 10)
    assert copies.named_in_head(lines) == ["MIT", "Apache-2.0", "BSD-3-Clause"]


def test_scancode_reads_the_lines_near_license_words_and_a_repeated_line_a_few_times():
    from curation.licenses.scanned_text import NEAR_CHARS, REPEAT_MAX, _scanned

    header = ["Copyright 2024 Ada", "Licensed under the Apache License, Version 2.0."]
    # distinct lines (digits aside): a name of letters per line
    code = [f"v_{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676 % 26)} = compute_next_value(v)"
            for n in range(4 * NEAR_CHARS // 30)]
    log = ["12:00:01 license check: MIT ok"] * (REPEAT_MAX + 5)
    lines = [Line(n, text) for n, text in enumerate(header + code + log, start=1)]
    read = _scanned(lines).split("\n")
    assert len(read) == len(lines)  # line numbers kept
    reach = NEAR_CHARS // len(code[0] + "\n")
    assert read[:2] == header and read[reach - 5] and not read[reach + 5]
    assert sum(1 for r in read if r.startswith("12:00:01")) == REPEAT_MAX


def test_a_modified_license_text_is_still_read_whole_by_scancode():
    text = reference_text("gpl-3.0")
    lines = clean(text)
    from curation.licenses.scanned_text import _scanned

    assert _scanned(lines) == "\n".join(line.text for line in lines)
