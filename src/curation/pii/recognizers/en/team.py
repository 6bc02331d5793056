"""ORGANIZATION: a sports team named by its plural nickname before a word of its sport ("the bears game")."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

# What a team has or plays and a crowd, a class or a family does not: its game, its defence, its
# bullpen. Before one of them, "the" + a plural word is a team's nickname whatever its case ("the
# tigers bullpen", "the Chiefs defense"): posts write teams in lower case and truecasing leaves
# nicknames that are common words (bears, jets, kings) in lower case, so NER never sees them.
SPORT_WORDS = ("game|games|defense|defence|offense|offence|bullpen|lineup|line-up|roster|rotation|goalie"
               "|quarterback|qb|pitching|playoffs|playoff|fanbase|backfield|secondary|infield|outfield"
               "|backcourt|frontcourt|power\\ play|penalty\\ kill|locker\\ room|starting\\ five|starting\\ xi")
# Plural words for people that take the same words ("the kids game", "the girls lineup"): a group
# of people, not a team's name.
_PEOPLE = frozenset("""kids boys girls guys men women ladies gents students parents fans players teams others
friends sons daughters brothers sisters cousins twins seniors juniors freshmen sophomores locals adults
veterans rookies starters subs refs officials coaches teachers neighbours neighbors dads moms mums
olympics""".split())


class SportsTeamRecognizer(ScoredRecognizer):
    """A plural word after "the" and before a word of a team's sport ("the raptors game")."""

    ENTITY = "ORGANIZATION"
    NAME = "SportsTeamRecognizer"
    REGEX = rf"(?<=\b(?i:the)\ )\p{{L}}{{2,}}(?i:s)(?=\ (?i:{SPORT_WORDS})\b)"
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=\p{L})"

    def score(self, value: str) -> float | None:
        return None if value.lower() in _PEOPLE else 0.6
