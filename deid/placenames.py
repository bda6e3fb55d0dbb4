"""Place and institution names of the pseudonyms (deid/pseudonym.py): runs of name words
made fictional places ("Oak Park" -> "Cedar Falls"), words of a kind kept or swapped for a
like kind ("Memorial" -> "Regional"), numbers and acronyms changed, the study's own names
first. A part of `Pseudonyms`, which holds the map, the random source and the key's words."""
from __future__ import annotations

import re

import regex

from deid import entity as ent
from deid import lexicon, names, pools
from deid import words as vocab
from deid.people import is_first_name

# (`regex`: its \w holds the accents written after a letter, "Olúfúnmiláyọ̀" is one word)
WORD = regex.compile(r"([^\W_][\w'’‘.]*(?:-[^\W_][\w'’‘.]*)*)")
INITIAL = re.compile(r"[A-Z]\.?")
# a church, a school or a hospital dedicated to Mary, by the place or title after "of"
OUR_LADY = re.compile(r"Our Lady(?:['’]s)?(?: Queen)? of (?:the )?(?:Mount )?[A-Z][\w'’\-]*")


class PlaceNames:
    """The place and institution half of `Pseudonyms` (it provides rng, map, own, used,
    run_names, _taken, remember, _fresh, _word and _memo)."""

    def _place(self, skip=None) -> str:
        """A fictional place name of any shape (a compound with a number once all are used);
        none `skip` refuses."""
        return pools.place(self.rng, self._taken, memo=self._memo, skip=skip) or self._fresh(
            lambda: self.rng.choice(pools.compounds()))

    def _kind_word(self, word: str, kind: str) -> str | None:
        """A word that says what kind of place or institution, not which: kept ("State",
        "Baptist") or swapped for a like one, the same each time ("Street" -> "Avenue",
        "College" -> "Academy", "Inc" -> "LLC"); None for any other word."""
        group = pools.kind_groups(kind).get(word.rstrip(".").lower())
        if group:
            same = [g for g in group if g.rstrip(".").lower() == word.rstrip(".").lower()]
            known = self.map.get(ent.key_of(word))
            if known in group and known not in same:
                return known
            others = [g for g in group if g not in same and " " not in g]
            # (not a kind the real names hold: "Logistics" of "… Transport and Logistics Union"
            # is no "Transport")
            others = [g for g in others if pools.norm(g) not in self.real_words] or others
            # (nor, where another is left, one another kind word became: "Foundation Trust" is
            # no "Fund Fund")
            fresh = [g for g in others if g not in set(self.map.values())] or others
            # no one-word kind like it ("Prison": "Correctional Facility"): kept, it names no one
            p = self.rng.choice(fresh) if fresh else word
            self.remember(word, p)
            return p
        return word if pools.norm(word) in pools.kept_words() else None

    def _by_runs(self, core: str, kind: str, fresh: bool = False) -> str:
        """A place or institution: words of a kind kept or swapped for a like kind, numbers
        and acronyms changed, each run of name words made one fictional name: "Oak Park" ->
        "Cedar Falls", "Ohio State University" -> "Elmbrook State University", "St. Mary's
        Hospital" -> "St. Brendan's Hospital", "12 Main Street" -> "47 Cedar Avenue"."""
        if kind == "institution" and (lady := OUR_LADY.match(core)):
            # a dedication, "Our Lady of Lourdes": a saint's ("St. Brendan's"), not "Our Lady of Cedar"
            rest, k = core[lady.end():].strip(), ent.key_of(lady.group())
            dedication = self.map.get(k) or f"St. {pools.saint(self.rng, self._taken, memo=self._memo)}'s"
            self.remember(lady.group(), dedication)   # (the same saint's wherever it is said)
            return f"{dedication} {self._by_runs(rest, kind, fresh)}" if rest else dedication
        parts = WORD.split(core)
        words = parts[1::2]
        named = [self._is_name_word(w) for w in words]
        if words and not named[-1] and words[-1][:1].isupper() and words[-1].lower() in lexicon.NAME_GRAMMAR:
            named[-1] = True   # a grammar word ending a name is a word of it: "On" of "Move On"
        if kind == "institution" and len(words) > 1 and named[1] and words[0] in lexicon.BODY_OPENERS:
            named[0] = True   # a small word that opens the name is part of it: "All Hallows", "First United"
        out, i = [parts[0]], 0
        while i < len(words):
            if not named[i]:
                out += [self._kept(words[i], kind), parts[2 * i + 2]]
                i += 1
                continue
            j = i + 1
            while j < len(words) and named[j] and re.fullmatch(r"[ \t]+", parts[2 * j]) \
                    and not ent.POSSESSIVE.search(words[j - 1]):
                j += 1
            prev, after = words[i - 1] if i else "", words[j] if j < len(words) else ""
            out += [self._run(words[i:j], kind, prev, after, fresh), parts[2 * j]]
            i = j
        return "".join(out)

    @staticmethod
    def _is_name_word(word: str) -> bool:
        """A word that names this place or institution, not one that says what kind it is."""
        bare = ent.POSSESSIVE.sub("", word).rstrip(".")
        if not bare[:1].isalpha() or re.fullmatch(r"[A-Z]{1,6}", bare) or re.fullmatch(r"[A-Z\d]*\d[A-Z\d]*", bare):
            return False  # a number, an initial, an acronym, a code ("ME7" of a postcode)
        if ent.is_generic(word) and bare not in lexicon.HONORIFICS or pools.norm(word) in pools.not_name_words():
            return False   # (an honorific in a shop's name is its name: "Bánh Mì Cô Ba")
        return not (ent.is_stop_word(bare) and not is_first_name(bare) and
                    (bare[:1].islower() or bare.lower() in lexicon.NAME_GRAMMAR))

    def _kept(self, part: str, kind: str) -> str:
        """A word of a kind (kept, or swapped for a like kind), a number or an acronym."""
        trail = ""
        if part.endswith(".") and not INITIAL.fullmatch(part) and not ent.is_generic(part):
            part, trail = part[:-1], "."
        if part.lower() in lexicon.NUMBER_WORDS:   # a house number said in words: another one
            return self.rng.choice([n for n in lexicon.NUMBER_WORDS[1:20] if n != part.lower()])
        poss = ent.POSSESSIVE.search(part)
        base = part[: poss.start()] if poss and poss.start() > 0 else part
        return self._word(base, kind, "", None) + (part[len(base):] if poss else "") + trail

    def _run(self, run: list[str], kind: str, prev: str, after: str, fresh: bool = False) -> str:
        """One fictional name for a run of name words; the same run gets the same name
        (unless `fresh`: a name for this place only)."""
        last = run[-1]
        poss = ent.POSSESSIVE.search(last)
        tail = last[poss.start():] if poss and poss.start() > 0 else ""
        if not tail and last.endswith(".") and len(last) > 2:
            tail = "."
        words = run[:-1] + [last[: len(last) - len(tail)]]
        known = None if fresh else self._known(words)
        if known:
            return known + tail
        p, word_for_word = None, len(words) == 1
        if pools.norm(prev) in ("st", "saint", "ste") or tail and tail != ".":
            p = pools.saint(self.rng, self._taken, memo=self._memo)   # "St. Brendan's", "Brendan's Bakery"
        elif len(words) == 1 and (pools.names_a_kind(after) or pools.names_a_kind(prev)):
            p = pools.single(self.rng, self._taken, memo=self._memo)  # "Elmwood Street", "Elmwood Hospital"
        elif kind == "place" and self.own.get("places"):
            p, word_for_word = pools.own(self._taken, self.own["places"]), False
        # (no word of the run itself: "Ballina Garda Station" is no "Shadyville Station")
        mine = {pools.norm(w) for w in words if not ent.is_stop_word(w)}
        skip = (lambda c: bool(pools.words_of(c) & mine)) if len(words) > 1 else None
        if not p and len(words) > 1:
            p = pools.place(self.rng, self._word_for_word, 2, self._memo2, skip=skip)
            word_for_word = bool(p)
        p = p or self._place(skip)
        self.used.add(p.lower())  # no other run gets this name
        if word_for_word and len(p.split()) == len(words) and not fresh:  # each word follows the name
            for w, x in zip(words, p.split()):
                self.remember(w, x)
        elif len(words) == 1 and not fresh and (not vocab.is_common(words[0]) or names.is_town(words[0])):
            self.remember(words[0], p)   # "Gillingham" of two addresses is one town
            self.run_names.add(p)
        return p + tail

    def _word_for_word(self, c: str) -> bool:
        """Taken, for a name of two words each standing for a real word (and found alone
        later): its first word is no other name's, and no word of it a person's name."""
        return self._taken(c) or c.split()[0].lower() in self.used or pools.has_name(c)

    def _known(self, words: list[str]) -> str | None:
        """The name a run already has: its word, or its words joined, where they make a
        fictional place name (not the surname a word has as part of a person's name):
        "Lake Forest" in "Lake Forest College" and in "Lake Forest Hospital"."""
        ps = [self.map.get(ent.key_of(w)) for w in words]
        if not all(ps):
            return None
        p = " ".join(ps)
        # (a town's name keeps its pseudonym from run to run, whatever its shape)
        town = len(words) == 1 and names.is_town(words[0])
        return p if town or p in self.run_names or pools.is_place(p) or p in self.own.get("places", []) else None

    def _own_institution(self, core: str) -> str | None:
        """The first of the study's own institution names of the same kind still free."""
        mine = self.own.get("institutions")
        if not mine:
            return None
        kind = pools.kind_of(core)
        return pools.own(self._taken, [n for n in mine if pools.kind_of(n) == kind])
