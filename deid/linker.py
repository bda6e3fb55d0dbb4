"""Linking mentions to the entities of a study, and giving each its pseudonym."""
from __future__ import annotations

import os
import re

from deid import entity as ent
from deid import words
from deid.config import Config
from deid.entity import Mention
from deid.pseudonym import Pseudonyms


class Linker:
    """Links each mention to an entity of the study and gives it its pseudonym."""

    def __init__(self, study, cfg: Config):
        self.study, self.cfg = study, cfg
        rows = study.db.execute(
            "SELECT v.entity, v.real, v.pseudonym, e.kind, e.real FROM variant v JOIN entity e ON e.id=v.entity")
        self.entity_of: dict[str, int] = {}
        self.kind_of: dict[int, str] = {}
        self.real_of: dict[int, str] = {}
        self.written: dict[str, str] = {}   # form key -> the form as written
        self.aliases: set[str] = set()      # nicknames and abbreviations from the configuration
        self.tokens_of: dict[int, set[str]] = {}
        pairs = []
        for eid, real, pseudo, kind, entity_real in rows:
            self.entity_of.setdefault(ent.key_of(real), eid)
            self.written.setdefault(ent.key_of(real), real)
            self.kind_of[eid] = kind
            self.real_of[eid] = entity_real
            self.tokens_of.setdefault(eid, set()).update(t.lower() for t in ent.tokens(real))
            pairs.append((real, pseudo))
        counters = study.setting("counters", {})
        seed = os.environ.get("VEIL_SEED")  # reproducible pseudonyms, for tests and debugging
        self.pseudonyms = Pseudonyms(pairs, style=cfg.style, counters=counters,
                                     seed=int(seed) if seed else None, origin=cfg.origin, own=cfg.pools)
        self.recent: dict[int, int] = {}  # entity -> last file index it was mentioned in
        self._configure()

    def _configure(self) -> None:
        """Names, fixed pseudonyms and aliases from the researcher's configuration."""
        for real, pseudo in self.cfg.pseudonyms.items():
            kind = self.cfg.kinds.get(real, "institution" if ent.acronym(real) and any(
                k.lower() in real.lower() for k in ent.INSTITUTION_KINDS) else "person")
            eid = self._entity(real, kind, origin="configuration")
            if ent.key_of(real) not in self.pseudonyms.map:
                self.pseudonyms._remember(real, pseudo)
                self._flush(eid)
        for real in self.cfg.names:
            kind = self.cfg.kinds.get(real, "person")
            eid = self._entity(real, kind, origin="configuration")
            self.pseudonyms.pseudonym(real, kind)
            self._flush(eid)
        for alias, real in self.cfg.aliases.items():
            kind = self.cfg.kinds.get(real, "institution")
            eid = self._entity(real, kind, origin="configuration")
            p = self.pseudonyms.pseudonym(real, kind)
            if ent.key_of(alias) not in self.pseudonyms.map:
                self.pseudonyms._remember(alias, ent.acronym(p) if alias.isupper() else p)
            self.entity_of[ent.key_of(alias)] = eid
            self.aliases.add(ent.key_of(alias))
            self._flush(eid)

    def _entity(self, real: str, kind: str, origin: str = "detected", gender=None) -> int:
        k = ent.key_of(real)
        if k in self.entity_of:
            return self.entity_of[k]
        eid = self.study.add_entity(kind, real, "", gender, origin)
        self.entity_of[k] = eid
        self.written.setdefault(k, real)
        self.kind_of[eid] = kind
        self.real_of[eid] = real
        self.tokens_of[eid] = {t.lower() for t in ent.tokens(real)}
        return eid

    def _flush(self, eid: int) -> None:
        for real, pseudo in self.pseudonyms.new:
            self.study.add_variant(eid, real, pseudo)
            self.entity_of.setdefault(ent.key_of(real), eid)
            self.written.setdefault(ent.key_of(real), real)
            self.tokens_of.setdefault(eid, set()).update(t.lower() for t in ent.tokens(real))
        ent_row = self.study.entity(eid)
        if ent_row and not ent_row.pseudonym:
            p = self.pseudonyms.map.get(ent.key_of(ent_row.real))
            if p:
                self.study.set_pseudonym(eid, p)
        self.pseudonyms.new.clear()

    def link(self, m: Mention, file_no: int, text: str) -> str:
        """Entity and pseudonym of one mention; adds flags when the link is uncertain."""
        k = ent.key_of(m.text)
        title = ent.title_of(text, m.start) if m.kind == "person" else ""
        eid = self.entity_of.get(k)
        if eid is None and m.kind == "person" and len(ent.tokens(m.text)) == 1:
            cands = [e for e, toks in self.tokens_of.items()
                     if self.kind_of.get(e) == "person" and k in toks]
            here = [e for e in cands if self.recent.get(e) == file_no]
            pick = here or cands
            if len(pick) > 1:
                m.flags.append("ambiguous: more than one person has this name")
            if pick:
                eid = max(pick, key=lambda e: (self.recent.get(e, -1), e))
        if eid is None and m.kind == "institution" and re.fullmatch(r"[A-Z]{2,6}", m.text):
            for e, kind in self.kind_of.items():
                real = self.study.entity(e).real if kind == "institution" else ""
                if real and ent.acronym(real) == m.text:
                    eid = e
                    pseudo = self.pseudonyms.pseudonym(real, "institution")
                    if k not in self.pseudonyms.map:
                        self.pseudonyms._remember(m.text, ent.acronym(pseudo))
                    break
        if eid is None:
            eid = self._entity(m.text, m.kind)
        m.entity = eid
        self.recent[eid] = file_no
        no = eid if self.cfg.style == "bracket" else None
        if self.cfg.style == "bracket":
            # every form of one entity shares its label
            label = self.study.entity(eid).pseudonym
            if not label:
                label = self.pseudonyms.pseudonym(self.study.entity(eid).real, m.kind, entity_no=self._label_no(m.kind))
            if k not in self.pseudonyms.map:
                self.pseudonyms._remember(m.text, label)
            pseudo = label
        else:
            pseudo = self.pseudonyms.pseudonym(m.text, m.kind, title=title, entity_no=no, hint=m.recognizer)
        self._flush(eid)
        return pseudo

    def _label_no(self, kind: str) -> int:
        n = self.study.setting("counters", {}).get(kind, 0) + 1
        c = self.study.setting("counters", {})
        c[kind] = n
        self.study.set_setting("counters", c)
        return n


def known_forms(linker: Linker) -> list[tuple[str, int]]:
    """The forms of the key that are looked for everywhere (and by the leak check): whole
    names as written, and each word of a person's name; not the single words inside a
    place or institution ("Street", "Club"), nor ordinary words that are no name."""
    from deid import names
    given, family = names.first_names(), names.last_names()

    def propagates(form: str, eid: int) -> bool:
        if not ent.searchable(form):
            return False
        if ent.is_stop_word(form):  # "Will", "May": looked for in mid-sentence only (see leak)
            return linker.kind_of.get(eid) == "person" and form.title() in given
        kind = linker.kind_of.get(eid)
        written = linker.written.get(form, form)
        if kind != "person" and " " not in form and form != ent.key_of(linker.real_of.get(eid, "")) \
                and form not in linker.aliases and not re.fullmatch(r"[A-Z]{2,6}", written):
            return False  # one word of a longer name
        if " " in form or not words.is_common(form):
            return True
        # a single ordinary word ("Orchestra", "Comedy") is found again only if it is a name
        return kind == "person" and (form.title() in given or form.title() in family)

    return [(form, eid) for form, eid in linker.entity_of.items() if propagates(form, eid)]
