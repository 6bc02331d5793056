"""What every `curation` command shares: the console, the workspace, the policy, error handling."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

console = Console()

PolicyOpt = Annotated[Optional[Path], typer.Option("--policy", help="Policy file (default: policies/default.yaml).")]


def fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


def workspace():
    from curation.workspace import Workspace

    return Workspace.from_env()


def load_policy(path: Path | None):
    """The policy at `path`, or the workspace's policies/default.yaml."""
    from curation.policy import load_policy as load

    return load(path or workspace().default_policy)


def guard(fn):
    """Turn the library's plain-language errors into one red line and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from curation.checks.suites import ChecksError
        from curation.datasets.names import DatasetNameError
        from curation.datasets.versions import VersionError
        from curation.ingest.outcomes import AccountingError
        from curation.policy import PolicyError
        from curation.sources import SourceYamlError

        try:
            return fn(*args, **kwargs)
        except (PolicyError, VersionError, ChecksError, AccountingError, SourceYamlError, DatasetNameError,
                FileNotFoundError) as exc:
            fail(str(exc))
        except RuntimeError as exc:
            if type(exc).__name__ == "TrainingError":
                fail(str(exc))
            raise

    return wrapper
