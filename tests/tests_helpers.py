"""Small synthetic inputs and leak searches shared by tests."""

import json
import signal
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

_BASE = [
    "Customer Alice Whitfield reported that the export to CSV fails with a timeout after ten minutes.",
    "The billing page shows the wrong currency for customers in Canada since the last release.",
    "Please reset the two-factor settings for the account of Robert Kim, he lost his phone.",
    "Invoices generated on Sunday are missing the tax line; finance needs them corrected this week.",
    "The mobile app crashes when the user opens the settings screen on older Android versions.",
    "Search results are slow for large workspaces; the team asks whether an index can be added.",
    "The onboarding e-mail links to an old help page; marketing will update the template.",
    "Exports scheduled for midnight run twice when the server changes to daylight saving time.",
    "A customer asks whether archived projects count toward the storage quota of the plan.",
    "The audit page should show who changed the retention setting and when it was changed.",
]
# Thirty distinct tickets: enough text for a training split and an eval block.
TICKETS_EN = [f"Ticket {100 + i}: {text}" for i, text in enumerate(_BASE * 3)]


def all_text_under(folder: Path) -> str:
    """Bytes of every file under `folder` (or of the file itself, decoded leniently), plus the
    contents of Parquet and DuckDB files, whose compression would hide a plain byte search."""
    chunks = []
    for path in ([folder] if folder.is_file() else folder.rglob("*")):
        if not path.is_file():
            continue
        chunks.append(path.read_bytes().decode("utf-8", errors="ignore"))
        if path.suffix == ".parquet":
            chunks.append(json.dumps(pq.read_table(path).to_pylist(), ensure_ascii=False))
        if path.suffix == ".duckdb":
            with duckdb.connect(str(path), read_only=True) as con:
                for (table,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall():
                    chunks.append(json.dumps(con.execute(f"SELECT * FROM {table}").fetchall(),
                                             default=str, ensure_ascii=False))
    return "\n".join(chunks)


@contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) if the block runs longer than `seconds`."""
    def boom(*_):
        raise TimeoutError(f"still running after {seconds} s: something blocked")
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


RECOGNIZER_THRESHOLD = 0.4  # policies/default.yaml pii.score_threshold


def found(recognizer, entity: str, text: str) -> list[str]:
    """The values one pattern recognizer reports for `entity` in `text` at or above the default
    policy's threshold (what the stage would keep of that recognizer alone)."""
    return [text[r.start:r.end] for r in recognizer.analyze(text, [entity]) if r.score >= RECOGNIZER_THRESHOLD]
