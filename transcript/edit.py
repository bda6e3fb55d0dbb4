"""Corrections a person makes while listening: a turn's text edited, a turn split at a
word, two turns merged. Word timings survive: the new text is aligned with the old words;
an unchanged word keeps its timing, an edited word the span of the words it replaced, and
a word typed in between takes the gap where it was put.

A turn's text holds veil's verbatim marks besides its words: `(pause 3s)` and
`[inaudible 00:12:31]` are no words, `[Diane?]` is the word "Diane" marked unsure."""
from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field, replace as dc_replace

from transcript.model import Turn, Word

PAUSE_MARK = r"\(pause \d+s\)"
INAUDIBLE_MARK = r"\[inaudible [\d:]+\]"
MARKS = re.compile(rf"{PAUSE_MARK}|{INAUDIBLE_MARK}")
UNSURE = re.compile(r"\[([^\]]*?)\?\]")
TOKEN = re.compile(rf"{PAUSE_MARK}|{INAUDIBLE_MARK}|\S+")
TYPED = 1.0          # probability of a word a person typed or confirmed
TYPED_UNSURE = 0.2   # a word typed with an unsure mark: kept under the unsure threshold
INSERTED_SECONDS = 0.4  # at most this long, a word typed where nothing was heard


class EditError(ValueError):
    """An edit that cannot be made; the message is one line and names no identifier."""


def key(text: str) -> str:
    """A word as compared: lower case, letters, digits and apostrophes only."""
    return "".join(c for c in text.lower() if c.isalnum() or c == "'")


def unmarked(text: str) -> str:
    """'[Diane?],' -> 'Diane,'."""
    return UNSURE.sub(r"\1", text)


@dataclass
class Token:
    """One written word (or mark) of a turn's text, with the recognised words it came from."""
    a: int                   # where it lies in the turn text
    b: int
    text: str
    words: list[Word] = field(default_factory=list)

    @property
    def mark(self) -> bool:
        return bool(MARKS.fullmatch(self.text))

    @property
    def key(self) -> str:
        return "" if self.mark else key(self.text)

    @property
    def start(self) -> float | None:
        return self.words[0].start if self.words else None

    @property
    def end(self) -> float | None:
        return self.words[-1].end if self.words else None


def split_text(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def tokens(turn: Turn) -> list[Token]:
    """The turn's text as tokens, each with the words (and so the times) behind it. A word
    made of pieces (" O", "'Caffa") gives one token with both pieces."""
    toks = split_text(turn.text)
    starts = [t.a for t in toks]
    # the text without unsure marks, where each word is found; `at` maps back to the text
    marks = {i for m in UNSURE.finditer(turn.text) for i in (m.start(), m.end() - 2, m.end() - 1)}
    at = [i for i in range(len(turn.text)) if i not in marks]
    plain = [turn.text[i] for i in at]
    plain_text = "".join(plain)
    pos = 0
    for w in turn.words:
        core = w.text.strip()
        found = plain_text.find(core, pos) if core else -1
        while found >= 0:
            a, b = at[found], at[found + len(core) - 1]
            i = _token_at(starts, a)
            if i is not None and not toks[i].mark and b < toks[i].b:
                toks[i].words.append(w)
                pos = found + len(core)
                break
            found = plain_text.find(core, found + 1)
    return toks


def _token_at(starts: list[int], at: int) -> int | None:
    i = bisect.bisect_right(starts, at) - 1
    return i if i >= 0 else None


# ---------------------------------------------------------------- edit
@dataclass
class Alignment:
    """How the old tokens of a turn became the new ones: (op, i1, i2, j1, j2) as difflib."""
    old: list[Token]
    new: list[Token]
    ops: list[tuple[str, int, int, int, int]]

    def changed(self, a: int, b: int) -> tuple[int, int] | None:
        """Where the old text [a, b) lies in the new text, when the edit changed any of its
        words (None when it is unchanged or gone)."""
        inside = [i for i, t in enumerate(self.old) if t.a < b and t.b > a]
        if not inside:
            return None
        lo, hi = inside[0], inside[-1] + 1
        js: list[int] = []
        changed = False
        for op, i1, i2, j1, j2 in self.ops:
            if op == "equal":
                js += [j1 + i - i1 for i in range(max(i1, lo), min(i2, hi))]
            elif (i1 < hi and i2 > lo) or (op == "insert" and lo < i1 < hi):
                changed = True
                js += range(j1, j2)
        if not changed or not js:
            return None
        return self.new[min(js)].a, self.new[max(js)].b


def align(turn: Turn, new_text: str) -> Alignment:
    old, new = tokens(turn), split_text(new_text)
    sm = difflib.SequenceMatcher(None, [t.key or t.text for t in old], [t.key or t.text for t in new],
                                 autojunk=False)
    return Alignment(old, new, sm.get_opcodes())


def edit(turn: Turn, new_text: str) -> tuple[Turn, Alignment]:
    """The turn with its text replaced by `new_text` (spaces normalised), words re-aligned."""
    new_text = " ".join(new_text.split())
    al = align(turn, new_text)
    if not turn.words:   # a transcript without word timings: only the text changes
        return dc_replace(turn, text=new_text), al
    words: list[Word] = []
    for op, i1, i2, j1, j2 in al.ops:
        if op == "equal":
            for t, n in zip(al.old[i1:i2], al.new[j1:j2]):
                words += _kept(t, n)
        elif op in ("replace", "insert"):
            words += _spread(al.new[j1:j2], _span(al.old, i1, i2, j2 - j1))
    start = words[0].start if words else turn.start
    end = words[-1].end if words else turn.end
    return dc_replace(turn, text=new_text, words=words, start=start, end=end), al


def _word(text: str, start: float, end: float) -> Word:
    unsure = bool(UNSURE.search(text))
    return Word(round(start, 3), round(end, 3), " " + unmarked(text), TYPED_UNSURE if unsure else TYPED)


def _kept(old: Token, new: Token) -> list[Word]:
    """A word the edit did not change keeps its words; one whose marks or punctuation
    changed keeps its timing (removing an unsure mark confirms the word)."""
    if old.mark or not old.words:
        return []
    if old.text == new.text:
        return [dc_replace(w) for w in old.words]
    return [_word(new.text, old.start, old.end)]


def _span(old: list[Token], i1: int, i2: int, n: int) -> tuple[float, float]:
    """The time of the words replaced, or the gap between the words around an insertion."""
    timed = [t for t in old[i1:i2] if t.words]
    if timed:
        return timed[0].start, timed[-1].end
    before = next((t.end for t in reversed(old[:i1]) if t.words), None)
    after = next((t.start for t in old[i2:] if t.words), None)
    a = before if before is not None else after
    b = after if after is not None else before
    return a, min(max(a, b), a + INSERTED_SECONDS * n)


def _spread(new: list[Token], span: tuple[float, float]) -> list[Word]:
    """New words over a span of time, each a share as long as its letters."""
    toks = [t for t in new if not t.mark]
    total = sum(max(1, len(t.key)) for t in toks)
    a, b = span
    out, at = [], a
    for t in toks:
        d = (b - a) * max(1, len(t.key)) / total
        out.append(_word(t.text, at, at + d))
        at += d
    return out


# ---------------------------------------------------------------- split and merge
def split(turn: Turn, at: int) -> tuple[Turn, Turn]:
    """The turn cut before the token at (or after) text offset `at`."""
    toks = tokens(turn)
    cut = next((i for i, t in enumerate(toks) if t.a >= at), len(toks))
    if cut == 0 or cut == len(toks):
        raise EditError("split a turn between two of its words")
    first, second = toks[:cut], toks[cut:]
    text_a = turn.text[:second[0].a].rstrip()
    text_b = turn.text[second[0].a:].strip()
    words_a = [w for t in first for w in t.words]
    words_b = [w for t in second for w in t.words]
    if turn.words:
        a = dc_replace(turn, text=text_a, words=words_a,
                       end=words_a[-1].end if words_a else turn.start)
        b = dc_replace(turn, text=text_b, words=words_b,
                       start=words_b[0].start if words_b else turn.end)
    else:
        a, b = dc_replace(turn, text=text_a), dc_replace(turn, text=text_b)
    return a, b


def merge(first: Turn, second: Turn) -> Turn:
    """Two turns as one, with the first one's speaker."""
    ends = [e for e in (first.end, second.end) if e is not None]
    return dc_replace(first, text=(first.text + " " + second.text).strip(),
                      words=first.words + second.words, end=max(ends) if ends else None)
