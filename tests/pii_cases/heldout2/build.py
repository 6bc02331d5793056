"""Build the hand-written blind social set `social_en.jsonl` from its marked-up sources.

In:  `<register>.src.txt` beside this script, one post a line, in the markup of
     `tests/pii_cases/markup.py`; lines starting with `% ` are comments.
Out: `social_en.jsonl`, ids `h2-<register>-NNN`, registers in the order below.
Run: `python tests/pii_cases/heldout2/build.py` (add `--check` to validate without writing).
Any bad post stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from markup import SOCIAL_TYPES, Register, build  # noqa: E402

# Order fixes the ids and the order of the output file.
REGISTERS = tuple(Register(name, "social_en.jsonl", "lines", 20, 280, labelled_types=SOCIAL_TYPES)
                  for name in ("sentence", "lower", "shout", "title"))

if __name__ == "__main__":
    sys.exit(build(HERE, REGISTERS, "h2", sys.argv[1:]))
