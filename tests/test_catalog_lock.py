import os
import time

from curation.catalog import Catalog


def held_by_a_child(path, seconds: float) -> int:
    """Fork a child that holds the catalog at `path` for `seconds` (as a long version build
    would); returns its pid once it holds it."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            with Catalog(path).session():
                os.write(write, b"x")
                time.sleep(seconds)
        finally:
            os._exit(0)
    os.close(write)
    os.read(read, 1)
    return pid


def test_a_second_process_waits_for_the_catalog_instead_of_failing(tmp_path):
    catalog = Catalog(tmp_path / "catalog.duckdb")
    catalog.upsert_source("src", "MIT", None, None, "en")
    pid = held_by_a_child(catalog.path, 1.5)
    started = time.monotonic()
    assert [s["name"] for s in catalog.sources()] == ["src"]  # would raise "Could not set lock" unguarded
    waited = time.monotonic() - started
    os.waitpid(pid, 0)
    assert waited > 0.5


WAIT_FOR_SOURCES = """
import sys, time
from curation.catalog import Catalog
catalog = Catalog(sys.argv[1])  # waits for the connection lock
catalog.upsert_source("from-" + sys.argv[2], "MIT", None, None, "en")
print(time.monotonic(), sorted(s["name"] for s in catalog.sources()), flush=True)
"""


def waiting_process(path, name: str):
    """Another process that waits for the catalog at `path`, then adds a source and prints when
    (time.monotonic) and the sources it saw."""
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-c", WAIT_FOR_SOURCES, str(path), name],
                            stdout=subprocess.PIPE, text=True)


def wait_until_waiting(lock_path, timeout: float = 20.0) -> None:
    from curation.locking import someone_waits

    deadline = time.monotonic() + timeout
    while not someone_waits(lock_path):
        assert time.monotonic() < deadline, "the other process never waited for the catalog"
        time.sleep(0.05)


def test_someone_waits_is_true_exactly_while_another_process_waits(tmp_path):
    from curation.locking import someone_waits

    catalog = Catalog(tmp_path / "catalog.duckdb")
    assert not someone_waits(catalog.lock_path)
    with catalog.session():
        other = waiting_process(catalog.path, "other")
        wait_until_waiting(catalog.lock_path)
        assert someone_waits(catalog.lock_path)
    assert other.wait(timeout=20) == 0  # served once the session ended
    assert not someone_waits(catalog.lock_path)


def test_a_session_serves_a_waiting_process_while_it_waits_on_other_work_then_goes_on(tmp_path):
    """An ingest run holds its session for the whole run and waits for its per-document work
    inside `serving_others`: a process that wants the catalog meanwhile is served then, and the
    run's session goes on after it, with the other process's write visible and its own durable."""
    catalog = Catalog(tmp_path / "catalog.duckdb")
    with catalog.session():
        catalog.upsert_source("before", "MIT", None, None, "en")
        other = waiting_process(catalog.path, "other")
        wait_until_waiting(catalog.lock_path)
        with catalog.serving_others():  # the per-document work would run here
            served, _ = other.communicate(timeout=20)
            block_ended = time.monotonic()
        assert float(served.split()[0]) < block_ended  # served inside the block, not after the session
        assert "'before'" in served  # the session's commit was visible to the other process
        catalog.upsert_source("after", "MIT", None, None, "en")
        assert [s["name"] for s in catalog.sources()] == ["after", "before", "from-other"]
    assert [s["name"] for s in Catalog(catalog.path).sources()] == ["after", "before", "from-other"]


def test_serving_others_keeps_the_session_when_nobody_waits(tmp_path):
    catalog = Catalog(tmp_path / "catalog.duckdb")
    with catalog.session():
        pinned = catalog._pinned
        with catalog.serving_others():
            time.sleep(0.3)  # several of the watcher's looks
        assert catalog._pinned is pinned  # no reopen (and no checkpoint) without a waiter
        catalog.upsert_source("src", "MIT", None, None, "en")
    assert catalog._pinned is None


def test_a_waiter_is_served_at_a_block_too_short_to_watch_all_its_operations_done(tmp_path):
    """When the holder barely waits (its workers are ahead), a process that waits is still served
    at the block, and the holder takes the catalog back only after that process's operations
    (three here, each taking the lock anew)."""
    catalog = Catalog(tmp_path / "catalog.duckdb")
    with catalog.session():
        other = waiting_process(catalog.path, "other")
        wait_until_waiting(catalog.lock_path)
        with catalog.serving_others():
            pass
        taken_back = time.monotonic()
        served, _ = other.communicate(timeout=20)
        assert float(served.split()[0]) < taken_back and "'from-other'" in served
        assert [s["name"] for s in catalog.sources()] == ["from-other"]


LOOP_OPERATIONS = """
import sys, time
from curation.catalog import Catalog
catalog = Catalog(sys.argv[1])
print("started", flush=True)
end = time.monotonic() + 15
while time.monotonic() < end:  # one operation after the other, each taking the lock anew
    with catalog.connect() as con:
        con.execute("SELECT count(*) FROM sources").fetchall()
        time.sleep(0.05)  # a report's query
"""


def test_a_session_takes_the_catalog_back_from_a_client_that_never_pauses(tmp_path):
    """After serving others, the session queues for the catalog: a client whose operations follow
    each other back to back (each taking the lock anew) lets it in at its next operation instead
    of winning the lock every time for as long as it runs."""
    import subprocess
    import sys

    catalog = Catalog(tmp_path / "catalog.duckdb")
    with catalog.session():
        client = subprocess.Popen([sys.executable, "-c", LOOP_OPERATIONS, str(catalog.path)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            wait_until_waiting(catalog.lock_path)
            with catalog.serving_others():
                time.sleep(0.3)
            assert client.poll() is None  # taken back while the client still runs (15 s)
            assert client.stdout.readline().strip() == "started"  # it was served in between
            catalog.upsert_source("after", "MIT", None, None, "en")
        finally:
            client.kill()
            client.wait()
    assert [s["name"] for s in catalog.sources()] == ["after"]


def test_inside_serving_others_the_catalog_refuses_use_and_another_handle_waits_its_turn(tmp_path):
    """The block of serving_others must leave the session's catalog alone (its connection may be
    given away at any moment): using it raises. A second handle on the same file in the same
    thread is not nested in the session's lock: it waits for the lock, is served, and the session
    goes on after the block."""
    import pytest

    catalog = Catalog(tmp_path / "catalog.duckdb")
    with catalog.session():
        with catalog.serving_others():
            with pytest.raises(RuntimeError, match="inside serving_others"):
                catalog.sources()
            with pytest.raises(RuntimeError, match="inside serving_others"):
                with catalog.session():
                    pass
            other = Catalog(catalog.path)  # takes the connection lock: the watcher lets it in
            other.upsert_source("other", "MIT", None, None, "en")
        catalog.upsert_source("after", "MIT", None, None, "en")
        assert [s["name"] for s in catalog.sources()] == ["after", "other"]
    assert catalog._pinned is None


def test_a_failure_to_watch_for_waiters_ends_the_block_with_a_one_line_error_naming_the_catalog(tmp_path):
    """The watcher thread's errors are not lost: the block ends with a CatalogSessionError that
    names the catalog file and the reason."""
    import pytest

    from curation.catalog.connection import CatalogSessionError

    catalog = Catalog(tmp_path / "catalog.duckdb")
    waiting = catalog.lock_path.with_name(catalog.lock_path.name + ".waiting")
    waiting.unlink(missing_ok=True)
    waiting.mkdir()  # someone_waits cannot open it (IsADirectoryError)
    with catalog.session():
        with pytest.raises(CatalogSessionError) as raised:
            with catalog.serving_others():
                time.sleep(0.3)
    message = str(raised.value)
    assert str(catalog.path) in message and "IsADirectoryError" in message and "\n" not in message


def test_a_session_that_waited_long_for_the_catalog_says_so_in_the_log(tmp_path, monkeypatch, caplog):
    from curation.catalog import connection

    monkeypatch.setattr(connection, "HOLD_SLOW_S", 0.2)
    catalog = Catalog(tmp_path / "catalog.duckdb")
    pid = held_by_a_child(catalog.path, 1.0)
    with caplog.at_level("WARNING", logger="curation.catalog.connection"):
        with catalog.session():
            pass
    os.waitpid(pid, 0)
    assert [r.getMessage() for r in caplog.records if "waited" in r.getMessage()] != []
