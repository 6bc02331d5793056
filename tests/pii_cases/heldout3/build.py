"""Build the third blind PII set (English social posts, Japanese encyclopedic sentences).

In:  `<register>.src.txt` beside this script, one document a line, in the markup of
     `tests/pii_cases/markup.py`; lines starting with `% ` are comments.
Out: `social_en.jsonl` (registers sentence, lower, shout, title) and `wiki_ja.jsonl`, ids
     `h3-<register>-NNN`.
Run: `python tests/pii_cases/heldout3/build.py` (add `--check` to validate without writing).
Any bad line stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from markup import SOCIAL_TYPES, Register, build  # noqa: E402

# Order fixes the ids and the order of the output files.
REGISTERS = tuple(Register(name, "social_en.jsonl", "lines", 20, 280, labelled_types=SOCIAL_TYPES)
                  for name in ("sentence", "lower", "shout", "title")) + (
    Register("wiki_ja", "wiki_ja.jsonl", "lines", 30, 150, labelled_types=SOCIAL_TYPES),
)

if __name__ == "__main__":
    sys.exit(build(HERE, REGISTERS, "h3", sys.argv[1:]))
