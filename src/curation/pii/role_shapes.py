"""Organisation or place spans that name no one: company roles, units, identifier issuers.

What NER takes for an organisation or a place but is a role or a unit of a company ("Finance
Director", "The Sales Department", "Head of Procurement") or the issuer in the name of an identifier
("Social Security number")."""

from __future__ import annotations

import re
from functools import lru_cache

from curation.pii.truecase import common_words


# The functions every company has, and the words job titles are built from: a phrase of nothing
# else names a department or a role of any company ("Customer Success Lead", "HR Business
# Partner"), not one that identifies anyone. A unit named after something else keeps its name
# ("Commerce Department", "Oh Canada Team", "Gabriel Resources").
FUNCTION_WORDS = frozenset("""sales marketing finance financial accounting accounts payable receivable payroll billing
collections credit treasury tax audit risk compliance legal procurement purchasing sourcing supply chain logistics
shipping warehouse operations facilities administration admin office business corporate strategy development
research engineering product products quality assurance technology information it hr human resources people talent
recruitment recruiting training learning customer customers client clients service services support success care
communications public relations investor media design data analytics security safety health regional general
executive management senior junior chief deputy assistant associate principal vice global group ap ar
member members guest guests patient patients student students participant participants employee employees
benefits payments helpdesk technical""".split())  # noqa: SIM905
# Job titles' head nouns beyond shapes.ORG_UNIT_HEAD's ("Operations Analyst", "Account Executive").
ROLE_HEADS = frozenset("""analyst administrator accountant consultant advisor adviser representative supervisor
controller planner buyer clerk executive associate nurse technician developer designer architect inspector auditor
secretary receptionist cashier agent operator landlord tenant approver requester applicant trustee treasurer chair
chairman chairperson president founder owner intern trainee apprentice attorney lawyer solicitor paralegal
physician pharmacist therapist surgeon teacher lecturer""".split())  # noqa: SIM905
# Job nouns a title is built on ("Maintenance Engineer", "Registered Nurse", "Night Manager"). Not
# the heads a place or a name also ends in ("Head", "Lead", "Partner": "Diamond Head", "Ana Lead").
JOB_NOUNS = ROLE_HEADS | frozenset("director manager coordinator officer assistant engineer specialist".split())
# The words that grade or place a job before its noun ("Registered Nurse", "Senior Site Engineer",
# "Night Manager"): a closed list, not any common word, as names are made of common words too
# ("Grace Planner", "Will Clerk", "Faith Owner", "Joy Agent").
TITLE_MODIFIERS = frozenset("""registered senior junior chief head charge night day site staff lead deputy acting interim
managing general regional area branch store shop shift duty ward floor field project programme program account
maintenance hiring clinical medical dental nursing practice case lab laboratory software systems network
civil mechanical electrical building property estate contracts station depot plant fleet trainee graduate
relief principal""".split())  # noqa: SIM905
# The grades among FUNCTION_WORDS: with one of them, a job title may hold a word of its trade.
_GRADES = frozenset("senior junior chief deputy assistant associate principal vice executive".split())
# Departments a company names after itself ("Parcelway Customer Services", "Jenkins Accounts
# Payable"): their first word names whom or what the unit serves inside any company. Other units
# ("Data Services", "Health Services") are as often the company's line of business and its name.
_DEPARTMENT_OPENERS = frozenset("""customer customers client clients member members guest guests patient patients student
students participant participants employee employees accounts human sales marketing finance legal payroll
procurement purchasing billing hr it""".split())  # noqa: SIM905
# Titles before a name that make it a person's: after them a role word is part of the name
# ("Mr. Will Clerk", "Dr Ada Planner"). After a salutation the closed list of TITLE_MODIFIERS is
# enough: "Dear Grace Planner" is no job title, and "Dear Hiring Manager" names no one.
HONORIFICS = frozenset("mr mrs ms mx dr prof sir madam miss".split())
# Heads of a unit only after another function word ("Customer Service", "Accounts Payable",
# "Technical Support"): alone, each is a word of any name.
UNIT_ENDS = frozenset("service support care success payable receivable".split())
_JOINERS = frozenset({"the", "of", "and", "&", "for"})
# Words after a name that make it the issuer of an identifier ("Social Security number", "HS
# code"): the number is the personal data, the issuer's name identifies no one. Not "card": a card
# is named after a company as often ("a $100 Visa card": WNUT-17 labels the company).
IDENTIFIER_NOUNS = frozenset({"number", "numbers", "no", "nr", "code", "id"})


# Who speaks in a chat besides people, beside the job nouns and business functions above ("Agent
# Priyanka:", "Customer:", "Support:"): the parties only a chat or a call has.
_CHAT_PARTIES = frozenset("bot caller rep system moderator host user visitor staff".split())


def speaks_as_role(word: str) -> bool:
    """Whether `word`, at the front of a chat line's speaker, names a role rather than a person
    ("Agent", "Bot", "Customer", "Support"): a chat party, a job noun or a business function."""
    word = word.lower()
    return word in _CHAT_PARTIES or word in JOB_NOUNS or word in FUNCTION_WORDS


# Ranks written before a company in a signature or a CV line ("Partner, Kilele Audit Partners",
# "CFO, Acme Ltd"): beside JOB_NOUNS and the function words, the role part of "role, company".
_SIGNATURE_RANKS = frozenset("partner ceo cfo cto coo cio vp svp evp md".split())


def names_role_before_company(words: list[str]) -> bool:
    """Whether `words`, written before a comma at the front of an organisation's span, are the
    role or the unit of whoever signs ("Senior Associate", "Procurement", "Partner") rather than
    the first part of the company's name: function words, job nouns, unit and role heads only."""
    content = [w.lower() for w in words if w.lower() not in _JOINERS]
    return bool(content) and (names_role_or_unit(words) or all(
        w in FUNCTION_WORDS or w in JOB_NOUNS or w in _SIGNATURE_RANKS or is_head(w) for w in content))


def names_role_or_unit(words: list[str], next_word: str = "") -> bool:
    """Whether a span of `words` is made only of business-function words, head nouns of units and
    roles and joiners ("of", "and", "the"), and a head noun ends the phrase: in the span ("The
    Sales Department", "Head of Procurement", "Accounts Payable") or as the word after it, which
    NER left out ("Finance" of "Finance Director"). A function word alone is a name ("Treasury of
    $4T"). Or the span is a job title: title modifiers before a job noun ("Registered Nurse")."""
    content = [w for w in words if w.lower() not in _JOINERS]
    if not content:
        return False
    if all(w.lower() in FUNCTION_WORDS or is_head(w) for w in content):
        return (any(is_head(w) for w in content) or is_head(next_word)
                or (len(content) > 1 and content[-1].lower() in UNIT_ENDS))
    return _job_title(content)


def _job_title(content: list[str]) -> bool:
    """Whether `content` is a job noun (JOB_NOUNS) after function words and title modifiers
    ("Senior Site Engineer"), and one common word of the trade where a modifier grades the job
    ("Senior Reservoir Engineer"). Other words before it are a name and its role ("Kayak Magazine
    Founder", WNUT-17; "Grace Planner"), kept whole; so is a common word before the grade, a
    given name ("Mark Field Engineer", "Will Site Manager")."""
    *before, last = [w.lower() for w in content]
    others = [i for i, w in enumerate(before) if w not in FUNCTION_WORDS and w not in TITLE_MODIFIERS]
    if last not in JOB_NOUNS:
        return False
    if not others:
        return True
    graded = any(w in TITLE_MODIFIERS or w in _GRADES for w in before[:others[0]])
    return graded and len(others) == 1 and before[others[0]] in common_words()


def follows_honorific(before) -> bool:
    """Whether the last word of the tokens `before` a name (a full stop skipped) is an honorific
    (HONORIFICS: "Mr.", "Dr")."""
    words = [t for t in before if t.is_alpha]
    return bool(words) and words[-1].lower_ in HONORIFICS


def trailing_unit(words: list[str]) -> int:
    """How many of `words` at the end are a department of a company named after the company ("Acme
    Customer Services": 2), 0 for none: two or more function words ending in a head noun, with the
    company's own name left before them; two words of it, or one before a department every company
    has (_DEPARTMENT_OPENERS): "First Data Services", "Brightline Health Services" stay whole."""
    for k in range(1, len(words) - 1):
        tail = words[k:]
        named = [w for w in words[:k] if w[:1].isupper() and w.lower() not in _JOINERS]
        if all(w.lower() in FUNCTION_WORDS or is_head(w) for w in tail) and names_role_or_unit(tail) \
                and words[k - 1].lower() not in FUNCTION_WORDS \
                and (len(named) >= 2 or (named and tail[0].lower() in _DEPARTMENT_OPENERS)):
            return len(tail)
    return 0


def is_head(word: str) -> bool:
    """Whether `word` is the head noun of a company unit or a role (shapes.ORG_UNIT_HEAD, ROLE_HEADS)."""
    return word.lower() in ROLE_HEADS or bool(_unit_head().fullmatch(word))


@lru_cache(maxsize=1)
def _unit_head() -> re.Pattern:
    """shapes.ORG_UNIT_HEAD, any case. Imported here, not at the top: the recognizers package
    imports the span clean-up that imports this module."""
    from curation.pii.recognizers.en.shapes import ORG_UNIT_HEAD

    return re.compile(ORG_UNIT_HEAD, re.IGNORECASE)


def names_identifier(next_word: str) -> bool:
    """Whether the word after a span (`next_word`, "" for none) makes the span the name of an
    identifier's issuer."""
    return next_word.lower().rstrip(".:") in IDENTIFIER_NOUNS
