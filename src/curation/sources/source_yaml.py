"""SOURCE.yaml: what a source folder declares about its documents."""

from __future__ import annotations

from pathlib import Path

import yaml

from curation.documents import SourceInfo

ALLOWED_KEYS = {"license", "owner", "purpose", "language", "text_field", "license_field", "description", "canaries"}


class SourceYamlError(ValueError):
    pass


def read_source_yaml(folder: Path) -> SourceInfo:
    """SourceInfo from `folder/SOURCE.yaml`; a folder without one has no declared license."""
    path = folder / "SOURCE.yaml"
    if not path.exists():
        return SourceInfo(name=folder.name, folder=str(folder))
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SourceYamlError(f"{path}: not valid YAML ({exc})") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise SourceYamlError(f"{path}: must be a mapping of keys {sorted(ALLOWED_KEYS)}")
    unknown = sorted(set(raw) - ALLOWED_KEYS)
    if unknown:
        raise SourceYamlError(f"{path}: unknown key(s) {unknown}; allowed: {sorted(ALLOWED_KEYS)}")
    canaries = raw.pop("canaries", None) or []
    if not isinstance(canaries, list) or not all(isinstance(c, str) and c.strip() for c in canaries):
        raise SourceYamlError(f"{path}: key 'canaries' must be a list of non-empty strings")
    for key, value in raw.items():
        if value is not None and not isinstance(value, str):
            raise SourceYamlError(f"{path}: key '{key}' must be a string")
    language = raw.get("language")
    if language is not None and language not in ("en", "ja"):
        raise SourceYamlError(f"{path}: key 'language' is '{language}'; allowed: en, ja")
    return SourceInfo(
        name=folder.name,
        license=raw.get("license"),
        owner=raw.get("owner"),
        purpose=raw.get("purpose"),
        language=language,
        text_field=raw.get("text_field") or "text",
        license_field=raw.get("license_field") or "license",
        folder=str(folder),
        canaries=tuple(c.strip() for c in canaries),
    )
