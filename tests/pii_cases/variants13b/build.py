"""Build the variants13b set (business English only).

In:  `<register>.src.txt` beside this script, in the markup of `tests/pii_cases/markup.py`.
Out: `business_en.jsonl`, `wiki_ja.jsonl` and, when its sources are present, `social_en.jsonl`.
Run: `python tests/pii_cases/heldout10/build.py` (add `--check` to validate without writing).
Any bad document stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from markup import CURRENT_REGISTERS, build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE, CURRENT_REGISTERS, "v13b", sys.argv[1:]))
