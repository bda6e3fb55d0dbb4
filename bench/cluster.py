"""veil on a local Ray (`--ray local`) against one process, on the same batches.

- deid: interview transcripts of bench/corpus.py (`--words` in all) de-identified in a new
  study: in one process (detection in this process), then with detection on 1 and on 2
  Ray actors. Prints the wall time, the speedup over one process, and the driver's share:
  the time outside detection (linking, pseudonyms, sweep, leak check, the study), which
  stays on the driver however many workers there are. The driver's time is also measured
  on half the batch, to say how it grows with files and mentions, and one file at a time
  (as `veil run` de-identifies), first and last files, to say how it grows with the key.
- transcribe: `--recordings` copies of shared/audio/sample.wav, in one process, then on 1
  and 2 Ray actors (wall time and speedup).

Times start once the models are loaded (in this process, and in every actor: the first
batch through a fresh pool also pays for starting Ray's task workers, about 15 s here).

    .venv/bin/python bench/cluster.py [--words 30000] [--recordings 4]
"""
from __future__ import annotations

import argparse
import copy
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # before bench/ (this script's folder): `cluster` is veil's package
import corpus  # noqa: E402

from cluster import connect  # noqa: E402
from deid import analyzer  # noqa: E402
from deid.detect import detect  # noqa: E402
from deid.pipeline import deidentify  # noqa: E402
from deid.study import open_study  # noqa: E402
from transcribe import audio, pipeline, whisper  # noqa: E402
from transcript import read  # noqa: E402


def deid_once(transcripts, detector) -> tuple[float, float, int]:
    """(wall seconds, seconds in detection, mentions) of one batch in a new study."""
    spent = [0.0]

    def timed(docs, allow, progress=None):
        t = time.perf_counter()
        detector(docs, allow, progress)
        spent[0] += time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp, open_study(Path(tmp) / "s", create=True) as study:
        t = time.perf_counter()
        results = deidentify(study, copy.deepcopy(transcripts), None, detector=timed)
        study.save()
        wall = time.perf_counter() - t
    return wall, spent[0], sum(len(r.mentions) for r in results)


def driver_per_file(transcripts, detector) -> list[float]:
    """As `veil run` does it: one transcript at a time into one study; the driver's seconds
    (outside detection) for each, as the key grows."""
    out = []
    with tempfile.TemporaryDirectory() as tmp, open_study(Path(tmp) / "s", create=True) as study:
        for tr in copy.deepcopy(transcripts):
            spent = [0.0]

            def timed(docs, allow, progress=None):
                t = time.perf_counter()
                detector(docs, allow, progress)
                spent[0] += time.perf_counter() - t
            t = time.perf_counter()
            deidentify(study, [tr], None, detector=timed)
            study.save()
            out.append(time.perf_counter() - t - spent[0])
    return out


def recordings(n: int, folder: Path) -> list[tuple[Path, audio.Info]]:
    src = corpus.SHARED / "audio" / "sample.wav"
    out = []
    for i in range(n):
        p = folder / f"r{i}.wav"
        shutil.copy(src, p)
        out.append((p, audio.probe(p)))
    return out


def line(what: str, wall: float, base: float, driver: float | None = None) -> None:
    share = f", driver {driver:6.1f} s = {driver / wall:4.0%} of the time" if driver is not None else ""
    print(f"  {what:<22} {wall:7.1f} s  speedup {base / wall:4.2f}x{share}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=30000)
    ap.add_argument("--recordings", type=int, default=4)
    args = ap.parse_args()
    os.environ.setdefault("VEIL_PASSPHRASE", "bench")
    os.environ.setdefault("VEIL_SEED", "1")
    tmp = Path(tempfile.mkdtemp())
    (tmp / "in").mkdir()
    corpus.interviews(tmp / "in", args.words)
    transcripts = [read(f) for f in sorted((tmp / "in").iterdir())]
    todo = recordings(args.recordings, tmp)
    opts = pipeline.Options()
    print(f"deid: {len(transcripts)} transcripts, {args.words} words; transcribe: "
          f"{len(todo)} x {todo[0][1].duration:.0f} s of audio; {os.cpu_count()} CPUs", flush=True)

    analyzer.engine()
    model = whisper.load()
    pipeline.transcribe_file(todo[0][0], model, opts)   # the speaker and VAD models loaded
    here = lambda docs, allow, progress=None: detect(docs, allow, progress, workers=1)  # noqa: E731
    deid_base = deid_once(transcripts, here)
    t = time.perf_counter()
    for p, _ in todo:
        pipeline.transcribe_file(p, model, opts)
    tr_base = time.perf_counter() - t
    rows = {"one process": (deid_base, tr_base)}
    for n in (1, 2):
        with connect("local", n, (whisper.DEFAULT_MODEL, "auto", None)) as pool:
            list(pool.analyze(["Warm up, Ada."] * n * 8, []))   # Presidio loaded in the actors
            [f.result() for f in pool.transcribe(todo, opts)]  # their speaker and VAD models, task workers
            d = deid_once(transcripts, pool.detector)
            if n == 2:
                half = deid_once(transcripts[:len(transcripts) // 2], pool.detector)
                each = driver_per_file(transcripts, pool.detector)
            t = time.perf_counter()
            [f.result() for f in pool.transcribe(todo, opts)]
            rows[f"Ray, {n} worker(s)"] = (d, time.perf_counter() - t)

    print("deid (the study on the driver, detection mapped):")
    for what, ((wall, detecting, _), _) in rows.items():
        line(what, wall, deid_base[0], wall - detecting)
    print("transcribe (recognition and speakers mapped):")
    for what, (_, wall) in rows.items():
        line(what, wall, tr_base)
    full = rows["Ray, 2 worker(s)"][0]
    for what, (wall, detecting, mentions), files in (("half batch", half, len(transcripts) // 2),
                                                       ("full batch", full, len(transcripts))):
        driver = wall - detecting
        print(f"driver, {what}: {files} files, {mentions} mentions: {driver:.1f} s, "
              f"{driver / files * 1000:.0f} ms per file, {driver / mentions * 1000:.1f} ms per mention")
    k = max(1, len(each) // 4)
    print(f"driver, one file at a time (as veil run): {sum(each[:k]) / k * 1000:.0f} ms per file for "
          f"the first {k}, {sum(each[-k:]) / k * 1000:.0f} ms for the last {k} (the key grown)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
