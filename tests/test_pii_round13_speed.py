"""Round 13, the PII stage's speed with identical output: the tokenizer's URL rule stays one
compiled regex (spaCy calls it for every new token)."""

from __future__ import annotations

import types


def test_record_cells_before_an_address_stay_apart_under_the_compiled_url_rule(policy):
    from curation.pii.assembly import engine_for

    nlp = engine_for("en", policy.pii).nlp_engine.nlp["en"]
    assert not isinstance(nlp.tokenizer.url_match, types.FunctionType)  # a regex's match: no Python call per token
    assert [t.text for t in nlp.make_doc("Okafor,Leeds,r.okafor@example.org")][:3] == ["Okafor", ",", "Leeds"]
    assert len(nlp.make_doc("https://build:token@ci.example.org/run/42")) == 1


def test_the_no_cells_lookahead_says_what_the_plain_rule_says_on_any_string():
    # The lookahead is written to stop at the first comma (a long comma run without an "@" is read
    # once, not once per comma: minified JSON took seconds); its verdict must stay "a comma or
    # semicolon before the first @".
    import random
    import re

    from curation.pii.nlp_models import _NO_CELLS_BEFORE_AT

    def cells_before_at(text: str) -> bool:
        at = text.find("@")
        return at != -1 and ("," in text[:at] or ";" in text[:at])

    lookahead = re.compile(_NO_CELLS_BEFORE_AT)
    rng = random.Random(13)
    for _ in range(20000):
        text = "".join(rng.choice("ab,;@.:/") for _ in range(rng.randint(0, 12)))
        assert (lookahead.match(text) is None) == cells_before_at(text), text
