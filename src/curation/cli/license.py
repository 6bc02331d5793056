"""`curation license`: license detection and a steward's license decision for a source."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from curation.cli.support import PolicyOpt, console, fail, guard, load_policy, workspace
from curation.licenses.detect import DEFAULT_THRESHOLD

app = typer.Typer(help="License detection and steward license decisions.", no_args_is_help=True)


@app.command("detect")
@guard
def license_detect(paths: list[Path],
                   min_score: Annotated[float, typer.Option(
                       min=0.0, max=1.0, help="Below this score the answer is NOASSERTION.")] = DEFAULT_THRESHOLD,
                   explain: Annotated[bool, typer.Option(
                       "--explain", help="Under each answer, the lines that are its evidence and the rule or "
                                         "ScanCode match behind each; talk that was not counted; conflicts.")] = False,
                   policy: PolicyOpt = None) -> None:
    """Print PATH<TAB>SPDX-EXPRESSION<TAB>score for each file; NOASSERTION when unsure."""
    from license_expression import ExpressionError

    from curation.licenses import detect_text, rules_for
    from curation.licenses.classes import judge

    rules = None
    if explain:
        # the policy decides conflicts and classes: outside a workspace, name one (one line, no traceback)
        if policy is None and not workspace().default_policy.is_file():
            fail(f"no policy at {workspace().default_policy}: pass --policy FILE or run in a workspace")
        rules = rules_for(load_policy(policy))
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            fail(f"{path}: cannot read ({exc.strerror})")
        try:
            found = detect_text(text, min_score)
        except ExpressionError:
            # a rule built an id the SPDX list lacks: one line naming the file, no traceback and no
            # text from the file (an id can be built from the file's own words)
            fail(f"{path}: its license answer is not a valid SPDX expression (a detector bug); read it by hand")
        sys.stdout.write(f"{path}\t{found.expression}\t{found.score:.2f}\n")
        if explain:
            for line in found.explain() or ["no statement applies a license to the work"]:
                sys.stdout.write(f"  {line}\n")
            if found.conflict:
                sys.stdout.write(f"  decided by the policy's conflict rule: {rules.policy.conflict}\n")
            elif found.found:
                j = judge(found.expression, rules)
                sys.stdout.write(f"  policy ({rules.policy.intended_use} use): {j.action} ({j.reason}, {j.key})\n")


@app.command("override")
@guard
def license_override(source: str, expression: str,
                     reviewer: Annotated[str, typer.Option(help="Steward's name (recorded in the audit trail).")],
                     reason: Annotated[str, typer.Option(help="Why, e.g. the contract that grants the use.")],
                     policy: PolicyOpt = None) -> None:
    """Record that SOURCE's documents are under EXPRESSION (e.g. LicenseRef-ACME-contract-2024).

    Applied at once to the source's documents in the catalog and, on the next ingest, to its
    files quarantined for their license; shown on the dataset card of every later version."""
    from curation.stewardship.overrides import OverrideError, record_override

    ws = workspace()
    try:
        result = record_override(ws.catalog(), ws.audit(), load_policy(policy), source, expression, reviewer, reason)
    except OverrideError as exc:
        fail(str(exc))
    console.print(f"source {result.source}: license {result.expression} recorded by {reviewer} "
                  f"(audit seq {result.audit_seq}); classed '{result.license_class}' ({result.reason}); "
                  f"{result.documents_updated} document(s) updated, {len(result.files_to_reread)} file(s) "
                  "to be read again by the next ingest", highlight=False)
