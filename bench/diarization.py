"""Diarization error rate on shared/audio/sample.wav against sample.rttm (collar 0.25 s,
overlap excluded), for both speaker embeddings, with the speaker count given and estimated.

    .venv/bin/python bench/diarization.py [AUDIO RTTM]
"""
from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")

from pyannote.core import Annotation, Segment  # noqa: E402
from pyannote.metrics.diarization import DiarizationErrorRate  # noqa: E402

from transcribe import pipeline, speaker, whisper  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "audio"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/audio")


def read_rttm(path: Path) -> Annotation:
    ref = Annotation()
    for line in path.read_text().splitlines():
        f = line.split()
        if f and f[0] == "SPEAKER":
            start, dur = float(f[3]), float(f[4])
            ref[Segment(start, start + dur)] = f[7]
    return ref


def hypothesis(tr, join_gap: float = 1.0) -> Annotation:
    """Speaker turns from word times: a speaker's consecutive words joined over short gaps."""
    hyp = Annotation()
    for t in tr.turns:
        spans = speaker.speech_spans(t.words, gap=join_gap)
        for a, b in spans:
            hyp[Segment(a, b)] = t.speaker
    return hyp


def der(ref: Annotation, hyp: Annotation) -> float:
    metric = DiarizationErrorRate(collar=0.25, skip_overlap=True)
    return metric(ref, hyp)


def main(argv: list[str]) -> None:
    wav = Path(argv[0]) if argv else SHARED / "sample.wav"
    rttm = Path(argv[1]) if len(argv) > 1 else SHARED / "sample.rttm"
    ref = read_rttm(rttm)
    model = whisper.load()
    print(f"file: {wav.name}   reference speakers: {len(ref.labels())}")
    print(f"{'embedding':12} {'speakers':10} {'DER':>7} {'found':>6} {'seconds':>8}")
    for method in speaker.METHODS:
        for n in (2, None):
            t = time.perf_counter()
            tr = pipeline.transcribe_file(wav, model, pipeline.Options(method=method, speakers=n))
            took = time.perf_counter() - t
            d = der(ref, hypothesis(tr))
            print(f"{method:12} {str(n or 'estimated'):10} {d:7.1%} {tr.meta['speakers']:6d} {took:8.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
