"""De-identify a batch of transcripts with a study: detect (Presidio), link mentions to
entities, pick pseudonyms from the study key, flag what a person should check, replace,
and check the result for leaks.

    results = deidentify(study, [transcript, ...], config)

Detection runs once over the whole batch (spaCy batched); entities and pseudonyms are
shared by every file of the study and every later run.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from deid import entity as ent
from deid import leak, names, words
from deid.config import DEFAULT_ALLOW, Config, remember
from deid.entity import Mention
from deid.linker import Linker, known_forms
from deid.mentions import (bare_acronym, flag_candidates, join_names, non_overlapping, ordinary_words,
                           select, turn_of)
from deid.truecase import is_uncased, truecase
from transcript import Replacement, Transcript, apply_replacements
from transcript.layouts import to_json

SEP = "\n\n"
AGE_RX = re.compile(r"\b(\d{2,3})[- ](?:years?|yrs?)[- ]old\b|\bage[d]? (\d{2,3})\b|\b(\d{2,3})s\b", re.I)
# an age said without "years": "she is 93 now", "he turned 91", "at 95"
AGE_SAID = re.compile(r"\b(?:is|was|turned|turns|turning|at|aged|age of|reached)[ \t]+(\d{2,3})\b(?![ \t]*(?:%|percent|"
                      r"dollars|minutes|hours|days|weeks|months|patients|people|beds|miles|kilos|pounds))", re.I)
DOB_RX = re.compile(r"\b(?:born|birthday|date of birth|DOB|d\.o\.b\.)\b", re.I)


@dataclass
class Result:
    name: str
    transcript: Transcript | None      # the de-identified transcript; None when refused
    mentions: list[Mention] = field(default_factory=list)
    flags: int = 0
    leaks: int = 0


def digest(tr: Transcript) -> str:
    return hashlib.sha256(to_json(tr).encode() + (tr.source or "").encode()).hexdigest()




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
                                   for real, eid in known_forms(linker) if not
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
        for s, e, kind, score, rec, ptype in select(res, analysed[fno], allow):
            t = turn_of(offsets, s)
            if e > offsets[t] + len(transcripts[fno].turns[t].text):
                continue  # crosses a turn boundary
            m = Mention(fno, t, s, e, kind, score, ptype if ptype in ("STREET_ADDRESS", "URL") else rec, text[s:e])
            if kind == "place" and cfg.regions == "keep" and ent.key_of(m.text) in names.regions():
                keep[-1].append((s, e))  # a country or state, kept by the study's configuration
                continue
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
            if ordinary_words(m, rec):
                m.keep = True
                m.flags.append("ordinary words: is this a name?")
            mentions.append(m)
        if cfg.dates == "keep":  # ages over 89 said in words, which NER does not take for dates
            for a in AGE_SAID.finditer(text):
                if int(a.group(1)) > 89 and not any(m.start < a.end(1) and a.start(1) < m.end for m in mentions):
                    t = turn_of(offsets, a.start(1))
                    mentions.append(Mention(fno, t, a.start(1), a.end(1), "date", 0.5, "AgeRecognizer",
                                            a.group(1), flags=["age over 89"]))
            mentions.sort(key=lambda m: m.start)
        per_file.append(mentions)

    # link every mention, in file order, to an entity and a pseudonym (none holding a word
    # of a name found anywhere in the batch)
    linker.pseudonyms.reserve(m.text for mentions in per_file for m in mentions if m.kind != "date")
    pseudo_of: dict[tuple[int, int], str] = {}
    for fno, mentions in enumerate(per_file):
        text = joined[fno][0]
        for m in mentions:
            if m.kind == "date":
                if cfg.dates == "keep":
                    continue
                pseudo_of[(fno, m.start)] = "[DATE]" if cfg.dates == "replace" else _generalise(m.text)
                continue
            if m.keep or bare_acronym(m, text, linker):
                continue
            pseudo_of[(fno, m.start)] = linker.link(m, fno, text)

    # second pass: every known form, found again wherever NER missed it
    _known_pass(per_file, joined, linker, pseudo_of, allow)

    # fuzzy matches of known names (speech-recognition misspellings) and possible misses
    person_tokens = {t for t in linker.pseudonyms.map if " " not in t and len(t) >= 4
                     and linker.kind_of.get(linker.entity_of.get(t)) == "person"}
    for fno, mentions in enumerate(per_file):
        text, offsets = joined[fno]
        flag_candidates(analysed[fno], offsets, fno, mentions, person_tokens, allow, linker, pseudo_of,
                         keep[fno])

    for fno, mentions in enumerate(per_file):
        per_file[fno] = join_names(mentions, joined[fno][0], fno, linker, pseudo_of)
    rx_of = _known_pass(per_file, joined, linker, pseudo_of, allow)  # forms the fuzzy pass added

    out = []
    for fno, tr in enumerate(transcripts):
        text, offsets = joined[fno]
        mentions = per_file[fno] = non_overlapping(per_file[fno], lambda m: (fno, m.start) in pseudo_of)
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
    reals = [r for r, _ in known_forms(linker)]
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
            t = turn_of(offsets, s)
            eid = linker.entity_of.get(ent.key_of(text[s:e]))
            kind = linker.kind_of.get(eid, "person")
            m = Mention(fno, t, s, e, kind, 1.0, "KnownEntity", text[s:e])
            if text[s:e].islower() and words.is_common(text[s:e]):
                m.flags.append("name that is also a common word")
            pseudo_of[(fno, s)] = linker.link(m, fno, text)
            mentions.append(m)
        mentions.sort(key=lambda m: m.start)
    return rx_of


def _generalise(text: str) -> str:
    y = re.search(r"\b(1[89]|20)\d{2}\b", text)
    return f"[{y.group()}]" if y else "[DATE]"


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
    offsets = _texts(tr)[1]
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
