"""Words around a name in a post that are not the name: kinship words, a verb opening the post.

Kinship and role words before a name ("Grandma Ruth", "my barber kofi"); a common word that opens a
post as a verb before its object ("Mark my words")."""

from __future__ import annotations

# Kinship, address and role words a post puts before a name. Like a title ("Dr", "Mrs"), the word
# says how the writer knows the person and is not the person's name.
KIN = ("sister|brother|sis|bro|mom|mum|mam|mommy|mummy|dad|daddy|aunt|auntie|aunty|uncle|cousin|nan|nana|nanna"
       "|gran|granny|grandma|grandpa|grandad|granddad|wife|husband|hubby|wifey|son|daughter|niece|nephew"
       "|bestie|bff|boyfriend|girlfriend|bf|gf|fiance|fiancee|babe|boss|coach|teacher|friend|mate"
       "|neighbour|neighbor|roommate|flatmate|colleague|stepmom|stepdad|stepmum")
_KIN_WORDS = frozenset(KIN.split("|")) | {"grandmother", "grandfather", "barber", "pastor"}

# What an imperative takes as its object right after it, with no comma: a name is followed by a
# verb or a comma ("Mark, my friend"), a verb by its object ("Mark my words", "Bill me later",
# "Pat yourself on the back").
_OBJECTS = frozenset("""me my myself you your yourself yourselves him his himself her herself us our ourselves
them their themselves it its""".split())


def without_kin_word(tokens) -> list:
    """`tokens` of a PERSON span without a kinship or role word in front of a name ("Uncle Femi" ->
    "Femi"); a span that is only such a word is returned as it is."""
    while len(tokens) > 1 and tokens[0].lower_ in _KIN_WORDS and tokens[1].is_alpha:
        tokens = tokens[1:]
    return tokens


def verb_before_object(tokens, opens_sentence, common_word) -> bool:
    """Whether a one-word span is a common word opening its sentence and followed, with only a
    space, by an object pronoun: a verb in the imperative ("Rob me blind"), not a name.
    `opens_sentence(token)` and `common_word(lower)` are spans.py's tests of those."""
    if len(tokens) != 1 or not tokens[0].is_alpha or not tokens[0].whitespace_:
        return False
    t = tokens[0]
    if t.i + 1 >= len(t.doc) or t.doc[t.i + 1].lower_ not in _OBJECTS:
        return False
    return opens_sentence(t) and common_word(t.lower_)


# Chat abbreviations and interjections: never a name, and NER glues them to the name beside them
# ("Lmao Chance really thought", "bc nj transit said nah") or reads one alone as a name ("DM me").
_CHAT_WORDS = frozenset("""lol lmao lmfao rofl omg ngl tbh smh idk imo imho btw irl pls plz wtf ily dm dms""".split())
# The same in lower case only: in capitals they are abbreviations of names too (BC, FR, RN).
_LOWER_CHAT_WORDS = frozenset("bc fr rn tho af".split())


def _chat_word(t, alone: bool) -> bool:
    """Whether token t is a chat abbreviation; a lower-case-only one counts only beside a name
    (`alone` false): alone, "bc" is British Columbia as often ("driven to bc in years")."""
    return t.lower_ in _CHAT_WORDS or (not alone and t.is_lower and t.text in _LOWER_CHAT_WORDS)


def without_chat_words(tokens) -> list:
    """`tokens` of a name span without the chat abbreviations at either end; [] when it held
    nothing else."""
    while tokens and _chat_word(tokens[0], len(tokens) == 1):
        tokens = tokens[1:]
    while tokens and _chat_word(tokens[-1], len(tokens) == 1):
        tokens = tokens[:-1]
    return tokens
