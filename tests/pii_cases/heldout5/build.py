"""Build the fifth blind PII set (business English, Japanese encyclopedic sentences, social posts).

In:  `<register>.src.txt` beside this script, in the markup of `tests/pii_cases/markup.py`.
Out: `business_en.jsonl`, `wiki_ja.jsonl` and, when its sources are present, `social_en.jsonl`.
Run: `python tests/pii_cases/heldout5/build.py` (add `--check` to validate without writing).
Any bad document stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from markup import Register, build  # noqa: E402

# Order fixes the ids and the order of the output files.
REGISTERS = (
    Register("business_en", "business_en.jsonl", "blocks", 300, 2500),
    Register("wiki_ja", "wiki_ja.jsonl", "lines", 30, 150),
    Register("sentence", "social_en.jsonl", "lines", 20, 280),
    Register("lower", "social_en.jsonl", "lines", 20, 280),
    Register("shout", "social_en.jsonl", "lines", 20, 280),
    Register("title", "social_en.jsonl", "lines", 20, 280),
)

if __name__ == "__main__":
    sys.exit(build(HERE, REGISTERS, "h5", sys.argv[1:]))
