"""Known names found again: every searchable form of the key wherever detection missed it
(with the same matcher the leak check uses), and parts of one name found apart joined
into one mention."""
from __future__ import annotations

import re

import regex

from deid import entity as ent
from deid import lexicon, words
from deid.detect import Doc
from deid.linker import Linker
from deid.matcher import Hit, NameMatcher
from deid.model import KNOWN, Flag, Kind, Mention, Span
from deid.plan import FilePlan, Planner
from deid.select import THING_BEFORE



def find_again(doc: Doc, plan: FilePlan, matcher: NameMatcher, linker: Linker, planner: Planner,
               keep: list[Span] = ()) -> None:
    """Every known form in the text becomes a replaced mention, unless a replacement at
    least as long already covers it, or the words are kept (`keep`: a nationality, a
    pseudonym of the study); it wins over shorter detections and flags."""
    kept = [(k.start, k.end) for k in keep]
    given_way = [hit for hit in matcher.find(doc.text, kept, uncased=doc.uncased)
                 if not _found_again(doc, plan, hit, linker, planner)]
    # a shorter form beside the longer name a hit gave way to, which that name's replacement
    # leaves standing: "ama" of "ama Kwa" where "Kwa Wairimu Shop" is replaced (the leak check,
    # which sees the output, would find it); looked for on the hit's line only
    for line in sorted({_line_of(doc.text, h.start, h.end) for h in given_way}):
        a, b = line
        outside = [(s - a, e - a) for s, e in kept + [(p.mention.start, p.mention.end) for p in plan.replaced()]
                   if s < b and e > a]
        for h in matcher.find(doc.text[a:b], outside, uncased=doc.uncased):
            _found_again(doc, plan, Hit(h.start + a, h.end + a, h.form), linker, planner)


def _line_of(text: str, s: int, e: int) -> tuple[int, int]:
    end = text.find("\n", e)
    return text.rfind("\n", 0, s) + 1, len(text) if end < 0 else end


def _found_again(doc: Doc, plan: FilePlan, hit, linker: Linker, planner: Planner) -> bool:
    """A known form found: a replaced mention, unless a replacement covers it or a longer one
    overlaps it (False: it gave way to that one)."""
    s, e = hit.start, hit.end
    hit_span = Span(s, e)
    over = plan.overlapping(hit_span)
    done = [p for p in over if p.replaced]
    if any(p.mention.span.contains(hit_span) for p in done):
        return True    # covered whole: nothing of it stands
    if any(len(p.mention.span) > e - s for p in done):
        return False   # gives way to a longer name it overlaps
    s = _with_initial(doc.text, s, linker.index.kind_of.get(hit.entity))
    for p in plan.overlapping(Span(s, e)):
        plan.remove(p.mention)
    # (a name a file's name joins with underscores is the name NER read there with spaces:
    # "Interview_Ingrid_Kautokeino", one person however often the name is written)
    # (not a user name's underscore: "raj_subra87" is the handle of a label)
    kind = linker.index.kind_of.get(hit.entity, Kind.PERSON)
    said = doc.analysed[s:e] if kind != Kind.CONTACT and "_" in doc.text[s:e] and \
        doc.analysed[s:e] == doc.text[s:e].replace("_", " ") else doc.text[s:e]
    m = Mention(doc.fno, doc.turn_of(s), s, e, kind, 1.0, KNOWN, said)
    if m.text.islower() and words.is_common(m.text):
        m.flags.append(Flag.COMMON_WORD)
    linker.link(m)
    plan.set(m, planner.pseudonym(m, doc.text, doc.analysed))
    return True


# initials before a surname: with their stops, "P. Raghunathan", "J.P. Smith"; without, as a
# form or a police log writes them, "L M Evans", "K PICKERSGILL" (never "I", the pronoun, nor
# "A", the article); a Gaelic particle, with or without them: "D. Ní Fhlatharta"
INITIAL_BEFORE = re.compile(r"(?<![\w.])(?:(?:(?:[A-Z]\.){1,3}[ \t]?|(?:[B-HJ-Z] ){1,3})(?:(?:%s)[ \t]+)?"
                            r"|(?:%s)[ \t]+)$" % (("|".join(lexicon.GAELIC_PARTICLES),) * 2))


def _with_initial(text: str, s: int, kind) -> int:
    """Where a known person's name found again starts, with an initial or a particle written
    before it (not the letter of a thing: "Plan B Smith", "Grade C Evans", "I got an A. Marguerite")."""
    if kind != Kind.PERSON:
        return s
    m = INITIAL_BEFORE.search(text, max(0, s - 14), s)
    if not m or THING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return s
    return m.start()


# what stands between two parts of one name: spaces, an initial, a nickname in brackets or quotes
# ("Pádraig (Paddy) Ó Súilleabháin", 'Siosaia ("Josh") Maka', 'Darnell "Slim" Hutchins'); not a
# tab, a table's next cell ("Māori\tNgāti Kurukahu" of an NVivo sheet's row)
JOINER = regex.compile(r"[ ]+(?:[A-Z]\.?[ ]+|\([\"“'‘]?\p{Lu}\p{Ll}+[\"”'’]?\)[ ]+|"
                        rf"[\"“](?:{ent.NICKNAME})[\"”][ ]+)?")


def join_names(doc: Doc, plan: FilePlan, linker: Linker, planner: Planner) -> None:
    """Parts of one name found apart ("Fredrik" … "Sommerseth", with the initial "L" or a
    nickname in brackets between) become one mention, so the initial or the nickname goes
    too and the name has one pseudonym ('Siosaia ("Josh") Maka' -> 'Damon ("Eddie") Cole')."""
    items = sorted(plan.items, key=lambda p: p.mention.start)
    out = []
    for p in items:
        prev = out[-1] if out else None
        m = p.mention
        if prev and prev.mention.kind == m.kind == Kind.PERSON and prev.mention.turn == m.turn \
                and not prev.mention.keep and not m.keep and prev.replaced and p.replaced \
                and JOINER.fullmatch(doc.text[prev.mention.end:m.start]):
            a = prev.mention
            joined = Mention(doc.fno, m.turn, a.start, m.end, Kind.PERSON, min(a.score, m.score),
                             a.recognizer, doc.text[a.start:m.end], flags=a.flags + m.flags)
            linker.link(joined)
            prev.mention, prev.pseudonym = joined, planner.pseudonym(joined, doc.text, doc.analysed)
        else:
            out.append(p)
    plan.items = out
    for p in out:
        _grow_to_initials(doc, plan, p, linker, planner)


# initials after a name, as South India writes its names: "Sreeja P K", "Karthik R." (not
# "I", the pronoun, nor "A", the article, undotted; not a letter joined on: "B-grade"; a space
# apart only, a tab being a table's next cell: "Gareth Evans\tB\tF")
INITIALS_AFTER = re.compile(r"(?: (?:[A-Z]\.|[B-HJ-Z](?![\w'’\-]))){1,3}")
ONLY_INITIALS = re.compile(r"[ \t]*(?:[A-Z]\.?[ \t]*)+")


def _grow_to_initials(doc: Doc, plan: FilePlan, p, linker: Linker, planner: Planner) -> None:
    """A replaced person's name takes the initials written next to it ("L M Evans" found as
    "Evans", "Sreeja P K" as "Sreeja"), so no initial is left beside the pseudonym. Flags kept
    on those letters alone give way to it."""
    m = p.mention
    if not p.replaced or m.keep or m.kind != Kind.PERSON:
        return
    s = _with_initial(doc.text, m.start, m.kind)
    after = INITIALS_AFTER.match(doc.text, m.end)
    e = after.end() if after else m.end
    others = [o for o in plan.overlapping(Span(s, e)) if o is not p]
    if (s, e) == (m.start, m.end) or doc.turn_of(s) != m.turn or doc.turn_of(max(s, e - 1)) != m.turn or \
            any(o.replaced for o in others):
        return
    for o in others:
        plan.remove(o.mention)
    grown = Mention(doc.fno, m.turn, s, e, m.kind, m.score, m.recognizer, doc.text[s:e], flags=m.flags)
    if m.entity is not None:
        linker.index.add_form(grown.text, m.entity)   # (the same person: "Sreeja" alone later is her)
    linker.link(grown)
    plan.remove(m)
    plan.set(grown, _with_initials_of(planner, grown, doc.text[s:m.start], p.pseudonym, doc.text[m.end:e])
             or planner.pseudonym(grown, doc.text, doc.analysed))


def _with_initials_of(planner: Planner, grown: Mention, before: str, pseudonym: str, after: str) -> str | None:
    """The pseudonym of a name grown by its initials: the name's own pseudonym with other
    letters beside it ("L M Evans" -> "G T Miller" where "Evans" is "Miller"), so the surname
    has one pseudonym; None where more than letters joined it (a particle: "Ní")."""
    if not all(ONLY_INITIALS.fullmatch(x) for x in (before, after) if x):
        return None
    k = ent.key_of(grown.text)
    if k not in planner.ps.map:
        planner.ps.remember(grown.text, planner.ps.reletter(before) + pseudonym + planner.ps.reletter(after))
        planner.commit(grown.entity)
    return planner.ps.map[k]
