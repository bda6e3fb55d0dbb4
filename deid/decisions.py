"""What a reviewer decides, applied to the study: the review items, the entities and their
pseudonyms. Every function here writes (and audits); rendering is in `render`."""
from __future__ import annotations

import json
import re

from deid import entity as ent
from deid.matcher import NameMatcher
from deid.model import REVIEWER, Field, Item, Kind, NewItem, Status
from deid.plan import generalised
from deid.people import is_first_name
from deid.pseudonym import Pseudonyms
from deid.render import deidentified, rescan, source_transcript  # noqa: F401  (the review API)
from deid.study import StudyError, now


def item(study, item_id) -> Item:
    it = study.items.get(item_id)
    if it is None:
        raise StudyError(f"no review item {item_id}")
    return it


def decide(study, item_id: int, status: str, reviewer: str, **detail) -> None:
    """Accept or reject one item (or mark it corrected, with detail such as pseudonym)."""
    try:
        status = Status(status)
    except ValueError:
        raise StudyError(f"unknown decision {status!r}")
    if status == Status.AUTO:
        raise StudyError("an item cannot be decided automatic")
    item(study, item_id)
    study.items.decide(item_id, status, reviewer, detail or None)


def approve(study, name: str, reviewer: str) -> None:
    """A reviewer approves a transcript for analysis: every flag decided. Recorded with
    the reviewer's name and time, and in the audit trail."""
    if study.get_transcript(name, "source") is None:
        raise StudyError("no such transcript")
    left = study.open_items(name)
    if left:
        raise StudyError(f"{left} flag(s) still open: decide them before approving")
    approved = study.setting("approved", {})
    approved[name] = {"reviewer": reviewer, "at": now()}
    study.set_setting("approved", approved)
    study.audit(reviewer, None, "approve", json.dumps({"transcript": name}))


def approval(study, name: str) -> dict | None:
    """Who approved a transcript and when; None when nobody has, or when flags opened since."""
    a = study.setting("approved", {}).get(name)
    return a if a and not study.open_items(name) else None


def siblings(study, it: Item) -> list[Item]:
    """The other open flags on the same words, in the same place kind, of the transcript."""
    return [i for i in study.items.of(it.transcript) if i.id != it.id and i.status == Status.OPEN
            and i.text == it.text and i.field == it.field and i.flags == it.flags]


def rename_entity(study, entity_id: int, pseudonym: str, reviewer: str) -> None:
    """A new pseudonym for an entity, everywhere: its whole form and each of its words."""
    e = study.entity(entity_id)
    if e is None:
        raise StudyError(f"no entity {entity_id}")
    old_words, new_words = e.pseudonym.split(), pseudonym.split()
    with study.lock:
        study.set_pseudonym(entity_id, pseudonym)
        for v in study.variants(entity_id):
            if ent.key_of(v.pseudonym) == ent.key_of(e.pseudonym):
                study.set_variant(entity_id, v.real, pseudonym)
            elif len(old_words) == len(new_words) and v.pseudonym in old_words:
                study.set_variant(entity_id, v.real, new_words[old_words.index(v.pseudonym)])
        study.audit(reviewer, None, "rename", json.dumps({"entity": entity_id}))


def set_kind(study, entity_id: int, kind: str, reviewer: str) -> None:
    """Another kind for an entity: a pseudonym of the new kind (a person re-kinded to a
    place gets a place name), for its whole form and each of its words, everywhere."""
    try:
        kind = Kind(kind)
    except ValueError:
        raise StudyError(f"unknown kind {kind!r}")
    e = study.entity(entity_id)
    if e is None:
        raise StudyError(f"no entity {entity_id}")
    with study.lock:
        if kind != e.kind:
            _repseudonymise(study, e, kind)
        study.set_kind(entity_id, kind)
        study.audit(reviewer, None, "kind", json.dumps({"entity": entity_id, "kind": kind.value,
                                                        "was": e.kind.value}))


def _repseudonymise(study, e, kind: Kind) -> None:
    """New pseudonyms of `kind` for the forms of entity `e` that no other entity shares."""
    variants = study.variants()
    shared = {ent.key_of(v.real) for v in variants if v.entity != e.id}
    own = {ent.key_of(v.real): v.real for v in variants if v.entity == e.id and ent.key_of(v.real) not in shared}
    ps = Pseudonyms.of_study(study)
    for k in list(own) + ([ent.key_of(e.real)] if ent.key_of(e.real) not in shared else []):
        ps.map.pop(k, None)
    # the whole name first, so that its words are mapped by their role in it
    forms = [e.real] + sorted((r for k, r in own.items() if k != ent.key_of(e.real)),
                              key=lambda r: (-len(ent.tokens(r)), -len(r), r))
    if kind == Kind.DATE or ps.style == "bracket":
        label = generalised(e.real, study.setting("dates", "keep")) if kind == Kind.DATE \
            else ps.pseudonym(e.real, kind)
        for f in forms:
            ps.remember(f, label)
    else:
        for f in forms:
            ps.pseudonym(f, kind)
    for real in own.values():
        study.delete_variant(e.id, real)
    ps.commit(study, e.id)
    study.set_pseudonym(e.id, ps.map.get(ent.key_of(e.real), e.pseudonym))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’.\-]*", text)


def _carried(form: str, current: str, other, keep, keep_forms: dict[str, str], ps: Pseudonyms) -> str:
    """The pseudonym a form of `other` takes once it is a form of `keep`: the kept entity's
    pseudonym for the same words (a first name takes its first name, a surname its
    surname); words the kept entity has no counterpart for keep the pseudonym they had."""
    kw, fw, pw = _words(keep.real), _words(form), _words(keep.pseudonym)
    if ps.style == "bracket" or re.fullmatch(r"\[[^\]]*\]", keep.pseudonym) or not fw or len(fw) == len(kw):
        return keep.pseudonym

    def keep_word(i: int) -> str | None:
        return keep_forms.get(ent.key_of(kw[i])) or (pw[i] if len(pw) == len(kw) else None)

    by_word = {ent.key_of(w): keep_word(i) for i, w in enumerate(kw) if keep_word(i)}
    if keep.kind != Kind.PERSON and ent.key_of(form) == ent.key_of(other.real) \
            and not any(ent.key_of(w) in by_word for w in fw):
        return keep.pseudonym  # another name of the same place or institution ("NMH")
    slots = (keep_word(0) if kw and (len(kw) > 1 or is_first_name(kw[0])) else None,
             keep_word(len(kw) - 1) if kw and (len(kw) > 1 or not is_first_name(kw[0])) else None)
    n, words_done = len(fw), []

    def word(m) -> str:
        w, idx = m.group(), len(words_done)
        words_done.append(w)
        k = ent.key_of(w)
        if k in by_word:
            return by_word[k]
        if keep.kind == Kind.PERSON:
            first = (n > 1 and idx == 0) or (n == 1 and is_first_name(w))
            slot = slots[0] if first else slots[1] if (n == 1 or idx == n - 1) else None
            if slot:
                return slot
        return current if n == 1 else ps.map.get(k) or ps.pseudonym(w, keep.kind)
    return re.sub(r"[^\W_][\w'’.\-]*", word, form)


def merge(study, keep: int, other: int, reviewer: str) -> None:
    """Two entities are one: `other`'s forms become forms of `keep` with `keep`'s pseudonym
    for the same words (forms `keep` already has are dropped), its items point to `keep`."""
    k, o = study.entity(keep), study.entity(other)
    if k is None or o is None:
        raise StudyError("no such entity")
    if keep == other:
        raise StudyError("an entity cannot be merged with itself")
    with study.lock:
        keep_forms = {ent.key_of(v.real): v.pseudonym for v in study.variants(keep)}
        forms = [(v.real, v.pseudonym) for v in study.variants(other)]
        if ent.key_of(o.real) not in {ent.key_of(r) for r, _ in forms}:
            forms.append((o.real, o.pseudonym))
        ps = Pseudonyms.of_study(study)
        moved = dropped = 0
        # the whole name first, then its longer forms: words follow the names they are in
        for real, p in sorted(forms, key=lambda f: (ent.key_of(f[0]) != ent.key_of(o.real), -len(_words(f[0])))):
            if ent.key_of(real) in keep_forms:
                dropped += 1
                continue
            newp = _carried(real, p, o, k, keep_forms, ps)
            study.add_variant(keep, real, newp)
            keep_forms[ent.key_of(real)] = newp
            moved += 1
        for real, pseudo in ps.commit(study, None):  # words that had no pseudonym yet
            if ent.key_of(real) not in keep_forms:
                study.add_variant(keep, real, pseudo)
        _drop_split_pseudonyms(study, other, {ent.key_of(p) for _, p in forms} | {ent.key_of(o.pseudonym)})
        study.items.relink(other, keep, k.kind)
        study.delete_entity(other)
        study.audit(reviewer, None, "merge", json.dumps({"keep": keep, "other": other, "forms_moved": moved,
                                                         "forms_dropped": dropped}))


def _drop_split_pseudonyms(study, entity: int, own: set[str]) -> None:
    """A pseudonym decided on one mention of `entity` (a split) gives way to the kept one's."""
    for it in study.items.of_entity(entity):
        d = dict(it.decision or {})
        if d.get("pseudonym") and ent.key_of(d["pseudonym"]) in own:
            d.pop("pseudonym")
            study.items.set_decision(it.id, d or None)


def merge_item(study, item_id: int, keep: int, reviewer: str) -> None:
    """A mention linked to no entity (a possible miss) is a mention of `keep`: its words
    become a form of `keep`, with `keep`'s pseudonym for the same words, and it is accepted."""
    k = study.entity(keep)
    it = study.items.get(item_id)
    if k is None or it is None:
        raise StudyError("no such entity or review item")
    with study.lock:
        keep_forms = {ent.key_of(v.real): v.pseudonym for v in study.variants(keep)}
        if ent.key_of(it.text) not in keep_forms:
            ps = Pseudonyms.of_study(study)
            current = ps.map.get(ent.key_of(it.text), k.pseudonym)
            study.add_variant(keep, it.text, _carried(it.text, current, k, k, keep_forms, ps))
            ps.commit(study, keep)
        study.items.decide(item_id, Status.ACCEPTED, reviewer, entity=keep, kind=k.kind)
        study.audit(reviewer, item_id, "merge", json.dumps({"keep": keep}))
        rescan(study)


def split(study, item_id: int, reviewer: str) -> int:
    """This mention is a different entity from the one it was linked to: it gets an
    entity and pseudonym of its own (decided on this item only)."""
    it = item(study, item_id)
    ps = Pseudonyms.of_study(study)
    ps.map.pop(ent.key_of(it.text), None)
    p = ps.pseudonym(it.text, it.kind)
    with study.lock:
        eid = study.add_entity(it.kind, it.text, p, origin="review")
        study.items.decide(item_id, Status.CORRECTED, reviewer, {"pseudonym": p}, entity=eid)
        study.audit(reviewer, item_id, "split", json.dumps({"entity": eid}))
    return eid


def add_missed(study, text: str, kind: str, reviewer: str) -> int:
    """A missed identifier: becomes an entity (or the entity that already has these words),
    and every mention of it in every transcript of the study is replaced: a new accepted
    item, or an open flag on the same words (a possible miss) linked to the entity and
    accepted. Returns how many mentions are now replaced that were not before."""
    text = " ".join(text.split())
    if not text or kind not in ent.KINDS:
        raise StudyError("select the words and choose a kind")
    kind = Kind(kind)
    with study.lock:
        eid = _entity_of(study, text, kind)
        matcher = NameMatcher([(text, eid)], any_case=True)
        found = linked = 0
        for name in study.transcript_names("source"):
            f, n = _mark_in(study, name, matcher, eid, kind, reviewer)
            found, linked = found + f, linked + n
        study.audit(reviewer, None, "missed", json.dumps({"entity": eid, "mentions": found, "flags": linked}))
        rescan(study)   # the words of the name, where they stand alone
    return found + linked


def _entity_of(study, text: str, kind: Kind) -> int:
    """The entity that has these words (whole, or as one of its forms), else a new one; the
    words get a pseudonym in the key."""
    key = ent.key_of(text)
    eid = next((e.id for e in study.entities() if ent.key_of(e.real) == key), None)
    if eid is None:  # a form of a known entity ("Okafor" of "Samuel Okafor")
        eid = next((v.entity for v in study.variants() if ent.key_of(v.real) == key), None)
    ps = Pseudonyms.of_study(study)
    p = ps.pseudonym(text, kind)
    if eid is None:
        eid = study.add_entity(kind, text, p, origin="review")
    ps.commit(study, eid)
    study.add_variant(eid, text, p)
    return eid


def _mark_in(study, name: str, matcher, eid: int, kind: Kind, reviewer: str) -> tuple[int, int]:
    """The marked words in one transcript: flags on the same words accepted (linked), other
    places replaced by a reviewer's item (found; shorter items inside it go)."""
    tr = source_transcript(study, name)
    items = [i for i in study.items.of(name) if i.field == Field.TEXT]
    found = linked = 0
    for ti, turn in enumerate(tr.turns):
        for h in matcher.find(turn.text):
            same = [i for i in items if (i.turn, i.start, i.end) == (ti, h.start, h.end)]
            if same:
                for i in same:
                    if i.status in (Status.OPEN, Status.REJECTED):
                        miss = i.entity is None or i.is_possible_miss
                        study.items.decide(i.id, Status.ACCEPTED, reviewer, {"entity": eid if miss else i.entity,
                                                                            "missed": True},
                                           entity=eid if miss else None, kind=kind if miss else None)
                        linked += 1
                continue
            live = [i for i in items if i.turn == ti and i.status != Status.REJECTED]
            if any(i.start <= h.start and h.end <= i.end for i in live):
                continue  # a longer replacement already covers it
            study.items.delete_inside(name, ti, h.start, h.end)
            s, e = _outside(turn.text, h.start, h.end, live)
            if s < e:
                study.items.add(name, NewItem(ti, s, e, turn.text[s:e], eid, kind, [], REVIEWER, 1.0, True),
                                Status.ACCEPTED, reviewer)
                found += 1
    return found, linked


def _outside(text: str, s: int, e: int, live: list[Item]) -> tuple[int, int]:
    """The marked words less what another item holds across one of their ends ("Practice
    Learning" where "Learning Cause for Concern" is an item: "Practice"). Two items that
    overlap would let one of them go unapplied, and its real words through."""
    for i in live:
        if i.start < s < i.end:
            s = i.end
        if i.start < e < i.end:
            e = i.start
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e
