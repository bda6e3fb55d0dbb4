"""Verbatim conventions: the words as heard (fillers, false starts and repetitions kept),
with pauses, unsure words and unintelligible stretches marked, and repetition loops cut.

Marks in the text (never in the word list, which keeps only recognised words):
  (pause 3s)               a silence of 2 s or more
  [word?]                  a word the model is unsure of (probability below `unsure_below`)
  [inaudible 00:12:31]     a run of words the model could not make out
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from transcript import Word
from transcript.edit import MARKS, UNSURE
from transcript.layouts import clock

PAUSE_SECONDS = 2.0
UNSURE_BELOW = 0.3        # word probability under which a word is marked [word?]
INAUDIBLE_BELOW = 0.1     # a run of words all under this is [inaudible hh:mm:ss]
INAUDIBLE_RUN = 3
LOOP_MIN_REPEATS = {1: 6, 2: 4}   # n-gram length -> repeats that make a loop; longer n-grams: 3
# an initial prompt written the way people talk nudges Whisper to keep fillers
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, uh, here's what I'm, like, thinking."
FILLERS = {"um", "umm", "uh", "uhm", "hmm", "hm", "mm", "mhm", "er", "erm", "ah"}


class Fillers(str, Enum):
    """How hard Whisper is pushed to write the fillers people say (bench/fillers.py)."""
    NONE = "none"          # bare Whisper: it writes clean text and drops most fillers
    PROMPT = "prompt"      # the filler prompt once, before the first words of each chunk
    GUARDED = "guarded"    # the filler prompt before every piece of about 30 s; a piece where
                           # the prompted words cover too little of the speech is redone bare


@dataclass
class Options:
    fillers: Fillers = Fillers.GUARDED   # bench/fillers.py, bench/wer.py
    pause_seconds: float = PAUSE_SECONDS
    unsure_below: float = UNSURE_BELOW
    inaudible_below: float = INAUDIBLE_BELOW
    inaudible_run: int = INAUDIBLE_RUN


def _key(w: Word) -> str:
    return "".join(c for c in w.text.lower() if c.isalnum() or c == "'")


def cut_loops(words: list[Word]) -> tuple[list[Word], int]:
    """Words with repetition loops (the same phrase over and over, a Whisper failure) cut
    to one occurrence of the phrase; also how many words were cut."""
    keys = [_key(w) for w in words]
    keep = [True] * len(words)
    i, cut = 0, 0
    while i < len(words):
        best = None
        for n in range(1, 9):
            gram = keys[i:i + n]
            if len(gram) < n or not all(gram):
                break
            reps = 1
            while keys[i + reps * n: i + (reps + 1) * n] == gram:
                reps += 1
            if reps >= LOOP_MIN_REPEATS.get(n, 3):
                best = (n, reps)
                break
        if best:
            n, reps = best
            for j in range(i + n, i + n * reps):
                keep[j] = False
            cut += n * (reps - 1)
            i += n * reps
        else:
            i += 1
    return [w for w, k in zip(words, keep) if k], cut


def inaudible_runs(words: list[Word], opts: Options) -> list[tuple[int, int]]:
    """[a, b) index ranges of runs of words the model could not make out."""
    runs, a = [], None
    for i, w in enumerate(words + [Word(0, 0, "", 1.0)]):
        if w.probability < opts.inaudible_below and i < len(words):
            a = i if a is None else a
        else:
            if a is not None and i - a >= opts.inaudible_run:
                runs.append((a, i))
            a = None
    return runs


def pause_mark(gap: float) -> str:
    return f"(pause {int(round(gap))}s)"


def unsure_mark(text: str) -> str:
    """' Diane,' -> ' [Diane?],' : the mark goes round the word, not its punctuation."""
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    a = 0
    while a < len(core) and not core[a].isalnum():
        a += 1
    b = len(core)
    while b > a and not core[b - 1].isalnum():
        b -= 1
    if a >= b:
        return text
    return f"{lead}{core[:a]}[{core[a:b]}?]{core[b:]}"


def render(words: list[Word], opts: Options, previous_end: float | None = None) -> tuple[str, list[Word]]:
    """Text of one turn with the marks, and the words it keeps (inaudible runs dropped).
    `previous_end` is when the last word before this turn ended (for a pause before it)."""
    runs = dict(inaudible_runs(words, opts))
    parts: list[str] = []
    kept: list[Word] = []
    last = previous_end
    i = 0
    while i < len(words):
        w = words[i]
        if last is not None and w.start - last >= opts.pause_seconds:
            parts.append(" " + pause_mark(w.start - last))
        if i in runs:
            parts.append(f" [inaudible {clock(w.start)}]")
            last = words[runs[i] - 1].end
            i = runs[i]
            continue
        # one written word may come as several pieces (" O", "'Caffa"): join them, and mark
        # the whole word when any piece of it is unsure
        j = i + 1
        while j < len(words) and not words[j].text.startswith(" ") and j not in runs:
            j += 1
        text = "".join(x.text for x in words[i:j])
        if not text.startswith(" "):
            text = " " + text
        unsure = min(x.probability for x in words[i:j]) < opts.unsure_below
        parts.append(unsure_mark(text) if unsure else text)
        kept.extend(words[i:j])
        last = words[j - 1].end
        i = j
    return "".join(parts).strip(), kept


def plain(text: str) -> str:
    """Text without veil's marks (for measuring word error rate)."""
    return " ".join(UNSURE.sub(r"\1", MARKS.sub(" ", text)).split())
