"""Word error rate of veil transcribe against bare faster-whisper (same model, same
settings, no prompt), on jfk.flac (jfk.txt) and sample.wav (sample.stm), for each way of
keeping fillers (verbatim.Fillers). Fillers are left out of the score on both sides (the
references do not write them), so a mode that keeps fillers is not rewarded or punished for
them here: bench/fillers.py measures those. A mode may be the default only if it stays
within 1 point of bare faster-whisper on both files.

    .venv/bin/python bench/wer.py
"""
from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")

import jiwer  # noqa: E402

from bench.refs import SHARED  # noqa: E402
from transcribe import pipeline, verbatim, whisper  # noqa: E402

LIMIT = 1.0   # points of WER a default may cost against bare faster-whisper


def normalise(text: str) -> str:
    """Lower case, no punctuation, no fillers (as Whisper's English normaliser does)."""
    text = verbatim.plain(text).lower().replace("-", " ")
    words = re.findall(r"[a-z0-9']+", text)
    return " ".join(w for w in words if w not in verbatim.FILLERS)


def references() -> dict[str, str]:
    stm = [l.split(maxsplit=5)[5] for l in (SHARED / "sample.stm").read_text().splitlines() if l.strip()]
    return {"jfk.flac": (SHARED / "jfk.txt").read_text(), "sample.wav": " ".join(stm)}


def bare(model, path: Path, settings: whisper.Settings) -> str:
    segments, _ = model.transcribe(str(path), **settings.kwargs())
    return " ".join(s.text for s in segments)


def veil(model, path: Path, fillers: verbatim.Fillers) -> str:
    opts = pipeline.Options(verbatim=verbatim.Options(fillers=fillers))
    return pipeline.transcribe_file(path, model, opts).text()


def main() -> None:
    model = whisper.load()
    modes = list(verbatim.Fillers)
    print(f"{'file':12} {'bare':>7} " + " ".join(f"{'veil ' + m.value:>14}" for m in modes))
    worst = {m: 0.0 for m in modes}
    for name, ref in references().items():
        ref = normalise(ref)
        b = jiwer.wer(ref, normalise(bare(model, SHARED / name, whisper.Settings())))
        row = []
        for m in modes:
            v = jiwer.wer(ref, normalise(veil(model, SHARED / name, m)))
            worst[m] = max(worst[m], 100 * (v - b))
            row.append(f"{v:6.1%} ({100 * (v - b):+4.1f})")
        print(f"{name:12} {b:7.1%} " + " ".join(f"{r:>14}" for r in row))
    ok = [m.value for m in modes if worst[m] <= LIMIT]
    print(f"within {LIMIT:g} point of bare faster-whisper on both files: {', '.join(ok) or 'none'}")


if __name__ == "__main__":
    main()
