"""`curation license detect --explain` (issue 22, point 5): per answer, the evidence lines and the
rule or ScanCode match behind each, talk that was not counted, and conflicts with the policy's rule."""

from typer.testing import CliRunner

from curation.cli import app


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


def test_license_detect_explain_outside_a_workspace_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CURATION_HOME", raising=False)
    notice = tmp_path / "NOTICE"
    notice.write_text("This project is licensed under the MIT License.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["license", "detect", "--explain", str(notice)])
    assert result.exit_code == 1
    assert "error:" in result.output and "--policy" in result.output and "Traceback" not in result.output


def test_license_detect_explain_says_which_lines_of_a_long_file_were_not_read(tmp_path):
    log = tmp_path / "build.log"
    log.write_text("# Copyright 2024 Vale. Licensed under the MIT License.\n"
                   + "".join(f"step {n}: compiled module_{n}.o in 0.{n % 10} s\n" for n in range(40_000)),
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["license", "detect", "--explain", str(log)])
    out = result.output.splitlines()
    assert result.exit_code == 0 and out[0].startswith(f"{log}\tMIT\t")
    unread = [line for line in out if "characters in the middle not read" in line]
    assert len(unread) == 1 and unread[0].lstrip().startswith("lines ")


def test_license_detect_turns_an_invalid_expression_into_one_line_naming_the_file(tmp_path, monkeypatch):
    # fault injection: no known text makes the detector build an unknown id today (LPPL-1.3 did)
    from license_expression import ExpressionError

    import curation.licenses as licenses

    def broken(text, threshold):
        raise ExpressionError("unknown license id(s) ['Secret-Name-1.0']")

    monkeypatch.setattr(licenses, "detect_text", broken)
    notice = tmp_path / "NOTICE"
    notice.write_text("This project is licensed under the Secret Name License 1.0.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["license", "detect", str(notice)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())  # the console wraps long lines
    assert said.startswith("error: ") and f"{notice}: its license answer is not a valid SPDX expression" in said
    assert "Traceback" not in said and "Secret-Name" not in said
