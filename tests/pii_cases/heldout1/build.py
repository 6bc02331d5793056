"""Build the first held-out PII set (business English, English social posts, Japanese sentences).

In:  `<name>.src.txt` beside this script, in the markup of `tests/pii_cases/markup.py`; business
     text is one document per `### <id>` block, social and Japanese text one document a line
     (lines starting with `#` are comments there).
Out: `business_en.jsonl` (ids `biz-<block>`), `social_en.jsonl` (`soc-NNN`) and `wiki_ja.jsonl`
     (`ja-NNN`).
Run: `python tests/pii_cases/heldout1/build.py` (add `--check` to validate without writing).
Any bad document stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from markup import SPACE_EDGE, Register, build  # noqa: E402

# Written before the punctuation-at-an-edge rule: its business spans are checked for white space
# only (block 099 closes an EVENT span with the bracket it opened).
REGISTERS = (
    Register("business_en", "business_en.jsonl", "blocks", 300, 2500, id_stem="biz",
             bad_edge=SPACE_EDGE),
    Register("social_en", "social_en.jsonl", "lines", 20, 280, id_stem="soc", comment="#"),
    Register("wiki_ja", "wiki_ja.jsonl", "lines", 10, 150, id_stem="ja", comment="#"),
)

if __name__ == "__main__":
    sys.exit(build(HERE, REGISTERS, "h1", sys.argv[1:]))
