"""Names (persons, places, organisations) NER finds in a truecased copy of text whose capitals say nothing."""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from presidio_analyzer import EntityRecognizer, RecognizerResult
from spacy.tokens import Span

from curation.pii.labels import EN_LABELS
from curation.pii.pooling import MAX_CAPITALISED_SHARE, SEGMENT, capitalised_share, open_word
from curation.pii.propagation import coordinated
from curation.pii.recognizers.en.name_cues import cued_names, twins, word_cued_names
from curation.pii.spans import NerEntity, clean_entity, written_in_english, written_in_other_language
from curation.pii.truecase import LETTERS, Neighbour, name_neighbours, truecased

# Types kept from the truecased reading. Organisations too (teams, bands, companies written in
# lower case: "works at walmart"): with today's span clean-up, WNUT-17 half 1 0.7465 -> 0.7503
# masked, over-masked 0.0305 unchanged; heldout1 social_en 0.6460 -> 0.6687, 0.0169 unchanged;
# half 2 (confirming) 0.7516 -> 0.7604, 0.0473 -> 0.0478. (Kept out when first measured, before
# that clean-up: +30 gold characters for +80 others on half 1.)
KEPT = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
# Words a line needs before its capitals say nothing: a title-case line of fewer is a name, an
# address or a form's label ("Harrowgate Limited", "268 Cashel Street"), where they say a lot.
MIN_WORDS = 6
# Digits a line may hold (a year) and still read as a headline: a line with more is a form's or an
# address block's (amounts, codes, postal codes), whose capitals mark names and codes.
MAX_DIGITS = 4
# Words of two letters or more a sentence in capitals needs to read as shouted rather than as an
# acronym or a code ("NHS", "A14").
MIN_SHOUTED_WORDS = 2
_DIGIT = re.compile(r"\d")
_LINE_BREAK = re.compile("\n")
# A headline, a shout or a run of lower-case sentences is a line, not a page: a longer one (a file
# without line breaks) is left to the cased reading, so this second pass never hands spaCy more
# than its piece size allows (batching.DEFAULT_PIECE_CHARS; a million characters is spaCy's limit).
MAX_LINE_CHARS = 2_000


@dataclass(frozen=True)
class Stretch:
    """A part of a text read again: where it starts, its truecased copy, the offsets in it of the
    words truecasing capitalised, and whether it is a headline or a shout (capitalised_lines)."""

    start: int
    view: str
    raised: list[tuple[int, int]]
    headline: bool = False
    cued: list[tuple[int, int]] = field(default_factory=list)
    plain: str = ""  # with cued words: the view without their capitals
    neighbours: list[Neighbour] = field(default_factory=list)

    def miscued(self, doc) -> bool:
        """Whether NER, reading the view, put a word a cue capitalised into a place or an
        organisation ("gemma and Fi" read as one organisation): the cue said person, so one of the
        two is wrong, and the stretch is read again without the cues (rare: 1 of 201 posts of
        heldout1 social_en)."""
        return any(EN_LABELS.get(ent.label_) in ("LOCATION", "ORGANIZATION")
                   and any(s < ent.end_char and ent.start_char < e for s, e in self.cued) for ent in doc.ents)

    def with_neighbours(self, doc, nlp) -> Stretch | None:
        """The stretch with the name neighbours (truecase.name_neighbours) the parse of its view
        (`doc`) makes parts of a name (_is_name_part) capitalised and raised too, or None when it
        makes none: "tom hardy", "stoke newington", not "cardiff rose", "london fox", "yay tom"."""
        added = [n.span for n in self.neighbours if _is_name_part(doc, n, nlp)]
        if not added:
            return None
        plain = "".join(_capitalised(self.plain, added)) if self.plain else ""
        return replace(self, view="".join(_capitalised(self.view, added)), raised=sorted(self.raised + added),
                       plain=plain, neighbours=[])

    def keeps(self, label: str, start: int, end: int) -> bool:
        """Whether an entity of `label` at `start`..`end` of the view is kept: it holds a word
        truecasing capitalised (a name read thanks to it), it is a person holding a word a cue
        capitalised (name_cues), or it is a place in a headline."""
        return ((self.headline and label == "LOCATION") or any(s < end and start < e for s, e in self.raised)
                or (label == "PERSON" and any(s < end and start < e for s, e in self.cued)))


class CaselessNameRecognizer(EntityRecognizer):
    """Persons, places and organisations where a text's capitals say nothing, so NER, which reads
    names by their capitals, misses them: stretches written in lower case ("saw kev in cardiff"),
    and headlines and shouts, where every word looks like a name ("ALL TIME LOW ARE COMING TO
    GLASGOW"). The first model reads a truecased copy of each (truecase.truecased, after
    lower-casing a headline: "saw Kev in Cardiff", "all time low are coming to Glasgow"). A name
    it finds there is kept when it holds a word truecasing capitalised (any place, in a headline)
    and survives span clean-up (spans.clean_entity); from a lower-case stretch, only when it is
    written in English too (spans.written_in_english: truecasing knows English only; on headlines
    that test changed WNUT-17's first half by -0.0009 masked, -0.0001 over-masked, so they are
    read as before). A name that is also a common word stays in lower case unless a cue
    marks it (name_cues: "my sister grace"): then it is capitalised too, and only a person NER
    finds on it is kept. Measured with bench/pii_quality.py (masked / over-masked; before -> after,
    handles as PERSON where NER reads them as places included, spans.clean_entity; persons and
    places only, organisations: KEPT):
    - WNUT-17 halves 1 / 2: 0.7333 / 0.7419 -> 0.7465 / 0.7516, over-masked 0.0287 / 0.0464 ->
      0.0304 / 0.0473 (most of the new others are names WNUT leaves unlabelled: cody, jim,
      savannah); PERSON 0.8265 / 0.8293 -> 0.8461 / 0.8433, LOCATION 0.7939 / 0.7647 -> 0.7981 /
      0.7721;
    - heldout1 social_en (192 of 201 posts in lower case): 0.5403 -> 0.6460, over-masked 0.0153
      -> 0.0169; PERSON 0.5101 -> 0.6360, LOCATION 0.6943 -> 0.8331;
    - headlines alone (truecased and persons kept, against places of a lower-cased copy): WNUT
      halves +0.0022 / +0.0044, over-masked unchanged to four places (JAKE, SHAWN, Lindsay).
    Persons and organisations of a lower-cased headline without truecasing added +27 / +46 gold
    for +109 / +497 others on WNUT's halves.

    Needs the NLP artifacts (the engine's own models); without them (the residual re-scan) it
    finds nothing. Text in which no word gains a capital and no line is a headline is not read
    again, so business text, whose names are capitalised already, mostly costs a regex pass: in
    bench/pii_throughput.py's 750 documents 52 stretches and headlines are read (0.11% of the
    lower-case characters; 161 and 3.44% before "lets", which sentence-initial "Lets" raised by
    5.75, was left lower case)."""

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
        stretches = lower_case_stretches(text) + headline_stretches(text)
        if not stretches:
            return []
        out = []
        nlp = engine.nlp[engine.language]
        read = []
        for stretch, doc in zip(stretches, nlp.pipe(stretch.view for stretch in stretches), strict=True):
            if stretch.cued and stretch.miscued(doc):
                stretch = replace(stretch, view=stretch.plain, cued=[])
                if not stretch.raised:
                    continue
                doc = nlp(stretch.view)
            named = stretch.with_neighbours(doc, nlp) if stretch.neighbours else None
            read.append((named or stretch, None if named else doc))
        # The stretches whose names gained a neighbour are read again, in one batch: one pipeline
        # call each made a long lower-case post's NER calls 29 -> 79.
        again = iter(nlp.pipe(stretch.view for stretch, doc in read if doc is None))
        for stretch, doc in read:
            doc = doc if doc is not None else next(again)
            # A headline or a shout is read whatever its language unless it is plainly another
            # one's ("NO PUEDO MÁS CON ESTE CALOR"): truecasing knows English only.
            if not (stretch.headline or written_in_english(doc)) or (stretch.headline and written_in_other_language(doc)):
                continue
            names = []
            for ent in doc.ents:
                label = EN_LABELS.get(ent.label_)
                if label not in wanted or not stretch.keeps(label, ent.start_char, ent.end_char):
                    continue
                name = clean_entity(Span(doc, ent.start, ent.end, label=label), engine.allowed, engine.keep_accounts)
                if name is not None:
                    names.append(name)
            names += _cued_alone(stretch, doc, names)
            if stretch.headline and names:
                # A headline's own capitals still mark the name coordinated with a found one
                # ("Ferries Between Oban And Tobermory"), which lower-casing hid from NER.
                names = coordinated(names, text[stretch.start:stretch.start + len(stretch.view)])
            out += [RecognizerResult(name.label_, stretch.start + name.start_char, stretch.start + name.end_char,
                                     self.SCORE, recognition_metadata={
                                         RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                         RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                    for name in names]
        return out


def _cued_alone(stretch: Stretch, doc, names) -> list[NerEntity]:
    """The words a cue word marks as a person's name (name_cues.word_cued_names: "grace and i",
    "crystal just texted me") that NER, reading the view, put into no name at all or into a type this pass does not
    keep ("Crystal" read as a law): the cue is the only reader that saw them, and it said person.
    One NER put into a place or an organisation was read again without the cues (Stretch.miscued)."""
    out = []
    for s, e in word_cued_names(stretch.plain, stretch.raised) if stretch.cued else ():
        if any(n.start_char < e and s < n.end_char for n in names):
            continue
        if any(EN_LABELS.get(ent.label_) in KEPT and ent.start_char < e and s < ent.end_char for ent in doc.ents):
            continue
        out.append(NerEntity("PERSON", s, e))
    return out


def lower_case_stretches(text: str) -> list[Stretch]:
    """Each run of sentences of `text` written in lower case: at most MAX_CAPITALISED_SHARE of
    their words capitalised (above it, capitalised_lines and shouted_sentences), at most
    MAX_LINE_CHARS long (a run too), and truecasing capitalises a word that could begin a name
    (_raised). A share of 0.5 and of 0.2 were tried on WNUT-17's first half: 0.2 loses 0.005 of
    its PII characters masked for 0.0002 fewer others."""
    runs = _sentence_runs(text, lambda sentence: capitalised_share(sentence) <= MAX_CAPITALISED_SHARE)
    out = []
    twin_words = twins(text) if runs else frozenset()
    for start, end in runs:
        view, raised = _raised(truecased(text[start:end]))
        cued = cued_names(view, raised, twin_words)
        neighbours = name_neighbours(view, raised)
        if cued:
            out.append(Stretch(start, "".join(_capitalised(view, cued)), raised, cued=cued, plain=view,
                               neighbours=neighbours))
        elif raised:
            out.append(Stretch(start, view, raised, neighbours=neighbours))
    return out


def _sentence_runs(text: str, wanted) -> list[tuple[int, int]]:
    """(start, end) of the runs of sentences (pooling.SEGMENT) of `text` for which `wanted` holds,
    each at most MAX_LINE_CHARS long. Adjacent such sentences on one line are read together, as
    NER reads a sentence better with its neighbours."""
    runs: list[tuple[int, int]] = []
    for segment in SEGMENT.finditer(text):
        start, end = segment.span()
        if end - start > MAX_LINE_CHARS or not wanted(segment.group()):
            continue
        gap = text[runs[-1][1]:start] if runs else "\n"
        if (gap == "" or (gap.isspace() and "\n" not in gap)) and end - runs[-1][0] <= MAX_LINE_CHARS:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _capitalised(view: str, words: list[tuple[int, int]]):
    """The pieces of `view` with each of `words` (start, end; in order) given an initial capital."""
    at = 0
    for s, e in words:
        yield view[at:s]
        yield view[s].upper() + view[s + 1:e]
        at = e
    yield view[at:]


def headline_stretches(text: str) -> list[Stretch]:
    """Each headline or shouted line of `text` (capitalised_lines), and each shouted sentence of
    another line (shouted_sentences), lower-cased then truecased ("BIG NIGHT WITH KENDRICK IN
    GLASGOW" -> "big night with Kendrick in Glasgow")."""
    out = []
    for start, end in capitalised_lines(text) + shouted_sentences(text):
        view, raised = _raised(truecased(text[start:end].lower()))
        out.append(Stretch(start, view, raised, headline=True, neighbours=name_neighbours(view, raised)))
    return out


def shouted_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of shouted sentences in a text of one line (a post) or in lines
    that also hold lower-case writing: sentences with MIN_SHOUTED_WORDS or more words and no
    lower-case letter ("HAPPY RETIREMENT SHEILA!!! the office won't be the same", "GUYS SAM GOT
    THE JOB"). Too short for capitalised_lines and too capitalised for lower_case_stretches, they
    were read by neither; NER reads a shouted name as an organisation or not at all. A line in
    capitals alone in a longer text is a heading ("KYC — INDIVIDUAL CLIENT"), whose acronyms
    truecasing cannot tell from words: read as one only from MIN_WORDS words on."""
    out = []
    # A sentence never spans a line break (pooling.SEGMENT): a run lies on the line its start is on.
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    heading_starts = {start for start, _ in capitalised_lines(text)}
    # Whether each line holds lower-case writing, worked out once per line, not once per run.
    lower_case_line: dict[int, bool] = {}
    # A text without line breaks longer than a line (MAX_LINE_CHARS) is a page, not a post.
    single_line = "\n" not in text.strip() and len(text) <= MAX_LINE_CHARS
    for start, end in _sentence_runs(text, _shouted):
        line = bisect_right(line_starts, start) - 1
        line_start = line_starts[line]
        if line_start in heading_starts:
            continue
        if line not in lower_case_line:
            line_end = text.find("\n", line_start)
            lower_case_line[line] = any(c.islower() for c in text[line_start:len(text) if line_end < 0 else line_end])
        if single_line or lower_case_line[line]:
            out.append((start, end))
    return out


def _shouted(sentence: str) -> bool:
    """Whether a sentence is shouted: MIN_SHOUTED_WORDS or more words of two letters or more, no
    lower-case letter, at most MAX_DIGITS digits, and lower-casing it keeps every character's place."""
    return (not any(c.islower() for c in sentence)
            and sum(len(w) > 1 for w in LETTERS.findall(sentence)) >= MIN_SHOUTED_WORDS
            and len(_DIGIT.findall(sentence)) <= MAX_DIGITS and len(sentence.lower()) == len(sentence))


def _raised(truecased_text: tuple[str, list[tuple[int, int]]]) -> tuple[str, list[tuple[int, int]]]:
    """A truecased view and the words it capitalised that could begin a name (pooling.open_word):
    not "I", a function or cue word ("Hi") or a month or weekday, which span clean-up drops."""
    view, raised = truecased_text
    return view, [(s, e) for s, e in raised if open_word(view[s:e])]


# A sentence in which NER reads a word alone as a person only when it is a given name: "Jade",
# "Tom", "Amy" are read so; "Cardiff", "London", "Paris" are not (en_core_web_sm).
_PERSON_PROBE = "I met {} yesterday."
# The probe's reading of each word, per pipeline: a long post repeats the same given names, and
# each probe was a pipeline call of its own (a 50 KB post: 29 -> 79 calls). The reading depends on
# the word and the pipeline only. Bounded: cleared when full.
_PROBE_READINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MAX_PROBE_READINGS = 10_000


def _is_name_part(doc, neighbour: Neighbour, nlp) -> bool:
    """Whether the reading `doc` of a view makes `neighbour` the other part of its raised word's
    name (Stretch.with_neighbours). The pipeline has no tagger (nlp_models.NOT_FOR_NER), so a
    word's role is read off the entity NER gives its raised word: after it (the surname slot), that
    word must be a given name: read as a person in the view, or, read as nothing there, in
    _PERSON_PROBE by `nlp` ("Jade prince", not "Cardiff rose", "London fox"); before it, that
    word must be read as a place ("stoke Newington"). A word that could not carry a name
    (pooling.open_word: a function or cue word, "thanks", "please") never is."""
    word, partner = doc.char_span(*neighbour.span), doc.char_span(*neighbour.partner)
    if word is None or partner is None or not open_word(word.text.capitalize()):
        return False
    types = {token.ent_type_ for token in partner}
    if not neighbour.after:
        return all(EN_LABELS.get(t) == "LOCATION" for t in types)
    if types == {""}:
        return _read_as_person(partner.text, nlp)
    return types == {"PERSON"}


def _read_as_person(word: str, nlp) -> bool:
    """Whether `nlp` reads `word` alone as a person in _PERSON_PROBE, each word read once."""
    readings = _PROBE_READINGS.setdefault(nlp, {})
    if word not in readings:
        if len(readings) >= _MAX_PROBE_READINGS:
            readings.clear()
        readings[word] = any(ent.label_ == "PERSON" for ent in nlp(_PERSON_PROBE.format(word)).ents)
    return readings[word]


def capitalised_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of `text` that read as a headline or a shout: at least MIN_WORDS
    words, most of them capitalised (pooling.capitalised_share above MAX_CAPITALISED_SHARE), at most
    MAX_LINE_CHARS long, and lower-casing them keeps every character's place."""
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) <= MAX_LINE_CHARS and len(LETTERS.findall(line)) >= MIN_WORDS \
                and len(_DIGIT.findall(line)) <= MAX_DIGITS and capitalised_share(line) > MAX_CAPITALISED_SHARE \
                and len(line.lower()) == len(line):
            out.append((start, end))
        start = end + 1
    return out
