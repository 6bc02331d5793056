import pytest

from curation.policy import PolicyError, load_policy

from conftest import ROOT


def write_policy(tmp_path, text):
    import shutil

    for item in (ROOT / "policies").iterdir():  # the files a policy points to, beside it
        if item.name != "default.yaml" and not (tmp_path / item.name).exists():
            (shutil.copytree if item.is_dir() else shutil.copy)(item, tmp_path / item.name)
    path = tmp_path / "p.yaml"
    path.write_text(text)
    return path


def default_text():
    return (ROOT / "policies" / "default.yaml").read_text()


def test_default_policy_loads_with_digest_and_resolved_suite(policy):
    assert len(policy.digest) == 64
    assert set(policy.pii.models) == {"en", "ja"}
    assert policy.checks.suite.endswith("policies/expectations/documents.yaml")


def test_digest_covers_the_license_classes_file(tmp_path):
    before = load_policy(write_policy(tmp_path, default_text())).digest
    classes = tmp_path / "licenses.yaml"
    classes.write_text(classes.read_text() + "\n# a comment changes the bytes\n")
    assert load_policy(tmp_path / "p.yaml").digest != before


def test_digest_ignores_comments_but_not_values(tmp_path):
    a = load_policy(write_policy(tmp_path, default_text() + "\n# a comment\n"))
    b = load_policy(write_policy(tmp_path, default_text().replace("min_chars: 20", "min_chars: 21")))
    assert a.digest == load_policy(ROOT / "policies" / "default.yaml").digest
    assert a.digest != b.digest


def test_misspelt_key_names_file_and_key(tmp_path):
    path = write_policy(tmp_path, default_text().replace("score_threshold:", "score_treshold:"))
    with pytest.raises(PolicyError) as err:
        load_policy(path)
    assert str(path) in str(err.value) and "score_treshold" in str(err.value)


def test_unknown_entity_type_lists_allowed_values(tmp_path):
    path = write_policy(tmp_path, default_text().replace("entities: [PERSON,", "entities: [PERSONS,"))
    with pytest.raises(PolicyError, match="PERSONS.*allowed.*EMAIL_ADDRESS"):
        load_policy(path)


def test_unknown_operator_is_refused(tmp_path):
    path = write_policy(tmp_path, default_text().replace("default_operator: {type: replace}",
                                                         "default_operator: {type: scramble}"))
    with pytest.raises(PolicyError, match="default_operator.type.*'replace'"):
        load_policy(path)


def test_threshold_out_of_range_is_refused(tmp_path):
    path = write_policy(tmp_path, default_text().replace("score_threshold: 0.4", "score_threshold: 1.5"))
    with pytest.raises(PolicyError, match="pii.score_threshold"):
        load_policy(path)


def test_handles_setting_defaults_to_entity_and_refuses_other_values(tmp_path, policy):
    assert policy.pii.handles == "entity"
    text = default_text().replace("\n  handles: entity", "\n  handles: everyone", 1)
    assert "handles: everyone" in text
    with pytest.raises(PolicyError, match="pii.handles.*'entity'.*'person'.*'all'"):
        load_policy(write_policy(tmp_path, text))
