"""De-identify a batch of transcripts with a study: detect (Presidio), link mentions to
entities, pick pseudonyms from the study key, flag what a person should check, replace,
and check the result for leaks.

    results = deidentify(study, [transcript, ...], config)

Detection runs once over the whole batch (spaCy batched); entities and pseudonyms are
shared by every file of the study and every later run.
"""
from __future__ import annotations

import hashlib
import os
import json
import re

import regex
from dataclasses import dataclass, field

from deid import entity as ent
from deid import leak, words
from deid.config import DEFAULT_ALLOW, Config, remember
from deid.entity import Mention
from deid.pseudonym import Pseudonyms
from deid.truecase import is_uncased, truecase
from transcript import Replacement, Transcript, apply_replacements
from transcript.layouts import to_json

SEP = "\n\n"
AGE_RX = re.compile(r"\b(\d{2,3})[- ](?:years?|yrs?)[- ]old\b|\bage[d]? (\d{2,3})\b|\b(\d{2,3})s\b", re.I)
DOB_RX = re.compile(r"\b(?:born|birthday|date of birth|DOB|d\.o\.b\.)\b", re.I)


@dataclass
class Result:
    name: str
    transcript: Transcript | None      # the de-identified transcript; None when refused
    mentions: list[Mention] = field(default_factory=list)
    flags: int = 0
    leaks: int = 0
    skipped: bool = False


def digest(tr: Transcript) -> str:
    return hashlib.sha256(to_json(tr).encode() + (tr.source or "").encode()).hexdigest()


# ------------------------------------------------------------------------- selection
CONTEXT_RECOGNIZERS = ("NameContextRecognizer", "TitledPersonRecognizer")  # a name by its context
PRIORITY = {"known": 0, "contact": 1, "person": 2, "institution": 3, "place": 4, "date": 5}


def _turn_of(offsets: list[int], pos: int) -> int:
    lo, hi = 0, len(offsets) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if offsets[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _select(results, text: str, allow: set[str]) -> list[tuple[int, int, str, float, str, str]]:
    """Non-overlapping spans (start, end, kind, score, recognizer, presidio type), the best first."""
    cands = []
    for r in results:
        kind = ent.KIND_OF.get(r.entity_type)
        if kind is None:
            continue
        rec = (r.recognition_metadata or {}).get("recognizer_name", "")
        known = (r.recognition_metadata or {}).get("known", False)
        if kind in ("institution", "place") and ent.TITLE_RX.match(text[r.start:r.end]) \
                and r.entity_type != "STREET_ADDRESS":
            kind = "person"  # "Pastor Darnell Banks", "Dean William Rich": NER took a title for a name
        s, e, core = ent.trim(text, r.start, r.end, kind, address=r.entity_type == "STREET_ADDRESS")
        if not core or core.lower() in allow or e <= s:
            continue
        if kind != "contact" and kind != "date" and not known:
            letters = [c for c in core if c.isalpha()]
            if not letters:
                continue
            toks = ent.tokens(core)
            if len(toks) == 1 and ent.is_stop_word(core) and rec not in CONTEXT_RECOGNIZERS \
                    and (core.islower() or _sentence_start(text, s)):
                continue  # "Will" mid-sentence, capitalised, is a name; "Will you" is not
            # lower-case text NER calls a name is usually a common word
            if core == core.lower() and all(words.is_common(t) for t in toks):
                continue
            if all(t.lower() in ent.GENERIC_WORDS or t.lower() in ent.TITLE_WORDS for t in toks):
                continue
            if "\n" in core and r.entity_type != "STREET_ADDRESS":
                continue
        pattern_based = r.entity_type in ("STREET_ADDRESS",) or kind == "contact"
        cands.append((0 if known else 1 if pattern_based else 2, -(e - s), PRIORITY[kind], -r.score,
                      s, e, kind, r.score, rec, r.entity_type))
    cands.sort()
    taken: list[tuple[int, int]] = []
    out = []
    for _, _, _, _, s, e, kind, score, rec, ptype in cands:
        if any(s < b and e > a for a, b in taken):
            continue
        taken.append((s, e))
        out.append((s, e, kind, score, rec, ptype))
    return sorted(_whole_names(text, out, taken))


def _sentence_start(text: str, pos: int) -> bool:
    return re.search(r"(?:^|[.!?:;\"“(]\s*|\n\s*)$", text[max(0, pos - 3):pos]) is not None


def _whole_names(text: str, spans: list, taken: list) -> list:
    """A person's name is replaced whole: the capitalised words and initials written right
    next to a detected part join it ("Dreux" + "Joly", "Szabina" + "J" + "Gelencsér")."""
    from deid import names
    out = []
    for s, e, kind, score, rec, ptype in spans:
        others = [(a2, b2) for a2, b2 in taken if (a2, b2) != (s, e)]
        if kind == "person":
            while True:  # to the left
                m = regex.search(r"(\p{Lu}[\p{L}'’\-]+|\p{Lu}\.?)[ \t]+$", text[max(0, s - 40):s])
                if not m:
                    break
                w = m.group(1)
                a = s - (len(m.group()))
                if any(a < b2 and s > a2 for a2, b2 in others) or w.lower().rstrip(".") in ent.TITLE_WORDS \
                        or w not in names.first_names() and (ent.is_stop_word(w) or words.is_common(w)):
                    break  # a first name joins even when it is an ordinary word: "Hope Delacroix"
                s = a
            while True:  # to the right
                m = regex.match(r"[ \t]+(\p{Lu}[\p{L}'’\-]+|\p{Lu}\.?)(?![\w'’])", text[e:e + 40])
                if not m:
                    break
                w = m.group(1)
                b = e + m.end()
                if any(e < b2 and b > a2 for a2, b2 in others) or ent.is_stop_word(w) \
                        or words.is_everyday(w) or words.is_common(w) and w not in names.last_names() \
                        and len(w.rstrip(".")) > 1:
                    break
                e = b
        out.append((s, e, kind, score, rec, ptype))
    return out


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
                                     seed=int(seed) if seed else None)
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


# ------------------------------------------------------------------------- the batch
def _texts(tr: Transcript) -> tuple[str, list[int]]:
    offsets, pos = [], 0
    for t in tr.turns:
        offsets.append(pos)
        pos += len(t.text) + len(SEP)
    return SEP.join(t.text for t in tr.turns), offsets


def _date_flags(text: str, s: int, e: int) -> str | None:
    span = text[s:e]
    for m in AGE_RX.finditer(span):
        n = int(next(g for g in m.groups() if g))
        if n > 89:
            return "age over 89"
    if DOB_RX.search(text[max(0, s - 40):s]) and re.search(r"\d", span):
        return "specific date of birth"
    return None


def deidentify(study, transcripts: list[Transcript], config: Config | None = None,
               progress=None) -> list[Result]:
    """De-identify transcripts with the study; stores their source, mentions and review
    items in the study (the caller saves it) and returns the de-identified transcripts."""
    from deid import analyzer
    from deid.recognizers import KnownEntityRecognizer

    cfg = remember(study, config or Config())
    allow = {a.lower() for a in DEFAULT_ALLOW + cfg.allow}
    linker = Linker(study, cfg)
    known = KnownEntityRecognizer([(real, ent.PRESIDIO_OF[linker.kind_of[eid]])
                                   for real, eid in _known_forms(linker) if not
                                   (" " not in real and words.is_common(real))])
    joined = [_texts(tr) for tr in transcripts]
    # an all-lower-case transcript is read with its likely names capitalised (same offsets)
    analysed = [truecase(t) if is_uncased(t) else t for t, _ in joined]
    results = analyzer.analyze_batch(analysed, known=known, allow=sorted(allow), progress=progress)

    per_file: list[list[Mention]] = []
    keep: list[list[tuple[int, int]]] = []   # spans never replaced: nationalities, languages
    for fno, ((text, offsets), res) in enumerate(zip(joined, results)):
        mentions = []
        keep.append([(r.start, r.end) for r in res if r.entity_type == "NRP"])  # nationalities
        for s, e, kind, score, rec, ptype in _select(res, analysed[fno], allow):
            t = _turn_of(offsets, s)
            if e > offsets[t] + len(transcripts[fno].turns[t].text):
                continue  # crosses a turn boundary
            m = Mention(fno, t, s, e, kind, score, ptype if ptype in ("STREET_ADDRESS", "URL") else rec, text[s:e])
            if kind == "date":
                why = _date_flags(text, s, e) if cfg.dates == "keep" else None
                if why:
                    m.flags.append(why)
                    mentions.append(m)
                elif cfg.dates != "keep":
                    mentions.append(m)
                continue
            if score < 0.5:
                m.flags.append("low confidence")
            if kind == "person" and len(ent.tokens(m.text)) == 1 and words.is_common(m.text):
                m.flags.append("name that is also a common word")
            if _ordinary_words(m, rec):
                m.keep = True
                m.flags.append("ordinary words: is this a name?")
            mentions.append(m)
        per_file.append(mentions)

    # link every mention, in file order, to an entity and a pseudonym
    pseudo_of: dict[tuple[int, int], str] = {}
    for fno, mentions in enumerate(per_file):
        text = joined[fno][0]
        for m in mentions:
            if m.kind == "date":
                if cfg.dates == "keep":
                    continue
                pseudo_of[(fno, m.start)] = "[DATE]" if cfg.dates == "replace" else _generalise(m.text)
                continue
            if m.keep or _bare_acronym(m, text, linker):
                continue
            pseudo_of[(fno, m.start)] = linker.link(m, fno, text)

    # second pass: every known form, found again wherever NER missed it
    _known_pass(per_file, joined, linker, pseudo_of, allow)

    # fuzzy matches of known names (speech-recognition misspellings) and possible misses
    person_tokens = {t for t in linker.pseudonyms.map if " " not in t and len(t) >= 4
                     and linker.kind_of.get(linker.entity_of.get(t)) == "person"}
    for fno, mentions in enumerate(per_file):
        text, offsets = joined[fno]
        _flag_candidates(analysed[fno], offsets, fno, mentions, person_tokens, allow, linker, pseudo_of,
                         keep[fno])

    for fno, mentions in enumerate(per_file):
        per_file[fno] = _join_names(mentions, joined[fno][0], fno, linker, pseudo_of)
    rx_of = _known_pass(per_file, joined, linker, pseudo_of, allow)  # forms the fuzzy pass added

    out = []
    for fno, tr in enumerate(transcripts):
        text, offsets = joined[fno]
        mentions = per_file[fno] = _non_overlapping(per_file[fno], lambda m: (fno, m.start) in pseudo_of)
        reps: dict[int, list[Replacement]] = {}
        for m in mentions:
            p = pseudo_of.get((fno, m.start))
            if p is None:
                continue
            base = offsets[m.turn]
            reps.setdefault(m.turn, []).append(Replacement(m.start - base, m.end - base, p))
        new = apply_replacements(tr, reps)
        leaks = leak.count(new, reps, rx_of[fno])
        _store(study, tr, mentions, pseudo_of, fno)
        flags = sum(1 for m in mentions if m.flags)
        out.append(Result(tr.name, None if leaks else new, mentions, flags, leaks))
    study.set_setting("counters", linker.pseudonyms.counters)
    return out


def _known_pass(per_file, joined, linker, pseudo_of, allow):
    """Every known form, found again wherever detection missed it. Returns, per file, the
    regex of known forms, which the leak check uses too."""
    reals = [r for r, _ in _known_forms(linker)]
    cased, uncased = leak.pattern(reals, sorted(allow)), None
    rx_of = []
    for fno, mentions in enumerate(per_file):
        text, offsets = joined[fno]
        rx = cased
        if is_uncased(text):
            rx = uncased = uncased or leak.pattern(reals, sorted(allow), uncased=True)
        rx_of.append(rx)
        for s, e in leak.find(text, rx):
            over = [m for m in mentions if s < m.end and m.start < e]
            done = [m for m in over if (fno, m.start) in pseudo_of]  # replaced already
            if any(m.start <= s and e <= m.end for m in done):
                continue  # already inside a replacement
            if any(m.end - m.start > e - s for m in done):
                continue
            for m in over:  # a known form wins over shorter detections and flags it overlaps
                mentions.remove(m)
                pseudo_of.pop((fno, m.start), None)
            t = _turn_of(offsets, s)
            eid = linker.entity_of.get(ent.key_of(text[s:e]))
            kind = linker.kind_of.get(eid, "person")
            m = Mention(fno, t, s, e, kind, 1.0, "KnownEntity", text[s:e])
            if text[s:e].islower() and words.is_common(text[s:e]):
                m.flags.append("name that is also a common word")
            pseudo_of[(fno, s)] = linker.link(m, fno, text)
            mentions.append(m)
        mentions.sort(key=lambda m: m.start)
    return rx_of


def _join_names(mentions: list[Mention], text: str, fno: int, linker: Linker, pseudo_of) -> list[Mention]:
    """Parts of one name found apart ("Fredrik" … "Sommerseth", with the initial "L" between)
    become one mention, so the initial goes too and the name has one pseudonym."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev and prev.kind == m.kind == "person" and prev.turn == m.turn and not prev.keep and not m.keep \
                and (fno, prev.start) in pseudo_of and (fno, m.start) in pseudo_of \
                and re.fullmatch(r"[ \t]+(?:[A-Z]\.?[ \t]+)?", text[prev.end:m.start]):
            pseudo_of.pop((fno, prev.start))
            pseudo_of.pop((fno, m.start))
            joined = Mention(fno, m.turn, prev.start, m.end, "person", min(prev.score, m.score),
                             prev.recognizer, text[prev.start:m.end], flags=prev.flags + m.flags)
            pseudo_of[(fno, joined.start)] = linker.link(joined, fno, text)
            out[-1] = joined
        else:
            out.append(m)
    return out


def _non_overlapping(mentions: list[Mention], replaced=lambda m: True) -> list[Mention]:
    """One mention per stretch of text: a replacement before a flag, then the longest."""
    keep: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (not replaced(m), -(m.end - m.start), m.start)):
        if not any(m.start < k.end and k.start < m.end for k in keep):
            keep.append(m)
    return sorted(keep, key=lambda m: m.start)


def _known_forms(linker: Linker) -> list[tuple[str, int]]:
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


def _generalise(text: str) -> str:
    y = re.search(r"\b(1[89]|20)\d{2}\b", text)
    return f"[{y.group()}]" if y else "[DATE]"


CAP_WORD = regex.compile(r"\p{Lu}\p{Ll}{2,}(?:['’\-]\p{L}+)?")
CAPS_WORD = regex.compile(r"\p{Lu}{4,}")
PLACE_CONTEXT = re.compile(r"\b(?:in|at|from|to|near|of)\s+$", re.I)
WORD = regex.compile(r"(?<![\w'’@.\-/])[\p{L}][\p{L}'’\-]{3,}(?![\w@]|[.\-/]\w)")


def _flag_candidates(text, offsets, fno, mentions, person_tokens, allow, linker, pseudo_of, keep=()):
    """Words detection did not take but a reviewer should see: misspellings of known names
    (replaced like the name they resemble) and capitalised words in no dictionary and in no
    everyday use (replaced too: a wrong replacement costs a click, a miss a leak)."""
    from rapidfuzz import fuzz, process

    from deid import names
    from deid.pseudonym import case_like
    taken = [(m.start, m.end) for m in mentions] + list(keep)
    choices = sorted(person_tokens)
    for mt in WORD.finditer(text):
        s, e = mt.span()
        w = mt.group()
        a_name = w in names.first_names() or w in names.last_names()
        if any(s < b and e > a for a, b in taken) or w.lower() in allow or \
                words.is_common(w) and not (a_name and not words.is_everyday(w)):
            continue
        if choices:
            hit = process.extractOne(w.lower(), choices, scorer=fuzz.ratio, score_cutoff=85)
            if hit and hit[0] != w.lower():
                m = Mention(fno, _turn_of(offsets, s), s, e, "person", hit[1] / 100, "FuzzyKnownName", w,
                            flags=["possible misspelling of a known name"])
                m.entity = linker.entity_of.get(hit[0]) or linker._entity(w, "person")
                p = case_like(w, linker.pseudonyms.map[hit[0]])
                linker.pseudonyms._remember(w, p)
                linker._flush(m.entity)
                pseudo_of[(fno, s)] = p
                mentions.append(m)
                taken.append((s, e))
                continue
        if ent.is_stop_word(w) or w.lower() in ent.TITLE_WORDS or not (CAP_WORD.fullmatch(w) or CAPS_WORD.fullmatch(w)):
            continue
        kind = "place" if PLACE_CONTEXT.search(text[max(0, s - 12):s]) else "person"
        m = Mention(fno, _turn_of(offsets, s), s, e, kind, 0.0, "PossibleMiss", w,
                    flags=["possible miss: capitalised word in no dictionary"])
        if not _bare_acronym(m, text, linker):
            pseudo_of[(fno, s)] = linker.link(m, fno, text)
        mentions.append(m)
        taken.append((s, e))
    mentions.sort(key=lambda m: m.start)


def _ordinary_words(m: Mention, rec: str) -> bool:
    """What NER calls a name but is made of ordinary words only, flagged and kept: a single
    word that is no one's name ("Wisdom", "Discipline"), or a title of three words or more
    ("Foundations of Clinical Practice", "Guilty Pleasures: 5 Musicians Of The 70s")."""
    from deid import names
    if rec != "SpacyRecognizer":
        return False
    toks = [t for t in ent.tokens(m.text) if re.search(r"\w", t)]
    if len(toks) == 1 and m.kind in ("person", "institution"):  # "Wisdom", "Society"; not "Chicago"
        w = toks[0]
        ordinary = words.is_common(w) if m.kind == "person" else words.is_everyday(w)
        return ordinary and w.title() not in names.first_names() \
            and w.title() not in names.last_names() and w not in names.place_words()
    if m.kind == "person" and all(words.is_common(t) and t.title() not in names.first_names()
                                  and t.title() not in names.last_names() for t in toks):
        return True  # "Guilty Pleasures": no word of it is anybody's name
    if m.kind == "institution" and len(toks) >= 3 and re.search(r" (?:of|and|the|to|for|in) |: |\d| & |, ", m.text):
        # Title Case with small words in it, or a number: a course or a title, not an employer
        return all((words.is_common(t) and t not in names.place_words()) or ent.is_stop_word(t)
                   or t.isdigit() or t in "&" for t in toks)
    return False


ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
# words before an acronym that make it a place or institution: "at UMKC", "from NSUMC"
ACRONYM_CUE = re.compile(r"\b(?:at|from|to|in|joined|attended|left|with|for|near|of)\s+(?:the\s+)?$", re.I)


def _bare_acronym(m: Mention, text: str, linker: Linker) -> bool:
    """An acronym nobody listed and nothing marks as a place or institution ("BSN", "MRSA",
    "N95", "the CMO") is flagged for review, not replaced."""
    if not ACRONYM.fullmatch(m.text) or ent.key_of(m.text) in linker.entity_of:
        return False
    if any(k == "institution" and ent.acronym(linker.real_of.get(e, "")) == m.text
           for e, k in linker.kind_of.items()):
        return False  # the abbreviation of a known institution
    if ACRONYM_CUE.search(text[max(0, m.start - 16):m.start]) or text[m.end:m.end + 2] in ("'s", "’s"):
        return False
    m.flags.append("acronym: does it name a place or institution?")
    return True


def _store(study, tr: Transcript, mentions: list[Mention], pseudo_of, fno: int) -> None:
    """Source, mentions and review items of one transcript, in the (encrypted) study."""
    name = tr.name
    rec = json.loads(to_json(tr))
    rec.update(layout=tr.layout, source=tr.source,
               offsets=[t.offset for t in tr.turns],
               docx=tr.meta.get("docx_bytes").hex() if tr.meta.get("docx_bytes") else None,
               docx_layout=tr.meta.get("docx_layout"))
    study.put_transcript(name, "source", rec)
    study.db.execute("DELETE FROM item WHERE transcript=?", (name,))
    spans = []
    offsets, pos = [], 0
    for t in tr.turns:
        offsets.append(pos)
        pos += len(t.text) + len(SEP)
    for m in mentions:
        status = "open" if m.flags else "auto"
        base = offsets[m.turn]
        cur = study.db.execute(
            "INSERT INTO item(transcript, turn, start, end, text, entity, kind, reason, score, status) "
            "VALUES(?,?,?,?,?,?,?,?,?,?)",
            (name, m.turn, m.start - base, m.end - base, m.text, m.entity, m.kind,
             "; ".join(m.flags) or m.recognizer, m.score, status))
        spans.append({"item": cur.lastrowid, "turn": m.turn, "start": m.start - base,
                      "end": m.end - base, "replace": (fno, m.start) in pseudo_of})
    study.put_transcript(name, "mentions", {"spans": spans})
