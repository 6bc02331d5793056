"""Whether a sentence refuses the Secondary Licenses (the GPL the EPL-2.0 may add, the MPL-2.0 may allow).

Only a refusal of the Secondary License itself counts: the MPL-2.0's own words ("Incompatible With
Secondary Licenses", "No Secondary Licenses", "without a Secondary License"), or a negated
predicate whose subject is the Secondary License or the GPL ("the GPL does not apply", 「セカンダリー
ライセンスは指定していません」, "Secondary Licenses: none"). Another negation in the same sentence
says nothing of it ("where the EPL does not apply, ... the Secondary License GPL-2.0", "users who do
not want the EPL", "version 2, not version 3"): the negation must sit in the clause that speaks of the
Secondary License or the GPL, after it, as its predicate.
"""

from __future__ import annotations

import re

# The EPL-2.0's word for the GPL it may be offered under as well (its Japanese translations vary)
SECONDARY = re.compile(r"\bSecondary\s+Licen[cs]es?\b|二次的?\s*ライセンス|セカンダリー?\s*[・･]?\s*ライセンス", re.IGNORECASE)
# The refusal worded on the Secondary License itself (the MPL-2.0's Exhibit B and its variants)
_REFUSED_BY_NAME = re.compile(
    r"\bno\s+(?:[\w-]+\s+){0,2}?Secondary\s+Licen|\bincompatible\s+with\s+(?:any\s+|the\s+)?Secondary\s+Licen|"
    r"\bwithout\s+(?:a\s+|any\s+)?Secondary\s+Licen|\bnot\s+(?:as\s+)?(?:a\s+|any\s+)?Secondary\s+Licen|"
    r"\bSecondary\s+Licen[cs]es?\s*[:：]\s*(?:none|n/a|なし)\b|\bnone\s+(?:is|are)\s+(?:designated|named)\b|"
    r"\bnone\s+of\s+the\s+Secondary\s+Licen",
    re.IGNORECASE)
# A negated predicate; it refuses only what is its subject (see `refuses_secondary`)
_NEGATED = re.compile(
    r"\b(?:does|do|shall|will|is|are|has|have)\s*(?:not|n't)\s+(?:\w+\s+){0,2}?(?:apply|applicable|designated|named|"
    r"offered|available|been\s+designated)\b|\bnone\b|"
    r"適用(?:され|し)(?:ません|ない)|(?:指定|設定)(?:して|され|し)?(?:いません|ていない|ない|なし)|ありません|なし|対象外",
    re.IGNORECASE)
# Where one clause ends and the next begins: its punctuation and the words that open a clause of
# its own ("where the EPL does not apply", 「EPL が適用されない場合は」)
_CLAUSE_BREAK = re.compile(
    r"[,;:、，；：]|\b(?:but|and|or|while|whereas|where|when|if|unless|although|though|who|which|that)\b|場合",
    re.IGNORECASE)
_PARENTHESIS = re.compile(r"[(（][^()（）]*[)）]")
_GPL = re.compile(r"\b(?:A|L)?GPL|General\s+Public\s+Licen", re.IGNORECASE)


def _clauses(text: str, named: list[tuple[int, int, bool]]) -> list[str]:
    """The sentence's clauses, each license name in it one word first (a name's own comma, "GNU
    General Public License, version 2", splits no clause); a parenthesis is a clause of its own,
    and the sentence around it reads on without it (「二次的ライセンス（GPL）は適用されません」)."""
    for start, end, gpl in sorted(named, reverse=True):
        text = text[:start] + ("GPL" if gpl else "LICENSE") + text[end:]
    parts = [_PARENTHESIS.sub(" ", text)] + [p[1:-1] for p in _PARENTHESIS.findall(text)]
    return [c for part in parts for c in _CLAUSE_BREAK.split(part) if c and c.strip()]


def _refused_in_clause(clause: str, subject: re.Pattern[str]) -> bool:
    """Whether the clause names its subject and then negates its predicate ("the GPL ... does not apply")."""
    named = subject.search(clause)
    return bool(named and _NEGATED.search(clause, named.end()))


def refuses_secondary(text: str, named: list[tuple[int, int, bool]], refused_before: bool) -> bool:
    """Whether the sentence refuses the Secondary Licenses: by their own name anywhere in it, or by
    a negated predicate of the Secondary License or of the GPL in one of its clauses. A sentence that
    names no Secondary License refuses one only right after a sentence that did ("No Secondary
    Licenses. The GPL does not apply.": `refused_before`). `named`: the (start, end, is a GPL) of
    each license the sentence names."""
    if _REFUSED_BY_NAME.search(text):
        return True
    if not (SECONDARY.search(text) or refused_before):
        return False
    return any(_refused_in_clause(c, SECONDARY) or _refused_in_clause(c, _GPL) for c in _clauses(text, named))
