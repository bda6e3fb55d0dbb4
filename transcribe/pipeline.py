"""One recording to one verbatim, speaker-labelled, timestamped Transcript, a chunk at a time."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
import numpy as np

from transcribe import audio, speaker, verbatim, whisper
from transcribe.progress import Progress, Stage
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
    attribution: speaker.Attribution = speaker.Attribution.SENTENCES
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


def _sentence_starts(words: list[Word]) -> list[float]:
    """For each word, when its sentence started."""
    out, start = [], None
    for i, w in enumerate(words):
        if start is None:
            start = w.start
        out.append(start)
        if _sentence_end(w):
            start = None
    return out


@dataclass
class Tally:
    """What recognition had to repair, for the transcript's meta."""
    loops_cut: int = 0        # words of repetition loops cut
    pieces_redone: int = 0    # pieces recognised again without the filler prompt


def _segments(model, signal, start: float, opts: Options, report, tally: Tally):
    fillers, settings = opts.verbatim.fillers, opts.whisper
    if fillers == verbatim.Fillers.GUARDED:
        segs, redone = whisper.recognise_guarded(model, signal, start, settings, verbatim.FILLER_PROMPT, report)
        tally.pieces_redone += redone
        return segs
    if fillers == verbatim.Fillers.PROMPT:
        prompt = " ".join(p for p in (verbatim.FILLER_PROMPT, settings.initial_prompt) if p)
        settings = replace(settings, initial_prompt=prompt)
    return whisper.recognise(model, signal, start, settings, report)


def _recognise(model, signal, start: float, opts: Options, report, tally: Tally) -> list[Word]:
    """Words of one chunk of one signal, repetition loops cut."""
    words = []
    for seg in _segments(model, signal, start, opts, report, tally):
        seg_words, n = verbatim.cut_loops(seg.words)
        tally.loops_cut += n
        words.extend(w for w in seg_words if w.text.strip())
    words, n = verbatim.cut_loops(words)   # loops that run across segments
    tally.loops_cut += n
    return words


@dataclass
class Part:
    """What recognition makes of one chunk: its words (with their channel, for a recording
    with one voice per channel), its voice windows, its loudest sample and its tally."""
    words: list[Word] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    windows: speaker.Windows = field(default_factory=speaker.Windows.empty)
    heard: speaker.Windows = field(default_factory=speaker.Windows.empty)
    peak: float = 0.0
    tally: Tally = field(default_factory=Tally)
    by_channel: bool | None = None    # as planned_chunks decided it for this chunk


def planned_chunks(path: Path, info: audio.Info, opts: Options):
    """(chunk, by_channel) for each chunk of a recording: whether a stereo recording has
    one voice per channel is decided on its first chunk that is not silence, then holds
    for every later chunk (None before that, and for a mono recording)."""
    stereo = opts.stereo != "mix" and info.channels == 2
    by_channel: bool | None = True if opts.stereo == "channels" else None
    for chunk in audio.chunks(path, stereo=stereo, chunk_seconds=opts.chunk_seconds):
        if by_channel is None and stereo and _peak(chunk) >= 1e-4:
            by_channel = opts.diarize and speaker.is_two_voice_stereo(chunk.left, chunk.right)
        yield chunk, by_channel


def _peak(chunk: audio.Chunk) -> float:
    return float(np.abs(chunk.mono).max(initial=0.0))


def recognise_chunk(model, chunk: audio.Chunk, by_channel: bool | None, opts: Options, report=None) -> Part:
    """The words and voice windows of one chunk (a chunk depends on no other, so the
    chunks of one recording can be recognised at once on several machines)."""
    part = Part(peak=_peak(chunk), by_channel=by_channel)
    if part.peak < 1e-4:     # digital silence: nothing to recognise
        return part
    if by_channel and chunk.left is not None:
        # one voice per channel: each channel recognised on its own, words merged by time
        # (overlapping speech keeps each channel's sentences whole: ordered by the
        # start of the sentence, not of each word)
        cw, cl, keys = [], [], []
        for side, signal in enumerate((chunk.left, chunk.right)):
            ws = _recognise(model, signal, chunk.start, opts, report, part.tally)
            cw.extend(ws)
            cl.extend([side] * len(ws))
            keys.extend(_sentence_starts(ws))
        order = sorted(range(len(cw)), key=lambda i: (keys[i], cl[i], cw[i].start))
        part.words = [cw[i] for i in order]
        part.labels = [cl[i] for i in order]
        return part
    part.words = _recognise(model, chunk.mono, chunk.start, opts, report, part.tally)
    if opts.diarize and part.words:
        part.windows = speaker.embed(opts.method, chunk.mono, chunk.start, part.words)
        if opts.attribution == speaker.Attribution.SENTENCES:
            part.heard = speaker.embed(opts.method, chunk.mono, chunk.start, part.words,
                                       whisper.speech(chunk.mono, chunk.start))
    return part


def transcribe_file(path: str | Path, model, opts: Options, progress: Progress | None = None) -> Transcript:
    """The transcript of one recording; `progress` is told the audio decoded so far, then
    the speaker stage. Raises audio.AudioError (one-line message) for a file that cannot be
    transcribed."""
    path = Path(path)
    info = audio.probe(path)
    parts = []
    for chunk, by_channel in planned_chunks(path, info, opts):
        report = (lambda s, c=chunk: progress.decoded(c.start + s)) if progress else None
        parts.append(recognise_chunk(model, chunk, by_channel, opts, report))
        if progress:
            progress.decoded(chunk.end)
    if progress:
        progress.stage(Stage.SPEAKERS)
    return assemble(parts, info, opts, path)


def assemble(parts: list[Part], info: audio.Info, opts: Options, path: Path) -> Transcript:
    """The transcript of a recording from its chunks' parts, in order: speakers told apart
    over the whole recording, turns built."""
    stereo = opts.stereo != "mix" and info.channels == 2
    by_channel = parts[-1].by_channel if parts else None
    words = [w for p in parts for w in p.words]
    labels = [s for p in parts for s in p.labels]
    windows = heard = speaker.Windows.empty()
    tally = Tally()
    for p in parts:
        windows, heard = windows + p.windows, heard + p.heard
        tally.loops_cut += p.tally.loops_cut
        tally.pieces_redone += p.tally.pieces_redone
    if max((p.peak for p in parts), default=0.0) < 1e-4:
        raise NoSpeech("silent recording")
    if not words:
        raise NoSpeech("no speech found")
    moved = 0
    if not opts.diarize:
        speakers = [0] * len(words)
        how = "none"
    elif stereo and by_channel:
        speakers, how = labels, "channel"
    else:
        cl = speaker.cluster(windows.vectors, opts.speakers)
        speakers, moved = speaker.attribute(words, windows, cl, opts.attribution, heard)
        how = opts.method
    turns = build_turns(words, speakers, opts.speaker_names, opts.verbatim)
    meta = {"duration": round(info.duration, 3), "diarization": how,
            "speakers": len({t.speaker for t in turns}),
            "attribution": opts.attribution.value, "words_moved": moved,
            "fillers": opts.verbatim.fillers.value, "pieces_redone": tally.pieces_redone,
            "unsure_below": opts.verbatim.unsure_below,
            "repetition_words_cut": tally.loops_cut}
    return Transcript(turns=turns, layout="bracketed", name=path.stem, media=str(path), meta=meta)
