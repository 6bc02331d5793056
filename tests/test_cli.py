import pytest
from typer.testing import CliRunner

from curation.cli import app

COMMANDS = [[], ["ingest"], ["datasets"], ["datasets", "list"], ["datasets", "show"], ["sources"],
            ["sources", "list"], ["sources", "allow"], ["review"], ["finetune"], ["audit"],
            ["audit", "verify"], ["audit", "show"], ["report"], ["pii"], ["pii", "scan"], ["pii", "evaluate"],
            ["license"], ["license", "detect"], ["serve"], ["demo"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "curation")
def test_every_command_has_help(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_unknown_version_is_a_one_line_error(workspace):
    result = CliRunner().invoke(app, ["datasets", "show", "deadbeef"])
    assert result.exit_code == 1 and "not found" in result.output


def test_review_needs_exactly_one_decision(workspace):
    result = CliRunner().invoke(app, ["review", "abc", "--approve", "--reject", "--reviewer", "x"])
    assert result.exit_code == 1 and "exactly one" in result.output


def test_license_detect_prints_path_expression_score(tmp_path):
    notice = tmp_path / "NOTICE.txt"
    notice.write_text("Licensed under the Apache License, Version 2.0")
    plain = tmp_path / "plain.txt"
    plain.write_text("nothing here")
    result = CliRunner().invoke(app, ["license", "detect", str(notice), str(plain)])
    assert result.output.splitlines() == [f"{notice}\tApache-2.0\t1.00", f"{plain}\tNOASSERTION\t0.00"]


def test_the_ingest_summary_counts_items_by_format_from_their_stored_names():
    from curation.cli.ingest_view import by_format

    items = [{"path": "drive/0123456789abcdef.pdf", "outcome": "accepted"},
             {"path": "drive/0123456789abcdef.pdf", "outcome": "quarantined"},
             {"path": "drive/fedcba9876543210.eml", "outcome": "license_review"},
             {"path": "faq/00112233aabbccdd", "outcome": "duplicate"}]
    assert by_format(items) == ".eml 1/1, .pdf 2/1, other 1/0"
