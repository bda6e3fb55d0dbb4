"""De-identify a batch of transcripts with a study:

    detect (Presidio, batched)        detect.py, analyzer.py, recognizers.py
      -> select spans                 select.py
      -> mentions and their flags     rules.py
      -> parted, one kind per name    kinds.py
      -> link to entities             linker.py
      -> plan pseudonyms              plan.py (pseudonym.py)
      -> known names found again      known.py (matcher.py)
      -> sweep for what was missed    sweep.py
      -> apply, leak check            leak.py (the same matcher)
      -> store the review items       items.py, study.py

    results = deidentify(study, [transcript, ...], config)

Entities and pseudonyms are shared by every file of the study and every later run; the
caller saves the study.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace

from deid import entity as ent
from deid import filenames, kinds, known, labels, leak, participants, rules
from deid.abbrev import INITIALS, Abbreviations, defined_terms, person_initials
from deid.config import Config, never_replaced, remember
from deid.detect import Doc, detect, field_values
from deid.lexicon import DEFAULT_ALLOW
from deid.linker import KeyIndex, Linker, a_persons_name, stems
from deid.matcher import Rule
from deid.model import Field, Kind, Mention, NewItem, Span
from deid.own import Pseudonyms as OwnPseudonyms
from deid.plan import FilePlan, Planner, generalised
from deid.pseudonym import Pseudonyms
from deid.select import allowed_phrases, select
from deid.sweep import Sweep
from transcript import Replacement, Transcript, apply_replacements
from transcript.layouts import to_json


# what veil writes in a transcript's metadata (numbers and settings, never a name)
SAFE_META = ("duration", "diarization", "speakers", "unsure_below", "repetition_words_cut", "docx_bytes",
             "docx_layout")


@dataclass
class Result:
    name: str
    transcript: Transcript | None      # the de-identified transcript; None when refused
    mentions: list[Mention] = field(default_factory=list)
    flags: int = 0
    leaks: int = 0
    lost_decisions: int = 0            # review decisions that found no mention this time
    out_name: str = ""                 # the outputs' file name: no identifier in it
    looks_own: bool = False            # the input looks like veil's own output


def digest(tr: Transcript) -> str:
    return hashlib.sha256(to_json(tr).encode() + (tr.source or "").encode()).hexdigest()


@dataclass
class Run:
    """What the stages of one batch share: the study, its settings, the key as lookups,
    the linker and the planner."""
    study: object
    cfg: Config
    allow: set[str]
    index: KeyIndex
    linker: Linker
    planner: Planner

    @classmethod
    def start(cls, study, config: Config | None) -> "Run":
        cfg = remember(study, config or Config())
        index = KeyIndex(study)
        planner = Planner(study, index, Pseudonyms.of_study(study), cfg.style)
        planner.configure(cfg)
        allow = never_replaced(study)
        return cls(study, cfg, allow, index, Linker(index), planner)

    def matcher(self):
        return self.index.matcher(sorted(self.allow))

    def pseudonym_words(self) -> frozenset[str]:
        """The study's pseudonyms, whole and word by word, lower case: what the leak check
        never counts (veil's own output given back keeps them)."""
        return frozenset(k.lower() for v in self.planner.ps.map.values() for k in [v] + v.split())


def deidentify(study, transcripts: list[Transcript], config: Config | None = None,
               progress=None, detector=detect) -> list[Result]:
    """De-identify transcripts with the study; stores their source and review items in the
    study (the caller saves it) and returns the de-identified transcripts. `detector(docs,
    allow, progress)` sets each Doc's Presidio results (here, or on a cluster)."""
    run = Run.start(study, config)
    docs = [Doc.of(i, tr) for i, tr in enumerate(transcripts)]
    detector(docs, sorted(run.allow), progress)
    for doc in docs:
        doc.results += field_values(doc)   # (a header field's number, its cue read as a speaker)
    detected = run.matcher()   # names the study knew before this batch, as candidates
    own = OwnPseudonyms(run.planner.ps.map.values())
    # a name veil gave another transcript's output (one named as its own source is that
    # source run again; given back from elsewhere, run.py refuses it)
    output_names = {out for src, out in study.setting("output_names", {}).items() if src != out}
    plans, keeps, kept_pseudonyms, looks_own = [], [], [], []
    for doc in docs:
        known_hits = [(h.start, h.end, run.index.kind_of.get(h.entity, Kind.PERSON))
                      for h in detected.find(doc.analysed, dotted=False) if h.form.rule is Rule.ANY_CASE]
        # (once: the select and the sweep read them)
        phrases = allowed_phrases(doc.analysed, run.allow) + defined_terms(doc.analysed)
        found = select(doc.results, known_hits, doc.analysed, run.allow, phrases,
                       [m.start() for m in re.finditer("\t", doc.text)])
        mentions, keep = rules.mentions(doc, found, run.cfg)
        # veil's output given back: its pseudonyms stay
        pseudonyms, is_own = own.spans(doc.text, [t.speaker for t in doc.transcript.turns],
                                       doc.transcript.name in output_names)
        plans.append(FilePlan(doc.fno, [m for m in mentions if not own.covers(pseudonyms, m.span)]))
        keeps.append(keep + pseudonyms + phrases)
        kept_pseudonyms.append(pseudonyms)
        looks_own.append(is_own)
        doc.labels = {k: v for k, v in doc.labels.items()   # a pseudonym as speaker, or its initials
                      if not own.spans(v.mention.text)[0] and not (is_own and v.initials)}
    # initials of a person named in the transcript win over the acronyms veil knows, not
    # over the words a study (or veil's short allow-list) says identify no one
    explicit = {a.lower() for a in list(DEFAULT_ALLOW) + run.cfg.allow}
    abbreviations = Abbreviations(run.index, run.linker, run.planner, explicit)
    # no pseudonym may hold a word of a name found anywhere in the batch
    run.planner.ps.reserve([m.text for plan in plans for m in plan.mentions if m.kind != Kind.DATE] +
                           [m.text for doc in docs for lab in doc.labels.values()
                            for m in (lab.mention, lab.body) if m is not None])
    kinds.apart(plans, run.index)
    kinds.nicknamed(plans, [doc.text for doc in docs])
    kinds.agree(plans, run.index)   # (before linking: the first mention linked would decide)
    for doc, plan in zip(docs, plans):
        _link_labels(run, doc, None)
        _link_all(run, doc, plan)
        known.join_names(doc, plan, run.linker, run.planner)   # (before initials: "Siosaia ("Josh") Maka (SM)")
        _link_labels(run, doc, plan)
        abbreviations.run(doc, plan)
    for doc in docs:   # (after every transcript's bodies: "(OSH)" of one, "Ong Seng Hock Hospital (OSH)" of another)
        _link_bodies(run, doc)
    # a known form is replaced wherever it stands, even where spaCy calls it a nationality
    # ("Ravagnese"): the leak check counts it there too; only the study's pseudonyms stay
    _find_again(run, docs, plans, kept_pseudonyms)
    sweep = Sweep(run.linker, run.planner, run.allow)
    for doc, plan, keep in zip(docs, plans, keeps):
        sweep.run(doc, plan, keep)
        known.join_names(doc, plan, run.linker, run.planner)
        abbreviations.again(doc, plan)
    matcher = _find_again(run, docs, plans, kept_pseudonyms)   # forms the sweep added; the leak check's matcher
    results = [_finish(run, doc, plan, matcher) for doc, plan in zip(docs, plans)]
    for res, is_own in zip(results, looks_own):
        res.looks_own = is_own
    _name_outputs(run, docs, results)
    return results


def _name_outputs(run: Run, docs: list[Doc], results: list[Result]) -> None:
    """Each output's file name, with the names in the input's replaced (kept in the study);
    the output holds no path to its recording and only the metadata veil itself writes."""
    matcher, named = run.matcher(), run.study.setting("output_names", {})
    given = set(named.values())   # veil's own output given back keeps its name
    for doc, res in zip(docs, results):
        res.out_name = named[res.name] = res.name if res.name in given and res.name not in named else \
            filenames.deidentified(run, matcher, doc.fno, res.name)
        if res.transcript is not None:
            res.transcript.name, res.transcript.media = res.out_name, None
            res.transcript.meta = {k: v for k, v in res.transcript.meta.items() if k in SAFE_META}
    run.study.set_setting("output_names", named)


def _link_all(run: Run, doc: Doc, plan: FilePlan) -> None:
    """Every mention linked to an entity and given its pseudonym: people's full names
    first, then the rest in file order, so that a first name or nickname said before the
    full name ("Jess ... Jessica Alvarez") joins that person; dates get their label, and
    flagged-and-kept mentions none."""
    def full_name(p) -> bool:
        return p.mention.kind == Kind.PERSON and len(ent.tokens(p.mention.text)) > 1
    # a body's name said without its kind words, NER's person ("Oakley Vale" of "Oakley Vale
    # Academy" in this text), last: the body is linked first and it joins the body (not the
    # person a body is named after: "Dorothy Haines" of "Dorothy Haines Family Health Center")
    items = plan.items
    short = {ent.key_of(st) for p in items if p.mention.kind == Kind.INSTITUTION
             for st in stems(p.mention.text) if not a_persons_name(st)}
    later = [p for p in items if not p.mention.keep and ent.key_of(p.mention.text) in short]
    put_off = {id(p) for p in later}
    kept = [p for p in items if p.mention.keep]   # last: a name replaced elsewhere makes them names
    rest = [p for p in items if not p.mention.keep and id(p) not in put_off]
    initials: set[str] = set()   # of the full names linked so far
    for p in [p for p in rest if full_name(p)] + [p for p in rest if not full_name(p)] + later + kept:
        m = p.mention
        if m.kind == Kind.PERSON and m.text in initials and INITIALS.fullmatch(m.text):
            plan.remove(m)   # "KB" of "Kwame Boateng (KB)", NER's person: his initials (Abbreviations),
            continue         # not a name of its own with a surname for pseudonym
        if m.keep and _someone_named(run, m):
            m.keep = False   # "Tame got on at the works" of a Tame replaced later: the same Tame
        if m.kind == Kind.DATE:
            p.pseudonym = None if run.cfg.dates == "keep" else generalised(m.text, run.cfg.dates)
        elif not m.keep and not rules.bare_acronym(m, doc.text, run.index):
            run.linker.link(m)
            p.pseudonym = run.planner.pseudonym(m, doc.text, doc.analysed)
            if full_name(p) and m.entity is not None:
                initials |= person_initials(run.index.real_of.get(m.entity, m.text))


def _someone_named(run: Run, m) -> bool:
    """Whether a person's name NER found but the rules kept as an ordinary word is already
    somebody's, replaced elsewhere."""
    e = run.index.entity_of.get(ent.key_of(m.text))
    return m.kind == Kind.PERSON and e is not None and run.index.kind_of.get(e) == Kind.PERSON and \
        ent.key_of(m.text) in run.planner.ps.map


def _link_labels(run: Run, doc: Doc, plan: FilePlan | None) -> None:
    """Speaker labels with names linked and given pseudonyms (a label the study maps to a
    role or participant code becomes that). Full names first (`plan` None), before the
    text, so that a first name in the text joins its speaker; initials after the text
    (`plan`), as the initials of the person of this transcript they stand for."""
    for label, lab in doc.labels.items():
        if lab.initials != (plan is not None):
            continue
        m = lab.mention
        if plan is not None:
            lab.pseudonym = _initials(run, plan, m.text)
        elif lab.handle:
            lab.pseudonym = _handle(run, m)
        else:
            run.linker.link(m)
            lab.pseudonym = run.planner.pseudonym(m, label)
        if label in run.cfg.speakers:
            m.start, m.end, lab.pseudonym = 0, len(label), run.cfg.speakers[label]
            if labels.CODE.match(lab.pseudonym):   # a participant's code names the transcript's files
                codes = participants.codes(run.study)
                codes[doc.transcript.name] = lab.pseudonym
                run.study.set_setting(participants.SETTING, codes)


def _link_bodies(run: Run, doc: Doc) -> None:
    """The body a display name shows ("Wong Pei Shan (NUS)") linked like the text's
    bodies, after them, so that an acronym the text spells out has its pseudonym's initials."""
    for label, lab in doc.labels.items():
        m = lab.body
        if m is not None and m.text.lower() not in run.allow and label not in run.cfg.speakers:
            run.linker.link(m)
            lab.body_pseudonym = run.planner.pseudonym(m, label)


def _handle(run: Run, m) -> str:
    """A chat's user name as label ("maria.g") is the handle "@maria.g" of the text: one
    entity, one pseudonym (without its "@" in the label)."""
    at = dc_replace(m, text="@" + m.text, recognizer="SocialHandleRecognizer")
    run.linker.link(at)
    m.entity = at.entity
    p = run.planner.pseudonym(at, at.text).lstrip("@")
    if ent.key_of(m.text) not in run.planner.ps.map:
        run.planner.ps.remember(m.text, p)
        run.planner.commit(m.entity)
        run.index.add_alias(m.text, m.entity)   # looked for everywhere: "(maria.g)" of a member list
    return p


def _initials(run: Run, plan: FilePlan, text: str) -> str:
    wanted = re.sub(r"[^A-Z]", "", text)
    people = sorted({m.entity for m in plan.mentions if m.entity is not None and m.kind == Kind.PERSON})
    for eid in people:
        real = run.index.real_of.get(eid, "")
        if len(ent.tokens(real)) > 1 and labels.initials_of(real) == wanted:
            letters = iter(labels.initials_of(run.planner.ps.map.get(ent.key_of(real), "")))
            return re.sub(r"[A-Z]", lambda c: next(letters, c.group()), text)
    return run.planner.ps.initials(text)


def _find_again(run: Run, docs: list[Doc], plans: list[FilePlan], keeps: list[list[Span]]):
    matcher = run.matcher()
    for doc, plan, keep in zip(docs, plans, keeps):
        known.find_again(doc, plan, matcher, run.linker, run.planner, keep)
    return matcher


def _finish(run: Run, doc: Doc, plan: FilePlan, matcher) -> Result:
    """Apply the plan, check the output for leaks, store the review items."""
    plan.resolve()
    reps: dict[int, list[Replacement]] = {}
    for p in plan.replaced():
        base = doc.offsets[p.mention.turn]
        reps.setdefault(p.mention.turn, []).append(Replacement(p.mention.start - base, p.mention.end - base,
                                                               ent.joined_like(doc.text, p.mention.start,
                                                                               p.mention.end, p.pseudonym)))
    speakers = {label: labels.renamed(lab) for label, lab in doc.labels.items() if lab.pseudonym}
    new = apply_replacements(doc.transcript, reps, speakers)
    leaks = leak.count(new, reps, matcher, doc.uncased, run.pseudonym_words())
    lost = store(run.study, doc, plan)
    mentions = plan.mentions
    return Result(doc.transcript.name, None if leaks else new, mentions, sum(1 for m in mentions if m.flags),
                  leaks, lost)


def store(study, doc: Doc, plan: FilePlan) -> int:
    """Source and review items of one transcript, in the (encrypted) study; earlier review
    decisions carry over to the same mentions. Returns how many found none."""
    import json
    tr = doc.transcript
    rec = json.loads(to_json(tr))
    rec.update(layout=tr.layout, source=tr.source, offsets=[t.offset for t in tr.turns],
               docx=tr.meta.get("docx_bytes").hex() if tr.meta.get("docx_bytes") else None,
               docx_layout=tr.meta.get("docx_layout"))
    study.put_transcript(tr.name, "source", rec)
    new = []
    for p in plan.items:
        m, base = p.mention, doc.offsets[p.mention.turn]
        new.append(NewItem(m.turn, m.start - base, m.end - base, m.text, m.entity, m.kind, list(m.flags),
                           m.recognizer, m.score, p.replaced,
                           decision={"pseudonym": p.pseudonym} if p.fixed and p.pseudonym else None))
    for label, lab in doc.labels.items():
        m, role = lab.mention, label in study.setting("speakers", {})
        new.append(NewItem(m.turn, m.start, m.end, label[m.start:m.end], m.entity, m.kind, list(m.flags),
                           m.recognizer, m.score, lab.pseudonym is not None, Field.SPEAKER,
                           {"pseudonym": lab.pseudonym} if role or lab.initials else None))
        if lab.body is not None:
            b = lab.body
            new.append(NewItem(b.turn, b.start, b.end, b.text, b.entity, b.kind, [], b.recognizer, b.score,
                               lab.body_pseudonym is not None, Field.SPEAKER))
    _, lost = study.items.replace_all(tr.name, new)
    return lost

