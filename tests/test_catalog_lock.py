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
