"""SOURCE.yaml: what a source folder declares about its documents.

Errors name the key (only keys this file allows: never one found in the input) and the allowed
values, and never quote the file: a YAML parser's snippet or an unknown key can hold personal data.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from curation.documents import SourceInfo
from curation.sources.files import open_regular

ALLOWED_KEYS = {"license", "owner", "purpose", "language", "text_field", "license_field", "description", "canaries",
                "spreadsheet_documents"}
MAX_BYTES = 64 * 2**10  # a description of a source, not a document


class SourceYamlError(ValueError):
    pass


def read_source_yaml(folder: Path) -> SourceInfo:
    """SourceInfo from `folder/SOURCE.yaml`; a folder without one has no declared license."""
    path = folder / "SOURCE.yaml"
    if not path.exists() and not path.is_symlink():
        return SourceInfo(name=folder.name, folder=str(folder))
    try:
        with open_regular(path) as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceYamlError(f"SOURCE.yaml: cannot be opened as a plain file ({type(exc).__name__})") from None
    if len(data) > MAX_BYTES:
        raise SourceYamlError(f"SOURCE.yaml: larger than {MAX_BYTES // 1024} KiB")
    try:
        raw = yaml.safe_load(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SourceYamlError("SOURCE.yaml: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise SourceYamlError(f"SOURCE.yaml: not valid YAML ({type(exc).__name__}{where})") from None
    except RecursionError:
        raise SourceYamlError("SOURCE.yaml: nested too deeply") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise SourceYamlError(f"SOURCE.yaml: must be a mapping of keys {sorted(ALLOWED_KEYS)}")
    unknown = [k for k in raw if k not in ALLOWED_KEYS]
    if unknown:
        hints = sorted({m for k in unknown if isinstance(k, str)
                        for m in difflib.get_close_matches(k, ALLOWED_KEYS, n=1, cutoff=0.6)})
        hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
        raise SourceYamlError(f"SOURCE.yaml: {len(unknown)} unknown key(s){hint}; allowed: {sorted(ALLOWED_KEYS)}")
    canaries = raw.pop("canaries", None) or []
    if not isinstance(canaries, list) or not all(isinstance(c, str) and c.strip() for c in canaries):
        raise SourceYamlError("SOURCE.yaml: key 'canaries' must be a list of non-empty strings")
    for key, value in raw.items():
        if value is not None and not isinstance(value, str):
            raise SourceYamlError(f"SOURCE.yaml: key '{key}' must be a string")
    language = raw.get("language")
    if language is not None and language not in ("en", "ja"):
        raise SourceYamlError("SOURCE.yaml: key 'language' has a value that is not allowed; allowed: en, ja")
    spreadsheet_documents = raw.get("spreadsheet_documents") or "sheet"
    if spreadsheet_documents not in ("sheet", "row"):
        raise SourceYamlError("SOURCE.yaml: key 'spreadsheet_documents' has a value that is not allowed; allowed: sheet, row")
    return SourceInfo(
        name=folder.name,
        spreadsheet_documents=spreadsheet_documents,
        license=raw.get("license"),
        owner=raw.get("owner"),
        purpose=raw.get("purpose"),
        language=language,
        text_field=raw.get("text_field") or "text",
        license_field=raw.get("license_field") or "license",
        folder=str(folder),
        canaries=tuple(c.strip() for c in canaries),
    )
