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
from deid.pseudonym import Pseudonyms, is_first_name
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
                      style=study.setting("style", "natural"), counters=study.setting("counters", {}),
                      origin=study.setting("origin", "any"), own=study.setting("pools", {}))


def _pseudonym_for(study, ps: Pseudonyms, it: dict) -> str:
    if it.get("decision"):
        d = json.loads(it["decision"])
        if d.get("pseudonym"):
            return d["pseudonym"]
    k = ent.key_of(it["text"])
    if k in ps.map:
        return ps.map[k]
    p = ps.pseudonym(it["text"], it["kind"] or "person")
    if it["entity"]:
        for real, pseudo in ps.new:
            study.add_variant(it["entity"], real, pseudo)
    ps.new.clear()
    return p


def auto_replaced(study, name: str) -> set[int]:
    """Items `veil deid` replaced in its output (most possible misses among them): while
    open, they keep that automatic decision."""
    spans = (study.get_transcript(name, "mentions") or {}).get("spans", [])
    return {sp["item"] for sp in spans if sp.get("replace")}


def deidentified(study, name: str, include_open: bool = True) -> tuple[Transcript, int]:
    """The de-identified transcript with every decision applied, and its count of leaks.
    Open items that replace words are applied (the automatic decision); open
    possible-miss flags and rejected items keep the original words."""
    tr = source_transcript(study, name)
    ps = pseudonyms(study)
    reps: dict[int, list[Replacement]] = {}
    # open items keep the automatic decision: replaced when `veil deid` replaced them
    replaced = auto_replaced(study, name)
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


def _date_label(study, text: str) -> str:
    y = re.search(r"\b(1[89]|20)\d{2}\b", text)
    return f"[{y.group()}]" if y and study.setting("dates", "keep") in ("generalise", "generalize") else "[DATE]"


def set_kind(study, entity_id: int, kind: str, reviewer: str) -> None:
    """Another kind for an entity: a pseudonym of the new kind (a person re-kinded to a
    place gets a place name), for its whole form and each of its words, everywhere."""
    if kind not in ent.KINDS:
        raise StudyError(f"unknown kind {kind!r}")
    e = study.entity(entity_id)
    if e is None:
        raise StudyError(f"no entity {entity_id}")
    with study.lock:
        if kind != e.kind:
            _repseudonymise(study, e, kind)
        study.db.execute("UPDATE entity SET kind=? WHERE id=?", (kind, entity_id))
        if kind != "person":
            study.db.execute("UPDATE entity SET gender=NULL WHERE id=?", (entity_id,))
        study.db.execute("UPDATE item SET kind=? WHERE entity=?", (kind, entity_id))
        study.audit(reviewer, None, "kind", json.dumps({"entity": entity_id, "kind": kind, "was": e.kind}))


def _repseudonymise(study, e, kind: str) -> None:
    """New pseudonyms of `kind` for the forms of entity `e` that no other entity shares."""
    variants = study.variants()
    shared = {ent.key_of(r) for eid, r, _ in variants if eid != e.id}
    own = {ent.key_of(r): r for eid, r, _ in variants if eid == e.id and ent.key_of(r) not in shared}
    ps = pseudonyms(study)
    for k in own:
        ps.map.pop(k, None)
    if ent.key_of(e.real) not in shared:
        ps.map.pop(ent.key_of(e.real), None)
    # the whole name first, so that its words are mapped by their role in it
    forms = [e.real] + sorted((r for k, r in own.items() if k != ent.key_of(e.real)),
                              key=lambda r: (-len(ent.tokens(r)), -len(r), r))
    style = study.setting("style", "natural")
    if kind == "date" or style == "bracket":
        label = _date_label(study, e.real) if kind == "date" else ps.pseudonym(e.real, kind)
        for f in forms:
            ps._remember(f, label)
    else:
        for f in forms:
            ps.pseudonym(f, kind)
    for k, real in own.items():
        study.db.execute("DELETE FROM variant WHERE entity=? AND real=?", (e.id, real))
    for real, pseudo in ps.new:
        study.add_variant(e.id, real, pseudo)
    ps.new.clear()
    study.set_pseudonym(e.id, ps.map.get(ent.key_of(e.real), e.pseudonym))
    if style == "bracket":
        study.set_setting("counters", ps.counters)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’.\-]*", text)


def _carried(form: str, current: str, other, keep, keep_forms: dict[str, str], ps: Pseudonyms,
             style: str) -> str:
    """The pseudonym a form of `other` takes once it is a form of `keep`: the kept entity's
    pseudonym for the same words (a first name takes its first name, a surname its
    surname); words the kept entity has no counterpart for keep the pseudonym they had."""
    if style == "bracket" or re.fullmatch(r"\[[^\]]*\]", keep.pseudonym):
        return keep.pseudonym
    kw, fw = _words(keep.real), _words(form)
    pw = _words(keep.pseudonym)
    if not fw:
        return keep.pseudonym
    if len(fw) == len(kw):
        return keep.pseudonym

    def keep_word(i: int) -> str | None:
        return keep_forms.get(ent.key_of(kw[i])) or (pw[i] if len(pw) == len(kw) else None)

    by_word = {ent.key_of(w): keep_word(i) for i, w in enumerate(kw) if keep_word(i)}
    first_slot = keep_word(0) if kw and (len(kw) > 1 or is_first_name(kw[0])) else None
    last_slot = keep_word(len(kw) - 1) if kw and (len(kw) > 1 or not is_first_name(kw[0])) else None
    if keep.kind != "person" and ent.key_of(form) == ent.key_of(other.real) \
            and not any(ent.key_of(w) in by_word for w in fw):
        return keep.pseudonym  # another name of the same place or institution ("NMH")
    n, i = len(fw), 0

    def word(m) -> str:
        nonlocal i
        w, idx = m.group(), i
        i += 1
        k = ent.key_of(w)
        if k in by_word:
            return by_word[k]
        if keep.kind == "person":
            slot = None
            if (n > 1 and idx == 0) or (n == 1 and is_first_name(w)):
                slot = first_slot
            elif n == 1 or idx == n - 1:
                slot = last_slot
            if slot:
                return slot
        if n == 1:
            return current
        return ps.map.get(k) or ps.pseudonym(w, keep.kind)
    return re.sub(r"[^\W_][\w'’.\-]*", word, form)


def merge(study, keep: int, other: int, reviewer: str) -> None:
    """Two entities are one: `other`'s forms become forms of `keep` with `keep`'s pseudonym
    for the same words (forms `keep` already has are dropped), its items point to `keep`."""
    k, o = study.entity(keep), study.entity(other)
    if k is None or o is None:
        raise StudyError("no such entity")
    if keep == other:
        raise StudyError("an entity cannot be merged with itself")
    style = study.setting("style", "natural")
    with study.lock:
        variants = study.variants()
        keep_forms = {ent.key_of(r): p for eid, r, p in variants if eid == keep}
        forms = [(r, p) for eid, r, p in variants if eid == other]
        if ent.key_of(o.real) not in {ent.key_of(r) for r, _ in forms}:
            forms.append((o.real, o.pseudonym))
        ps = pseudonyms(study)
        moved = dropped = 0
        # the whole name first, then its longer forms: words follow the names they are in
        for real, p in sorted(forms, key=lambda f: (ent.key_of(f[0]) != ent.key_of(o.real),
                                                    -len(_words(f[0])))):
            study.db.execute("DELETE FROM variant WHERE entity=? AND real=?", (other, real))
            if ent.key_of(real) in keep_forms:
                dropped += 1
                continue
            newp = _carried(real, p, o, k, keep_forms, ps, style)
            study.add_variant(keep, real, newp)
            keep_forms[ent.key_of(real)] = newp
            moved += 1
        for real, pseudo in ps.new:  # words that had no pseudonym yet
            if ent.key_of(real) not in keep_forms:
                study.add_variant(keep, real, pseudo)
        study.db.execute("DELETE FROM variant WHERE entity=?", (other,))
        # a pseudonym decided on one mention of `other` (a split) gives way to `keep`'s
        own = {ent.key_of(p) for _, p in forms} | {ent.key_of(o.pseudonym)}
        for iid, decision in study.db.execute("SELECT id, decision FROM item WHERE entity=?", (other,)).fetchall():
            d = json.loads(decision) if decision else {}
            if d.get("pseudonym") and ent.key_of(d["pseudonym"]) in own:
                d.pop("pseudonym")
                study.db.execute("UPDATE item SET decision=? WHERE id=?", (json.dumps(d) if d else None, iid))
        study.db.execute("UPDATE item SET entity=?, kind=? WHERE entity=?", (keep, k.kind, other))
        study.db.execute("DELETE FROM entity WHERE id=?", (other,))
        study.audit(reviewer, None, "merge", json.dumps({"keep": keep, "other": other, "forms_moved": moved,
                                                         "forms_dropped": dropped}))


def merge_item(study, item_id: int, keep: int, reviewer: str) -> None:
    """A mention linked to no entity (a possible miss) is a mention of `keep`: its words
    become a form of `keep`, with `keep`'s pseudonym for the same words, and it is accepted."""
    k = study.entity(keep)
    row = study.db.execute("SELECT text FROM item WHERE id=?", (item_id,)).fetchone()
    if k is None or not row:
        raise StudyError("no such entity or review item")
    with study.lock:
        keep_forms = {ent.key_of(r): p for eid, r, p in study.variants() if eid == keep}
        if ent.key_of(row[0]) not in keep_forms:
            ps = pseudonyms(study)
            current = ps.map.get(ent.key_of(row[0]), k.pseudonym)
            study.add_variant(keep, row[0], _carried(row[0], current, k, k, keep_forms, ps,
                                                     study.setting("style", "natural")))
            for real, pseudo in ps.new:
                study.add_variant(keep, real, pseudo)
        study.db.execute("UPDATE item SET entity=?, kind=?, status='accepted', reviewer=?, decided=? WHERE id=?",
                         (keep, k.kind, reviewer, now(), item_id))
        study.audit(reviewer, item_id, "merge", json.dumps({"keep": keep}))


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
    """A missed identifier: becomes an entity (or the entity that already has these words),
    and every mention of it in every transcript of the study is replaced: a new accepted
    item, or an open flag on the same words (a possible miss) linked to the entity and
    accepted. Returns how many mentions are now replaced that were not before."""
    text = " ".join(text.split())
    if not text or kind not in ent.KINDS:
        raise StudyError("select the words and choose a kind")
    ps = pseudonyms(study)
    key = ent.key_of(text)
    with study.lock:
        eid = None
        for e in study.entities():
            if ent.key_of(e.real) == key:
                eid = e.id
        if eid is None:  # a form of a known entity ("Okafor" of "Samuel Okafor")
            eid = next((v for v, real, _ in study.variants() if ent.key_of(real) == key), None)
        p = ps.pseudonym(text, kind)
        if eid is None:
            eid = study.add_entity(kind, text, p, origin="review")
        for real, pseudo in ps.new:
            study.add_variant(eid, real, pseudo)
        ps.new.clear()
        study.add_variant(eid, text, p)
        rx = re.compile(r"(?<![\w@])" + r"\s+".join(re.escape(w) for w in text.split()) + r"(?![\w@])",
                        re.IGNORECASE)
        found = linked = 0
        for name in study.transcript_names("source"):
            tr = source_transcript(study, name)
            rows = study.db.execute("SELECT id, turn, start, end, entity, kind, reason, status FROM item "
                                    "WHERE transcript=?", (name,)).fetchall()
            existing = [(t, s, e) for _, t, s, e, _, _, _, status in rows if status != "rejected"]
            for ti, turn in enumerate(tr.turns):
                for m in rx.finditer(turn.text):
                    same = [r for r in rows if r[1] == ti and r[2] == m.start() and r[3] == m.end()]
                    if same:
                        # these very words: a flag (a possible miss), or a mention kept by an
                        # earlier decision, is linked to the entity and accepted
                        for iid, _, _, _, item_entity, item_kind, reason, status in same:
                            if status not in ("open", "rejected"):
                                continue
                            miss = item_entity is None or (reason or "").startswith("possible miss")
                            linked_to = eid if miss else item_entity
                            study.db.execute(
                                "UPDATE item SET entity=?, kind=?, status='accepted', reviewer=?, decided=? WHERE id=?",
                                (linked_to, kind if miss else item_kind or kind, reviewer, now(), iid))
                            study.audit(reviewer, iid, "accepted", json.dumps({"entity": linked_to, "missed": True}))
                            linked += 1
                        continue
                    if any(t == ti and s <= m.start() and m.end() <= e for t, s, e in existing):
                        continue  # a longer replacement already covers it
                    if any(t == ti and s < m.end() and m.start() < e for t, s, e in existing):
                        study.db.execute("DELETE FROM item WHERE transcript=? AND turn=? AND start<? AND end>?"
                                         " AND start>=? AND end<=?", (name, ti, m.end(), m.start(), m.start(), m.end()))
                    study.db.execute(
                        "INSERT INTO item(transcript, turn, start, end, text, entity, kind, reason, score, status,"
                        " reviewer, decided) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                        (name, ti, m.start(), m.end(), m.group(), eid, kind, "marked by reviewer", 1.0,
                         "accepted", reviewer, now()))
                    found += 1
        study.audit(reviewer, None, "missed", json.dumps({"entity": eid, "mentions": found, "flags": linked}))
    return found + linked
