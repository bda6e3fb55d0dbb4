"""De-identified audio, heard again: `veil run --audio` on the bundled sample interview and
on shared/audio/sample.wav (each in a temporary study), then the original and the masked
recording transcribed with the bundled model (bare faster-whisper, same settings).

Prints, per recording and mask (the tone veil run wrote, and silence from the same study):
  masked       stretches masked and their seconds
  key heard    real strings of the study's key found in the transcription of the
               original (they were spoken) -> of the masked recording (target: 0)
  names heard  the names the reference says were spoken (whether or not veil found them),
               in the original -> in the masked recording
  WER outside  word error rate against the reference, on the words outside the masked
               stretches (0.5 s guard either side), for the original and for the masked
               recording: masking should leave the words around it as recognisable as
               before (target: masked within 5 points of the original)

References: sample.wav's sample.stm (word times spread evenly over each segment); the
sample interview's script (samples/audio/make_sample.sh), its sentences placed at the
stretches of sound in the recording.

    .venv/bin/python bench/audio_mask.py      (needs pip install -e ".[bench]" for jiwer)
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
warnings.simplefilter("ignore")

import jiwer  # noqa: E402

from wer import SHARED, normalise  # noqa: E402

SAMPLE = ROOT / "samples" / "audio" / "interview.flac"
SCRIPT = ROOT / "samples" / "audio" / "make_sample.sh"
GUARD = 0.5          # seconds either side of a mask whose words are left out of the WER
PASSPHRASE = "bench"
# the identifying names each recording speaks (its script; sample.wav's README)
SPOKEN = {"interview.flac": ["Margaret", "Okafor", "Riverside", "Millbrook", "Priya", "Ellis"],
          "sample.wav": ["Diane", "Sheila", "New Jersey", "Texas", "Chicago"]}


def veil_run(recording: Path, tmp: Path) -> tuple[Path, Path]:
    """(study, masked recording) of `veil run --audio` in a temporary study."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), VEIL_PASSPHRASE=PASSPHRASE)
    cmd = [sys.executable, "-W", "ignore", "-c", "import cli; cli.main()", "run", str(recording),
           "--study", str(tmp / "study"), "--out", str(tmp / "out"), "--audio", "--audio-mask", "tone"]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    masked = next(p for p in (tmp / "out").iterdir() if p.suffix == recording.suffix)
    return tmp / "study", masked


def key_and_spans(study: Path):
    """The key's real strings as one pattern, the spans veil masked, and the verbatim and
    de-identified transcripts."""
    import json

    from deid import decisions as D
    from deid.linker import KeyIndex
    from deid.render import allow_list
    from deid.study import open_study
    from review import audio_mask
    from transcript.layouts import from_json
    with open_study(study, secret=PASSPHRASE) as s:
        [name] = s.transcript_names()
        original = from_json(json.dumps(s.get_transcript(name, "source")))
        deidentified, _ = D.deidentified(s, name)
        matcher = KeyIndex(s).matcher(allow_list(s))   # the key's names, as the leak check finds them
        return matcher, audio_mask.spans(original, deidentified), original, deidentified


def hypothesis(model, path: Path) -> tuple[str, list[tuple[float, float, str]]]:
    from transcribe import whisper
    segments, _ = model.transcribe(str(path), **whisper.Settings().kwargs())
    words = [(w.start, w.end, w.word) for s in segments for w in (s.words or [])]
    return "".join(w for _, _, w in words), words


def spread(start: float, end: float, text: str) -> list[tuple[float, float, str]]:
    """The words of `text` with times spread evenly over start..end."""
    ws = text.split()
    step = (end - start) / max(len(ws), 1)
    return [(start + i * step, start + (i + 1) * step, w) for i, w in enumerate(ws)]


def stm_reference() -> list[tuple[float, float, str]]:
    out = []
    for line in (SHARED / "sample.stm").read_text().splitlines():
        if line.strip():
            _, _, _, a, b, text = line.split(maxsplit=5)
            out += spread(float(a), float(b), text)
    return out


def script_reference() -> list[tuple[float, float, str]]:
    """make_sample.sh's sentences, each placed at one stretch of sound of the sample
    (stretches closer than the script's pauses are joined until the counts agree)."""
    from pydub import silence

    from review.audio_mask import load
    lines = re.findall(r'^say \S+ \d+ \d+ "(.*)"$', SCRIPT.read_text(), re.M)
    seg = load(SAMPLE)
    parts = silence.detect_nonsilent(seg, min_silence_len=300, silence_thresh=seg.dBFS - 20)
    while len(parts) > len(lines):
        gaps = [parts[i + 1][0] - parts[i][1] for i in range(len(parts) - 1)]
        i = gaps.index(min(gaps))
        parts[i:i + 2] = [[parts[i][0], parts[i + 1][1]]]
    assert len(parts) == len(lines), "the sample no longer matches its script"
    return [w for (a, b), text in zip(parts, lines) for w in spread(a / 1000, b / 1000, text)]


def outside(words, spans) -> str:
    keep = [w for a, b, w in words if not any(a < s.end + GUARD and b > s.start - GUARD for s in spans)]
    return normalise(" ".join(keep))


def count(matcher, text: str) -> int:
    return len(matcher.find(text, uncased=True))


def bench(model, recording: Path, reference) -> None:
    from review import audio_mask
    names = re.compile(r"(?i)\b(?:" + "|".join(SPOKEN[recording.name]) + r")\b")
    with tempfile.TemporaryDirectory() as tmp:
        study, tone = veil_run(recording, Path(tmp))
        rx, spans, original, deidentified = key_and_spans(study)
        data, ext, _ = audio_mask.deidentified_audio(recording, original, deidentified, audio_mask.Mask.SILENCE)
        silence = Path(tmp) / f"silence.{ext}"
        silence.write_bytes(data)
        text_o, words_o = hypothesis(model, recording)
        ref = outside(reference, spans)
        wer_o = jiwer.wer(ref, outside(words_o, spans))
        seconds = sum(s.end - s.start for s in spans)
        for how, path in (("tone", tone), ("silence", silence)):
            text_m, words_m = hypothesis(model, path)
            wer_m = jiwer.wer(ref, outside(words_m, spans))
            print(f"{recording.name:15} {how:8} {len(spans):3d} ({seconds:4.1f} s) "
                  f"{count(rx, text_o):5d} -> {count(rx, text_m):<3d} {len(names.findall(text_o)):5d} -> "
                  f"{len(names.findall(text_m)):<3d} {wer_o:9.1%} {wer_m:8.1%} {100 * (wer_m - wer_o):+6.1f}pt "
                  f"{len(ref.split()):6d}")


def main() -> None:
    from transcribe import whisper
    model = whisper.load()
    print(f"{'recording':15} {'mask':8} {'masked':>12} {'key heard':>12} {'names heard':>12} "
          f"{'WER:orig':>9} {'masked':>8} {'diff':>8} {'words':>6}")
    bench(model, SAMPLE, script_reference())
    bench(model, SHARED / "sample.wav", stm_reference())


if __name__ == "__main__":
    main()
