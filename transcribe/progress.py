"""Progress of a batch of recordings that tells the truth.

In a terminal (on stderr): a bar per file, moved by the seconds of audio decoded, then
naming the stage that follows (speakers, de-identification) with its running time; and an
overall bar for the batch whose time left is the work still to do at the speed measured on
this batch (every stage counted), counted down between updates. When stdout is not a
terminal: one line per file as it ends, with the time it took and the time left."""
from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from enum import Enum

# until a file has finished, the stages after decoding are guessed at this share of the
# decoding time (see bench/transcribe_speed.py); the batch's own figure replaces it after
AFTER_DECODING_SHARE = 0.35
TICK = 0.5   # seconds between redraws of the bars


class Stage(str, Enum):
    DECODING = "decoding"
    SPEAKERS = "telling speakers apart"
    WRITING = "writing"
    DEIDENTIFYING = "de-identifying"


def clock(seconds: float) -> str:
    s = int(round(max(0.0, seconds)))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


@dataclass
class Rate:
    """Seconds of work per second of audio, measured on this batch."""
    decoding: float = 0.0        # seconds spent decoding
    decoded: float = 0.0         # seconds of audio decoded
    after: float = 0.0           # seconds spent after decoding, in finished files
    finished: float = 0.0        # seconds of audio in finished files

    def decode(self) -> float | None:
        return self.decoding / self.decoded if self.decoded > 0 and self.decoding > 0 else None

    def after_decoding(self) -> float | None:
        d = self.decode()
        if d is None:
            return None
        return self.after / self.finished if self.finished else AFTER_DECODING_SHARE * d


@dataclass
class File:
    name: str
    duration: float
    number: int
    began: float = field(default_factory=lambda: time.monotonic())
    last: float = field(default_factory=lambda: time.monotonic())   # when `decoded` last moved
    decoded: float = 0.0
    stage: Stage = Stage.DECODING
    stage_began: float = field(default_factory=lambda: time.monotonic())
    decode_ended: float | None = None


class Progress:
    """`begin(name, duration)`, then `decoded(seconds)` as audio is decoded and
    `stage(Stage.X)` as the file moves on, then `end(note)` or `fail(message)`."""

    def __init__(self, durations: list[float], bars: bool | None = None, lines: bool | None = None):
        self.total = sum(durations)
        self.count = len(durations)
        self.done = 0.0                       # audio seconds of files ended
        self.rate = Rate()
        self.file: File | None = None
        self.started = time.monotonic()
        self.bars = sys.stderr.isatty() if bars is None else bars
        self.lines = (not sys.stdout.isatty()) if lines is None else lines
        self._n = 0
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._overall = self._bar = None
        if self.bars:
            self._start_bars()

    # ------------------------------------------------------------ what the batch reports
    def begin(self, name: str, duration: float) -> None:
        with self._lock:
            self._n += 1
            self.file = File(name, duration, self._n)

    def decoded(self, seconds: float) -> None:
        with self._lock:
            f = self.file
            if f is None or f.stage != Stage.DECODING or seconds <= f.decoded:
                return
            seconds = min(seconds, f.duration) if f.duration else seconds
            now = time.monotonic()
            self.rate.decoding += now - f.last
            self.rate.decoded += seconds - f.decoded
            f.decoded, f.last = seconds, now

    def stage(self, stage: Stage) -> None:
        with self._lock:
            f = self.file
            if f is None:
                return
            if f.stage == Stage.DECODING:
                self.decoded(f.duration)      # what was left was silence
                f.decode_ended = time.monotonic()
            f.stage, f.stage_began = stage, time.monotonic()

    def end(self, note: str = "") -> str:
        """The file is done; returns its status line (printed without a terminal)."""
        with self._lock:
            f = self.file
            if f.stage == Stage.DECODING:
                self.stage(Stage.SPEAKERS)
            now = time.monotonic()
            self.rate.after += now - f.decode_ended
            self.rate.finished += f.duration
            self.done += f.duration
            self.file = None
            left = self.left()
            line = (f"[{f.number}/{self.count}] {f.name}: {clock(f.duration)} of audio in "
                    f"{clock(now - f.began)}" + (f"; {note}" if note else "")
                    + (f"; about {clock(left)} left" if left and self.done < self.total else ""))
        self._say(line)
        return line

    def fail(self, message: str) -> None:
        """A file that failed: its audio no longer counts; the message is printed as is."""
        with self._lock:
            if self.file:
                self.total -= self.file.duration
                self.file = None
        self._say(message, err=True)

    def close(self) -> None:
        if self.bars:
            self._draw()
        self._stop.set()
        for b in (self._bar, self._overall):
            if b is not None:
                b.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ estimate
    def left(self) -> float | None:
        """Seconds of work left: the audio not yet done at the measured speed, less what is
        already spent on the part in progress (so it counts down between updates)."""
        d, a = self.rate.decode(), self.rate.after_decoding()
        if d is None:
            return None
        f, now = self.file, time.monotonic()
        later = self.total - self.done - (f.duration if f else 0.0)
        here = 0.0
        if f is not None and f.stage == Stage.DECODING:
            here = max(0.0, (f.duration - f.decoded) * d - (now - f.last)) + f.duration * a
        elif f is not None:
            here = max(0.0, f.duration * a - (now - f.decode_ended))
        return later * (d + a) + here

    # ------------------------------------------------------------ output
    def _say(self, line: str, err: bool = False) -> None:
        if self.bars:
            from tqdm import tqdm
            tqdm.write(line, file=sys.stderr)
        elif err:
            print(line, file=sys.stderr, flush=True)
        elif self.lines:
            print(line, flush=True)

    def _start_bars(self) -> None:
        from tqdm import tqdm
        fmt = "{desc}{bar}|"
        self._overall = tqdm(total=1000, bar_format=fmt, position=0, file=sys.stderr, dynamic_ncols=True)
        self._bar = tqdm(total=1000, bar_format=fmt, position=1, leave=False, file=sys.stderr,
                         dynamic_ncols=True)
        threading.Thread(target=self._tick, daemon=True).start()

    def _tick(self) -> None:
        while not self._stop.wait(TICK):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if self._stop.is_set():
                return
            f, left = self.file, self.left()
            audio = self.done + (f.decoded if f else 0.0)
            spent = time.monotonic() - self.started
            # the overall bar is time: spent / (spent + left); audio until speed is known
            share = audio / self.total if left is None or not self.total else spent / (spent + left or 1e-9)
            if f is None and self.done >= self.total:
                eta = f"done in {clock(spent)}"
            else:
                eta = "estimating time left" if left is None else (
                    f"about {clock(left)} left" if left >= 1 else "finishing")
            self._show(self._overall, f"all {self.count} file(s) ", share,
                       f"{clock(audio)}/{clock(self.total)} of audio, {eta}")
            if f is not None:
                what = (f"{clock(f.decoded)}/{clock(f.duration)} of audio decoded" if f.stage == Stage.DECODING
                        else f"{f.stage.value}, {clock(time.monotonic() - f.stage_began)}")
                self._show(self._bar, f"{f.name[:28]} ", f.decoded / f.duration if f.duration else 0, what)

    @staticmethod
    def _show(bar, desc: str, share: float, text: str) -> None:
        bar.set_description_str(desc, refresh=False)
        bar.n = int(1000 * min(1.0, max(0.0, share)))
        bar.bar_format = "{desc}{bar}| " + text.replace("{", "{{").replace("}", "}}")
        bar.refresh()
