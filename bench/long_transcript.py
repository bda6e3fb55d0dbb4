"""One very long transcript through `veil deid` (issue: a 20 MB transcript ended in spaCy's
length error; a 1.1 MB one took over 300 s at 3.9 GB).

The transcript is the `interviews` corpus of bench/corpus.py (names re-drawn per interview)
joined into one file of about SIZE megabytes. veil runs in a fresh process (deid_speed.py's
runner: peak memory is the largest sum of proportional set sizes over veil and its
detection workers). Prints, per size: seconds, seconds per MB, peak memory; then whether
time grows linearly (seconds per MB of the largest within 1.5x of the smallest's) and the
peak against its target (under 1.5 GB).

    .venv/bin/python bench/long_transcript.py [--sizes 1 20]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from deid_speed import VEIL, run  # noqa: E402

WORDS_PER_MB = 180_000   # about what the corpus holds per megabyte


def long_transcript(path: Path, megabytes: float, tmp: Path) -> int:
    """One transcript of interviews one after another; returns its size in bytes."""
    parts = tmp / "parts"
    parts.mkdir()
    corpus.interviews(parts, int(megabytes * WORDS_PER_MB * 1.1))
    target, size = int(megabytes * 1_000_000), 0
    with path.open("w") as out:
        for f in sorted(parts.iterdir()):
            text = f.read_text().strip() + "\n\n"
            out.write(text)
            size += len(text.encode())
            if size >= target:
                break
    shutil.rmtree(parts)
    return size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 20], help="megabytes")
    a = ap.parse_args()
    rows = []
    for mb in a.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="veil-long-"))
        try:
            (tmp / "in").mkdir()
            size = long_transcript(tmp / "in" / "long.txt", mb, tmp)
            r = run(VEIL, str(tmp / "in"), str(tmp / "out"), str(tmp / "study"))
            if not any((tmp / "out").glob("*.txt")):
                sys.exit(f"{mb} MB: no output written ({r})")
            rows.append((size / 1e6, r["seconds"], r["peak_mb"]))
            print(f"{size / 1e6:5.1f} MB: {r['seconds']:7.1f} s, {r['seconds'] / (size / 1e6):5.1f} s per MB, "
                  f"peak {r['peak_mb'] / 1024:.2f} GB; key {r['entities']} entities", flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    per_mb = [s / mb for mb, s, _ in rows]
    print(f"seconds per MB, largest/smallest: {per_mb[-1] / per_mb[0]:.2f} (linear: <= 1.5)")
    print(f"peak memory: {max(p for *_, p in rows) / 1024:.2f} GB (target < 1.5 GB)")


if __name__ == "__main__":
    main()
