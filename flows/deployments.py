"""`curation serve`: serve the flows as deployments on the configured Prefect server."""

from __future__ import annotations

from prefect import serve

from flows.curate import curate_flow
from flows.finetune import finetune_flow
from flows.ingest import ingest_flow
from flows.review import review_flow


def serve_all() -> None:
    serve(
        ingest_flow.to_deployment(name="ingest"),
        review_flow.to_deployment(name="review"),
        finetune_flow.to_deployment(name="finetune"),
        curate_flow.to_deployment(name="curate"),
    )
