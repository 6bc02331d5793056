"""ORGANIZATION: Japanese organisations by their legal form (株式会社山田製作所, ㈱ABC)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from curation.pii.recognizers.ja.base import NameRecognizer

# Legal forms of Japanese organisations (会社法, 一般法人法, ...), written before or after the name.
_LEGAL_FORM = ("(?:株式会社|有限会社|合同会社|合資会社|合名会社|相互会社|(?:一般|公益)(?:社団|財団)法人|社会福祉法人"
               "|医療法人(?:社団|財団)?|学校法人|宗教法人|特定非営利活動法人|NPO法人|独立行政法人|国立大学法人"
               "|[(（][株有][)）]|㈱|㈲)")
_ORG_NAME = "[一-龥々〆ァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９&＆・]"


class JpLegalFormOrganizationRecognizer(NameRecognizer):
    """ORGANIZATION by legal form: 株式会社山田製作所, 山田水産有限会社, ㈱ABC. The name is the run of
    kanji, katakana and Latin letters next to the legal form (hiragana, punctuation and spaces end it)."""

    ENTITY = "ORGANIZATION"
    PATTERNS = (Pattern("jp_org_prefix", f"{_LEGAL_FORM}[ 　]?{_ORG_NAME}{{1,20}}", 0.6),
                Pattern("jp_org_suffix", f"{_ORG_NAME}{{1,20}}[ 　]?{_LEGAL_FORM}", 0.6))
