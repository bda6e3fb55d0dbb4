"""One kind for a name said several times. NER reads each sentence on its own: the same
word is a person in one ("near Fearnley Lock, Oxenholt") and a place in the next ("his home
at 27 Tenter Croft, Oxenholt"). The entity would take the kind of whichever mention is
linked first, and a town would get a person's pseudonym in one place and a town's inside
its address. Read over the whole batch before linking, the kind most mentions and the
strongest evidence agree on is every mention's.

    apart(plans, index)      # people named together, read as one name, parted
    nicknamed(plans, texts)  # a name read as two around its quoted nickname, joined
    agree(plans, index)      # after the mentions of every file, before linking
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from deid import entity as ent
from deid import names, pools
from deid.address import POSTCODE
from deid.model import Kind, Mention

# the kinds NER confuses; a contact and a date are read by their own rules
AGREED = (Kind.PERSON, Kind.PLACE, Kind.INSTITUTION)
# evidence stronger than NER's reading: a word ends an address, after its last comma ("27
# Tenter Croft, Oxenholt WF16 9XZ"), or a cue says it is a person ("we call him Sugar", "Mr Sugar")
# a body's name said with its kind ("Lyell McEwin Hospital") says its name alone is the body's
ADDRESS, CUE, BODY = "address", "cue", "body"
CUE_RECOGNIZERS = ("NameContextRecognizer", "TitledPersonRecognizer")
# (a state and its postcode after the town: "4/27 Hallam Crescent, Sunshine West, VIC 3020")
TOWN_OF_ADDRESS = re.compile(rf",[ \t]*([^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)"
                             rf"(?:,?[ \t]+[A-Z]{{2,3}}(?=[ \t]+\d{{4,5}}[ \t]*$))?(?:[ \t]+(?:{POSTCODE}|\d{{4,5}}))?[ \t]*$")


def agree(plans, index) -> None:
    """Every person, place or body mention of a name the key does not hold yet given the kind
    its mentions in the batch agree on."""
    votes: dict[str, Counter] = {}
    for plan in plans:
        for m in plan.mentions:
            _vote(votes, m)
    for plan in plans:
        for m in plan.mentions:
            k = ent.key_of(m.text)
            if m.kind in AGREED and k in votes and k not in index.entity_of:
                m.kind = _winner(votes[k], m.kind, m.text)


# what joins the names of people said together: "Kacey-Leigh and Nevaeh", "Shannon, Kacey-Leigh"
JOINED = re.compile(r"[ \t]*(?:,|&|\band\b)[ \t]*")


def apart(plans, index) -> None:
    """A mention that is names of people joined ("Kacey-Leigh and Nevaeh", which NER read as
    one organisation) parted into one person's mention each, where every part is a person
    named elsewhere in the batch or in the key; so that neither gets a body's pseudonym."""
    people = set(index.people_with)
    for plan in plans:
        for m in plan.mentions:
            if m.kind == Kind.PERSON and not JOINED.search(m.text):
                people.add(ent.key_of(m.text))
                people.update(t.lower() for t in ent.tokens(m.text))
    for plan in plans:
        for m in plan.mentions:
            parts = _parts(m) if m.kind in AGREED and JOINED.search(m.text) and not _inverted(m.text, people) else []
            if len(parts) > 1 and all(ent.key_of(p.text) in people for p in parts):
                plan.remove(m)
                for p in parts:
                    plan.set(p, None)


def nicknamed(plans, texts) -> None:
    """A first name and a surname found apart around a nickname in quotes ('Darnell "Slim"
    Hutchins') joined into one mention before linking, so that the nickname is known as the
    person's before it is met alone ("with Slim and Luis")."""
    for plan, text in zip(plans, texts):
        items = sorted(plan.mentions, key=lambda m: m.start)
        for a, b in zip(items, items[1:]):
            quoted = ent.QUOTED_NICKNAME.match(text, a.end)
            if a.kind == b.kind == Kind.PERSON and a.turn == b.turn and quoted and quoted.end() == b.start \
                    and a in plan.mentions:
                plan.remove(a)
                plan.remove(b)
                plan.set(replace(a, end=b.end, text=text[a.start:b.end], score=min(a.score, b.score)), None)


def _inverted(text: str, people: set[str]) -> bool:
    """One person's name written surname first, as records do: "NOWAK, Tomasz", "Adeyemi, Kemi",
    "Lewis, Hannah" where a Hannah Lewis is named (not two people: "Shannon, Kacey-Leigh")."""
    parts = [p.strip() for p in text.split(",")]
    return len(parts) == 2 and all(parts) and " and " not in text and "&" not in text and \
        (parts[0].isupper() or parts[0] in names.last_names() and parts[0] not in names.first_names()
         or ent.key_of(f"{parts[1]} {parts[0]}") in people)


def _parts(m: Mention) -> list[Mention]:
    bounds = [0] + [i for j in JOINED.finditer(m.text) for i in j.span()] + [len(m.text)]
    return [replace(m, start=m.start + a, end=m.start + b, text=m.text[a:b], kind=Kind.PERSON, flags=list(m.flags))
            for a, b in zip(bounds[::2], bounds[1::2]) if b > a]


def _vote(votes: dict[str, Counter], m: Mention) -> None:
    if m.kind in AGREED and m.recognizer != "STREET_ADDRESS":
        count = votes.setdefault(ent.key_of(m.text), Counter())
        count[m.kind] += 1
        count[CUE] += m.kind == Kind.PERSON and m.recognizer in CUE_RECOGNIZERS
        short = pools.without_kind(m.text) if m.kind == Kind.INSTITUTION else ""
        if len(short.split()) > 1 and short != m.text:   # (not one word: "Lincoln" of "Lincoln Hospital")
            votes.setdefault(ent.key_of(short), Counter())[BODY] += 1
    elif m.recognizer == "STREET_ADDRESS" and (town := TOWN_OF_ADDRESS.search(m.text)):
        votes.setdefault(ent.key_of(town.group(1)), Counter())[ADDRESS] += 1


def _winner(count: Counter, kind: Kind, text: str) -> Kind:
    """The kind the stronger evidence says, else the kind most of NER's readings say (no
    disagreement leaves NER's); a body's name said with its kind is evidence for its name
    alone only where no first name opens it. A tie goes to a person where the name opens with a first
    name ("Marie-Ève Tremblay-Gagnon") or is a surname alone ("Mistry"); a listed first name
    alone is a town or a body only by an address ("Shirley" is both)."""
    toks = ent.tokens(text)
    # (a listed surname alone, no town, is a person's too: "Mistry" in "LC-04 Mistry consent.pdf")
    first = toks[0].split("-")[0] in names.first_names() or \
        len(toks) == 1 and toks[0] in names.last_names() and not names.is_town(toks[0])
    # (a body named after a person who is talked of too: "Dorothy Haines was a visiting nurse")
    strong = {Kind.PERSON: count[CUE], Kind.PLACE: count[ADDRESS], Kind.INSTITUTION: 0 if first else count[BODY]}
    readings = {k: count[k] + (strong[k] if k != Kind.PERSON else 0) for k in AGREED}
    readings = {k: n for k, n in readings.items() if n}
    if len(readings) < 2:
        return kind
    if len(evident := [k for k, n in strong.items() if n]) == 1:
        return evident[0]
    best = max(readings.values())
    top = [k for k, n in readings.items() if n == best]
    if len(top) > 1:
        return Kind.PERSON if Kind.PERSON in top and first else kind
    if top[0] != Kind.PERSON and Kind.PERSON in readings and first and len(toks) == 1 and not count[ADDRESS]:
        return kind
    return top[0]
