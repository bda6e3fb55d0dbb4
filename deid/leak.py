"""The last check before output: no real string from the key may appear in it. It uses
the matcher of the known-name pass (matcher.py), so it only ever catches a bug."""
from __future__ import annotations

import re

from deid.matcher import NameMatcher

# the word a hit stands in, to its spaces, without the stops and brackets around it
WORD_AROUND = re.compile(r"[^\s\"“”'‘’(),;:]+")


def inserted(reps) -> list[tuple[int, int]]:
    """Where replacements (of one text, by start) put their new words in the result."""
    out, shift, pos = [], 0, 0
    for r in sorted(reps, key=lambda r: r.start):
        if r.start < pos:
            continue  # skipped as overlapping when applied
        out.append((r.start + shift, r.start + shift + len(r.new)))
        shift += len(r.new) - (r.end - r.start)
        pos = r.end
    return out


def count(tr, reps_by_turn: dict, matcher: NameMatcher, uncased: bool = False, pseudonyms=frozenset()) -> int:
    """Real strings left in a de-identified transcript (`tr`, made by applying
    `reps_by_turn`), outside the pseudonyms it inserted; speaker labels included. A hit
    whose words are themselves a pseudonym of the study (`pseudonyms`, keys) is no leak."""
    hits = 0
    for i, t in enumerate(tr.turns):
        protected = inserted(reps_by_turn.get(i, []))
        hits += sum(1 for h in matcher.find(t.text, protected, uncased)
                    if t.text[h.start:h.end].lower() not in pseudonyms and not _inside_pseudonym(t.text, h, pseudonyms))
        if t.speaker and matcher.find(t.speaker):
            hits += 1
        if t.words:   # the word timings a JSON output carries
            hits += sum(1 for h in matcher.find(" ".join(w.text.strip() for w in t.words), uncased=uncased)
                        if h.form.written not in pseudonyms)
    return hits


def _inside_pseudonym(text: str, h, pseudonyms) -> bool:
    """A hit inside a code's pseudonym, whose random letters spelt a known form: "UAN" of
    "UAN-XUE-742190", the pseudonym of a housing reference, where "UAN" is an acronym the
    reviewer said identifies."""
    for w in WORD_AROUND.finditer(text, max(0, h.start - 40), min(len(text), h.end + 40)):
        if w.start() <= h.start and h.end <= w.end():
            return w.end() - w.start() > h.end - h.start and w.group().rstrip(".").lower() in pseudonyms
    return False
