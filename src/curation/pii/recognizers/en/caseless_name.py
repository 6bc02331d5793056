"""PERSON and LOCATION: names NER finds in a truecased copy of the stretches of a text written in lower case."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from spacy.tokens import Span

from curation.pii.labels import EN_LABELS
from curation.pii.pooling import MAX_CAPITALISED_SHARE, SEGMENT, capitalised_share
from curation.pii.recognizers.en.caseless_place import MAX_LINE_CHARS
from curation.pii.spans import clean_entity, written_in_english
from curation.pii.truecase import truecased

# Types kept from the truecased reading. Organisations are not: on WNUT-17's first half they
# added +30 gold characters for +80 others (products, games, slogans written in lower case).
KEPT = frozenset({"PERSON", "LOCATION"})


class CaselessNameRecognizer(EntityRecognizer):
    """Persons and places in the stretches of a text written without capitals ("saw kev in
    cardiff"), where NER, which reads names by their capitals, finds none. The first model reads a
    truecased copy of each such stretch (truecase.truecased: "saw Kev in Cardiff"); a person or a
    place it finds there is kept when it holds a word truecasing capitalised, is written in English
    (spans.written_in_english: truecasing knows English only) and survives span clean-up
    (spans.clean_entity). Measured (characters masked / other characters masked, bench/pii_quality.py):
    WNUT-17 halves 1 / 2: 0.7333 / 0.7419 -> 0.7443 / 0.7462, over-masked 0.0287 / 0.0464 ->
    0.0292 / 0.0467 (most of the +73 others on half 1 are names WNUT leaves unlabelled: cody, jim,
    savannah); heldout1 social_en (192 of 201 posts in lower case) 0.5403 -> 0.6273, over-masked
    0.0153 -> 0.0169.

    Needs the NLP artifacts (the engine's own models); without them (the residual re-scan) it
    finds nothing. Text in which no word gains a capital is not read again, so business text,
    whose names are capitalised already, costs one regex pass."""

    SCORE = 0.6  # below NER's 0.85: where the text as written gave a name too, its type wins

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=sorted(KEPT), supported_language=supported_language,
                         name="CaselessNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        engine = getattr(nlp_artifacts, "nlp_engine", None)
        wanted = KEPT & set(entities)
        if engine is None or not wanted:
            return []
        stretches = lower_case_stretches(text)
        if not stretches:
            return []
        out = []
        docs = engine.nlp[engine.language].pipe(view for _, view, _ in stretches)
        for (start, _, raised), doc in zip(stretches, docs, strict=True):
            if not written_in_english(doc):
                continue
            for ent in doc.ents:
                label = EN_LABELS.get(ent.label_)
                if label not in wanted or not any(s < ent.end_char and ent.start_char < e for s, e in raised):
                    continue
                name = clean_entity(Span(doc, ent.start, ent.end, label=label), engine.allowed)
                if name is not None:
                    out.append(RecognizerResult(label, start + name.start_char, start + name.end_char,
                                                self.SCORE, recognition_metadata={
                                                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out


def lower_case_stretches(text: str) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """(start, truecased view, offsets in it of the words truecasing capitalised) of each run of
    sentences of `text` written in lower case: at most MAX_CAPITALISED_SHARE of their words
    capitalised (above it, caseless_place reads the line), at most MAX_LINE_CHARS long, and
    truecasing gives a word of two letters or more a capital ("I" alone adds no name). Adjacent
    such sentences on one line are read together, as NER reads a sentence better with its
    neighbours. A share of 0.5 and of 0.2 were tried on WNUT-17's first half: 0.2 loses 0.005 of
    its PII characters masked for 0.0002 fewer others."""
    runs: list[tuple[int, int]] = []
    for segment in SEGMENT.finditer(text):
        start, end = segment.span()
        if end - start > MAX_LINE_CHARS or capitalised_share(segment.group()) > MAX_CAPITALISED_SHARE:
            continue
        gap = text[runs[-1][1]:start] if runs else "\n"
        if gap.isspace() and "\n" not in gap or gap == "":
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    out = []
    for start, end in runs:
        view, raised = truecased(text[start:end])
        raised = [(s, e) for s, e in raised if e - s > 1]
        if raised:
            out.append((start, view, raised))
    return out
