"""Where a table's column gaps lay in a text whose runs of spaces were squeezed for NER."""

from __future__ import annotations

import re

import numpy as np
from spacy.tokens import Span

from curation.pii.role_shapes import FUNCTION_WORDS, JOB_NOUNS, TITLE_MODIFIERS, is_head
from curation.pii.spans import COLUMN_GAPS_KEY

# The gaps that are surely a table's, in the Doc's user_data under this key: a tab, three or more
# spaces, or a gap on a line with another gap. A lone double space between two capitalised words
# is read as typed twice inside a name ("John  Smith"); these are not ("Margaret Holloway   Dennis
# Ocampo": two people in two columns).
TABLE_GAPS_KEY = "curation.table_gaps"

# The words a later cell that is a header or a role is made of ("Site Lead", "Finance").
_ROLE_WORDS = JOB_NOUNS | FUNCTION_WORDS | TITLE_MODIFIERS
_TAB = re.compile("\t")
_LINE_END = re.compile("\n")


def column_gaps(text: str, offsets: list[int]) -> dict[str, frozenset[int]]:
    """The column gaps of the text squeezed from `text` (text_view.squeeze_spaces; `offsets[i]`:
    where its character i came from), as Doc user_data: {COLUMN_GAPS_KEY: the offset of each single
    space that stands for two or more spaces or a tab, TABLE_GAPS_KEY: the sure ones among them}."""
    starts = np.asarray(offsets)
    # numpy: one Python step per character was a visible share of the stage on long documents.
    widths = np.diff(starts, append=len(text))
    tabs = np.searchsorted(starts, [m.start() for m in _TAB.finditer(text)], side="right") - 1
    gaps = np.unique(np.concatenate([np.flatnonzero(widths > 1), tabs]).astype(int))
    if not len(gaps):
        return {}
    lines = np.searchsorted([m.start() for m in _LINE_END.finditer(text)], starts[gaps])
    _, line_of_gap, gaps_on_line = np.unique(lines, return_inverse=True, return_counts=True)
    sure = (widths[gaps] > 2) | np.isin(gaps, tabs) | (gaps_on_line[line_of_gap] > 1)
    return {COLUMN_GAPS_KEY: frozenset(gaps.tolist()), TABLE_GAPS_KEY: frozenset(gaps[sure].tolist())}


def within(user_data: dict, start: int, end: int) -> dict[str, frozenset[int]]:
    """The column gaps a Doc's `user_data` holds (column_gaps), for a Doc of its text's characters
    start:end."""
    return {key: frozenset(g - start for g in user_data[key] if start <= g < end)
            for key in (COLUMN_GAPS_KEY, TABLE_GAPS_KEY) if key in user_data}


def split_at_table_gaps(ents) -> list:
    """NER's spans cut at each sure table gap between two capitalised words, the label kept on
    each cell: two people in two columns are two names. spans.clean_entity keeps a span's first
    named cell only, which would leave the second person unmasked; a later cell that is a header
    or a role ("Helen Carter<tab>Backup:", "Karen Lindqvist  Site Lead  020 ...") is left out.
    Names are made of common words too ("Mark Wood", "Will Young"): those cells are kept."""
    out = []
    for ent in ents:
        table = ent.doc.user_data.get(TABLE_GAPS_KEY)
        if not table:  # no table in the text: no cut, and no token of the span need be read
            out.append(ent)
            continue
        cuts = [t.i + 1 for t in ent[:-1] if t.is_title and ent.doc[t.i + 1].is_title
                and t.idx + len(t.text) in table]
        if not cuts:
            out.append(ent)
            continue
        cells = [Span(ent.doc, start, end, label=ent.label_)
                 for start, end in zip([ent.start, *cuts], [*cuts, ent.end], strict=True)]
        out += [cells[0], *(cell for cell in cells[1:] if not _header_or_role(cell))]
    return out


def _header_or_role(cell) -> bool:
    """Whether `cell` is a column header or a role, not a name: it ends in ":" ("Backup:") or each
    of its words is a word job titles and units are built from ("Site Lead", "Finance")."""
    after = cell.doc[cell.end] if cell.end < len(cell.doc) else None
    if after is not None and after.text == ":":
        return True
    words = [t.text for t in cell if t.is_alpha]
    return bool(words) and all(w.lower() in _ROLE_WORDS or is_head(w) for w in words)

