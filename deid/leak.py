"""The last check before output: no real string from the key may appear in it."""
from __future__ import annotations

import regex as re

from deid import words
from deid.entity import MONTHS_DAYS, is_stop_word

DATE_BEFORE = (r"(?<!\b(?:the|next|last|in|of|early|late|mid|this|every|on|since|until|by|from|through|"
               r"that|each|one|a)[ \t]+)")


def pattern(reals: list[str], allow: list[str] = (), uncased: bool = False):
    """One regex for every real form in the key: word boundaries, any case; a real form
    that is an ordinary word ("June", "Rose", "Banks") only when capitalised, unless the
    text is `uncased` (all lower case, as speech recognition leaves it)."""
    allowed = {a.lower() for a in allow}
    any_case, capitalised = set(), set()
    for r in reals:
        r = r.strip()
        if len(r) < 2 or r.lower() in allowed or r.startswith("["):
            continue
        (capitalised if " " not in r and words.is_common(r) else any_case).add(r)
    alts = []
    # a name that is also a month or a day ("June", "Sunday") is not looked for in a date:
    # "next June", "in June 2019"
    months = {r for r in capitalised if r.lower() in MONTHS_DAYS}
    capitalised -= months
    # a name that is also a small word ("Will", "May") only inside a sentence: "with Will"
    small = {r for r in capitalised if is_stop_word(r)}
    capitalised -= small
    if uncased:  # no capitals to go by: ordinary-word names in any case (not "will", "may")
        any_case |= capitalised
        capitalised = set()
    elif small:
        alts.append(r"(?<=\p{Ll}[,]?[ \t]+)(?:" + "|".join(re.escape(r[0].upper() + r[1:]) for r in sorted(small)) + ")")
    if months:
        alts.append(DATE_BEFORE + "(?" + ("i" if uncased else "") + ":" +
                    "|".join(re.escape(r[0].upper() + r[1:]) for r in sorted(months)) + r")(?![ \t]*\d)")
    if any_case:
        alts.append("(?i:" + "|".join(re.escape(r) for r in sorted(any_case, key=len, reverse=True)) + ")")
    if capitalised:
        alts.append("|".join(re.escape(r[0].upper() + r[1:]) + "|" + re.escape(r.upper())
                             for r in sorted(capitalised, key=len, reverse=True)))
    if not alts:
        return None
    return re.compile(r"(?<![\w@])(?:" + "|".join(alts) + r")(?![\w@])")


def find(text: str, rx, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of real strings in `text` that touch no protected span (inserted pseudonyms)."""
    if rx is None:
        return []
    hits = []
    for m in rx.finditer(text):
        # a hit that runs into an inserted pseudonym is made of it ("Suite" + "757"), not a leak;
        # the real words outside it are looked for on their own
        if not any(m.start() < b and a < m.end() for a, b in protected):
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
