"""One recording to one verbatim, speaker-labelled, timestamped Transcript, a chunk at a time."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from transcribe import audio, speaker, verbatim, whisper
from transcript import Transcript, Turn, Word

MAX_TURN_SECONDS = 60.0   # a longer monologue is split at a sentence break, for media sync


class NoSpeech(audio.AudioError):
    pass


@dataclass
class Options:
    speakers: int | None = None           # known number of speakers; estimated when None
    speaker_names: list[str] = field(default_factory=list)
    diarize: bool = True
    method: str = "resemblyzer"           # or "mfcc"
    stereo: str = "auto"                  # auto | channels | mix
    whisper: whisper.Settings = field(default_factory=whisper.Settings)
    verbatim: verbatim.Options = field(default_factory=verbatim.Options)
    chunk_seconds: float = audio.CHUNK_SECONDS


def _speaker_label(index: int, names: list[str]) -> str:
    return names[index] if index < len(names) else f"S{index + 1}"


def _sentence_end(w: Word) -> bool:
    return w.text.rstrip().endswith((".", "?", "!"))


def build_turns(words: list[Word], speakers: list[int], names: list[str],
                opts: verbatim.Options) -> list[Turn]:
    """Consecutive words of one speaker make a turn (a speaker change inside a Whisper
    segment splits it); speakers numbered by first appearance."""
    order = speaker.first_appearance(speakers)
    groups: list[tuple[int, list[Word]]] = []
    for w, s in zip(words, speakers):
        s = order[s]
        if groups and groups[-1][0] == s and not (
                w.start - groups[-1][1][0].start > MAX_TURN_SECONDS and _sentence_end(groups[-1][1][-1])):
            groups[-1][1].append(w)
        else:
            groups.append((s, [w]))
    turns, prev_end = [], None
    for s, ws in groups:
        text, kept = verbatim.render(ws, opts, prev_end)
        prev_end = ws[-1].end
        turns.append(Turn(text=text, speaker=_speaker_label(s, names), start=round(ws[0].start, 3),
                          end=round(ws[-1].end, 3), words=kept))
    return turns


def transcribe_file(path: str | Path, model, opts: Options,
                    progress: Callable[[float], None] | None = None) -> Transcript:
    """The transcript of one recording. `progress(seconds)` reports audio done so far.
    Raises audio.AudioError (one-line message) for a file that cannot be transcribed."""
    path = Path(path)
    info = audio.probe(path)
    stereo = opts.stereo != "mix" and info.channels == 2
    by_channel: bool | None = True if opts.stereo == "channels" else None
    words: list[Word] = []
    labels: list[int] = []       # per word, for stereo attribution
    windows = speaker.Windows.empty()
    loops_cut, peak = 0, 0.0
    for chunk in audio.chunks(path, stereo=stereo, chunk_seconds=opts.chunk_seconds):
        peak = max(peak, float(np.abs(chunk.mono).max(initial=0.0)))
        if peak < 1e-4 and chunk.end < 1:
            continue
        if by_channel is None and stereo:
            by_channel = speaker.is_two_voice_stereo(chunk.left, chunk.right)
        report = (lambda s, c=chunk: progress(c.start + s)) if progress else None
        cw: list[Word] = []
        for seg in whisper.recognise(model, chunk.mono, chunk.start, opts.whisper, report):
            seg_words, n = verbatim.cut_loops(seg.words)
            loops_cut += n
            cw.extend(w for w in seg_words if w.text.strip())
        cw, n = verbatim.cut_loops(cw)   # loops that run across segments
        loops_cut += n
        if opts.diarize and cw:
            if stereo and by_channel:
                labels.extend(speaker.channel_energy(chunk.left, chunk.right, chunk.start, cw))
            else:
                windows = windows + speaker.embed(opts.method, chunk.mono, chunk.start, cw)
        words.extend(cw)
        if progress:
            progress(chunk.end)
    if peak < 1e-4:
        raise NoSpeech("silent recording")
    if not words:
        raise NoSpeech("no speech found")
    if not opts.diarize:
        speakers = [0] * len(words)
        how = "none"
    elif stereo and by_channel:
        speakers, how = labels, "channel"
    else:
        cl = speaker.smooth(speaker.cluster(windows.vectors, opts.speakers))
        speakers, how = speaker.label_words(words, windows, cl), opts.method
    turns = build_turns(words, speakers, opts.speaker_names, opts.verbatim)
    meta = {"duration": round(info.duration, 3), "diarization": how,
            "speakers": len({t.speaker for t in turns}),
            "unsure_below": opts.verbatim.unsure_below,
            "repetition_words_cut": loops_cut}
    return Transcript(turns=turns, layout="bracketed", name=path.stem, media=str(path), meta=meta)
