from curation.prefect_server import server_env


def test_local_server_env_is_loopback_private_and_keeps_events_as_long_as_the_audit(policy, tmp_path):
    env = server_env(tmp_path, policy, port=4321)
    assert env["PREFECT_API_URL"] == "http://127.0.0.1:4321/api"
    assert env["PREFECT_HOME"] == str(tmp_path / ".prefect")
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false" and env["DO_NOT_TRACK"] == "1"
    assert env["PREFECT_SERVER_UI_V2_ENABLED"] == "false"  # the v2 UI calls an analytics host
    assert int(env["PREFECT_SERVER_EVENTS_RETENTION_PERIOD"]) == policy.audit.retention_days * 86400 > 7 * 86400
