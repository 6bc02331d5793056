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
