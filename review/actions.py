"""What the page asks for, applied to the study: one decision at a time, under the study's
lock, saved (encrypted) at once and audited with the reviewer's name."""
from __future__ import annotations

import json

from deid import decisions as D
from deid import entity as ent
from deid.model import Item, Kind, Status
from deid.study import StudyError


class Conflict(StudyError):
    """Another reviewer decided the item since this page last saw it."""


def _item(study, item_id) -> Item:
    try:
        item_id = int(item_id)
    except (TypeError, ValueError):
        raise StudyError("no such review item")
    it = study.items.get(item_id)
    if it is None:
        raise StudyError("no such review item (it may have been replaced: reload the page)")
    return it


def _check_seen(it: Item, seen: str | None) -> None:
    if seen and seen != it.status:
        who = f" by {it.reviewer}" if it.reviewer else ""
        raise Conflict(f"this item was just decided{who}; the page now shows the latest state")


def mark_missed(study, text: str, kind: str, reviewer: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise StudyError("select the words of the missed identifier first")
    if len(text) > 120:
        raise StudyError("select only the identifying words (at most 120 characters)")
    found = D.add_missed(study, text, kind, reviewer)
    return f"marked as {kind}: {found} mention(s) in the study now replaced"


def accept(study, it: Item, reviewer: str) -> str:
    if it.entity is None:
        # a possible miss: an identifier after all, so it is found and replaced everywhere
        return mark_missed(study, it.text, it.kind, reviewer)
    return decide_group(study, it, Status.ACCEPTED, reviewer, "accepted")


def decide_group(study, it: Item, status: Status, reviewer: str, said: str) -> str:
    """One decision for every open flag on the same words of the transcript (flags are
    grouped: a reviewer decides a word once, not at each of its places)."""
    group = D.siblings(study, it)
    for i in [it] + group:
        D.decide(study, i.id, status, reviewer)
    return said + (f" ({len(group) + 1} places)" if group else "")


# the type of each field the page may send (fields of other operations are checked there)
FIELDS = {"op": (str,), "name": (str,), "seen": (str, type(None)), "pseudonym": (str,),
          "kind": (str,), "text": (str,), "item": (int, str), "into": (int, str)}


def check_body(data) -> str | None:
    """What is wrong with a request body, in one line (None: nothing)."""
    if not isinstance(data, dict):
        return "the request body must be a JSON object"
    if not isinstance(data.get("op"), str):
        return "the request names no operation (op)"
    for key, types in FIELDS.items():
        v = data.get(key)
        if key in data and (not isinstance(v, types) or isinstance(v, bool)):
            return f"{key} must be {' or '.join(_TYPE_NAMES[t] for t in types)}"
        if isinstance(v, int) and not isinstance(v, bool) and not -2**63 <= v < 2**63:
            return f"{key} is out of range"
    return None


_TYPE_NAMES = {str: "text", int: "a whole number", type(None): "null"}


def apply(study, op: str, data: dict, reviewer: str) -> str:
    """Run one operation from the page; returns a short message (no real identifier). An
    operation that fails leaves the study as it was (nothing of it is saved later)."""
    with study.lock:
        try:
            msg = _apply(study, op, data, reviewer)
        except BaseException:
            study.db.rollback()
            raise
        study.save()
    return msg


def _apply(study, op: str, data: dict, reviewer: str) -> str:
    if op == "missed":
        return mark_missed(study, data.get("text", ""), data.get("kind", "person"), reviewer)
    if op == "approve":
        D.approve(study, str(data.get("name", "")), reviewer)
        return "approved for analysis"
    from review import correct  # imports Conflict from here
    if op in correct.OPS:
        return correct.apply(study, op, data, reviewer)
    it = _item(study, data.get("item"))
    if op in ("accept", "reject", "reopen"):
        _check_seen(it, data.get("seen"))
    if op == "accept":
        return accept(study, it, reviewer)
    if op == "reject":
        return decide_group(study, it, Status.REJECTED, reviewer, "rejected: the original words are kept here")
    if op == "reopen":
        D.decide(study, it.id, Status.OPEN, reviewer)
        return "reopened"
    if op == "rename":
        new = " ".join(str(data.get("pseudonym", "")).split())
        if not new:
            raise StudyError("type the new pseudonym")
        if ent.key_of(new) == ent.key_of(it.text):
            raise StudyError("the pseudonym cannot be the original words")
        if it.entity is None:
            D.decide(study, it.id, Status.CORRECTED, reviewer, pseudonym=new)
            return "pseudonym set for this mention"
        D.rename_entity(study, it.entity, new, reviewer)
        if it.status == Status.OPEN:
            D.decide(study, it.id, Status.ACCEPTED, reviewer)
        return "pseudonym changed everywhere in the study"
    if op == "kind":
        kind = data.get("kind")
        if kind not in ent.KINDS:
            raise StudyError("choose one of: " + ", ".join(ent.KINDS))
        if it.entity is None:
            study.items.set_kind(it.id, Kind(kind))
            study.audit(reviewer, it.id, "kind", json.dumps({"kind": kind}))
        else:
            D.set_kind(study, it.entity, kind, reviewer)
        return f"kind changed to {kind}"
    if op == "merge":
        try:
            into = int(data.get("into"))
        except (TypeError, ValueError):
            raise StudyError("choose the entity to merge with")
        target = study.entity(into)
        if target is None:
            raise StudyError("no such entity")
        if it.entity == into:
            raise StudyError("the item already belongs to that entity")
        if it.entity is None:
            D.merge_item(study, it.id, into, reviewer)
        else:
            D.merge(study, into, it.entity, reviewer)
            if it.status == Status.OPEN:
                D.decide(study, it.id, Status.ACCEPTED, reviewer)
        return "merged: both now share one pseudonym"
    if op == "split":
        D.split(study, it.id, reviewer)
        return "split: this mention now has a pseudonym of its own"
    raise StudyError(f"unknown operation {op!r}")
