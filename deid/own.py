"""veil's own output given back as input: the study's pseudonyms are not real names. Its
whole pseudonyms ("Carol Dunn", "Hillcrest Medical Center") and bracket labels ("[PERSON 3]")
are left as they are wherever they stand; a transcript that looks like veil's output (its
UNREVIEWED mark, bracket labels, or several whole pseudonyms) has the single words of
pseudonyms ("Carol") left too, and the run says so."""
from __future__ import annotations

import re

from deid import pools
from deid.matcher import NameMatcher
from deid.model import Span

LABEL = re.compile(r"\[(?:PERSON|PLACE|INSTITUTION|CONTACT|DATE) \d+\]|\[DATE\]|\[(?:1[89]|20)\d\d\]")
YEAR = re.compile(r"\[(?:1[89]|20)\d\d\]")
MARK = "[UNREVIEWED"


class Pseudonyms:
    """The study's pseudonyms, found in a text."""

    def __init__(self, values):
        values = {v for v in values if v and not LABEL.fullmatch(v)}
        self.whole = NameMatcher([(v.lower(), None) for v in values if " " in v], any_case=True)
        # the single words of names, not those saying what kind of place or institution
        # ("Hospital", "Street"): those stand in real names too
        words = {w for v in values for w in v.split()
                 if w[:1].isupper() and len(w) > 2 and pools.norm(w) not in pools.kind_words()}
        self.words = NameMatcher([(w.lower(), None) for w in words])

    def spans(self, text: str, speakers=(), named: bool = False) -> tuple[list[Span], bool]:
        """Where the text holds pseudonyms, and whether it looks like veil's own output
        (`speakers`: its speaker labels, one of which a pseudonym is enough; `named`: its
        file name is one veil gave an output)."""
        whole = [Span(h.start, h.end) for h in self.whole.find(text)]
        labels = [Span(*m.span()) for m in LABEL.finditer(text)]
        # (a year in brackets alone is no sign: "[2019] EWCA Crim 1123" cites a judgment)
        own = named or MARK in text or any(not YEAR.fullmatch(text[s.start:s.end]) for s in labels) or \
            len({text[s.start:s.end] for s in whole}) >= 2 or any(self.whole.find(s) for s in speakers if s)
        spans = whole + labels
        if own:
            spans += [Span(h.start, h.end) for h in self.words.find(text) if not any(
                s.start <= h.start and h.end <= s.end for s in spans)]
        return spans, own

    @staticmethod
    def covers(spans: list[Span], span: Span) -> bool:
        """Whether the pseudonyms' spans cover a mention whole: one reaching past them
        holds more than a pseudonym ("Carol Smith"), and is found as it would be anyway."""
        inside = sorted((s for s in spans if s.overlaps(span)), key=lambda s: s.start)
        at = span.start
        for s in inside:
            if s.start > at:
                return False
            at = max(at, s.end)
        return at >= span.end
