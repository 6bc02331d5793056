"""EMAIL_ADDRESS: RFC 5322 dot-atom addresses and their spelled-out forms (replaces Presidio's EmailRecognizer)."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

_LOCAL = r"[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}(?![\w\-])"
# After a spelled "dot" the last label must be a real top-level domain, or any word would do
# ("we arrived at noon dot and left"): common generic ones and every two-letter country code
# (the two-letter entries of the public suffix list).
_GENERIC_TLDS = "com net org edu gov mil int info biz name pro mobi app dev io ai"
_COUNTRY_TLDS = (
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb be bf bg bh bi bj bm bn bo br bs bt bv bw by "
    "bz ca cc cd cf cg ch ci cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg es et eu fi fm fo "
    "fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir "
    "is it je jo jp ke kg ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml "
    "mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no nr nu nz om pa pe pf ph pk pl pm pn pr "
    "ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td "
    "tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws yt zm zw"
)
_REAL_TLD = rf"(?i:{'|'.join(sorted(set((_GENERIC_TLDS + ' ' + _COUNTRY_TLDS).split()), key=len, reverse=True))})(?![\w\-])"
# Spelled-out separators, as people write an address to keep it from harvesters: "(at)", "[at]",
# " at "; "(dot)", "[.]", " dot ". Repeats are bounded (four labels each side): an unbounded chain
# of "dot"s with no "at" after it was retried from every word, quadratic in its length.
_DOT_WORD = r"(?:\ ?[(\[{](?i:dot|\.)[)\]}]\ ?|\ (?i:dot)\ )"
_AT_BRACKET = r"\ ?[(\[{<](?i:at)[)\]}>]\ ?"
_LOCAL_WORD = r"[\w+\-]+(?:'[\w+\-]+)?"  # "o'neil"
_SPELLED_LOCAL = rf"{_LOCAL_WORD}(?:(?:\.|{_DOT_WORD}){_LOCAL_WORD}){{0,3}}"
# A local part holding a spelled "dot" itself ("jane dot doe"): its domain may keep plain dots.
_DOTTED_LOCAL = rf"{_LOCAL_WORD}(?:\.{_LOCAL_WORD}){{0,2}}{_DOT_WORD}{_LOCAL_WORD}(?:(?:\.|{_DOT_WORD}){_LOCAL_WORD}){{0,2}}"
# "@ " and " @ " too, spaces typed around the at sign; not " @" alone, a handle ("thanks @jane.doe").
_ADDRESS = rf"{_LOCAL}(?:@\ ?|\ @\ )(?:{_LABEL}\.)+{_TLD}"
# A domain whose labels may be joined by spelled dots: a real top-level domain after a spelled dot.
_DOMAIN = rf"(?:{_LABEL}(?:\.|{_DOT_WORD})){{0,3}}{_LABEL}(?:\.{_TLD}|{_DOT_WORD}{_REAL_TLD})"
_BRACKETED = rf"{_SPELLED_LOCAL}{_AT_BRACKET}{_DOMAIN}"
# A bare " at " is prose ("we met at booking.com"), so it counts only with a spelled "dot" in the
# domain ("jan dot kowal at onet dot pl", "j.doe at mail dot example.com") or in the local part
# ("jane dot doe at gmail.com"), and never when the domain is a determiner ("look at this dot com").
_NOT_DETERMINER = r"(?!(?i:the|this|that|a|an|my|our|your|his|her|its|their|one)\ )"
_SPELLED_DOMAIN = rf"(?:{_LABEL}(?:\.|{_DOT_WORD})){{0,3}}{_LABEL}{_DOT_WORD}(?:{_LABEL}\.){{0,2}}{_REAL_TLD}"
_PLAIN_DOMAIN = rf"(?:{_LABEL}\.){{1,4}}{_TLD}"
_AT_WORD = r"\ (?i:at)\ " + _NOT_DETERMINER
# Last, nothing spelled but the "at": "email me: jane.doe at gmail.com". Prose has that shape too
# ("we met Sam at booking.com"), so it counts only right after a context word (see `analyze`).
# Its "domain" must not be the local part of a real address ("reach her at a.wrobel@firma.pl").
# An address is masked whole or not at all: its domain ends in a real top-level domain and no other
# " at " follows ("Email me at jane.doe at gmail.com" is "jane.doe at gmail.com", not "me at jane.doe"),
# and a pronoun is never its local part.
_NOT_PRONOUN = r"(?!(?i:me|us|him|her|them|you)\ )"
_PLAIN_WORDED = (rf"{_NOT_PRONOUN}{_LOCAL_WORD}(?:\.{_LOCAL_WORD}){{0,3}}{_AT_WORD}(?:{_LABEL}\.){{1,4}}{_REAL_TLD}"
                 r"(?!@|\.\w)(?!\ (?i:at)\ )")  # a full stop after it ends the sentence, not the domain
_WORDED = (rf"{_DOTTED_LOCAL}{_AT_WORD}(?:{_SPELLED_DOMAIN}|{_PLAIN_DOMAIN})|{_SPELLED_LOCAL}{_AT_WORD}{_SPELLED_DOMAIN}"
           rf"|{_PLAIN_WORDED}")
# No address starts inside a spelled chain: not at a "dot" word, nor right after one.
_NOT_AFTER_DOT = r"(?<!(?i:\bdot)\ |[)\]}]\ ?)(?!(?i:dot)\b)"
_BEFORE_LOCAL = r"(?<![\w.%+\-!#$&'*/=?^`{|}~])"
# Where a text holds no bracketed "at", no spelled dot and no " at " before a domain label and a
# dot, only the plain "@" form can match: the spelled forms' alternatives, tried at every word,
# are left out (most of this recognizer's time). The "@" form's local part runs up to its "@"
# with no space or "@" in it (the lookahead, so that a word without one fails at once).
_SPELLED_FORM = re.compile(rf"[(\[{{<](?i:at)[)\]}}>]|{_DOT_WORD}|\ (?i:at)\ [A-Za-z0-9][A-Za-z0-9\-]*\.", re.VERBOSE)
_AT_FORM_ONLY = re.compile(rf"{_BEFORE_LOCAL}{_NOT_AFTER_DOT}(?=[^\s@]*+\ ?@)(?:{_ADDRESS})", CASE_SENSITIVE | re.VERBOSE)
# Cheap test for a text that may hold one of the forms: most texts hold none.
_HINT = re.compile(r"@|(?i:[(\[{<]at[)\]}>]|\bdot\b|\ at\ [\w\-]+\.[a-z])")
# The words that say an address follows: mail words, then contact words (a contact or reach is as
# often followed by a person at a company: "contact Sam at booking.com"). Each test below takes
# its words from these two tuples; Japanese "メール" is a mail word without word boundaries.
_MAIL_WORDS = ("e-mail", "email", "mail")
_CONTACT_WORDS = ("contact", "reach", "write")
_MAIL_JA = "メール"


def _words(words: tuple[str, ...], ending: str = "") -> str:
    """A regex for any of `words` as a whole word, with an optional `ending` ("s", an inflection)."""
    return rf"\b(?i:{'|'.join(words)}){ending}\b"


# Words near a bare " at " form that make it an address: "Sales went up at Amazon dot com" is not.
# "contact", "reach" and "address" count inside any word ("reachable", "Contactable", "Outreach",
# "Addressee"): a spelled dot is there already, so a loose word costs little.
_CONTEXT_WORDS = re.compile(rf"{_words(_MAIL_WORDS, '(?i:s)?')}|{_words(_CONTACT_WORDS, '(?i:e?s|ed|ing)?')}"
                            rf"|(?i:contact|reach|address)|{_MAIL_JA}")
_CONTEXT_BEFORE, _CONTEXT_AFTER = 60, 30
# What may stand between a mail or contact word and the address right after it: "address", a
# colon or dash, a pronoun ("mail me at"), one short word ("email is", "mail to").
_LEAD_TO_ADDRESS = r"(?i:\ address)?[\ :\-]*(?:(?i:me|us)[\ :]+)?(?:(?i:at|to|is|on)[\ :]+)?$"
# The plain " at " form needs a mail word right before it ("Email: x at y.com", "mail me at"): at
# most a pronoun and one short word between them, not "Mailchimp" nor "email the team at"; a
# "contact" or "reach" is as often followed by a person at a company ("contact Sam at booking.com").
_MAIL_WORD_BEFORE = re.compile(rf"(?:{_words(_MAIL_WORDS)}|{_MAIL_JA}){_LEAD_TO_ADDRESS}")
_PLAIN_CONTEXT_BEFORE = 30
# Or a mail word a few words before the " at " that takes the address ("email the sales team at
# quotes at brightpath.io"): "at" then an address is where to write. Within one clause, no
# sentence end or other address between. Only the verb: a determiner or possessive before the word
# ("got an email from my boss at work at Amazon.com") or a noun's next word after it ("the mail
# room at …", "email from HR at …") makes it the thing, not where to write.
_DETERMINER_BEFORE = (r"(?<!\b(?i:a|an|the|this|that|these|those|my|your|his|her|its|our|their|any|every|each|no|some"
                      r"|another|one|first|last|next|same)\ |'s\ |s'\ )")
_NOUN_AFTER = r"(?!\ (?i:from|room|box|boxes|order|orders|inbox|list|thread|chain|server|account|campaign)\b)"
_MAIL_VERB = rf"{_DETERMINER_BEFORE}(?:{_words(_MAIL_WORDS)}|{_MAIL_JA}){_NOUN_AFTER}"
# The words between: a title's full stop ("Email Dr. Okafor at …") and a bracketed word ("Email Mary
# O'Neil (HR) at …") stay within the clause; any other full stop ends it.
_CLAUSE_WORD = r"(?:(?i:dr|mr|mrs|ms|prof)\.|\(?[\w'\-]+\)?)"
_MAIL_WORD_THEN_AT = re.compile(rf"{_MAIL_VERB}(?:\ {_CLAUSE_WORD}){{1,4}}\ (?i:at)\ $")
_MAIL_WORD_THEN_AT_BEFORE = 50
# An address-like local part ("jane.doe", "j_doe2") before " at " and a real top-level domain is
# unlike prose, so a mail or contact word a little before it is enough, not right before it:
# "Email: Jane Doe (jane.doe at doe-family.net)", "tel 07700 900123, john.carter at acmeltd.com".
_CONTACT_WORD = re.compile(rf"{_words(_MAIL_WORDS, '(?i:s)?')}|{_words((*_CONTACT_WORDS, 'tel'))}|{_MAIL_JA}")
_ADDRESS_LIKE_CONTEXT_BEFORE = 40
# The spaced "@" form with a plain local part ("sarah @ greenfieldco.com") after a mail or contact
# word right before it; "Get yours @ amazon.com" has none.
_CONTACT_WORD_BEFORE = re.compile(rf"{_words((*_MAIL_WORDS, *_CONTACT_WORDS))}{_LEAD_TO_ADDRESS}")

_BRACKETED_AT = re.compile(r"[(\[{<](?i:at)[)\]}>]")
# A bare " at " form reads as an address without context when it is unlike prose: a local part
# with a dot, underscore, plus or digit ("m.kowalski AT wp DOT pl", "jane_doe at x dot com"), or
# two spelled dots ("jane dot doe at gmail dot co dot uk"), or a spelled dot before the "at"
# ("jane dot doe at gmail.com"); "up at Amazon dot com" has none of them.
_ADDRESS_LIKE_LOCAL = re.compile(rf"^(?:[^\s]*[._+\d][^\s]*|.*?{_DOT_WORD}.*?)\ (?i:at)\ ")
_SPELLED_DOT = re.compile(_DOT_WORD)
_ADDRESS_LIKE_SPACED = re.compile(r"[^\s]*[._+\d][^\s]*\ @\ ")
_WORDED_SCORE, _SPELLED_SCORE, _PLAIN_WORDED_SCORE, _SPACED_AT_SCORE = 0.3, 0.6, 0.25, 0.9


class CurationEmailRecognizer(ScoredRecognizer):
    """RFC 5322 "dot-atom" addresses with an alphabetic top-level domain, and the same addresses
    with "at" and "dot" spelled out. Presidio's recognizer tried its long pattern at every word and
    looked each match up in the public suffix list: 1 ms per document, the single most expensive
    recognizer; texts with neither "@" nor a spelled separator are skipped outright."""

    ENTITY = "EMAIL_ADDRESS"
    NAME = "CurationEmailRecognizer"
    REGEX = rf"{_BEFORE_LOCAL}{_NOT_AFTER_DOT}(?:{_ADDRESS}|{_BRACKETED}|{_WORDED})"
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    CONTEXT = ("email", "e-mail", "mail", "address", "contact")

    def regex_for(self, text: str):
        return self._regex if _SPELLED_FORM.search(text) else _AT_FORM_ONLY

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not _HINT.search(text):
            return []
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            # A bare " at " form stays below the threshold unless a context word stands near it.
            if result.score == _WORDED_SCORE and _CONTEXT_WORDS.search(
                    text, max(0, result.start - _CONTEXT_BEFORE), result.end + _CONTEXT_AFTER):
                result.score = _SPELLED_SCORE
            elif result.score == _PLAIN_WORDED_SCORE:
                if self._has_context_before(text, result.start, text[result.start:result.end]):
                    result.score = _SPELLED_SCORE
                # Decided here: the context enhancer's wider window would take "contact" too.
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return results

    @staticmethod
    def _has_context_before(text: str, start: int, value: str) -> bool:
        """Whether a plain " at " or spaced "@" form has the mail or contact word it needs before it."""
        before = text[max(0, start - _PLAIN_CONTEXT_BEFORE):start]
        if _MAIL_WORD_BEFORE.search(before) or _MAIL_WORD_THEN_AT.search(
                text, max(0, start - _MAIL_WORD_THEN_AT_BEFORE), start):
            return True
        if " @ " in value:
            return bool(_CONTACT_WORD_BEFORE.search(before))
        # The plain " at " form: its domain already ends in a real top-level domain (`_PLAIN_WORDED`).
        return bool(_ADDRESS_LIKE_LOCAL.match(value) and _CONTACT_WORD.search(
            text, max(0, start - _ADDRESS_LIKE_CONTEXT_BEFORE), start))

    def score(self, value: str) -> float | None:
        # A spelled-out form is a likely address, not a certain one ("look at this dot com").
        if " @ " in value:
            # Spaces on both sides of "@" are as often a handle or a shop ("Get yours @ amazon.com"):
            # an address-like local part, or a mail word before (see `analyze`).
            return _SPACED_AT_SCORE if _ADDRESS_LIKE_SPACED.match(value) else _PLAIN_WORDED_SCORE
        if "@" in value:
            return 1.0
        if not _SPELLED_DOT.search(value) and not _BRACKETED_AT.search(value):
            return _PLAIN_WORDED_SCORE
        if (_BRACKETED_AT.search(value) or _ADDRESS_LIKE_LOCAL.match(value)
                or len(_SPELLED_DOT.findall(value)) >= 2):
            return _SPELLED_SCORE
        return _WORDED_SCORE
