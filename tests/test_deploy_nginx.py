"""docs/deploy/nginx.conf, the documented way to reach `curation ui` from another machine, kept in
step with the code: no nginx runs here, so this checks what the file promises against what
`curation ui` does (its port, its public address, the v2 UI refused)."""

import inspect
import re
from pathlib import Path

from curation.cli import ui

CONF = (Path(__file__).resolve().parents[1] / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")


def directives(name: str) -> list[str]:
    return re.findall(rf"^\s*{name}\s+([^;]+);", CONF, flags=re.MULTILINE)


def test_every_location_goes_to_the_one_loopback_address_of_curation_ui():
    port = inspect.signature(ui).parameters["port"].default
    assert set(directives("proxy_pass")) == {f"http://127.0.0.1:{port}"}


def test_the_public_address_given_to_curation_ui_is_the_server_name_it_serves():
    (name,) = directives("server_name")
    assert f"--public-url https://{name}" in CONF and re.search(r"^\s*listen\s+443 ssl;", CONF, flags=re.MULTILINE)


def test_the_v2_ui_is_refused_and_the_websockets_pass():
    assert re.search(r"location /v2 \{\s*return 404;\s*\}", CONF)
    assert "proxy_set_header Upgrade $http_upgrade;" in CONF and "proxy_http_version 1.1;" in CONF


def test_each_steward_logs_in_and_the_access_log_is_kept():
    assert directives("auth_basic_user_file") and directives("access_log")
