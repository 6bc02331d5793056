"""Steward decisions that need no CLI: release a source held for license review, retract documents."""

from prefect import flow
from prefect.artifacts import create_markdown_artifact

from curation.stewardship.retraction import retract
from curation.stewardship.sources import allow_source
from flows.run_context import (
    Steward,
    artifact_key,
    plain_failure,
    record_request,
    run_identity,
    workspace,
)


@flow(name="release-source", log_prints=True)
@plain_failure
def release_source_flow(source: str, requested_by: Steward, comment: str) -> str:
    """Allow a source whose license the policy holds for review: its documents join the next version.

    Args:
        source: The source folder's name (as in the ingest summary's "held out for review" line).
        requested_by: Your name: you are the reviewer who allows it (recorded in the audit log).
        comment: Why this license is acceptable (the catalog keeps it; the audit log its hash).
    """
    record_request("release-source", requested_by, {"source": source}, subject=source)
    ws = workspace()
    allow_source(ws.catalog(), ws.audit(), source, requested_by, comment, flow_run_id=run_identity()[0])
    print(f"source {source} allowed by {requested_by}; run ingest (or wait for the schedule) to build a version with it")
    create_markdown_artifact(f"Source `{source}` allowed by {requested_by}: its held documents join the next "
                             "version the ingest deployment builds.", key=artifact_key("release-source", source),
                             description="License review decision")
    return "allowed"


@flow(name="retract", log_prints=True)
@plain_failure
def retract_flow(requested_by: Steward, reason: str, source: str = "", doc_id: str = "") -> dict:
    """Take documents back (a person's objection, a withdrawn source): their text is erased, every
    version holding them revoked, and the models trained on them listed.

    Args:
        requested_by: Your name (recorded in the audit log with this run's id).
        reason: Why (the catalog keeps it; the audit log its hash).
        source: Retract every document of this source, or
        doc_id: retract this one document (give exactly one of the two).
    """
    run_id, _ = record_request("retract", requested_by, {"source": source, "doc_id": doc_id},
                               subject=source or doc_id)
    ws = workspace()
    result = retract(ws.catalog(), ws.audit(), reason=reason, reviewer=requested_by, source=source or None,
                     doc_id=doc_id or None, flow_run_id=run_id)
    models = "".join(f"\n- run `{m['run_id']}` (version `{m['version_id'][:16]}`), {m['status']}"
                     for m in result.models_affected) or "\n- none"
    create_markdown_artifact(
        f"# Retraction by {requested_by}\n\n{len(result.doc_ids)} document(s) retracted; versions revoked: "
        + (", ".join(f"`{v[:16]}`" for v in result.versions_revoked) or "none")
        + f"\n\n## Models trained on them (their owners must act){models}",
        key=artifact_key("retraction", source or doc_id[:16]), description="Retraction")
    return {"doc_ids": len(result.doc_ids), "versions_revoked": result.versions_revoked,
            "models_affected": [m["run_id"] for m in result.models_affected]}
