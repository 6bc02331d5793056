import os
import time

from curation.catalog import Catalog


def test_a_second_process_waits_for_the_catalog_instead_of_failing(tmp_path):
    catalog = Catalog(tmp_path / "catalog.duckdb")
    catalog.upsert_source("src", "MIT", None, None, "en")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: hold the catalog for a while, as a long version build would
        os.close(read)
        try:
            with Catalog(tmp_path / "catalog.duckdb").session():
                os.write(write, b"x")
                time.sleep(1.5)
        finally:
            os._exit(0)
    os.close(write)
    os.read(read, 1)  # the child now holds it
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
