"""Word error rate of veil transcribe against bare faster-whisper (same model, same
settings), on jfk.flac (jfk.txt) and sample.wav (sample.stm); and with the filler prompt.

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

from transcribe import pipeline, verbatim, whisper  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "audio"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/audio")
FILLERS = {"um", "uh", "umm", "hmm", "mm", "mhm", "ah", "er", "erm"}
NUMBERS = {"11": "eleven"}


def normalise(text: str) -> str:
    """Lower case, no punctuation, no fillers (as Whisper's English normaliser does)."""
    text = verbatim.plain(text).lower().replace("-", " ")
    words = re.findall(r"[a-z0-9']+", text)
    return " ".join(w for w in words if w not in FILLERS)


def references() -> dict[str, str]:
    stm = [l.split(maxsplit=5)[5] for l in (SHARED / "sample.stm").read_text().splitlines() if l.strip()]
    return {"jfk.flac": (SHARED / "jfk.txt").read_text(), "sample.wav": " ".join(stm)}


def bare(model, path: Path, settings: whisper.Settings) -> str:
    segments, _ = model.transcribe(str(path), **settings.kwargs())
    return " ".join(s.text for s in segments)


def main() -> None:
    model = whisper.load()
    refs = references()
    print(f"{'file':12} {'bare':>7} {'veil':>7} {'diff':>7} {'bare+fillers':>13} {'veil+fillers':>13}")
    for name, ref in refs.items():
        row = []
        for prompt in (None, verbatim.FILLER_PROMPT):
            s = whisper.Settings(initial_prompt=prompt)
            b = jiwer.wer(normalise(ref), normalise(bare(model, SHARED / name, s)))
            tr = pipeline.transcribe_file(SHARED / name, model, pipeline.Options(whisper=s))
            v = jiwer.wer(normalise(ref), normalise(tr.text()))
            row += [b, v]
        print(f"{name:12} {row[0]:7.1%} {row[1]:7.1%} {100 * (row[1] - row[0]):+6.1f}pt "
              f"{row[2]:13.1%} {row[3]:13.1%}")


if __name__ == "__main__":
    main()
