"""Pattern recognizers a policy declares in Presidio's YAML format (policies/recognizers/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml


def load_yaml_recognizers(paths: list[str], language: str) -> list:
    """Pattern recognizers declared in Presidio's YAML format (`recognizers: [{name, supported_entity,
    supported_language(s), patterns: [{name, regex, score}], context, deny_list, ...}]`) for `language`."""
    from presidio_analyzer import PatternRecognizer

    out = []
    for path in paths:
        try:
            doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: cannot read recognizer file ({exc})") from exc
        for i, conf in enumerate(doc.get("recognizers") or []):
            conf = dict(conf)
            languages = conf.pop("supported_languages", None) or [conf.pop("supported_language", "en")]
            conf.pop("supported_language", None)
            if language not in languages:
                continue
            try:
                out.append(PatternRecognizer.from_dict({**conf, "supported_language": language}))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{path}: recognizer #{i + 1} ({conf.get('name', '?')}): {exc}") from exc
    return out
