"""One matcher for the names a study knows. The pass that replaces known names wherever
detection missed them and the leak check that refuses a file use the same matcher, built
from the same forms, so the leak check can only ever catch a bug.

Texts and forms are cut into tokens (runs of letters and digits, single other characters);
a form matches where its tokens follow each other with the same spacing (any whitespace, or
an underscore, for a space). The longest form starting at a word wins. Case rules keep ordinary words
from matching everywhere:
  any case       a name that is no ordinary word ("Okafor", "helen marsh")
  capitalised    a single ordinary word ("Rose", "Banks"): only as "Rose" or "ROSE"
  mid-sentence   a single function word ("Will", "May"): only capitalised after a
                 lower-case word ("with Will")
  not in a date  a month or day name ("June"): not "next June", not "June 2019"
  proper         a word of a body's name no dictionary holds ("Puhinui", "Ar-Rahmah"):
                 where it starts with a capital (not "bicultural" of "Bicultural Unit")
  short          a name of two letters ("Mo", "Wu"): only as written, title case, not
                 joined to what follows ("Al-Amin", "Mo.ped"), a function word ("An")
                 mid-sentence only
In an all-lower-case transcript (speech recognition) there are no capitals to go by:
ordinary-word names match in any case (but an everyday one after a determiner: "the
price" of Emyr Price), function words not at all.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import Enum

import regex

from deid import lexicon, truecase, words
from deid.entity import is_stop_word, key_of

# (`regex`, whose \w holds the accents written after a letter: "Ọládipọ̀" is one token; an
# underscore parts words as a space does: "fg2_seating_bartek.png", "Bartek_Nowak")
TOKEN = regex.compile(r"[^\W_]+|[^\w\s]")
# words before a month that make it part of a date: "next June", "in June"
DATE_BEFORE = re.compile(r"\b(?:the|next|last|in|of|early|late|mid|this|every|on|since|until|by|from|through|"
                         r"that|each|one|a)[ \t]+$", re.IGNORECASE)
DIGIT_AFTER = re.compile(r"[ \t]*\d")
# another month before it, and a word that joins them: "from October to May", "Jan to May" (not a
# day: "on Monday to April's house")
MONTH_BEFORE = re.compile(r"\b(?:%s)\.?[ \t]+(?:to|and|or|till|until|through|-|–)[ \t]+$"
                          % "|".join(lexicon.MONTHS + lexicon.MONTH_ABBREVIATIONS), re.IGNORECASE)
FILE_EXTENSION = re.compile(r"\.(?:%s)\b" % "|".join(lexicon.FILE_EXTENSIONS), re.IGNORECASE)
WORD_BEFORE = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(lexicon.DETERMINERS + ("no", "any", "some")), re.IGNORECASE)


class _Casing:
    """Where a text is read as uncased: all of it, or the lines of a cased text written all in
    lower case (a chat message quoted in a report: "jess im actually drowning"), there only for
    a word no one says every day ("jess", not "hope" of "i hope you come")."""

    def __init__(self, text: str, uncased: bool):
        self.uncased = uncased
        self.lines = [] if uncased else truecase.lower_lines(text)
        self.starts = [a for a, _ in self.lines]

    def uncased_at(self, s: int, seg: str) -> bool:
        if self.uncased or not self.lines:
            return self.uncased
        i = bisect.bisect_right(self.starts, s) - 1
        return i >= 0 and s < self.lines[i][1] and not words.is_everyday(seg)


class Rule(Enum):
    ANY_CASE = 1
    CAPITALISED = 2
    MID_SENTENCE = 3
    NOT_IN_DATE = 4
    SHORT = 5
    PROPER = 6


@dataclass(frozen=True)
class Form:
    written: str              # as first written in the key
    tokens: tuple[str, ...]   # lower case
    spaced: tuple[bool, ...]  # whether whitespace comes before each token after the first
    rule: Rule
    entity: int | None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    form: Form

    @property
    def entity(self) -> int | None:
        return self.form.entity


CHUNK = 20_000   # characters tokenised at once: a long transcript's tokens are never all held


def _tokens(text: str, start: int = 0, end: int | None = None
            ) -> tuple[tuple[str, ...], tuple[bool, ...], list[tuple[int, int]]]:
    spans = [m.span() for m in TOKEN.finditer(text, start, len(text) if end is None else end)]
    toks = tuple(text[a:b].lower() for a, b in spans)
    spaced = tuple(spans[i][0] > spans[i - 1][1] for i in range(1, len(spans)))
    return toks, spaced, spans


def rule_of(form: str) -> Rule:
    if len(form) == 2:
        return Rule.SHORT
    from deid import names
    if " " in form or not words.is_common(form) and not names.is_foreign_word(form):
        return Rule.ANY_CASE   # (a word of another language that is nobody's name only where capitalised,
        # "Merci"; a name, "Ayşe", in any case: a chat types names in lower case)
    if form.lower() in lexicon.MONTHS_DAYS:
        return Rule.NOT_IN_DATE
    if is_stop_word(form):
        return Rule.MID_SENTENCE
    return Rule.CAPITALISED


def _after_lower_case_word(text: str, s: int) -> bool:
    """Spaces (and a comma) before `s`, and a lower-case letter before them: "with Will"."""
    before = text[max(0, s - 12):s]
    rest = before.rstrip(" \t")
    if rest == before:
        return False
    rest = rest[:-1] if rest.endswith(",") else rest
    return rest[-1:].islower()


CONTRACTION = re.compile(r"['’]t\b", re.I)   # "Don't", "Won't", "Ain't" (not "Don's")


def _alone(text: str, s: int, e: int) -> bool:
    """Not joined to a word before or after by a hyphen, nor to a word after by a dot: not
    "Al-Amin", "Ba-Ali", "Mo.ped" (but "I asked Mo- sorry")."""
    before, after = text[max(0, s - 2):s], text[e:e + 2]
    joined_before = before.endswith("-") and before[:1].isalnum()
    joined_after = after[:1] in ("-", ".") and after[1:].isalnum()
    return not joined_before and not joined_after


def _apostrophe_dropped(f: Form, text: str, s: int, e: int) -> bool:
    """A name no dictionary has and an "s" after it, typed without its apostrophe: "Biggas
    boy" of "Bigga" (not where the name and "s" are a word or a name: "Davie" of "Davies")."""
    if f.rule is not Rule.ANY_CASE or text[e:e + 1] != "s" or text[e + 1:e + 2].isalnum() or \
            text[s - 1:s].isalnum():
        return False
    from deid import names
    w = text[s:e + 1]
    return not words.is_common(w) and not names.is_name(w.title())


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """(start, end) cuts of a text at blank lines (no name spans one), each about `size`
    characters or one paragraph longer."""
    out, start = [], 0
    while len(text) - start > size:
        cut = text.find("\n\n", start + size)
        if cut < 0:
            break
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _capitalised(w: str) -> str:
    return w[0].upper() + w[1:]


class NameMatcher:
    """Finds the forms it was built with in any text."""

    def __init__(self, forms, allow=(), any_case: bool = False, capitalised=frozenset()):
        """`forms`: (written form, entity id or None) pairs; `allow`: words never matched;
        `any_case`: no case rules (words a reviewer marked are found however written);
        `capitalised`: forms found only where they start with a capital, whatever they are
        ("Puhinui" of "Puhinui School"; not "bicultural" of "Bicultural Health Unit")."""
        allowed = {a.lower() for a in allow}
        self.forms: dict[str, Form] = {}
        self._by_first: dict[str, list[Form]] = {}
        for written, entity in forms:
            written = written.strip()
            k = key_of(written)
            if len(written) < 2 or written.startswith("[") or k in allowed or k in self.forms:
                continue
            toks, spaced, _ = _tokens(written)
            if not toks:
                continue
            rule = Rule.ANY_CASE if any_case else Rule.PROPER if k in capitalised else rule_of(written)
            f = Form(written, toks, spaced, rule, entity)
            self.forms[k] = f
            self._by_first.setdefault(toks[0], []).append(f)
        for fs in self._by_first.values():
            fs.sort(key=lambda f: -len(f.tokens))

    def __len__(self) -> int:
        return len(self.forms)

    def find(self, text: str, protected=(), uncased: bool = False, dotted: bool = True) -> list[Hit]:
        """Non-overlapping hits, left to right, the longest at each word; none touches a
        `protected` span (start, end), such as a pseudonym the output already holds.
        `dotted=False`: not next to a dot inside a word ("helen.marsh@", "marsh.com")."""
        protected, hits, casing = list(protected), [], _Casing(text, uncased)
        for a, b in chunks(text):
            near = [p for p in protected if p[0] < b and p[1] > a]
            hits += self._find_in(text, a, b, near, casing, dotted)
        return hits

    def _find_in(self, text: str, a: int, b: int, protected, casing: _Casing, dotted: bool) -> list[Hit]:
        toks, spaced, spans = _tokens(text, a, b)
        hits, i = [], 0
        while i < len(toks):
            hit = self._longest_at(text, toks, spaced, spans, i, protected, casing, dotted)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            while i < len(toks) and spans[i][0] < hit.end:
                i += 1
        return hits

    def _longest_at(self, text, toks, spaced, spans, i, protected, casing, dotted) -> Hit | None:
        hit = self._form_at(text, toks, spaced, spans, i, protected, casing, dotted)
        if hit is None and toks[i].endswith("s"):   # "Biggas boy": the name without its "s"
            s, e = spans[i][0], spans[i][1] - 1
            for f in self._by_first.get(toks[i][:-1], ()):
                if len(f.tokens) == 1 and _apostrophe_dropped(f, text, s, e) and \
                        not any(s < b and a < e for a, b in protected):
                    return Hit(s, e, f)
        return hit

    def _form_at(self, text, toks, spaced, spans, i, protected, casing, dotted) -> Hit | None:
        for f in self._by_first.get(toks[i], ()):
            n = len(f.tokens)
            if toks[i:i + n] != f.tokens or spaced[i:i + n - 1] != f.spaced:
                continue
            s, e = spans[i][0], spans[i + n - 1][1]
            if (s > 0 and (text[s - 1].isalnum() or text[s - 1] == "@")) or \
                    (e < len(text) and (text[e].isalnum() or text[e] == "@")) or CONTRACTION.match(text, e):
                continue   # (nor a word's contraction: "Don't", "Won't" are no Don, no Won)
            if not dotted and (text[s - 1:s] == "." or text[e:e + 1] == "." and text[e + 1:e + 2].isalnum()
                               and not FILE_EXTENSION.match(text, e)):
                continue   # (part of an address; a file's name is not: "seating_bartek.png")
            # (a body's word by the whole text's casing: a line's may differ once replaced, "March"
            # made "[2021]", and the leak check would find what the known-name pass did not)
            uncased = casing.uncased if f.rule is Rule.PROPER else casing.uncased_at(s, text[s:e])
            if any(s < b and a < e for a, b in protected) or not self._case_ok(f, text, s, e, uncased):
                continue
            return Hit(s, e, f)
        return None

    @staticmethod
    def _case_ok(f: Form, text: str, s: int, e: int, uncased: bool) -> bool:
        seg = text[s:e]
        if f.rule is Rule.ANY_CASE:
            return True
        if f.rule is Rule.PROPER:
            if words.is_common(seg):   # (a dictionary's word, "Soar" of "Capel Soar": capitalised mid-sentence)
                return not uncased and seg[:1].isupper() and _after_lower_case_word(text, s)
            return uncased or seg[:1].isupper()
        if f.rule is Rule.SHORT:   # (no capitals to go by in lower case: "et al", "half a mo")
            return not uncased and seg == _capitalised(f.written) and _alone(text, s, e) and \
                (not is_stop_word(seg) or _after_lower_case_word(text, s))
        if f.rule is Rule.NOT_IN_DATE:
            if DATE_BEFORE.search(text, max(0, s - 12), s) or DIGIT_AFTER.match(text, e) or \
                    MONTH_BEFORE.search(text, max(0, s - 20), s) and not text.startswith(("'s", "’s"), e):
                return False
            return uncased or seg == _capitalised(f.written)
        if uncased:   # (an everyday word after a determiner is that word: "the price", not Emyr Price)
            return f.rule is Rule.CAPITALISED and not (WORD_BEFORE.search(text, max(0, s - 8), s)
                                                       and words.is_everyday(seg))
        if f.rule is Rule.MID_SENTENCE:
            return seg == _capitalised(f.written) and _after_lower_case_word(text, s)
        return seg == _capitalised(f.written) or seg == f.written.upper()
