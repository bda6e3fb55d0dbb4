"""The last check before output: no real string from the key may appear in it."""
from __future__ import annotations

import re

from deid import words


def pattern(reals: list[str], allow: list[str] = ()):
    """One regex for every real form in the key: word boundaries, any case; a real form
    that is an ordinary word ("June", "Rose", "Banks") only when capitalised."""
    allowed = {a.lower() for a in allow}
    any_case, capitalised = set(), set()
    for r in reals:
        r = r.strip()
        if len(r) < 2 or r.lower() in allowed or r.startswith("["):
            continue
        (capitalised if " " not in r and words.is_common(r) else any_case).add(r)
    alts = []
    if any_case:
        alts.append("(?i:" + "|".join(re.escape(r) for r in sorted(any_case, key=len, reverse=True)) + ")")
    if capitalised:
        alts.append("|".join(re.escape(r[0].upper() + r[1:]) + "|" + re.escape(r.upper())
                             for r in sorted(capitalised, key=len, reverse=True)))
    if not alts:
        return None
    return re.compile(r"(?<![\w@])(?:" + "|".join(alts) + r")(?![\w@])")


def find(text: str, rx, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of real strings in `text`, outside the protected spans (inserted pseudonyms)."""
    if rx is None:
        return []
    hits = []
    for m in rx.finditer(text):
        if not any(a <= m.start() and m.end() <= b for a, b in protected):
            hits.append((m.start(), m.end()))
    return hits


def count(tr, reps_by_turn: dict, rx) -> int:
    """Real strings left in a de-identified transcript (`tr`, made by applying
    `reps_by_turn`), outside the pseudonyms it inserted; speaker labels included."""
    hits = 0
    for i, t in enumerate(tr.turns):
        protected, shift, pos = [], 0, 0
        for r in sorted(reps_by_turn.get(i, []), key=lambda r: r.start):
            if r.start < pos:
                continue  # skipped as overlapping when applied
            protected.append((r.start + shift, r.start + shift + len(r.new)))
            shift += len(r.new) - (r.end - r.start)
            pos = r.end
        hits += len(find(t.text, rx, protected))
        if t.speaker and find(t.speaker, rx):
            hits += 1
    return hits
