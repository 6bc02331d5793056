import pytest
from typer.testing import CliRunner

from curation.cli import app

COMMANDS = [[], ["ingest"], ["datasets"], ["datasets", "list"], ["datasets", "show"], ["sources"],
            ["sources", "list"], ["sources", "allow"], ["review"], ["finetune"], ["audit"],
            ["audit", "verify"], ["audit", "show"], ["report"], ["pii"], ["pii", "scan"],
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


def test_license_detect_explain_shows_evidence_lines_rule_and_conflict(tmp_path):
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: cc-by-4.0\n---\n# Data\n\n## Licensing Information\n\n"
                    "The paragraphs come from Wikipedia, which is licensed under CC BY-SA 4.0.\n", encoding="utf-8")
    talk = tmp_path / "guide.md"
    talk.write_text("CC BY-NC 4.0 forbids commercial use; CC BY-ND 4.0 forbids adaptations.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["license", "detect", "--explain", str(card), str(talk)])
    out = result.output.splitlines()
    assert result.exit_code == 0 and out[0].startswith(f"{card}\tCC-BY-SA-4.0\t")
    assert '  line 2: "license: cc-by-4.0" -> CC-BY-4.0 (header; dataset card YAML header `license:`; scope data)' in out
    assert any(line.startswith('  line 8: "The paragraphs come from Wikipedia') and "upstream material" in line
               for line in out)
    assert any(line.startswith("  conflict: ") for line in out)
    assert "  decided by the policy's conflict rule: review" in out
    assert f"{talk}\tNOASSERTION\t0.00" in out
    assert any("not counted: talks about licenses" in line for line in out)
