"""A PostgreSQL cluster for Prefect's database, kept with the project's state (`.prefect/postgres`).

Prefect's default SQLite database serialises every write; under a burst of task-run state changes
the server answers 503 (measured: a 1,000-task burst). For scheduled ingestion at scale, point
Prefect at PostgreSQL: `make postgres` starts this cluster (Debian's `postgresql` package) and
`make ui-postgres` starts `curation ui` against it.

The cluster listens on 127.0.0.1 only, with a generated password (scram-sha-256) kept in
`.prefect/postgres.password` (0600). PostgreSQL refuses to run as root: under root the cluster's
folder belongs to the `postgres` system user and its programs run as that user.

    python -m flows.postgres start|stop|url [--home DIR] [--port N]
"""

from __future__ import annotations

import argparse
import glob
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

DEFAULT_PORT = 5433  # not 5432: a system-wide PostgreSQL may already listen there
USER, DATABASE = "curation", "prefect"


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL server programs are not installed."""


def bin_dir() -> Path:
    """The folder of initdb/pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin."""
    if found := shutil.which("pg_ctl"):
        return Path(found).resolve().parent  # /usr/local/bin/pg_ctl may link into the version folder
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    if not candidates:
        raise PostgresUnavailable("PostgreSQL server programs not found: install the Debian package "
                                  "postgresql (make system-packages)")
    return Path(candidates[-1]).parent


def _as_owner(cmd: list[str]) -> list[str]:
    """`cmd` run as the `postgres` user when we are root (initdb and postgres refuse root), from /
    (the caller's folder may be private to root)."""
    return ["runuser", "-u", "postgres", "--", "sh", "-c", 'cd / && exec "$@"', "sh", *cmd] \
        if os.geteuid() == 0 else cmd


def paths(home: Path) -> tuple[Path, Path, Path]:
    """(cluster folder, password file, server log) under the project's state folder `home`."""
    state = home / ".prefect"
    return state / "postgres", state / "postgres.password", state / "postgres.log"


def url(home: Path, port: int = DEFAULT_PORT) -> str:
    """The SQLAlchemy URL Prefect reads from PREFECT_API_DATABASE_CONNECTION_URL."""
    _, password_file, _ = paths(home)
    password = password_file.read_text().strip()
    return f"postgresql+asyncpg://{USER}:{password}@127.0.0.1:{port}/{DATABASE}"


def _init(data: Path, password_file: Path) -> None:
    data.parent.mkdir(parents=True, exist_ok=True)
    home = data.parent.parent
    if os.geteuid() == 0 and subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", str(home)]).returncode:
        raise PermissionError(f"{home}: the postgres user cannot reach this folder (PostgreSQL refuses to run as "
                              "root); allow o+x on it and its parents, or run as another user")
    password = secrets.token_urlsafe(24)
    old = os.umask(0o077)
    try:
        password_file.write_text(password + "\n")
        data.mkdir()
        pwfile = data.parent / ".initdb-password"
        pwfile.write_text(password + "\n")
    finally:
        os.umask(old)
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
        os.chmod(data.parent, os.stat(data.parent).st_mode | 0o711)  # the owner must reach its folder
    try:
        subprocess.run(_as_owner([str(bin_dir() / "initdb"), "-D", str(data), "-U", USER, "--pwfile", str(pwfile),
                                  "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8",
                                  "--no-instructions"]),
                       check=True, stdout=subprocess.DEVNULL)
    finally:
        pwfile.unlink(missing_ok=True)


def start(home: Path, port: int = DEFAULT_PORT) -> str:
    """Create the cluster on first use, start it (waiting until it accepts connections), create
    Prefect's database if missing; returns its URL. Starting a running cluster is a no-op."""
    data, password_file, log = paths(home)
    if not (data / "PG_VERSION").exists():
        _init(data, password_file)
    if not _running(data):
        if os.geteuid() == 0 and not log.exists():
            log.touch()
            shutil.chown(log, "postgres", "postgres")
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {data}"
        subprocess.run(_as_owner([str(bin_dir() / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log),
                                  "-w", "-t", "60", "start"]), check=True, stdout=subprocess.DEVNULL)
    _create_database(home, port)
    return url(home, port)


def _running(data: Path) -> bool:
    return subprocess.run(_as_owner([str(bin_dir() / "pg_ctl"), "-D", str(data), "status"]),
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def _create_database(home: Path, port: int) -> None:
    import asyncio

    import asyncpg

    _, password_file, _ = paths(home)

    async def create() -> None:
        con = await asyncpg.connect(user=USER, password=password_file.read_text().strip(), host="127.0.0.1",
                                    port=port, database="postgres")
        try:
            if not await con.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", DATABASE):
                await con.execute(f'CREATE DATABASE "{DATABASE}"')
        finally:
            await con.close()

    asyncio.run(create())


def stop(home: Path) -> None:
    data, _, _ = paths(home)
    if (data / "PG_VERSION").exists() and _running(data):
        subprocess.run(_as_owner([str(bin_dir() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.postgres", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["start", "stop", "url"])
    parser.add_argument("--home", type=Path, default=Path(os.environ.get("CURATION_HOME", ".")))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            start(args.home.resolve(), args.port)
            print(f"PostgreSQL for Prefect on 127.0.0.1:{args.port} (password in {paths(args.home)[1]}); "
                  "`python -m flows.postgres url` prints PREFECT_API_DATABASE_CONNECTION_URL")
        elif args.command == "stop":
            stop(args.home.resolve())
        else:
            print(url(args.home.resolve(), args.port))
    except (PostgresUnavailable, subprocess.CalledProcessError, FileNotFoundError, OSError) as exc:
        print(f"postgres: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
