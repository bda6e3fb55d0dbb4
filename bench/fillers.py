"""Fillers kept: of the "um", "uh" and "hmm" said in veil's espeak-ng recordings
(samples/audio/fillers.flac, interview.flac; their words are the lines of make_*.sh), how
many each way of keeping fillers (verbatim.Fillers) writes where they were said, how many
it writes where none was said, and how many of the other words it loses (a prompt can make
a small model skip speech). bench/wer.py checks the same modes cost no words elsewhere.

    .venv/bin/python bench/fillers.py
"""
from __future__ import annotations

import difflib
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")

from bench.refs import SAMPLES, script_reference, words_of  # noqa: E402
from transcribe import pipeline, verbatim, whisper  # noqa: E402

FILES = ("fillers", "interview")


FILLER = "<filler>"   # "Um", "Umm" and "Uh" for an "um" said all count as the filler kept


def canonical(words: list[str]) -> list[str]:
    return [FILLER if w in verbatim.FILLERS else w for w in words]


def score(ref: list[str], hyp: list[str]) -> dict:
    ref, hyp = canonical(ref), canonical(hyp)
    sm = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    kept = lost = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            kept += ref[i1:i2].count(FILLER)
        elif op in ("delete", "replace"):
            lost += sum(w != FILLER for w in ref[i1:i2])
    said, written = ref.count(FILLER), hyp.count(FILLER)
    return {"said": said, "kept": kept, "invented": written - kept, "lost": lost,
            "words": len(ref) - said}


def main() -> None:
    model = whisper.load()
    print(f"{'file':10} {'fillers mode':12} {'said':>5} {'kept':>5} {'kept %':>7} {'invented':>9} "
          f"{'other words lost':>17} {'redone':>7} {'seconds':>8} {'cpu s':>6}")
    for name in FILES:
        ref = [w for w, _, _ in script_reference(SAMPLES / f"make_{'sample' if name == 'interview' else name}.sh")]
        for mode in verbatim.Fillers:
            t, cpu = time.perf_counter(), time.process_time()
            tr = pipeline.transcribe_file(SAMPLES / f"{name}.flac", model, pipeline.Options(
                diarize=False, verbatim=verbatim.Options(fillers=mode)))
            took, cpu = time.perf_counter() - t, time.process_time() - cpu
            s = score(ref, words_of(verbatim.plain(tr.text())))
            print(f"{name:10} {mode.value:12} {s['said']:5d} {s['kept']:5d} {s['kept'] / s['said']:7.0%} "
                  f"{s['invented']:9d} {s['lost']:6d} of {s['words']:<7d} {tr.meta['pieces_redone']:7d} {took:8.1f} {cpu:6.1f}")


if __name__ == "__main__":
    main()
