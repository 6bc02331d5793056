"""The words that offer a choice between licenses, or give each its own part.

"dual licensed", 「いずれか」, "or" offer the licensee a choice; "depending on the file" gives each
license its own files (both apply).
"""

from __future__ import annotations

import re

from curation.licenses.grant_phrases import WORKS_OF_A_KIND



# "or", and "or, if you prefer, under the terms of the": the licensee's choice either way
OR = re.compile(r"^\s*[,、]?\s*(?:or|または|又は|もしくは|若しくは|and/or|/)\s*,?\s*"
                 r"(?:(?:if\s+you\s+(?:prefer|wish|like|choose)|at\s+your\s+(?:option|choice)|alternatively)\s*,?\s*)?"
                 r"(?:under\s+(?:the\s+terms\s+of\s+)?)?(?:the\s+)?$", re.IGNORECASE)

# "or (at your option) any later version" is a GNU license's own version clause, not dual licensing
# "Alternatively, this file may be distributed under ...": a second license offered beside the first
DUAL = re.compile(r"\bdual(?:ly)?[- ]licen[cs](?:ed|ing|es?)\b|\byour\s+choice\s+of\b|デュアル\s*ライセンス|二重ライセンス|"
                   r"^\W*alternatively\b|"
                   # "under any one of the following three licenses, whichever suits you": one, the licensee's pick
                   r"\bany\s+one\s+of\s+(?:the\s+)?(?:following|these|those|them)\b|\bwhichever\s+(?:suits|you)\b|"
                   r"ダブル\s*ライセンス|\beither\b(?!\s+version)|\bat\s+your\s+(?:option|choice|discretion)\b(?![),\s]*any\s+later)|\bchoose\s+(?:either|between)|"
                   r"いずれか|どちらか|選択でき(?!ません|ない)|選べ(?!ません|ない)|選んで|"
                   # 「A または B を選択して利用できます」: the choice given with the permission
                   r"選択して\s*(?:ご|お)?(?:利用|使用|使)", re.IGNORECASE)

_PARTS_NOUN = r"(?:files?|director(?:y|ies)|folders?|components?|parts?|modules?|paths?|sub-?director(?:y|ies)|packages?)"

BY_PART = re.compile(r"\bdepending\s+on\s+(?:the\s+|each\s+)?" + _PARTS_NOUN + r"\b|\b(?:var(?:y|ies)|differs?)\s+(?:by|per|from)\s+"
                      r"(?:one\s+)?" + _PARTS_NOUN + r"\b|(?:ファイル|ディレクトリ|フォルダ|コンポーネント|部分|モジュール)"
                      r"(?:によって|により|ごとに|毎に)", re.IGNORECASE)

# a sentence that announces a list after it (「次の」「以下の」, "the following", a closing colon)
LIST_LEAD = re.compile(r"次の|以下の|下記の|\bfollowing\b|\bbelow\b|[:：]\s*$", re.IGNORECASE)

# the one who picks is the author or depositor (a repository's rules, an upload form): a list of the
# licenses a work may be given, not a choice offered to the licensee
AUTHOR_CHOOSES = re.compile(r"登録者|投稿者|著者|作成者|提供者|申請者|出品者|\b(?:authors?|depositors?|uploaders?|contributors?|"
                             r"submitters?|publishers?|creators?|owners?)\b"
                             # "Packages published here may use either of ...": works in general pick
                             # their license (a registry's rule), not this work offering two
                             r"|(?<!\bour\s)(?<!\bthe\s)(?<!\bthese\s)\b" + WORKS_OF_A_KIND + r"\b(?:\s+(?:published|uploaded|submitted|"
                             r"listed|hosted|accepted)\b[^.;:]{0,30}?)?\s+(?:may|can|must|should)\s+(?:use|choose|pick|adopt)\b"
                             # (not "files may be distributed under either": the work's own parts, its grant)
                             , re.IGNORECASE)

CHOICE_LIST_REACH = 6  # lines after a choice's lead where the licenses it offers stand

AND = re.compile(r"^\s*(?:AND|&|\+|および|及び)\s*$")
