"""PHONE_NUMBER written where the digit patterns of phone.py cannot read it: letters for digits (1-800-FLOWERS) and messaging links (wa.me/447700900123)."""

from __future__ import annotations

import phonenumbers
import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

# North American toll-free area codes: a number spelt with letters ("vanity number") is written
# after one of them, in capitals, in groups of letters and digits that make up the seven digits
# dialled (a longer word is dialled cut short: "1-800-CONTACTS"), ending in the word ("844-KITCHEN-2"
# is a product code). Or a whole number with its area
# code whose last group is spelt: "(212) 555-HELP". A bare "800 PCS BLUE" is a quantity: the
# toll-free code is written with its 1, in brackets, or joined to the letters by a hyphen or dot.
_TOLL_FREE = r"8(?:00|33|44|55|66|77|88)"
_SPELT = r"(?=(?:[A-Z\d][\ .-]?){7})(?=[\d\ .-]*[A-Z][\ .-]?[A-Z])[A-Z\d]+(?:[\ .-][A-Z\d]+){0,3}(?<=[A-Z])"


class VanityPhoneRecognizer(ScoredRecognizer):
    """A number spelt with capital letters on a telephone keypad: "1-800-FLOWERS", "1-800-GO-PETSY",
    "(800) 555-HELP", "1 800 MY APPLE", "(212) 555-HELP". A toll-free area code, or a whole area
    code and exchange before the spelt group, marks it: capitals after another number are a code."""

    ENTITY = "PHONE_NUMBER"
    NAME = "VanityPhoneRecognizer"
    REGEX = rf"""(?<![\w+\-.])
        (?:(?:1[\ .-]?(?:\({_TOLL_FREE}\)|{_TOLL_FREE})[\ .-]?|\({_TOLL_FREE}\)\ ?|{_TOLL_FREE}[.-]){_SPELT}
          | (?:1[\ .-]?)?(?:\(\d{{3}}\)\ ?|\d{{3}}[\ .-])\d{{3}}[\ .-][A-Z]{{4}})
        (?![\w\-])"""
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[1(8\d])"
    CONTEXT = ("call", "phone", "dial", "toll", "free")
    # A digit, then one bracket, space, dot or hyphen, then two capitals: every spelt number has them,
    # and the test is cheaper than the pattern's look-behind at every digit of a text.
    _HINT = re.compile(r"\d[)\ .\-]{1,2}[A-Z]{2}")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self._HINT.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def score(self, value: str) -> float | None:
        return 0.6


# A messaging app's link to a chat carries the number it opens, with its country code, its "+"
# written, percent-encoded (%2B) or left out: WhatsApp's wa.me/, api.whatsapp.com/send?phone= and
# whatsapp://send?phone=, Viber's viber://chat?number= and viber://add?number=, Telegram's t.me/+,
# Signal's signal.me/#p/.
_LINK = (r"(?:\bwa\.me/|\bwhatsapp(?:\.com|:/)/send/?\?phone=|viber://(?:chat|add)\?number=|\bt\.me/(?=\+)"
         r"|\bsignal\.me/\#p/)")


class MessagingLinkPhoneRecognizer(ScoredRecognizer):
    """The number in a messaging link ("https://wa.me/447700900123"), where phonenumbers reads a
    possible number of a real country from its digits."""

    ENTITY = "PHONE_NUMBER"
    NAME = "MessagingLinkPhoneRecognizer"
    # The link's address is matched, its number reported (`span`): a scan for the few literal
    # addresses is cheaper than a look-behind at every digit.
    REGEX = rf"{_LINK}(?P<number>(?:\+|%2B)?\d{{8,15}})(?!\d)"
    FLAGS = CASE_SENSITIVE
    CONTEXT = ("whatsapp", "chat", "message")

    def span(self, match) -> tuple[int, int]:
        return match.span("number")

    def score(self, value: str) -> float | None:
        try:
            number = phonenumbers.parse("+" + value.removeprefix("%2B").removeprefix("+"))
        except phonenumbers.NumberParseException:
            return None
        return 0.75 if phonenumbers.is_possible_number(number) else None
