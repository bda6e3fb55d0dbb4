"""Transcript, turns and words: what both stages of veil read and write."""
from __future__ import annotations

from dataclasses import dataclass, field, replace as dc_replace


@dataclass
class Word:
    """One recognised word, with times in seconds; text keeps Whisper's leading space."""
    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass
class Turn:
    """One speaker turn (or cue). `text` is exactly the words, never the label or timestamp."""
    text: str
    speaker: str | None = None
    start: float | None = None
    end: float | None = None
    words: list[Word] = field(default_factory=list)
    # where `text` lies in Transcript.source, when the transcript was read from a file
    offset: int | None = None


@dataclass
class Transcript:
    turns: list[Turn]
    layout: str = "turns"          # one of layouts.LAYOUTS
    name: str = ""                 # file name it came from / goes to
    source: str | None = None      # original text, so layout is kept byte for byte
    media: str | None = None       # audio the transcript was made from, if any
    meta: dict = field(default_factory=dict)

    def text(self) -> str:
        return "\n".join(t.text for t in self.turns)


@dataclass(frozen=True)
class Replacement:
    """Replace turn text[start:end] with `new`."""
    start: int
    end: int
    new: str


def _splice(text: str, reps: list[Replacement]) -> str:
    out, pos = [], 0
    for r in sorted(reps, key=lambda r: r.start):
        if r.start < pos:
            continue  # overlapping replacements: the first one wins
        out.append(text[pos:r.start])
        out.append(r.new)
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


def _replace_words(turn: Turn, reps: list[Replacement]) -> list[Word]:
    """Carry text replacements into word timings: the first word a replacement touches
    takes the new text (with what of it lay outside the replacement), the rest become empty."""
    words = [dc_replace(w) for w in turn.words]
    spans, pos = [], 0
    for w in turn.words:  # where each word lies in the turn text
        core = w.text.strip()
        at = turn.text.find(core, pos) if core else -1
        spans.append((at, at + len(core)) if at >= 0 else None)
        pos = at + len(core) if at >= 0 else pos
    for r in reps:
        hit = [i for i, sp in enumerate(spans) if sp and sp[0] < r.end and sp[1] > r.start]
        if not hit:
            continue
        first, last = spans[hit[0]], spans[hit[-1]]
        lead = turn.words[hit[0]].text[: len(turn.words[hit[0]].text) - len(turn.words[hit[0]].text.lstrip())]
        new = turn.text[first[0]:r.start] if first[0] < r.start else ""
        new += r.new + (turn.text[r.end:last[1]] if last[1] > r.end else "")
        words[hit[0]].text = lead + new
        for i in hit[1:]:
            words[i].text = ""
    return words


def apply_replacements(tr: Transcript, reps_by_turn: dict[int, list[Replacement]],
                       speakers: dict[str, str] | None = None) -> Transcript:
    """A new transcript with the replacements made in turn texts, words and source, and
    speaker labels renamed (`speakers`: old label -> new label) wherever they stand."""
    speakers = speakers or {}
    turns = []
    for i, t in enumerate(tr.turns):
        reps = reps_by_turn.get(i, [])
        turns.append(dc_replace(t, text=_splice(t.text, reps), words=_replace_words(t, reps),
                                speaker=speakers.get(t.speaker, t.speaker) if t.speaker else t.speaker))
    source = tr.source
    if source is not None:
        spliced, prev_end = [], 0
        for i, t in enumerate(tr.turns):
            if t.offset is None:
                continue
            label = _label_at(source, t, prev_end)
            if label is not None and t.speaker in speakers:
                spliced.append(Replacement(label, label + len(t.speaker), speakers[t.speaker]))
            spliced += [Replacement(t.offset + r.start, t.offset + r.end, r.new) for r in reps_by_turn.get(i, [])]
            prev_end = t.offset + len(t.text)
        source = _splice(source, spliced)
        turns = _moved(tr.turns, turns, spliced)
    return dc_replace(tr, turns=turns, source=source, meta=dict(tr.meta))


def _label_at(source: str, t: Turn, after: int) -> int | None:
    """Where a turn's speaker label stands in the source: the last time it is written
    between the end of the turn before and the turn's text."""
    if not t.speaker:
        return None
    at = source.rfind(t.speaker, after, t.offset)
    return at if at >= 0 else None


def _moved(old: list[Turn], new: list[Turn], spliced: list[Replacement]) -> list[Turn]:
    """Turn offsets moved by the replacements made in the source before them."""
    out = []
    for o, n in zip(old, new):
        if o.offset is None:
            out.append(n)
            continue
        shift = sum(len(r.new) - (r.end - r.start) for r in spliced if r.end <= o.offset)
        out.append(dc_replace(n, offset=o.offset + shift))
    return out
