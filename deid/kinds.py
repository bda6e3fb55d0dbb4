"""One kind for a name said several times. NER reads each sentence on its own: the same
word is a person in one ("near Fearnley Lock, Oxenholt") and a place in the next ("his home
at 27 Tenter Croft, Oxenholt"). The entity would take the kind of whichever mention is
linked first, and a town would get a person's pseudonym in one place and a town's inside
its address. Read over the whole batch before linking, the kind most mentions and the
strongest evidence agree on is every mention's.

    agree(plans, index)      # after the mentions of every file, before linking
"""
from __future__ import annotations

import re
from collections import Counter

from deid import entity as ent
from deid import names
from deid.address import POSTCODE
from deid.model import Kind, Mention

# person and place are the kinds NER confuses; a body, a contact, a date are read by their own rules
AGREED = (Kind.PERSON, Kind.PLACE)
# evidence stronger than NER's reading: a word ends an address, after its last comma ("27
# Tenter Croft, Oxenholt WF16 9XZ"), or a cue says it is a person ("we call him Sugar", "Mr Sugar")
ADDRESS, CUE = "address", "cue"
CUE_RECOGNIZERS = ("NameContextRecognizer", "TitledPersonRecognizer")
TOWN_OF_ADDRESS = re.compile(rf",[ \t]*([^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)(?:[ \t]+{POSTCODE})?[ \t]*$")


def agree(plans, index) -> None:
    """Every person or place mention of a name the key does not hold yet given the kind its
    mentions in the batch agree on (a tie leaves each as NER read it)."""
    votes: dict[str, Counter] = {}
    for plan in plans:
        for m in plan.mentions:
            _vote(votes, m)
    for plan in plans:
        for m in plan.mentions:
            k = ent.key_of(m.text)
            if m.kind in AGREED and k in votes and k not in index.entity_of:
                m.kind = _winner(votes[k], m.kind, m.text)


def _vote(votes: dict[str, Counter], m: Mention) -> None:
    if m.kind in AGREED and m.recognizer != "STREET_ADDRESS":
        count = votes.setdefault(ent.key_of(m.text), Counter())
        count[m.kind] += 1
        count[CUE] += m.kind == Kind.PERSON and m.recognizer in CUE_RECOGNIZERS
    elif m.recognizer == "STREET_ADDRESS" and (town := TOWN_OF_ADDRESS.search(m.text)):
        votes.setdefault(ent.key_of(town.group(1)), Counter())[ADDRESS] += 1


def _winner(count: Counter, kind: Kind, text: str) -> Kind:
    """The kind the stronger evidence says, else the kind more of NER's readings say (a tie,
    or no disagreement, leaves NER's); a listed first name is a town only by an address
    ("Shirley" is both)."""
    person, place = count[Kind.PERSON], count[Kind.PLACE] + count[ADDRESS]
    if not person or not place:
        return kind
    if bool(count[CUE]) != bool(count[ADDRESS]):
        return Kind.PERSON if count[CUE] else Kind.PLACE
    if person == place:
        return kind
    if place > person and ent.tokens(text)[0] in names.first_names() and not count[ADDRESS]:
        return kind
    return Kind.PLACE if place > person else Kind.PERSON
