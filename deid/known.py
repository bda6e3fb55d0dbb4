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
from deid.matcher import NameMatcher
from deid.model import KNOWN, Flag, Kind, Mention, Span
from deid.plan import FilePlan, Planner



def find_again(doc: Doc, plan: FilePlan, matcher: NameMatcher, linker: Linker, planner: Planner,
               keep: list[Span] = ()) -> None:
    """Every known form in the text becomes a replaced mention, unless a replacement at
    least as long already covers it, or the words are kept (`keep`: a nationality, a
    pseudonym of the study); it wins over shorter detections and flags."""
    for hit in matcher.find(doc.text, [(k.start, k.end) for k in keep], uncased=doc.uncased):
        s, e = hit.start, hit.end
        hit_span = Span(s, e)
        over = plan.overlapping(hit_span)
        done = [p for p in over if p.replaced]
        if any(p.mention.span.contains(hit_span) for p in done) or \
                any(len(p.mention.span) > e - s for p in done):
            continue
        s = _with_initial(doc.text, s, linker.index.kind_of.get(hit.entity))
        for p in plan.overlapping(Span(s, e)):
            plan.remove(p.mention)
        m = Mention(doc.fno, doc.turn_of(s), s, e, linker.index.kind_of.get(hit.entity, Kind.PERSON), 1.0,
                    KNOWN, doc.text[s:e])
        if m.text.islower() and words.is_common(m.text):
            m.flags.append(Flag.COMMON_WORD)
        linker.link(m)
        plan.set(m, planner.pseudonym(m, doc.text, doc.analysed))


# initials with their stops before a surname: "P. Raghunathan", "J.P. Smith" (not the
# letter of "Plan B Smith"); a Gaelic particle, with or without them: "D. Ní Fhlatharta"
INITIAL_BEFORE = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){1,3}[ \t]?(?:(?:%s)[ \t]+)?|(?:%s)[ \t]+)$"
                            % (("|".join(lexicon.GAELIC_PARTICLES),) * 2))


def _with_initial(text: str, s: int, kind) -> int:
    """Where a known person's name found again starts, with an initial or a particle written
    before it."""
    if kind != Kind.PERSON:
        return s
    m = INITIAL_BEFORE.search(text, max(0, s - 14), s)
    return m.start() if m else s


# what stands between two parts of one name: spaces, an initial, a nickname in brackets or quotes
# ("Pádraig (Paddy) Ó Súilleabháin", 'Siosaia ("Josh") Maka', 'Darnell "Slim" Hutchins')
JOINER = regex.compile(r"[ \t]+(?:[A-Z]\.?[ \t]+|\([\"“'‘]?\p{Lu}\p{Ll}+[\"”'’]?\)[ \t]+|"
                        rf"[\"“](?:{ent.NICKNAME})[\"”][ \t]+)?")


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
