"""Recordings in any format (wav, mp3, m4a, flac, ogg, the audio track of mp4/mov/webm),
decoded with PyAV's bundled FFmpeg, a chunk at a time, so a 2-hour file stays in bounded memory."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

RATE = 16000                # what Whisper and the speaker encoders take
CHUNK_SECONDS = 600         # audio held in memory at once (10 min = 38 MB per channel)
SEEK_SECONDS = 20           # a chunk ends at the quietest moment of its last 20 s


class AudioError(Exception):
    """A file that cannot be used as a recording; the message is one line."""


@dataclass
class Chunk:
    """Audio from `start` seconds: `mono` always; `left`/`right` for a two-channel file."""
    start: float
    mono: np.ndarray
    left: np.ndarray | None = None
    right: np.ndarray | None = None

    @property
    def end(self) -> float:
        return self.start + len(self.mono) / RATE


@dataclass
class Info:
    duration: float   # seconds, from the container (0 when it does not say)
    channels: int


def probe(path: str | Path) -> Info:
    """Duration and channel count, without decoding; AudioError for anything not audio."""
    import av
    path = Path(path)
    if not path.exists():
        raise AudioError("file not found")
    if not path.is_file():  # a pipe or device would block the reader: refused at once
        raise AudioError("not a regular file (a folder, pipe or device)")
    if path.stat().st_size == 0:
        raise AudioError("empty file (zero length)")
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as c:
            if not c.streams.audio:
                raise AudioError("no audio track")
            s = c.streams.audio[0]
            dur = 0.0
            if s.duration is not None and s.time_base is not None:
                dur = float(s.duration * s.time_base)
            elif c.duration:
                dur = c.duration / 1_000_000
            return Info(duration=dur, channels=s.codec_context.channels or 1)
    except AudioError:
        raise
    except Exception:
        raise AudioError("not a readable audio or video file")


def _frames(path: Path, layout: str) -> Iterator[np.ndarray]:
    """Resampled 16 kHz float32 blocks, shape (channels, n)."""
    import av
    resampler = av.audio.resampler.AudioResampler(format="fltp", layout=layout, rate=RATE)
    with av.open(str(path), mode="r", metadata_errors="ignore") as c:
        stream = c.streams.audio[0]
        decoded = c.decode(stream)

        def valid():
            while True:
                try:
                    frame = next(decoded)
                except StopIteration:
                    return
                except av.error.InvalidDataError:
                    continue
                frame.pts = None
                yield frame
        for frame in itertools.chain(valid(), [None]):
            for out in resampler.resample(frame):
                yield out.to_ndarray().astype(np.float32, copy=False)


def _quietest(x: np.ndarray, lo: int) -> int:
    """Index in x[lo:] at the middle of its quietest 0.2 s, where a cut splits no word."""
    win = RATE // 5
    seg = x[lo:]
    if len(seg) < win * 2:
        return len(x)
    n = len(seg) // win
    energy = (seg[: n * win].reshape(n, win) ** 2).mean(axis=1)
    return lo + int(np.argmin(energy)) * win + win // 2


def pieces(x: np.ndarray, seconds: float, seek_seconds: float) -> list[tuple[int, int]]:
    """[a, b) sample ranges of x of at most `seconds`, each cut at the quietest moment of
    its last `seek_seconds`."""
    size, seek = int(seconds * RATE), int(seek_seconds * RATE)
    out, a = [], 0
    while len(x) - a > size:
        cut = _quietest(x[a:a + size], size - seek)
        out.append((a, a + cut))
        a += cut
    return out + [(a, len(x))] if len(x) > a else out


def chunks(path: str | Path, stereo: bool = False,
           chunk_seconds: float = CHUNK_SECONDS) -> Iterator[Chunk]:
    """The recording in consecutive chunks of about `chunk_seconds`, cut at quiet moments.
    With `stereo`, each chunk also has its left and right channel."""
    path = Path(path)
    size = int(chunk_seconds * RATE)
    seek = int(min(SEEK_SECONDS, chunk_seconds / 4) * RATE)
    layout = "stereo" if stereo else "mono"
    buf: list[np.ndarray] = []
    held, start = 0, 0.0

    def emit(block: np.ndarray, start: float) -> Chunk:
        if stereo:
            return Chunk(start, block.mean(axis=0), block[0], block[1])
        return Chunk(start, block[0])

    try:
        for block in _frames(path, layout):
            buf.append(block)
            held += block.shape[1]
            if held >= size + seek:
                data = np.concatenate(buf, axis=1)
                mix = data.mean(axis=0)
                cut = _quietest(mix[: size + seek], size - seek)
                yield emit(data[:, :cut], start)
                start += cut / RATE
                buf, held = [data[:, cut:]], data.shape[1] - cut
        if held:
            yield emit(np.concatenate(buf, axis=1), start)
    except AudioError:
        raise
    except Exception as e:  # PyAV raises many kinds for damaged files
        if type(e).__module__.startswith("av"):
            raise AudioError("damaged or unreadable audio") from None
        raise


def load(path: str | Path, stereo: bool = False) -> Chunk:
    """A whole (short) recording as one chunk."""
    parts = list(chunks(path, stereo=stereo, chunk_seconds=10**9))
    if not parts:
        raise AudioError("no audio in file")
    return parts[0]
