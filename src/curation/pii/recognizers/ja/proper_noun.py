"""PERSON, LOCATION, ORGANIZATION: Sudachi's proper nouns that GiNZA's NER missed, and the compound noun around them."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult

from curation.pii.honorifics import HONORIFICS
from curation.pii.labels import NAME_ENTITIES, ja_labels
from curation.pii.spans import JA_LABEL_WORDS, looks_named

PROPER = "名詞-固有名詞"
PERSON_TAG = "名詞-固有名詞-人名"
PLACE_TAG = "名詞-固有名詞-地名"
# What continues a compound noun after a name: a noun suffix (寺, 駅, 県, 線, 家) or a noun (株式会社,
# 大学, 銀行, 自動車, 本線). Words that follow a name without being part of it end the compound.
COMPOUND_TAGS = ("接尾辞-名詞的", "名詞-普通名詞-一般", PROPER)
NOT_IN_COMPOUND = frozenset(HONORIFICS) | JA_LABEL_WORDS
# Foreign names are written in katakana (or Latin letters) with a middle dot or an equals sign
# between their parts; Sudachi splits them and NER tags a part or two (グナエウス・ポンペイウス,
# ウェイン・カウンティ, フアン・デ・ヨング).
JOINERS = frozenset("・･=＝")
# Head nouns of a group or a place named after someone (藤堂隊, 仁村記念会, 鹿島学園高校, 日本橋支店): a
# person's name followed by one is the name of that group or place, and NER tags only the person in
# it. Titles and honorifics (部長, 選手 is no head either) are not heads: 田中部長 stays a person.
GROUP_HEADS = frozenset("隊 軍 軍団 師団 部隊 団 劇団 楽団 球団 会 協会 学会 連盟 党 組 社 会社 商会 商店 銀行 財団 "
                        "支店 本店 工場 研究所".split())
PLACE_HEADS = frozenset("大学 学園 高校 高等学校 中学校 小学校 学校 病院 診療所 駅 空港 港 城 寺 神社 館 美術館 博物館 "
                        "図書館 公園 橋".split())
# Relational nouns: a place or a body named before them is their complement, not their head
# (福岡出身 "from Fukuoka", 大阪周辺 "around Osaka", トヨタ傘下 "under Toyota"). The compound after
# a name is the name's own head (清水寺, トヨタ自動車); a relational noun says where or whose, so the
# name ends before it. Three kinds: origin and residence (出身, 在住), position and extent (周辺,
# 沖, 内), affiliation (傘下, 系列); and the titles of an office over a place (知事, 市長, 大使),
# which head a person, not the place.
RELATIONAL_NOUNS = frozenset("出身 生まれ 育ち 在住 在籍 出生 周辺 付近 近郊 一帯 全域 郊外 側 沖 上空 内 外 傘下 系列 "
                             "知事 市長 町長 村長 区長 大使 領事".split())
# Open classes of the same kind: a superlative (日本最大, 九州最古) ranks things within the place, and
# a part named by direction or zone (東部, 北西部, 沿岸部) is a region of it, not its name; Sudachi
# reads 東京都知事 as 東京 + 都知事, the governor's title with its kind of prefecture.
_RELATIONAL_SHAPES = re.compile(r"最.+|[東西南北中]+部|(?:沿岸|中心|内陸|山間)部|[都道府県]知事")
# What follows a proper noun that is not a name: a number or 元年 after an era or a code's letters
# (令和5年, 令和元年, Q862972), a colon after a form label (マイナンバー：): 163, 12 and 35 false hits in 250
# synthetic business documents without this.
_NOT_AFTER_A_NAME = re.compile(r"[0-9０-９]|元年|[:：]")
_KATAKANA_WORD = re.compile(r"[ァ-ヺ][ァ-ヺー]{2,}")
_FOREIGN_WORD = re.compile(r"[ァ-ヺー]+|[A-Za-zＡ-Ｚａ-ｚ]+")


class JpProperNounRecognizer(EntityRecognizer):
    """Names from Sudachi's dictionary that GiNZA's NER leaves out, measured on stockmark's
    Wikipedia sentences (first half chosen, second half confirmed; figures in the commit messages):

    - a run of name tokens (is_name: a proper noun, 名詞-固有名詞-*, or a katakana word the dictionary
      does not have) that is not inside a GiNZA entity of a personal type: 17% of gold characters
      are in no GiNZA entity and 18% in one of a non-personal type (a surname before a given name,
      日本 in 日本代表, a company in a Product); 0.82-0.98 of such proper nouns' characters are gold.
      Tokens inside a date or time entity are left, and so are runs followed by a number or a colon.
      Tokens inside an event entity are not left: leaving them (能登半島地震 is no one's data) cost
      0.014 of stockmark's gold characters (teams and organisations in event names) for 0.0006 of others.
      The type is the tokens': a place name makes LOCATION, person names only PERSON, else ORGANIZATION;
    - the compound noun that continues such a run or a GiNZA place or organisation (清水+寺,
      トヨタ+自動車, 京急+本線), since a name masked without its head still says it; not after a
      person's name (田中 部長, 山田 選手) nor over an honorific, a form label or a relational noun
      (福岡+出身, 九州+最大, 東京都+知事: relational_at);
    - foreign words joined by ・ or = of which one is a name: the whole chain.

    Needs the NLP artifacts' tokens (GiNZA); without them (the residual re-scan) it finds nothing."""

    SCORE = 0.5  # below NER's 0.85, so GiNZA's own type wins where both found a name

    def __init__(self, supported_language: str = "ja"):
        super().__init__(supported_entities=list(NAME_ENTITIES), supported_language=supported_language,
                         name="JpProperNounRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or not hasattr(doc, "ents"):
            return []
        offsets = getattr(nlp_artifacts, "offsets", None)
        spans = [(t, s, e) for t, s, e in self.spans(doc) if t in entities]
        if offsets is not None:
            spans = [(t, offsets[s], offsets[e - 1] + 1) for t, s, e in spans]
        return [RecognizerResult(t, s, e, self.SCORE, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}) for t, s, e in spans]

    @staticmethod
    def spans(doc) -> list[tuple[str, int, int]]:
        """(type, start, end) in the text spaCy saw."""
        labels = ja_labels()
        tokens = list(doc)
        # The personal type of the GiNZA entity each token is in; a date or time entity blocks its
        # tokens too (昭和, 令和 are proper nouns: 0.1 of their characters gold).
        personal: list[str | None] = [None] * len(tokens)
        blocked = [False] * len(tokens)
        for ent in doc.ents:
            kind = labels.get(ent.label_)
            if kind in NAME_ENTITIES or kind == "DATE_TIME":
                for k in range(ent.start, ent.end):
                    personal[k] = kind if kind in NAME_ENTITIES else None
                    blocked[k] = True

        def compound_end(j: int, person: bool) -> int:
            while j < len(tokens) and not blocked[j] and tokens[j].tag_.startswith(COMPOUND_TAGS) \
                    and tokens[j].text not in NOT_IN_COMPOUND and not relational_at(tokens, j) \
                    and (not person or tokens[j].tag_.startswith("接尾辞")):
                j += 1
            return j

        # A chain of foreign words is one name of one type (its parts are not typed apart).
        out = _joined_names(tokens, personal)
        starts = [t.idx for t in tokens]
        chained = {k for _, s, e in out for k in range(bisect_left(starts, s), bisect_left(starts, e))}
        i = 0
        while i < len(tokens):
            if blocked[i] or i in chained or not is_name(tokens[i]):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and not blocked[j] and j not in chained and is_name(tokens[j]) \
                    and not tokens[j - 1].whitespace_:
                j += 1
            if j < len(tokens) and _NOT_AFTER_A_NAME.match(tokens[j].text):
                i = j
                continue
            kind = _kind(tokens[i:j])
            j = compound_end(j, kind == "PERSON") if not tokens[j - 1].whitespace_ else j
            out.append((kind, tokens[i].idx, _end(tokens[j - 1])))
            i = j
        for ent in doc.ents:
            kind = labels.get(ent.label_)
            if kind == "PERSON" and not tokens[ent.end - 1].whitespace_:
                end = compound_end(ent.end, False)
                head = tokens[end - 1].text if end > ent.end else ""
                if head in GROUP_HEADS or head in PLACE_HEADS:
                    out.append(("ORGANIZATION" if head in GROUP_HEADS else "LOCATION", ent.start_char,
                                _end(tokens[end - 1])))
                continue
            # Only a named entity grows (営業 + 部 is a unit of any company: spans.clean_entity drops it).
            if kind in ("LOCATION", "ORGANIZATION") and not tokens[ent.end - 1].whitespace_ and looks_named(ent):
                end = compound_end(ent.end, False)
                if end > ent.end:
                    out.append((kind, ent.start_char, _end(tokens[end - 1])))
        return out


def relational_at(tokens, j: int) -> bool:
    """Whether the compound noun at tokens[j] is a relational noun (RELATIONAL_NOUNS) or of a
    relational shape; Sudachi may split the shape (東 + 部, 沿岸 + 部), so two tokens are read too."""
    text = tokens[j].text
    if text in RELATIONAL_NOUNS or _RELATIONAL_SHAPES.fullmatch(text):
        return True
    return j + 1 < len(tokens) and bool(_RELATIONAL_SHAPES.fullmatch(text + tokens[j + 1].text)) \
        and not tokens[j].whitespace_


@lru_cache(maxsize=1)
def _sudachi():
    """Sudachi over the dictionary GiNZA's ja_ginza reads (sudachidict_core), to look words up in it."""
    from sudachipy import dictionary

    return dictionary.Dictionary(dict="core").create()


@lru_cache(maxsize=65536)
def unknown_word(word: str) -> bool:
    """Whether Sudachi's dictionary does not have `word` (it reads it as one out-of-vocabulary token)."""
    from sudachipy import tokenizer

    morphemes = _sudachi().tokenize(word, tokenizer.Tokenizer.SplitMode.C)
    return len(morphemes) == 1 and morphemes[0].is_oov()


def is_name(token) -> bool:
    """A proper noun in Sudachi's dictionary, or a katakana word of three or more characters that is
    not in it at all: a foreign name (Sudachi files unknown katakana as 普通名詞). Measured on
    stockmark's first half, outside GiNZA's personal entities: unknown katakana words +0.022 of gold
    characters for +0.0017 of other characters; katakana words it knows +0.045 for +0.059 (not taken)."""
    if token.tag_.startswith(PROPER):
        return True
    return bool(_KATAKANA_WORD.fullmatch(token.text)) and unknown_word(token.text)


def _end(token) -> int:
    return token.idx + len(token.text)


def _kind(tokens, any_person: bool = False) -> str:
    """A place name makes a LOCATION, person names only (or, with any_person, any person name) a
    PERSON, other names an ORGANIZATION."""
    tags = [t.tag_ for t in tokens]
    if any(t.startswith(PLACE_TAG) for t in tags):
        return "LOCATION"
    person = any if any_person else all
    return "PERSON" if person(t.startswith(PERSON_TAG) for t in tags) else "ORGANIZATION"


def _joined_names(tokens, personal: list[str | None]) -> list[tuple[str, int, int]]:
    """Foreign words joined by ・ or = where one of them is a name (in a personal GiNZA entity or a
    proper noun): the whole chain. Measured on stockmark's first half: +0.026 of gold characters for
    +0.0006 of other characters; any such chain, named or not, +0.050 for +0.0038 (ホテル・エデン,
    but also the lists and terms business text writes this way: not taken)."""
    out = []
    i = 0
    while i < len(tokens):
        if not _FOREIGN_WORD.fullmatch(tokens[i].text):
            i += 1
            continue
        j = i + 1
        while j + 1 < len(tokens) and tokens[j].text in JOINERS and _FOREIGN_WORD.fullmatch(tokens[j + 1].text) \
                and not tokens[j - 1].whitespace_ and not tokens[j].whitespace_:
            j += 2
        parts = tokens[i:j:2]
        kinds = [personal[k] for k in range(i, j, 2) if personal[k]]
        if j > i + 1 and (kinds or any(is_name(t) for t in parts)):
            # A chain's unknown katakana parts say nothing of its type; a given name in it does
            # (ジョン・スミソニアン is a person).
            named = [t for t in parts if is_name(t)]
            out.append((kinds[0] if kinds else _kind(named, any_person=True), tokens[i].idx, _end(tokens[j - 1])))
        i = j
    return out
