"""PERSON: names from Sudachi's part-of-speech tags (before an honorific, or family + given name)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult

from curation.pii.doc_text import doc_text
from curation.pii.honorifics import HONORIFICS


class JpHonorificNameRecognizer(EntityRecognizer):
    """PERSON from Sudachi's part-of-speech tags (its dictionary, not a list of names):

    - a run of tokens tagged 名詞-固有名詞-人名 right before an honorific or title (山田太郎様,
      山田さん, 田中部長) or before です / と申します (営業部の田中です);
    - a family name and a given name (人名-姓, then 人名-名, one space between them or none),
      wherever they stand (開発部 林 桃子);
    - a place-name token (岡田 is also a place) before an honorific or a title that is not a
      place's own (支店長, 所長 ...), and any other proper noun before 様/さん/氏/殿 only.

    The span is the name alone, so the honorific stays. Needs the NLP artifacts' tokens (GiNZA);
    without them (the residual re-scan) it finds nothing."""

    NAME_TAG = "名詞-固有名詞-人名"
    FAMILY_TAG = "名詞-固有名詞-人名-姓"
    GIVEN_TAG = "名詞-固有名詞-人名-名"
    PLACE_TAG = "名詞-固有名詞-地名"
    PROPER_TAG = "名詞-固有名詞-一般"
    STRICT = ("様", "さま", "さん", "殿", "氏")
    SELF = ("です", "と申します", "と申します", "でございます")
    PLACE_TITLES = ("支店長", "店長", "所長", "工場長", "局長", "本部長", "室長", "議員", "代表")

    def __init__(self, supported_language: str = "ja"):
        super().__init__(supported_entities=["PERSON"], supported_language=supported_language,
                         name="JpHonorificNameRecognizer")

    def load(self) -> None:
        pass

    def _name_run(self, tokens, i: int) -> int:
        """End (exclusive) of the run of 人名 tokens from i; one space only between 姓 and 名."""
        j = i
        while j < len(tokens) and tokens[j].tag_.startswith(self.NAME_TAG):
            j += 1
            nxt = j + 1 if j < len(tokens) and tokens[j].text == "　" else j
            gap = tokens[j - 1].whitespace_ or (tokens[j].text if nxt > j else "")
            if gap:
                if gap in (" ", "　") and tokens[j - 1].tag_.startswith(self.FAMILY_TAG) and nxt < len(tokens) \
                        and tokens[nxt].tag_.startswith(self.GIVEN_TAG):
                    j = nxt
                    continue
                break
        return j

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or "PERSON" not in entities or not hasattr(doc, "__iter__"):
            return []
        offsets = getattr(nlp_artifacts, "offsets", None)
        results = []
        tokens = list(doc)
        place_titles = tuple(h for h in HONORIFICS if h not in self.PLACE_TITLES)
        i = 0
        while i < len(tokens):
            tag = tokens[i].tag_
            if not tag.startswith(("名詞-固有名詞-人名", self.PROPER_TAG, self.PLACE_TAG)):
                i += 1
                continue
            j = self._name_run(tokens, i)
            names = j > i
            if not names:
                j = i + 1
            start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
            following = doc_text(doc)[end:end + 6].lstrip(" ")
            run_tags = [t.tag_ for t in tokens[i:j]]
            if names and following.startswith(HONORIFICS + self.SELF):
                score = 0.85
            elif names and any(t.startswith(self.FAMILY_TAG) for t in run_tags) \
                    and any(t.startswith(self.GIVEN_TAG) for t in run_tags):
                score = 0.7
            elif not names and (tag.startswith(self.PLACE_TAG) and following.startswith(place_titles)
                                or tag.startswith(self.PROPER_TAG) and following.startswith(self.STRICT)):
                score = 0.6
            else:
                i = max(j, i + 1)
                continue
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
            results.append(RecognizerResult("PERSON", start, end, score, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
            i = max(j, i + 1)
        return results
