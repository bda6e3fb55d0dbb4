"""Planning: the pseudonym each linked mention gets, and the plan of one file, which
decides among mentions that cover the same words.

`Planner.pseudonym` chooses (through the study's one `Pseudonyms`) and writes every new
form into the key as a form of the mention's entity; `FilePlan` holds one file's mentions
and their pseudonyms, without overlaps in what it replaces.
"""
from __future__ import annotations

import re

from deid import entity as ent
from deid.linker import ACRONYM, KeyIndex, configured_kind
from deid.model import Kind, Mention, Planned, Span
from deid.pseudonym import Pseudonyms


class Planner:
    def __init__(self, study, index: KeyIndex, pseudonyms: Pseudonyms, style: str):
        self.study, self.index, self.ps, self.style = study, index, pseudonyms, style

    def pseudonym(self, m: Mention, text: str) -> str:
        """The pseudonym of a linked mention; its new forms go into the key."""
        k = ent.key_of(m.text)
        if self.style == "bracket":
            pseudo = self._label(m.entity, m.kind)  # every form of one entity shares its label
            if k not in self.ps.map:
                self.ps._remember(m.text, pseudo)
        elif m.kind == Kind.INSTITUTION and ACRONYM.fullmatch(m.text) and k not in self.ps.map \
                and self.index.real_of.get(m.entity, m.text) != m.text:
            # the abbreviation of a known institution: the initials of its pseudonym
            real = self.index.real_of[m.entity]
            pseudo = ent.acronym(self.ps.pseudonym(real, Kind.INSTITUTION))
            self.ps._remember(m.text, pseudo)
        else:
            title = ent.title_of(text, m.start) if m.kind == Kind.PERSON else ""
            pseudo = self.ps.pseudonym(m.text, m.kind, title=title, hint=m.recognizer)
        self.commit(m.entity)
        return pseudo

    def _label(self, eid: int, kind: Kind) -> str:
        label = self.study.entity(eid).pseudonym
        return label or self.ps.pseudonym(self.index.real_of[eid], kind)

    def commit(self, eid: int) -> None:
        """New forms into the key, and the entity's own pseudonym once its name has one."""
        for real, _ in self.ps.commit(self.study, eid):
            self.index.add_form(real, eid)
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
                ps._remember(real, pseudo)
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
                ps._remember(alias, ent.acronym(p) if alias.isupper() else p)
            ix.add_alias(alias, eid)
            self.commit(eid)


class FilePlan:
    """One file's mentions, each replaced (with its pseudonym) or only flagged."""

    def __init__(self, fno: int, mentions: list[Mention] = ()):
        self.fno = fno
        self.items: list[Planned] = [Planned(m, None) for m in mentions]

    @property
    def mentions(self) -> list[Mention]:
        return [p.mention for p in self.items]

    def replaced(self) -> list[Planned]:
        return [p for p in self.items if p.replaced]

    def set(self, m: Mention, pseudonym: str | None) -> None:
        for p in self.items:
            if p.mention is m:
                p.pseudonym = pseudonym
                return
        self.items.append(Planned(m, pseudonym))
        self.sort()

    def remove(self, m: Mention) -> None:
        self.items = [p for p in self.items if p.mention is not m]

    def overlapping(self, span: Span) -> list[Planned]:
        return [p for p in self.items if p.mention.start < span.end and span.start < p.mention.end]

    def sort(self) -> None:
        self.items.sort(key=lambda p: p.mention.start)

    def resolve(self) -> None:
        """One mention per stretch of text: a replacement before a flag, then the longest."""
        keep: list[Planned] = []
        for p in sorted(self.items, key=lambda p: (not p.replaced, -len(p.mention.span), p.mention.start)):
            if not any(p.mention.span.overlaps(k.mention.span) for k in keep):
                keep.append(p)
        self.items = sorted(keep, key=lambda p: p.mention.start)


def generalised(text: str, dates: str) -> str:
    """What a date becomes when dates are generalised (its year) or replaced."""
    y = re.search(r"\b(1[89]|20)\d{2}\b", text)
    return f"[{y.group()}]" if y and dates in ("generalise", "generalize") else "[DATE]"
