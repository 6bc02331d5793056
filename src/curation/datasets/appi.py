"""The APPI (個人情報保護法) processing statement of a dataset version, from the policy in force.

Japan's APPI knows two kinds of processed personal information, each with standards in the
Enforcement Rules (個人情報の保護に関する法律施行規則):
- 仮名加工情報 (pseudonymously processed information; Art. 2(5), Art. 41; Rules Art. 31):
  (i) descriptions that identify a person deleted or replaced, (ii) every 個人識別符号 deleted,
  (iii) items whose misuse could cause financial harm deleted;
- 匿名加工情報 (anonymously processed information; Art. 2(6), Art. 43; Rules Art. 34): the same
  plus (iii) linking codes deleted, (iv) unusual values (特異な記述) deleted, (v) other measures
  suited to the data.
The statement says which the policy means, which entity types fall under which standard and what
was done to them (by the operator configured), and what curation does not do itself.
"""

from __future__ import annotations

from curation.policy import KEYED_OPERATORS, PiiPolicy

STATUS = {
    "pseudonymized": ("仮名加工情報", "pseudonymously processed information", "Art. 2(5), Art. 41", "Art. 31"),
    "anonymized": ("匿名加工情報", "anonymously processed information", "Art. 2(6), Art. 43", "Art. 34"),
}
OPERATION = {
    "replace": "置換 replaced by a typed placeholder",
    "pseudonym": "仮名化 replaced by a keyed pseudonym (same value, same token)",
    "redact": "削除 deleted",
    "mask": "マスク masked",
    "hash": "ハッシュ replaced by a keyed hash",
    "keep": "保持 kept",
}

Block = str | list[str]


def _item(policy: PiiPolicy, entity: str, replaced: dict[str, int]) -> str:
    op = policy.operator_for(entity)
    what = OPERATION[op.type] + (f" ({op.new_value!r})" if op.type == "replace" and op.new_value else "")
    return f"{entity}: {what}; {replaced.get(entity, 0)} in this version"


def statement(policy: PiiPolicy, replaced: dict[str, int]) -> list[Block]:
    """Paragraphs (str) and bullet lists (list[str]); `replaced`: entities replaced by type."""
    appi = policy.appi
    ja, en, articles, rules = STATUS[appi.processing]
    codes = [e for e in policy.entities if e in appi.identification_codes]
    financial = [e for e in policy.entities if e in appi.financial]
    descriptions = [e for e in policy.entities if e not in {*codes, *financial}]
    custom = sorted(set(replaced) - set(policy.entities))  # types of the policy's YAML recognizers
    linkable = sorted({policy.operator_for(e).type for e in policy.entities} & KEYED_OPERATORS)
    blocks: list[Block] = [
        (f"Intended status: {ja} ({en}, APPI {articles}), processed to the standards of the Enforcement "
         f"Rules {rules}, as set by the policy (pii.appi.processing: {appi.processing})."),
        "個人識別符号 (individual identification codes, Art. 2(2)): deleted or replaced wherever detected:",
        [_item(policy, e, replaced) for e in codes] or ["none configured"],
        "特定の個人を識別することができる記述等 (free-text descriptions identifying a person):",
        [_item(policy, e, replaced) for e in descriptions + custom] or ["none configured"],
        "財産的被害が生じるおそれのある記述等 (items whose misuse could cause financial harm):",
        [_item(policy, e, replaced) for e in financial] or ["none configured"],
    ]
    if appi.processing == "anonymized":
        blocks += [
            "連結符号 (linking codes): none kept; the policy uses no pseudonym, hash or keep operator.",
            (f"特異な記述等 (unusual values): not detected by curation; the data was reviewed for them by "
             f"{appi.unusual_values_reviewed_by}."),
            ("As 匿名加工情報, the items of personal information it contains must be published (Art. 43(3)): "
             "the entity types above."),
        ]
    else:
        blocks += [
            ("特異な記述等 (unusual values, e.g. a rare job title or age): not removed, which 仮名加工情報 allows "
             "and 匿名加工情報 would not."),
            ("削除情報等 (the means to restore what was replaced): the "
             + ("pseudonym/hash key lies outside the dataset, the catalog and the audit log (pii.key_file) and "
                "must be kept under safety management measures (Art. 41(2)); without it tokens cannot be reversed."
                if linkable else "placeholders keep nothing of the values, so no restoration key exists.")),
            ("仮名加工情報 may be used only within the purposes published and may not be provided to third "
             "parties (Art. 41(6)); the dataset and models trained on it stay inside the organisation."),
        ]
    blocks.append("Detection is automatic (Presidio with spaCy/GiNZA and pattern recognizers) and can miss "
                  "values: measured recall is in bench/README.md; every document was re-scanned and one with "
                  "a high-confidence identifier left was quarantined.")
    return blocks


def to_markdown(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines += [f"- {item}" for item in block] if isinstance(block, list) else [block]
        lines.append("")
    return lines
