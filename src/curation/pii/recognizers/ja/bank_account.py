"""JP_BANK_ACCOUNT: a 7-digit account number after its label; ゆうちょ 記号/番号."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import JaPatternRecognizer
from curation.pii.recognizers.ja.shapes import ND, NF, SEP, D, H

_LABEL = "(?:口座番号|口座|普通預金|当座預金|貯蓄預金|普通|当座|預金)"


class JpBankAccountRecognizer(JaPatternRecognizer):
    """An account number is 7 digits and means nothing without its label (普通 1234567,
    口座番号：1234567); ゆうちょ銀行 uses 記号 (5 digits) and 番号 (8 digits)."""

    ENTITY = "JP_BANK_ACCOUNT"
    PATTERNS = (
        Pattern("jp_account_labelled", rf"(?<={_LABEL}(?:口座)?(?:番号)?{SEP}(?:No|NO|№)?{SEP}){D}{{7}}{NF}", 0.7),
        Pattern("jp_yucho", rf"{ND}1{D}{{3}}0{H}{D}{{7,8}}{NF}|(?<=記号{SEP}){D}{{5}}[\s　、,]*番号{SEP}{D}{{7,8}}{NF}", 0.6),
        Pattern("jp_account_digits", rf"{ND}{D}{{7}}{NF}", 0.05),
    )
    CONTEXT = ("口座", "口座番号", "普通", "当座", "預金", "振込", "振込先", "支店", "銀行")
