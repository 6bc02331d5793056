"""Prefect on PostgreSQL (flows/postgres.py): the cluster starts under the project's state folder,
a Prefect server runs on it, and a flow run's states land in PostgreSQL, not in SQLite."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from flows import postgres

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    try:
        postgres.bin_dir()
    except postgres.PostgresUnavailable as exc:
        pytest.fail(f"{exc} (`make test` installs it)")
    # Under root the cluster runs as the `postgres` user, who must reach the folder: pytest's own
    # temporary folders are private to root.
    home = Path(tempfile.mkdtemp(prefix="curation-pg-"))
    os.chmod(home, 0o755)
    port = _free_port()
    url = postgres.start(home, port)
    yield home, port, url
    postgres.stop(home)
    shutil.rmtree(home, ignore_errors=True)


def _free_port() -> int:
    from flows.server import free_port

    return free_port()


def _fetch(home, port, query: str):
    import asyncpg

    password = postgres.paths(home)[1].read_text().strip()

    async def run():
        con = await asyncpg.connect(user=postgres.USER, password=password, host="127.0.0.1", port=port,
                                    database=postgres.DATABASE)
        try:
            return await con.fetch(query)
        finally:
            await con.close()

    return asyncio.run(run())


def test_cluster_lives_in_the_state_folder_with_a_private_password(cluster):
    home, port, url = cluster
    data, password_file, _ = postgres.paths(home)
    assert (data / "PG_VERSION").exists() and data.parent == home / ".prefect"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert url.startswith(f"postgresql+asyncpg://{postgres.USER}:") and f"@127.0.0.1:{port}/" in url
    assert postgres.start(home, port) == url  # starting a running cluster changes nothing


def test_cluster_refuses_a_wrong_password(cluster):
    import asyncpg

    _, port, _ = cluster

    async def connect():
        await asyncpg.connect(user=postgres.USER, password="not-it", host="127.0.0.1", port=port, database="prefect")

    with pytest.raises(asyncpg.InvalidPasswordError):
        asyncio.run(connect())


def test_a_flow_run_on_a_prefect_server_backed_by_postgres(cluster, tmp_path, policy, monkeypatch):
    from prefect import flow
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

    from flows.server import free_port, start, stop

    home, port, url = cluster
    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL", url)
    api_port = free_port()
    server = start(tmp_path, policy, api_port, log=tmp_path / "server.log")
    try:
        @flow(name="postgres-smoke")
        def smoke(n: int) -> int:
            return n * 2

        with temporary_settings(updates={PREFECT_API_URL: f"http://127.0.0.1:{api_port}/api",
                                         PREFECT_HOME: str(tmp_path / ".prefect")}):
            assert smoke(21) == 42
    finally:
        stop(server)
    rows = _fetch(home, port, "SELECT f.name, r.state_type FROM flow_run r JOIN flow f ON f.id = r.flow_id")
    assert ("postgres-smoke", "COMPLETED") in {(r["name"], r["state_type"]) for r in rows}
    assert not (tmp_path / ".prefect" / "prefect.db").exists()  # nothing went to SQLite
