"""Time of veil transcribe against bare faster-whisper on the same file, model and settings
(model loaded once beforehand for both), without and with speakers; real-time factor.

    .venv/bin/python bench/transcribe_speed.py [AUDIO...]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")

from transcribe import audio, pipeline, speaker, verbatim, whisper  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "audio"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/audio")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(files: list[Path]) -> None:
    model = whisper.load()
    settings = whisper.Settings()  # the defaults of veil transcribe
    speaker._resemblyzer()  # load the speaker encoder once, as a batch does
    pipeline.transcribe_file(files[0], model, pipeline.Options(whisper=settings))  # warm-up, once a batch
    print(f"{'file':22} {'audio s':>8} {'bare s':>7} {'veil s':>7} {'ratio':>6} "
          f"{'+speakers s':>11} {'ratio':>6} {'RTF':>6}")
    for f in files:
        dur = audio.probe(f).duration
        bare = timed(lambda: list(model.transcribe(str(f), **settings.kwargs())[0]))
        plain = timed(lambda: pipeline.transcribe_file(f, model, pipeline.Options(
            diarize=False, whisper=settings)))
        spk = timed(lambda: pipeline.transcribe_file(f, model, pipeline.Options(whisper=settings)))
        print(f"{f.name:22} {dur:8.1f} {bare:7.2f} {plain:7.2f} {plain / bare:6.2f} "
              f"{spk:11.2f} {spk / bare:6.2f} {spk / dur:6.3f}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main([Path(a) for a in sys.argv[1:]])
    else:
        with tempfile.TemporaryDirectory() as d:
            five = Path(d) / "five_minutes.wav"   # sample recordings joined to 5 minutes
            one = Path(d) / "one.wav"
            subprocess.run(["sox", str(ROOT / "samples/audio/interview.flac"), "-r", "16000",
                            str(one)], check=True)
            parts = [SHARED / "sample.wav", one] * 4
            subprocess.run(["sox", *map(str, parts), str(five), "trim", "0", "300"], check=True)
            main([SHARED / "jfk.flac", SHARED / "sample.wav", ROOT / "samples/audio/interview.flac",
                  five])
