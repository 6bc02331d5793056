"""Text of a page image, read by Tesseract run as a separate program.

Debian packages: tesseract-ocr, and tesseract-ocr-jpn for Japanese.

`ocr_document` is what the PDF and image readers call for a page or frame that has no text layer:
it yields a RawDocument whose provenance ends in "(OCR)", or a Quarantine saying why there is no
text: `ocr_unavailable` (OCR off in the policy, Tesseract not installed, or a language's data file
missing; the message names the Debian package to install), `ocr_timeout` (past
`inputs.ocr_timeout_s`), `ocr_failed` (Tesseract exited with an error). The image travels on
stdin and the text on stdout, so nothing is written to disk.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable

from curation.sources.formats.base import Item, ReadContext

# Hiragana, katakana (and the prolonged sound mark), CJK ideographs, CJK punctuation, full-width forms.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
# A line broken inside a Japanese sentence by the page's layout: not after a sentence's end (。！？
# and closing brackets) and not a blank line (a paragraph).
_CJK_WRAP = re.compile(f"(?<=[{_CJK}])(?<![。！？」』）])[ \t]*\r?\n[ \t]*(?=[{_CJK}])")
_LANGUAGE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")


def join_cjk(text: str) -> str:
    """Tesseract's Japanese output with the spaces it puts between two CJK characters removed
    ("請求 書 の" -> "請求書の"); spaces next to Latin letters and digits stay."""
    return _CJK_GAP.sub("", text)


def join_cjk_lines(text: str) -> str:
    """Lines a page's layout broke inside a Japanese sentence (a PDF's text layer, Tesseract's lines)
    joined again, so that a name or address split over two lines is one run of text for NER
    ("責任者は藤井\n千代で" -> "責任者は藤井千代で"); breaks after a sentence's end and blank lines stay."""
    return _CJK_WRAP.sub("", text)


def tesseract() -> str | None:
    """The Tesseract program on PATH, or None."""
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=8)
def installed_languages(program: str) -> frozenset[str]:
    """The languages `program --list-langs` reports (asked once per program path)."""
    try:
        done = subprocess.run([program, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if _LANGUAGE.fullmatch(line.strip()))


def debian_package(language: str) -> str:
    return "tesseract-ocr-" + language.lower().replace("_", "-")


def unavailable(ctx: ReadContext) -> str | None:
    """Why OCR cannot run under `ctx`'s options, as the second half of a sentence, or None."""
    if not ctx.options.ocr:
        return "OCR is off in the policy (inputs.ocr); turn it on to read scanned pages and images"
    languages = ctx.options.ocr_languages
    bad = [lang for lang in languages if not _LANGUAGE.fullmatch(lang)]
    if bad or not languages:
        return (f"the policy's inputs.ocr_languages holds {len(bad) or 'no'} invalid Tesseract language "
                "code(s); use codes like eng, jpn")
    program = tesseract()
    if program is None:
        return ("Tesseract is not installed; install the Debian packages "
                + ", ".join(["tesseract-ocr"] + [debian_package(lang) for lang in languages]))
    missing = [lang for lang in languages if lang not in installed_languages(program)]
    if missing:
        return ("Tesseract lacks language data for the policy's inputs.ocr_languages; install the Debian "
                "package(s) " + ", ".join(debian_package(lang) for lang in missing))
    return None


def ppm(image) -> bytes:
    """`image` (Pillow) as uncompressed 8-bit grey PGM, the form handed to Tesseract: nothing is
    spent on encoding, and the size is the pixel count."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "PPM")
    return buffer.getvalue()


def ocr_document(render: Callable[[], tuple[bytes, int | None]], record: int, ctx: ReadContext, where: str,
                 known_pii: tuple[tuple[str, str], ...] = ()) -> Item:
    """The document Tesseract reads in the image `render()` gives (PGM bytes and its dpi when known),
    recorded as `record` at "`where` (OCR)", or a Quarantine (see the module's docstring). `render`
    is called only when OCR can run, so a page is not rendered for nothing."""
    place = f"{where} (OCR)"
    if reason := unavailable(ctx):
        return ctx.quarantine(record, "ocr_unavailable", f"no text layer and {reason}", place)
    image, dpi = render()
    command = [tesseract(), "-", "-", "-l", "+".join(ctx.options.ocr_languages)]
    if dpi:
        command += ["--dpi", str(dpi)]
    # One thread: the reader runs beside other work, and the timeout is per page.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, input=image, capture_output=True, env=env, check=False,
                              timeout=ctx.options.ocr_timeout_s)
    except subprocess.TimeoutExpired:
        return ctx.quarantine(record, "ocr_timeout",
                              f"Tesseract took longer than the policy's {ctx.options.ocr_timeout_s} s "
                              "(inputs.ocr_timeout_s); raise it or split the file", place)
    except OSError as exc:
        return ctx.quarantine(record, "ocr_unavailable", f"Tesseract could not be started ({type(exc).__name__}); "
                              "check the tesseract-ocr installation", place)
    if done.returncode != 0:
        return ctx.quarantine(record, "ocr_failed", f"Tesseract exited with status {done.returncode}; "
                              "check the image or the tesseract-ocr installation", place)
    ctx.budget.charge(len(done.stdout))
    text = join_cjk_lines(join_cjk(done.stdout.decode("utf-8", "replace")))
    if not text.strip():
        return ctx.quarantine(record, "no_text_found", "OCR found no text (a blank or unreadable page)", place)
    return ctx.document(record, text, where=place, known_pii=known_pii)
