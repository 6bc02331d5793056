"""License texts as they are found in repositories: the reference text (ScanCode's copy) wrapped
in markdown, CRLF line ends, a byte-order mark or an HTML page, and texts that were changed.
Used by tests/test_license_families.py and bench/license_detect.py (the `real` set)."""

from __future__ import annotations

import html
import re
from pathlib import Path

# SPDX id -> ScanCode key of the reference text, one per license family the policy classes.
FAMILIES = {
    "MIT": "mit", "Apache-2.0": "apache-2.0", "BSD-2-Clause": "bsd-simplified", "BSD-3-Clause": "bsd-new",
    "GPL-2.0-only": "gpl-2.0", "GPL-3.0-only": "gpl-3.0", "LGPL-2.1-only": "lgpl-2.1", "MPL-2.0": "mpl-2.0",
    "EUPL-1.2": "eupl-1.2", "CC-BY-4.0": "cc-by-4.0", "CC-BY-SA-4.0": "cc-by-sa-4.0",
    "CC-BY-NC-4.0": "cc-by-nc-4.0", "CC-BY-ND-4.0": "cc-by-nd-4.0", "CC-BY-NC-SA-4.0": "cc-by-nc-sa-4.0",
    "CC-BY-NC-ND-4.0": "cc-by-nc-nd-4.0", "CC0-1.0": "cc0-1.0", "ODbL-1.0": "odbl-1.0", "Unlicense": "unlicense",
}
STYLES = ("markdown", "crlf", "bom", "html", "bom_crlf_markdown")


def reference_text(key: str) -> str:
    from licensedcode.models import licenses_data_dir

    return Path(licenses_data_dir, f"{key}.LICENSE").read_text(encoding="utf-8").split("---", 2)[2].strip()


def _is_heading(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) < 70 and (s.isupper() or re.match(r"^(Section|Article|\d+\.)\s+\S", s) is not None) \
        and not s.endswith((",", ";"))


def markdown(text: str) -> str:
    lines = text.splitlines()
    out = [f"# {lines[0].strip()}", ""]
    for line in lines[1:]:
        if _is_heading(line):
            out += ["", f"## {line.strip()}", ""]
        else:
            out.append(re.sub(r"\"([^\"]{3,40})\"", r'**"\1"**', line))
    out += ["", "---", "", "_Copied from the [official text](https://example.org/license)._"]
    return "\n".join(out) + "\n"


def as_html(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = [f"<h1>{html.escape(paragraphs[0].strip())}</h1>"]
    for p in paragraphs[1:]:
        tag = "h2" if _is_heading(p) else "p"
        body.append(f"<{tag}>{html.escape(' '.join(p.split()))}</{tag}>")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>License</title>"
            "<style>body{font-family:sans-serif}</style></head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n"
            + "\n".join(body) + "\n<footer>Last updated 2025-04-01</footer>\n</body></html>\n")


def wrap(text: str, style: str) -> str:
    if style == "markdown":
        return markdown(text)
    if style == "crlf":
        return text.replace("\n", "\r\n")
    if style == "bom":
        return "\ufeff" + text
    if style == "html":
        return as_html(text)
    if style == "bom_crlf_markdown":
        return "\ufeff" + markdown(text).replace("\n", "\r\n")
    raise ValueError(style)


def modified() -> list[tuple[str, str, str]]:
    """(name, text, expected): reference texts changed the way companies change them; `expected`
    may end in `*` where any closest license is a fair hint."""
    mit = reference_text("mit")
    apache = reference_text("apache-2.0")
    mpl = reference_text("mpl-2.0")
    bsd = reference_text("bsd-new")
    return [
        ("mit_noncommercial_inserted", re.sub(r"to deal\s+in\s+the\s+Software\s+without\s+restriction",
                                              "to deal in the Software for non-commercial purposes only, without "
                                              "restriction", mit), "LicenseRef-Custom-MIT-NonCommercial"),
        ("apache_plus_restriction", apache + "\n\nADDITIONAL RESTRICTION\n\nNotwithstanding the above, you may not use "
         "the Work for any commercial purpose without a separate written agreement with ACME Corp.\n",
         "LicenseRef-Custom-Apache-2.0-NonCommercial"),
        ("mpl_renamed", "ACME Public License Version 2.0\n" + mpl.replace("Mozilla Public License", "ACME Public License")
         .replace("Mozilla Foundation", "ACME Corp"), "LicenseRef-Custom-MPL-2.0"),
        ("bsd_extra_clause", bsd.replace("THIS SOFTWARE IS PROVIDED", "4. The Software may not be used in any "
                                         "military application or weapons system.\n\nTHIS SOFTWARE IS PROVIDED", 1),
         "LicenseRef-Custom-*"),  # ScanCode finds a closer BSD variant as hint
    ]
