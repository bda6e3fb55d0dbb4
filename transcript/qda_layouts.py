"""Transcript layouts that QDA programs document for their own import, and where each
turn lies in veil's txt layout (for REFI-QDA sync points).

  nvivo   NVivo's tab-delimited transcript rows, with a header row:
          `Timespan<TAB>Content<TAB>Speaker`, then `00:00:06.2-00:00:12.9<TAB>text<TAB>S1`
          (every line the same number of tabs; time to the tenth of a second)
  maxqda  MAXQDA's focus-group transcript: one paragraph per turn that starts with the
          speaker and a colon, and ends with the f4/f5 time stamp of the turn's end,
          `Respondent: text #00:00:12-9#`, paragraphs separated by a blank line

Both are UTF-8 with a byte-order mark and Windows line ends: the programs run on Windows
and macOS, and a BOM is how a Windows program tells UTF-8 from the local code page.
"""
from __future__ import annotations

from transcript.model import Transcript, Turn

NEWLINE = "\r\n"
BOM = "\ufeff"
NVIVO_HEADER = ("Timespan", "Content", "Speaker")


class NoTimes(ValueError):
    """The transcript has no timestamps, which the layout needs on every row."""


def _tenths(sec: float) -> tuple[str, int]:
    """("hh:mm:ss", tenths), rounded to the tenth of a second."""
    t = int(round(max(sec, 0.0) * 10))
    whole, tenth = divmod(t, 10)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}", tenth


def _one_line(text: str) -> str:
    """A row holds one line: tabs and line breaks inside a turn become spaces."""
    return " ".join(text.replace("\t", " ").split())


def times(tr: Transcript) -> list[tuple[float, float]]:
    """(start, end) of every turn: a missing start is the previous turn's end, a missing
    end the next turn's start (or the turn's own start). NoTimes when no turn has one."""
    if not any(t.start is not None for t in tr.turns):
        raise NoTimes("no timestamps")
    starts, last = [], 0.0
    for t in tr.turns:
        last = t.start if t.start is not None else last
        starts.append(last)
        last = t.end if t.end is not None else last
    out = []
    for i, t in enumerate(tr.turns):
        nxt = starts[i + 1] if i + 1 < len(starts) else starts[i]
        end = t.end if t.end is not None else max(nxt, starts[i])
        out.append((starts[i], max(end, starts[i])))
    return out


def nvivo(tr: Transcript, note: str = "") -> str:
    """NVivo transcript rows; `note` (the UNREVIEWED mark) becomes a first row at 0 s."""
    spans = times(tr)
    rows = ["\t".join(NVIVO_HEADER)]
    if note:
        rows.append(f"00:00:00.0-00:00:00.0\t{_one_line(note)}\t")
    for t, (a, b) in zip(tr.turns, spans):
        (ca, ta), (cb, tb) = _tenths(a), _tenths(b)
        rows.append(f"{ca}.{ta}-{cb}.{tb}\t{_one_line(t.text)}\t{_one_line(t.speaker or '')}")
    return BOM + NEWLINE.join(rows) + NEWLINE


def f4_stamp(sec: float) -> str:
    clock, tenth = _tenths(sec)
    return f"#{clock}-{tenth}#"


def maxqda(tr: Transcript, note: str = "") -> str:
    """MAXQDA focus-group paragraphs with f4/f5 time stamps at each turn's end (none
    when the transcript has no times); `note` is a first paragraph with no colon, which
    MAXQDA leaves uncoded."""
    try:
        spans = times(tr)
    except NoTimes:
        spans = [None] * len(tr.turns)
    paras = [note.replace(":", " -")] if note else []
    for t, span in zip(tr.turns, spans):
        label = f"{_one_line(t.speaker)}: " if t.speaker else ""
        stamp = f" {f4_stamp(span[1])}" if span else ""
        paras.append(label + _one_line(t.text) + stamp)
    return BOM + (NEWLINE * 2).join(paras) + NEWLINE


def turn_positions(text: str, turns: list[Turn]) -> list[int]:
    """Where each turn's paragraph starts in `text`, its label or timestamp included (in
    Otter's layout the line above the words), in characters (Unicode code points, as
    REFI-QDA counts); turns are found in order, a paragraph never reaches back into the
    turn before."""
    out, pos = [], 0
    for t in turns:
        at = text.find(t.text, pos) if t.text else pos
        at = pos if at < 0 else at
        para = text.rfind("\n\n", 0, at)
        start = max(pos, para + 2 if para >= 0 else 0)
        while start < at and text[start].isspace():
            start += 1
        out.append(start)
        pos = at + len(t.text)
    return out
