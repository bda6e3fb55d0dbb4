"""Peak memory of `veil transcribe` (with speakers) on a 60-minute recording made by
concatenating the sample recordings.

    .venv/bin/python bench/transcribe_memory.py [MINUTES]
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "audio"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/audio")


def long_recording(minutes: float, folder: Path) -> Path:
    """sample.wav, jfk.flac and the bundled interview, repeated to `minutes` (sox)."""
    parts = [SHARED / "sample.wav", SHARED / "jfk.flac", ROOT / "samples/audio/interview.flac"]
    same = []
    for i, p in enumerate(parts):   # sox joins files of one rate and channel count
        same.append(folder / f"part{i}.wav")
        subprocess.run(["sox", str(p), "-r", "16000", "-c", "1", str(same[-1])], check=True)
    one = folder / "one.wav"
    subprocess.run(["sox", *map(str, same), str(one)], check=True)
    length = float(subprocess.check_output(["soxi", "-D", str(one)]))
    n = int(minutes * 60 / length) + 1
    out = folder / "long.wav"
    subprocess.run(["sox", *[str(one)] * n, str(out), "trim", "0", str(minutes * 60)], check=True)
    return out


def main(minutes: float = 60) -> None:
    with tempfile.TemporaryDirectory() as d:
        wav = long_recording(minutes, Path(d))
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli", "transcribe", str(wav), "--out", d + "/out"],
                       cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
        took = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # MiB
        print(f"{minutes:.0f}-minute recording: peak memory {peak:.0f} MiB "
              f"({peak / 2048:.2f} of the 2 GB limit), {took:.0f} s, real-time factor "
              f"{took / (minutes * 60):.3f} (with speakers)")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 60)
