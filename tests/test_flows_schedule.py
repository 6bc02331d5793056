"""The schedule section of the policy and the task runner choice, without a server."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from curation.policy import PolicyError, load_policy
from flows.runners import cron_schedule, task_runner, task_runner_from_env


def policy_with(tmp_path, **schedule):
    data = yaml.safe_load((ROOT / "policies" / "default.yaml").read_text(encoding="utf-8"))
    data["schedule"] = {**data["schedule"], **schedule}
    folder = tmp_path / "policies"
    folder.mkdir(exist_ok=True)
    for item in (ROOT / "policies").iterdir():
        if item.name != "default.yaml" and not (folder / item.name).exists():
            (folder / item.name).symlink_to(item)
    (folder / "default.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return load_policy(folder / "default.yaml")


def test_the_cron_schedule_is_read_in_the_policys_time_zone(tmp_path):
    schedule = cron_schedule(policy_with(tmp_path, cron="30 1 * * 1-5", timezone="Asia/Tokyo").schedule)
    assert (schedule.cron, schedule.timezone, schedule.active) == ("30 1 * * 1-5", "Asia/Tokyo", True)


def test_a_bad_cron_or_time_zone_fails_naming_the_key(tmp_path):
    with pytest.raises(PolicyError, match=r"schedule\.cron.*five fields"):
        policy_with(tmp_path, cron="every night")
    with pytest.raises(PolicyError, match=r"schedule\.timezone.*IANA"):
        policy_with(tmp_path, timezone="Mars/Olympus")


def test_an_inactive_schedule_is_served_paused(tmp_path):
    assert cron_schedule(policy_with(tmp_path, active=False).schedule).active is False


def test_the_task_runner_is_threads_unless_dask_is_asked_for(monkeypatch):
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    monkeypatch.delenv("CURATION_TASK_RUNNER", raising=False)
    monkeypatch.delenv("CURATION_DASK_ADDRESS", raising=False)
    assert isinstance(task_runner_from_env(), ThreadPoolTaskRunner)
    monkeypatch.setenv("CURATION_DASK_ADDRESS", "tcp://10.0.0.5:8786")
    runner = task_runner_from_env()
    assert isinstance(runner, DaskTaskRunner) and runner.address == "tcp://10.0.0.5:8786"
    with pytest.raises(ValueError, match="allowed: threads, dask"):
        task_runner("ray")
