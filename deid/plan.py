"""Planning: the pseudonym each linked mention gets, and the plan of one file, which
decides among mentions that cover the same words.

`Planner.pseudonym` chooses (through the study's one `Pseudonyms`) and writes every new
form into the key as a form of the mention's entity; `FilePlan` holds one file's mentions
and their pseudonyms, without overlaps in what it replaces.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace as dc_replace

from deid import entity as ent
from deid import people
from deid.linker import ACRONYM, KeyIndex, configured_kind
from deid.model import Kind, Mention, Planned, Span, SpanSet
from deid.pseudonym import Pseudonyms


class Planner:
    def __init__(self, study, index: KeyIndex, pseudonyms: Pseudonyms, style: str):
        self.study, self.index, self.ps, self.style = study, index, pseudonyms, style

    def pseudonym(self, m: Mention, text: str, analysed: str = "") -> str:
        """The pseudonym of a linked mention; its new forms go into the key. A name written
        in capitals is given the pseudonym of the name as `analysed` writes it."""
        if analysed and m.text.isupper() and analysed[m.start:m.end].lower() == m.text.lower() and \
                not self._acronym_of_known(m):
            m = dc_replace(m, text=analysed[m.start:m.end])   # same key, the words as names are written
        k = ent.key_of(m.text)
        if self.style == "bracket":
            pseudo = self._label(m.entity, m.kind)  # every form of one entity shares its label
            if k not in self.ps.map:
                self.ps.remember(m.text, pseudo)
        elif self._acronym_of_known(m) and k not in self.ps.map:
            # the abbreviation of a known institution: the initials of its pseudonym
            real = self.index.real_of[m.entity]
            caps = m.text.upper() != ent.acronym(real, caps=False) or ent.acronym(real) == m.text.upper()
            short = m.text.upper() == ent.acronym(real, False, short=True) != ent.acronym(real, caps)
            # (a name in capitals by its first words: "YAS" of "YORKSHIRE AMBULANCE SERVICE NHS TRUST")
            first = m.text.upper() == ent.acronym(real, True, short=True) != ent.acronym(real, True)
            pseudo = self.ps.pseudonym(real, Kind.INSTITUTION)
            pseudo = self.ps.acronym_for(m.text, (short and ent.acronym(pseudo, False, short=True))
                                         or (first and _first_letters(real, pseudo, len(m.text)))
                                         or ent.acronym(pseudo, caps))
            self.ps.remember(m.text, pseudo)
        elif m.kind == Kind.INSTITUTION and k not in self.ps.map and (head := self._stem(m)):
            pseudo = head   # "Nene Valley General" of "Nene Valley General Hospital": its pseudonym's words
            self.ps.remember(m.text, pseudo)
        elif m.kind == Kind.PERSON and (own := self._word_of_own(m)):
            pseudo = own   # "Brook" of "Brook Jenkins" where a "Mr A Brook" is someone else: hers
        elif m.kind == Kind.PERSON and k not in self.ps.map and (tail := self._tail(m) or self._first_cut(m)):
            pseudo = tail   # "Ní Bhriain" of "Niamh Ní Bhriain": the end of her pseudonym; "Raj" of "Rajesh"
            self.ps.remember(m.text, pseudo)
        else:
            title = ent.title_of(text, m.start) if m.kind == Kind.PERSON else ""
            pseudo = self.ps.pseudonym(m.text, m.kind, title=title, hint=m.recognizer)
        self.commit(m.entity)
        return pseudo

    def _acronym_of_known(self, m: Mention) -> bool:
        return m.kind == Kind.INSTITUTION and bool(ACRONYM.fullmatch(m.text)) and \
            self.index.real_of.get(m.entity, m.text) != m.text

    def _stem(self, m: Mention) -> str | None:
        """A body's name said without the kind words it ends with: as many words of the
        pseudonym of its whole name, where the two have as many words."""
        real = self.index.real_of.get(m.entity, "")
        said, whole = m.text.lower().split(), real.lower().split()
        if len(said) < 2 or len(said) >= len(whole) or whole[:len(said)] != said:
            return None
        pseudo = self.ps.pseudonym(real, Kind.INSTITUTION).split()
        return " ".join(pseudo[:len(said)]) if len(pseudo) == len(whole) else None

    def _first_cut(self, m: Mention) -> str | None:
        """A first name said cut short ("Raj" of "Rajesh Parmar"): the pseudonym's first name,
        by its nickname where the table has one."""
        rt = ent.tokens(self.index.real_of.get(m.entity, ""))
        if len(rt) < 2 or " " in m.text or len(m.text) < 3 or not rt[0].lower().startswith(m.text.lower()) \
                or rt[0].lower() == m.text.lower():
            return None
        first = self.ps.pseudonym(" ".join(rt), Kind.PERSON).split()[0]
        return next(iter(people.nicknames(first)), first)

    def _word_of_own(self, m: Mention) -> str | None:
        """A first name or a surname said alone, linked to its full name, where the word
        alone already has another person's pseudonym ("Brook" of "Mr A Brook" in another file;
        "Thành" of another "Thành"): the word of its own person's, first or last (not of a
        name written surname first, "OYELOWO,BABATUNDE A")."""
        real = self.index.real_of.get(m.entity, "")
        rt, k = real.split(), ent.key_of(m.text)
        if len(rt) < 2 or "," in real or " " in m.text or k not in self.ps.map:
            return None
        at = 0 if rt[0].lower() == m.text.lower() else -1 if rt[-1].lower() == m.text.lower() else None
        if at is None:
            return None
        pt = self.ps.pseudonym(real, Kind.PERSON).split()
        return pt[at] if len(pt) == len(rt) and pt[at] != self.ps.map[k] else None

    def _tail(self, m: Mention) -> str | None:
        """The last words of the pseudonym of the person whose name ends in the mention's
        words (two or more, no initial), where both have as many words."""
        real = self.index.real_of.get(m.entity, "")
        rt, mt = ent.tokens(real), ent.tokens(m.text)
        if not 2 <= len(mt) < len(rt) or [t.lower() for t in rt[-len(mt):]] != [t.lower() for t in mt]:
            return None
        pt = self.ps.pseudonym(real, Kind.PERSON).split()
        return " ".join(pt[-len(mt):]) if len(pt) == len(rt) else None

    def _label(self, eid: int, kind: Kind) -> str:
        label = self.study.entity(eid).pseudonym
        return label or self.ps.pseudonym(self.index.real_of[eid], kind)

    def commit(self, eid: int) -> None:
        """New forms into the key, and the entity's own pseudonym once its name has one."""
        for real, _ in self.ps.commit(self.study, eid):
            self.index.add_form(real, eid)
            if ent.key_of(real) in self.ps.short_forms:   # "Kestrel" of "Kestrel Freight": looked for alone
                self.index.add_alias(real, eid)
        e = self.study.entity(eid)
        if e and not e.pseudonym:
            p = self.ps.map.get(ent.key_of(e.real))
            if p:
                self.study.set_pseudonym(eid, p)

    # ------------------------------------------------------------ the researcher's configuration
    def configure(self, cfg) -> None:
        """Names, fixed pseudonyms and aliases from the researcher's configuration."""
        ix, ps = self.index, self.ps
        for real, pseudo in cfg.pseudonyms.items():
            eid = ix.add_entity(real, configured_kind(cfg, real, Kind.PERSON), origin="configuration")
            if ent.key_of(real) not in ps.map:
                ps.remember(real, pseudo)
                self.commit(eid)
        for real in cfg.names:
            kind = configured_kind(cfg, real, Kind.PERSON)
            eid = ix.add_entity(real, kind, origin="configuration")
            ps.pseudonym(real, kind)
            self.commit(eid)
        for alias, real in cfg.aliases.items():
            kind = configured_kind(cfg, real, Kind.INSTITUTION)
            eid = ix.add_entity(real, kind, origin="configuration")
            p = ps.pseudonym(real, kind)
            if ent.key_of(alias) not in ps.map:
                ps.remember(alias, ent.acronym(p) if alias.isupper() else p)
            ix.add_alias(alias, eid)
            self.commit(eid)


def _first_letters(real: str, pseudo: str, n: int) -> str:
    """The initials of the pseudonym's first `n` words, where it has as many words as the real
    name ("SVO" of "Still Valley Office PUM Fund" for "YAS"), else its first `n` initials."""
    said, made = real.split(), pseudo.split()
    return "".join(w[0] for w in made[:n]).upper() if len(said) == len(made) else ent.acronym(pseudo, True)[:n]


class FilePlan:
    """One file's mentions, each replaced (with its pseudonym) or only flagged, kept in text
    order with an index, so that a transcript of millions of characters stays linear."""

    def __init__(self, fno: int, mentions: list[Mention] = ()):
        self.fno = fno
        self.items = [Planned(m, None) for m in mentions]

    # The index holds (start, n) in text order; n numbers mentions as they came, so that
    # mentions starting together keep their order as a stable sort by start would.
    @property
    def items(self) -> list[Planned]:
        return [self._planned[n] for _, n in self._index]

    @items.setter
    def items(self, planned: list[Planned]) -> None:
        self._planned = dict(enumerate(planned))
        self._number = {id(p.mention): n for n, p in self._planned.items()}
        self._index = sorted((p.mention.start, n) for n, p in self._planned.items())
        self._longest = max((p.mention.end - p.mention.start for p in planned), default=0)
        self._next = len(planned)

    @property
    def mentions(self) -> list[Mention]:
        return [p.mention for p in self.items]

    def replaced(self) -> list[Planned]:
        return [p for p in self.items if p.replaced]

    def _n(self, m: Mention) -> int | None:
        """The number of a mention of the plan. Numbers are kept by id(): an id stays only
        while its mention is this one (a mention replaced in place and freed leaves its id
        to the next object, which is not it)."""
        n = self._number.get(id(m))
        return n if n is not None and n in self._planned and self._planned[n].mention is m else None

    def set(self, m: Mention, pseudonym: str | None, fixed: bool = False) -> None:
        n = self._n(m)
        if n is not None:
            p = self._planned[n]
            p.pseudonym, p.fixed = pseudonym, fixed
            return
        n, self._next = self._next, self._next + 1
        self._planned[n], self._number[id(m)] = Planned(m, pseudonym, fixed), n
        bisect.insort(self._index, (m.start, n))
        self._longest = max(self._longest, m.end - m.start)

    def remove(self, m: Mention) -> None:
        n = self._n(m)
        if n is not None:
            del self._number[id(m)]
            del self._planned[n]
            self._index.pop(bisect.bisect_left(self._index, (m.start, n)))

    def overlapping(self, span: Span) -> list[Planned]:
        lo = bisect.bisect_left(self._index, (span.start - self._longest,))
        hi = bisect.bisect_left(self._index, (span.end,))
        near = (self._planned[n] for _, n in self._index[lo:hi])
        return [p for p in near if p.mention.end > span.start]

    def resolve(self) -> None:
        """One mention per stretch of text: a replacement before a flag, then the longest."""
        taken, keep = SpanSet(), []
        for p in sorted(self.items, key=lambda p: (not p.replaced, -len(p.mention.span), p.mention.start)):
            if not taken.overlaps(p.mention.span):
                taken.add(p.mention.span)
                keep.append(p)
        self.items = keep


def generalised(text: str, dates: str) -> str:
    """What a date becomes when dates are generalised (its year) or replaced."""
    y = re.search(r"\b(1[89]|20)\d{2}\b", text)
    return f"[{y.group()}]" if y and dates in ("generalise", "generalize") else "[DATE]"
