"""De-identified audio: the recording with every replaced mention covered by silence or a
tone, found from the word timings of the verbatim and the de-identified transcript.

Decoded and encoded with pydub and the ffmpeg binary that imageio-ffmpeg ships, so no
system package is needed. The output carries none of the source's metadata tags (pydub
re-encodes from its own wave data, and ffmpeg is told to write no metadata of its own).
Voices are not disguised: only the replaced words are masked.
"""
from __future__ import annotations

import difflib
import enum
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from transcript.model import Transcript, Turn

MARGIN = 0.2          # seconds masked before and after a word: Whisper's word times drift
# a tone soft and low enough that speech recognition around it is as good as before
# (bench/audio_mask.py: a -20 dBFS 1 kHz beep made tiny.en drop the words after it)
TONE_HZ = 440
TONE_DBFS = -30.0
FADE = 0.005          # seconds of fade at the edges of a tone, so that it does not click
# output container and encoder by the recording's extension; others become WAV
CODECS = {"wav": ("wav", None), "flac": ("flac", "flac"), "mp3": ("mp3", "libmp3lame"),
          "m4a": ("ipod", "aac"), "ogg": ("ogg", "libvorbis")}
LOSSY_BITRATE = "128k"
# ffmpeg writes no tags (not even its own encoder name) and copies none
NO_METADATA = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact"]


class Mask(enum.Enum):
    TONE = "tone"
    SILENCE = "silence"


class MaskError(Exception):
    """Audio that cannot be de-identified; the message is one line and names no identifier."""


@dataclass(frozen=True)
class Span:
    """Seconds of the recording to cover."""
    start: float
    end: float


def extension(source: Path) -> str:
    """The extension of the de-identified recording (its encoder must exist)."""
    ext = source.suffix.lower().lstrip(".")
    return ext if ext in CODECS else "wav"


# ---------------------------------------------------------------- where to mask
_TOKEN = re.compile(r"\S+")


def _word_spans(turn: Turn) -> list[tuple[int, int] | None]:
    """Where each word of a turn lies in its text (None when it cannot be found)."""
    spans, pos = [], 0
    for w in turn.words:
        core = w.text.strip()
        at = turn.text.find(core, pos) if core else -1
        spans.append((at, at + len(core)) if at >= 0 else None)
        pos = at + len(core) if at >= 0 else pos
    return spans


def _changed(old: str, new: str) -> list[tuple[int, int]]:
    """Character spans of `old` whose words differ in `new` (a word-level diff: words a
    pseudonym shares with the real name, "General Hospital", stay audible)."""
    a = [(m.start(), m.end()) for m in _TOKEN.finditer(old)]
    b = [m.group() for m in _TOKEN.finditer(new)]
    ops = difflib.SequenceMatcher(None, [old[s:e] for s, e in a], b, autojunk=False).get_opcodes()
    out = []
    for tag, i1, i2, _, _ in ops:
        if tag == "equal":
            continue
        if i2 > i1:
            out.append((a[i1][0], a[i2 - 1][1]))
        else:  # an insertion: between the words around it
            at = a[i1][0] if i1 < len(a) else len(old)
            out.append((at, at))
    return out


def _seconds(turn: Turn, spans, a: int, b: int) -> tuple[float, float]:
    """Seconds of the turn's audio holding characters a..b of its text: the words there,
    or, where no word is there, the gap between the words around it."""
    hit = [(w.start, w.end) for w, sp in zip(turn.words, spans) if sp and sp[0] < b and sp[1] > a]
    if hit:
        return min(s for s, _ in hit), max(e for _, e in hit)
    before = [w.end for w, sp in zip(turn.words, spans) if sp and sp[1] <= a]
    after = [w.start for w, sp in zip(turn.words, spans) if sp and sp[0] >= b]
    start = before[-1] if before else turn.start
    end = after[0] if after else turn.end
    if start is None or end is None:
        raise MaskError("a replaced mention has no time in the recording")
    return start, max(start, end)


def spans(original: Transcript, deidentified: Transcript, margin: float = MARGIN) -> list[Span]:
    """Every stretch of the recording whose words were replaced, widened by `margin`,
    merged where they touch. MaskError when a replaced mention cannot be placed in time."""
    if len(original.turns) != len(deidentified.turns):
        raise MaskError("the de-identified transcript no longer matches the recording")
    found = []
    for old, new in zip(original.turns, deidentified.turns):
        if old.text == new.text:
            continue
        words = _word_spans(old)
        for a, b in _changed(old.text, new.text):
            s, e = _seconds(old, words, a, b)
            found.append((max(0.0, s - margin), e + margin))
    merged: list[list[float]] = []
    for s, e in sorted(found):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [Span(s, e) for s, e in merged]


# ---------------------------------------------------------------- audio
def _ffmpeg() -> str:
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


def load(path: Path):
    """The recording as a pydub AudioSegment (16-bit, its own rate and channels)."""
    from pydub import AudioSegment
    from pydub.audio_segment import fix_wav_headers
    cmd = [_ffmpeg(), "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0", "-vn",
           "-map_metadata", "-1", "-acodec", "pcm_s16le", "-f", "wav", "-"]
    try:
        out = subprocess.run(cmd, capture_output=True, check=False)
    except OSError:
        raise MaskError("the bundled ffmpeg cannot be run")
    if out.returncode != 0 or len(out.stdout) <= 44:
        raise MaskError("not a readable audio or video file")
    data = bytearray(out.stdout)
    fix_wav_headers(data)
    return AudioSegment(bytes(data))


def _cover(n: int, rate: int, channels: int, how: Mask) -> bytes:
    """n frames of 16-bit silence or tone."""
    if how is Mask.SILENCE or n == 0:
        return bytes(n * channels * 2)
    t = np.arange(n) / rate
    amp = 32767 * 10 ** (TONE_DBFS / 20)
    wave = amp * np.sin(2 * np.pi * TONE_HZ * t)
    ramp = min(int(FADE * rate), n // 2)
    if ramp:
        env = np.linspace(0.0, 1.0, ramp)
        wave[:ramp] *= env
        wave[n - ramp:] *= env[::-1]
    return np.repeat(wave.astype("<i2")[:, None], channels, axis=1).tobytes()


def mask(seg, spans_: list[Span], how: Mask = Mask.TONE):
    """A copy of `seg` with every span covered; its length is unchanged to the frame."""
    rate, width = seg.frame_rate, seg.frame_width
    raw, pieces, pos = seg.raw_data, [], 0
    total = len(raw) // width
    for sp in spans_:
        a = min(max(int(sp.start * rate), pos), total)
        b = min(max(int(round(sp.end * rate)), a), total)
        pieces += [raw[pos * width:a * width], _cover(b - a, rate, seg.channels, how)]
        pos = b
    pieces.append(raw[pos * width:])
    return seg._spawn(b"".join(pieces))


def encode(seg, ext: str) -> bytes:
    """The audio in the container for `ext`, with no metadata tags."""
    import tempfile
    from pydub import AudioSegment
    AudioSegment.converter = _ffmpeg()
    fmt, codec = CODECS.get(ext, CODECS["wav"])
    fd, tmp = tempfile.mkstemp(suffix="." + ext)
    os.close(fd)
    try:
        if fmt == "wav":  # pydub writes the wave itself: header and samples, nothing else
            seg.export(tmp, format="wav")
        else:
            seg.export(tmp, format=fmt, codec=codec, parameters=NO_METADATA,
                       bitrate=LOSSY_BITRATE if fmt in ("mp3", "ipod") else None)
        return Path(tmp).read_bytes()
    except Exception as e:  # pydub raises its own errors with ffmpeg's whole output
        raise MaskError(f"cannot encode the {ext} audio ({type(e).__name__})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def deidentified_audio(source: Path, original: Transcript, deidentified: Transcript,
                       how: Mask = Mask.TONE) -> tuple[bytes, str, list[Span]]:
    """(audio bytes, extension, masked spans) of the recording behind a transcript."""
    covered = spans(original, deidentified)
    ext = extension(source)
    return encode(mask(load(source), covered, how), ext), ext, covered
