"""Encoding detection on generated Japanese and English texts: how often the reader's decode
(curation.sources.formats.encodings.detect) gives back the exact text, how confident it is, and how
long it takes per file.

Japanese business texts of --min-chars to --max-chars characters (Faker ja_JP, fixed seed; sizes
spread log-uniformly so short texts, where Shift_JIS is easily mistaken, are well represented) are
encoded in CP932, EUC-JP, ISO-2022-JP and UTF-16 LE/BE with a BOM; English texts with accents,
curly quotes and the euro sign in CP1252. A file counts as right when the decoded text equals the
original. "below" is the share that the policy's floor (--floor) would quarantine as
uncertain_encoding, "wrong_accepted" how many wrong texts it would let through (the figure that
matters most); "low_conf_right" lists the lowest confidences of right answers, so the floor
can be set under them.

    .venv/bin/python bench/encoding_detect.py [--n 50] [--seed 7] [--floor 0.8] [--detector charset-normalizer]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from faker import Faker  # noqa: E402

from curation.sources.formats.encodings import Detection, detect  # noqa: E402

JA_ENCODINGS = ("cp932", "euc_jp", "iso2022_jp", "utf_16_le", "utf_16_be")
BOM = {"utf_16_le": b"\xff\xfe", "utf_16_be": b"\xfe\xff"}
EN_EXTRAS = ["café", "naïve", "résumé", "“quoted”", "€5", "Müller", "déjà vu", "façade", "— as agreed"]


def japanese_text(fake: Faker, rnd: random.Random, n_chars: int) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < n_chars:
        parts.append(rnd.choice([
            fake.sentence(), f"{fake.name()}様、お世話になっております。", f"{fake.address()}に送付いたします。",
            f"{fake.company()}の{fake.last_name()}です。", "見積書を添付いたします。ご確認ください。",
            f"会議は{fake.date()}に変更になりました。", f"お電話は{fake.phone_number()}までお願いします。",
        ]))
    return "".join(parts)[:n_chars]


def english_text(fake: Faker, rnd: random.Random, n_chars: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < n_chars:
        words.append(rnd.choice(EN_EXTRAS) if rnd.random() < 0.08 else fake.word())
    return " ".join(words)[:n_chars]


def encode(text: str, encoding: str) -> bytes:
    return BOM.get(encoding, b"") + text.encode(encoding)


def plain_charset_normalizer(data: bytes) -> Detection:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return Detection(None, 0.0, "none")
    return Detection(best.encoding, round(1 - best.chaos, 2), "detected", str(best))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="texts per encoding")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-chars", type=int, default=50)
    parser.add_argument("--max-chars", type=int, default=2000)
    parser.add_argument("--floor", type=float, default=0.8, help="inputs.encoding_min_confidence")
    parser.add_argument("--detector", choices=["curation", "charset-normalizer"], default="curation",
                        help="charset-normalizer: its unrestricted best guess, confidence 1 - chaos (the baseline)")
    args = parser.parse_args()
    detector = detect if args.detector == "curation" else plain_charset_normalizer
    rnd = random.Random(args.seed)
    ja, en = Faker("ja_JP"), Faker("en_US")
    ja.seed_instance(args.seed)
    en.seed_instance(args.seed)

    def size() -> int:
        return int(math.exp(rnd.uniform(math.log(args.min_chars), math.log(args.max_chars))))

    cases: list[tuple[str, str, bytes]] = []
    for encoding in (*JA_ENCODINGS, "cp1252"):
        made = 0
        while made < args.n:
            text = english_text(en, rnd, size()) if encoding == "cp1252" else japanese_text(ja, rnd, size())
            try:
                data = encode(text, encoding)
            except UnicodeEncodeError:  # a name outside EUC-JP's or CP932's repertoire: draw again
                continue
            cases.append((encoding, text, data))
            made += 1

    total_right = total_below = total_wrong_accepted = 0
    total_time = 0.0
    for encoding in (*JA_ENCODINGS, "cp1252"):
        rows = [(text, data) for enc, text, data in cases if enc == encoding]
        right, confidences, below, wrong_accepted, wrong_as, elapsed = 0, [], 0, 0, {}, 0.0
        for text, data in rows:
            start = time.perf_counter()
            found = detector(data)
            elapsed += time.perf_counter() - start
            ok = found.text == text
            right += ok
            below += found.confidence < args.floor
            if ok:
                confidences.append(found.confidence)
            else:
                wrong_as[found.encoding] = wrong_as.get(found.encoding, 0) + 1
                wrong_accepted += found.confidence >= args.floor
        total_right, total_below, total_time = total_right + right, total_below + below, total_time + elapsed
        total_wrong_accepted += wrong_accepted
        low = sorted(confidences)[:3]
        print(f"{encoding:11s} files={len(rows)} right={right} below_floor={below} "
              f"median_conf={statistics.median(confidences) if confidences else 0:.2f} low_conf_right={low} "
              f"wrong_as={wrong_as or '-'} wrong_accepted={wrong_accepted} ms_per_file={1000 * elapsed / len(rows):.2f}")
    print(f"files={len(cases)} accuracy={total_right / len(cases):.3f} below_floor={total_below / len(cases):.3f} "
          f"wrong_accepted={total_wrong_accepted} "
          f"ms_per_file={1000 * total_time / len(cases):.2f}")


if __name__ == "__main__":
    main()
