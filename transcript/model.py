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


def apply_replacements(tr: Transcript, reps_by_turn: dict[int, list[Replacement]]) -> Transcript:
    """A new transcript with the replacements made in turn texts, words and source."""
    turns = []
    for i, t in enumerate(tr.turns):
        reps = reps_by_turn.get(i, [])
        turns.append(dc_replace(t, text=_splice(t.text, reps), words=_replace_words(t, reps)))
    source = tr.source
    if source is not None:
        spliced = []
        for i, t in enumerate(tr.turns):
            if t.offset is None:
                continue
            spliced += [Replacement(t.offset + r.start, t.offset + r.end, r.new)
                        for r in reps_by_turn.get(i, [])]
        source = _splice(source, spliced)
        # offsets move with the text before them
        shift = 0
        for i, (old, new) in enumerate(zip(tr.turns, turns)):
            if old.offset is not None:
                turns[i] = dc_replace(new, offset=old.offset + shift)
                shift += len(new.text) - len(old.text)
    return dc_replace(tr, turns=turns, source=source, meta=dict(tr.meta))
