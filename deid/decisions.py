"""What a reviewer decides, applied to the study: the review queue's items, the entities
and their pseudonyms. `deidentified()` renders a stored transcript with every decision,
which is what `veil export` writes.

Item status: 'auto' (confident replacement), 'open' (flagged, waiting), 'accepted',
'rejected' (keep the original words), 'corrected'.
"""
from __future__ import annotations

import json
import re

from deid import entity as ent
from deid import leak
from deid.pseudonym import Pseudonyms, case_like
from deid.study import StudyError, now
from transcript import Replacement, Transcript, apply_replacements
from transcript.layouts import from_json


def source_transcript(study, name: str) -> Transcript:
    """The original transcript as it was read (holds real names: keep it in memory)."""
    rec = study.get_transcript(name, "source")
    if rec is None:
        raise StudyError(f"the study has no transcript named {name!r}")
    tr = from_json(json.dumps(rec), name)
    tr.layout = rec.get("layout", "json")
    tr.source = rec.get("source")
    for t, off in zip(tr.turns, rec.get("offsets", [])):
        t.offset = off
    if rec.get("docx"):
        tr.meta["docx_bytes"] = bytes.fromhex(rec["docx"])
        tr.meta["docx_layout"] = rec.get("docx_layout")
    return tr


def items(study, name: str) -> list[dict]:
    cols = ["id", "transcript", "turn", "start", "end", "text", "entity", "kind", "reason", "score",
            "status", "decision", "reviewer", "decided"]
    return [dict(zip(cols, r)) for r in study.db.execute(
        f"SELECT {','.join(cols)} FROM item WHERE transcript=? ORDER BY turn, start", (name,))]


def pseudonyms(study) -> Pseudonyms:
    return Pseudonyms([(real, p) for _, real, p in study.variants()],
                      style=study.setting("style", "natural"), counters=study.setting("counters", {}))


def _pseudonym_for(study, ps: Pseudonyms, it: dict) -> str:
    if it.get("decision"):
        d = json.loads(it["decision"])
        if d.get("pseudonym"):
            return d["pseudonym"]
    k = ent.key_of(it["text"])
    if k in ps.map:
        return case_like(it["text"], ps.map[k])
    p = ps.pseudonym(it["text"], it["kind"] or "person")
    if it["entity"]:
        for real, pseudo in ps.new:
            study.add_variant(it["entity"], real, pseudo)
    ps.new.clear()
    return p


def deidentified(study, name: str, include_open: bool = True) -> tuple[Transcript, int]:
    """The de-identified transcript with every decision applied, and its count of leaks.
    Open items that replace words are applied (the automatic decision); open
    possible-miss flags and rejected items keep the original words."""
    tr = source_transcript(study, name)
    ps = pseudonyms(study)
    reps: dict[int, list[Replacement]] = {}
    # open items keep the automatic decision: replaced when `veil deid` replaced them
    spans = (study.get_transcript(name, "mentions") or {}).get("spans", [])
    replaced = {sp["item"] for sp in spans if sp.get("replace")}
    for it in items(study, name):
        replace = it["status"] in ("auto", "accepted", "corrected") or (
            it["status"] == "open" and include_open and it["id"] in replaced)
        if not replace:
            continue
        reps.setdefault(it["turn"], []).append(
            Replacement(it["start"], it["end"], _pseudonym_for(study, ps, it)))
    out = apply_replacements(tr, reps)
    rejected = {ent.key_of(it["text"]) for it in items(study, name) if it["status"] == "rejected"}
    reals = [r for _, r, _ in study.variants() if ent.key_of(r) not in rejected and ent.searchable(r)]
    rx = leak.pattern(reals, study.setting("allow", []))
    leaks = leak.count(out, reps, rx)
    return out, leaks


def decide(study, item_id: int, status: str, reviewer: str, **detail) -> None:
    """Accept or reject one item (or mark it corrected, with detail such as pseudonym)."""
    if status not in ("accepted", "rejected", "corrected", "open"):
        raise StudyError(f"unknown decision {status!r}")
    row = study.db.execute("SELECT id FROM item WHERE id=?", (item_id,)).fetchone()
    if not row:
        raise StudyError(f"no review item {item_id}")
    with study.lock:
        study.db.execute("UPDATE item SET status=?, decision=?, reviewer=?, decided=? WHERE id=?",
                         (status, json.dumps(detail) if detail else None, reviewer, now(), item_id))
        study.audit(reviewer, item_id, status, json.dumps(detail) if detail else "")


def rename_entity(study, entity_id: int, pseudonym: str, reviewer: str) -> None:
    """A new pseudonym for an entity, everywhere: its whole form and each of its words."""
    e = study.entity(entity_id)
    if e is None:
        raise StudyError(f"no entity {entity_id}")
    old = e.pseudonym
    with study.lock:
        study.set_pseudonym(entity_id, pseudonym)
        old_words, new_words = old.split(), pseudonym.split()
        for eid, real, p in study.variants():
            if eid != entity_id:
                continue
            if ent.key_of(p) == ent.key_of(old):
                newp = pseudonym
            elif len(old_words) == len(new_words) and p in old_words:
                newp = new_words[old_words.index(p)]
            else:
                continue
            study.db.execute("UPDATE variant SET pseudonym=? WHERE entity=? AND real=?", (newp, eid, real))
        study.audit(reviewer, None, "rename", json.dumps({"entity": entity_id}))


def set_kind(study, entity_id: int, kind: str, reviewer: str) -> None:
    if kind not in ent.KINDS:
        raise StudyError(f"unknown kind {kind!r}")
    with study.lock:
        study.db.execute("UPDATE entity SET kind=? WHERE id=?", (kind, entity_id))
        study.db.execute("UPDATE item SET kind=? WHERE entity=?", (kind, entity_id))
        study.audit(reviewer, None, "kind", json.dumps({"entity": entity_id, "kind": kind}))


def merge(study, keep: int, other: int, reviewer: str) -> None:
    """Two entities are one: `other`'s forms take `keep`'s pseudonym."""
    k = study.entity(keep)
    if k is None or study.entity(other) is None:
        raise StudyError("no such entity")
    with study.lock:
        for eid, real, p in study.variants():
            if eid == other:
                study.db.execute("UPDATE variant SET entity=?, pseudonym=? WHERE entity=? AND real=?",
                                 (keep, k.pseudonym if ent.key_of(real) == ent.key_of(study.entity(other).real)
                                  else p, other, real))
        study.db.execute("UPDATE item SET entity=? WHERE entity=?", (keep, other))
        study.db.execute("DELETE FROM entity WHERE id=?", (other,))
        study.audit(reviewer, None, "merge", json.dumps({"keep": keep, "other": other}))


def split(study, item_id: int, reviewer: str) -> int:
    """This mention is a different entity from the one it was linked to: it gets an
    entity and pseudonym of its own (decided on this item only)."""
    row = study.db.execute("SELECT text, kind FROM item WHERE id=?", (item_id,)).fetchone()
    if not row:
        raise StudyError(f"no review item {item_id}")
    text, kind = row
    ps = pseudonyms(study)
    ps.map.pop(ent.key_of(text), None)
    p = ps.pseudonym(text, kind or "person")
    with study.lock:
        eid = study.add_entity(kind or "person", text, p, origin="review")
        study.db.execute("UPDATE item SET entity=?, status='corrected', decision=?, reviewer=?, decided=? "
                         "WHERE id=?", (eid, json.dumps({"pseudonym": p}), reviewer, now(), item_id))
        study.audit(reviewer, item_id, "split", json.dumps({"entity": eid}))
    return eid


def add_missed(study, text: str, kind: str, reviewer: str) -> int:
    """A missed identifier: becomes an entity, and every mention of it in every transcript
    of the study gets a replacement item. Returns how many mentions were found."""
    text = text.strip()
    if not text or kind not in ent.KINDS:
        raise StudyError("select the words and choose a kind")
    ps = pseudonyms(study)
    with study.lock:
        eid = None
        for e in study.entities():
            if ent.key_of(e.real) == ent.key_of(text):
                eid = e.id
        p = ps.pseudonym(text, kind)
        if eid is None:
            eid = study.add_entity(kind, text, p, origin="review")
        for real, pseudo in ps.new:
            study.add_variant(eid, real, pseudo)
        study.add_variant(eid, text, p)
        rx = re.compile(r"(?<![\w@])" + re.escape(text) + r"(?![\w@])", re.IGNORECASE)
        found = 0
        for name in study.transcript_names("source"):
            tr = source_transcript(study, name)
            existing = [(t, s, e) for t, s, e in study.db.execute(
                "SELECT turn, start, end FROM item WHERE transcript=? AND status!='rejected'", (name,))]
            for ti, turn in enumerate(tr.turns):
                for m in rx.finditer(turn.text):
                    if any(t == ti and s < m.end() and m.start() < e for t, s, e in existing):
                        # a longer or equal replacement already covers it
                        if any(t == ti and s <= m.start() and m.end() <= e for t, s, e in existing):
                            continue
                        study.db.execute("DELETE FROM item WHERE transcript=? AND turn=? AND start<? AND end>?"
                                         " AND start>=? AND end<=?", (name, ti, m.end(), m.start(), m.start(), m.end()))
                    study.db.execute(
                        "INSERT INTO item(transcript, turn, start, end, text, entity, kind, reason, score, status,"
                        " reviewer, decided) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                        (name, ti, m.start(), m.end(), m.group(), eid, kind, "marked by reviewer", 1.0,
                         "accepted", reviewer, now()))
                    found += 1
        study.audit(reviewer, None, "missed", json.dumps({"entity": eid, "mentions": found}))
    return found
