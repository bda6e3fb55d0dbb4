"""The review queue of a study: one row per replacement or flag of a stored transcript.
Every read returns `Item` dataclasses; every write goes through these methods."""
from __future__ import annotations

import json

from deid.model import REVIEWER, Flag, Item, Kind, NewItem, Status

COLUMNS = ("id", "transcript", "turn", "start", "end", "text", "entity", "kind", "reason", "recognizer",
           "score", "status", "auto_replace", "field", "decision", "reviewer", "decided")
SELECT = f"SELECT {', '.join(COLUMNS)} FROM item"


def _item(row) -> Item:
    r = dict(zip(COLUMNS, row))
    r.update(field=r["field"] or "text", text=r["text"] or "", kind=Kind(r["kind"] or "person"), flags=Flag.parse(r.pop("reason") or ""),
             recognizer=r["recognizer"] or "", score=r["score"] or 0.0, status=Status(r["status"]),
             auto_replace=bool(r["auto_replace"]), decision=json.loads(r["decision"]) if r["decision"] else None)
    return Item(**r)


class ItemTable:
    def __init__(self, db, lock, audit, now):
        self.db, self.lock, self._audit, self._now = db, lock, audit, now

    def of(self, transcript: str) -> list[Item]:
        return [_item(r) for r in self.db.execute(f"{SELECT} WHERE transcript=? ORDER BY turn, start, id",
                                                   (transcript,))]

    def get(self, item_id: int) -> Item | None:
        r = self.db.execute(f"{SELECT} WHERE id=?", (item_id,)).fetchone()
        return _item(r) if r else None

    def of_entity(self, entity: int) -> list[Item]:
        return [_item(r) for r in self.db.execute(f"{SELECT} WHERE entity=?", (entity,))]

    def open_count(self, transcript: str | None = None) -> int:
        q, args = "SELECT count(*) FROM item WHERE status=?", (Status.OPEN.value,)
        if transcript:
            q, args = q + " AND transcript=?", args + (transcript,)
        return self.db.execute(q, args).fetchone()[0]

    def add(self, transcript: str, it: NewItem, status: Status | None = None, reviewer: str | None = None) -> int:
        with self.lock:
            cur = self.db.execute(
                "INSERT INTO item(transcript, turn, start, end, text, entity, kind, reason, recognizer, score, "
                "status, auto_replace, field, decision, reviewer, decided) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (transcript, it.turn, it.start, it.end, it.text, it.entity, it.kind.value,
                 ",".join(f.value for f in it.flags), it.recognizer, it.score,
                 (status or (Status.OPEN if it.flags else Status.AUTO)).value,
                 int(it.auto_replace), it.field.value, json.dumps(it.decision) if it.decision else None,
                 reviewer, self._now() if reviewer else None))
            return cur.lastrowid

    def replace_all(self, transcript: str, new: list[NewItem]) -> tuple[list[int], int]:
        """The transcript's items become `new`; a decision taken on an old item carries over
        to the new item on the same words (same turn and place, else the same occurrence of
        the same words). Returns the new ids and how many decisions found no mention."""
        before = self.of(transcript)
        old = [i for i in before if i.status not in (Status.AUTO, Status.OPEN)]
        by_place = {(i.field, i.turn, i.start, i.end, i.text): i for i in old}
        decided = {i.id for i in old}
        by_occurrence = {k: i for i, k in zip(before, _occurrences(before)) if i.id in decided}
        with self.lock:
            self.db.execute("DELETE FROM item WHERE transcript=?", (transcript,))
            ids, used = [], set()
            for it, occurrence in zip(new, _occurrences(new)):
                iid = self.add(transcript, it)
                ids.append(iid)
                prev = by_place.get((it.field, it.turn, it.start, it.end, it.text)) or by_occurrence.get(occurrence)
                if prev is not None and prev.id not in used:
                    used.add(prev.id)
                    self._carry(iid, prev)
        return ids, len(old) - len(used)

    def _carry(self, iid: int, prev: Item) -> None:
        self.db.execute("UPDATE item SET status=?, decision=?, reviewer=?, decided=?, entity=coalesce(?, entity), "
                        "kind=? WHERE id=?",
                        (prev.status.value, json.dumps(prev.decision) if prev.decision else None, prev.reviewer,
                         prev.decided, prev.entity, prev.kind.value, iid))

    def decide(self, item_id: int, status: Status, reviewer: str, detail: dict | None = None,
               entity: int | None = None, kind: Kind | None = None) -> None:
        with self.lock:
            self.db.execute(
                "UPDATE item SET status=?, decision=?, reviewer=?, decided=?, entity=coalesce(?, entity), "
                "kind=coalesce(?, kind) WHERE id=?",
                (status.value, json.dumps(detail) if detail else None, reviewer, self._now(), entity,
                 kind.value if kind else None, item_id))
            self._audit(reviewer, item_id, status.value, json.dumps(detail) if detail else "")

    def set_decision(self, item_id: int, detail: dict | None) -> None:
        with self.lock:
            self.db.execute("UPDATE item SET decision=? WHERE id=?", (json.dumps(detail) if detail else None, item_id))

    def set_kind(self, item_id: int, kind: Kind) -> None:
        with self.lock:
            self.db.execute("UPDATE item SET kind=? WHERE id=?", (kind.value, item_id))

    def relink(self, entity: int, to: int, kind: Kind) -> None:
        """Every item of `entity` now belongs to `to`, of its kind."""
        with self.lock:
            self.db.execute("UPDATE item SET entity=?, kind=? WHERE entity=?", (to, kind.value, entity))

    def set_entity_kind(self, entity: int, kind: Kind) -> None:
        with self.lock:
            self.db.execute("UPDATE item SET kind=? WHERE entity=?", (kind.value, entity))

    def delete_inside(self, transcript: str, turn: int, start: int, end: int) -> None:
        """Items lying inside turn text [start, end) (a longer mention replaces them)."""
        with self.lock:
            self.db.execute("DELETE FROM item WHERE transcript=? AND turn=? AND start>=? AND end<=? AND field='text'",
                            (transcript, turn, start, end))


def _occurrences(items) -> list[tuple[str, str, int]]:
    """For each item, its words and which occurrence of those words in the transcript it is."""
    order = sorted(range(len(items)), key=lambda n: (items[n].turn, items[n].start))
    seen: dict[tuple[str, str], int] = {}
    out: list = [None] * len(items)
    for n in order:
        k = (items[n].field, items[n].text)
        out[n] = k + (seen.get(k, 0),)
        seen[k] = seen.get(k, 0) + 1
    return out


def migrate(db, mentions_of) -> None:
    """Studies written before flags were stored as codes: item.reason held the flags in
    words, or the recognizer; whether `veil deid` replaced an item lived in a 'mentions'
    record per transcript (`mentions_of(name)` gives its spans). Before speaker labels were
    de-identified, every item stood in a turn's text."""
    cols = {r[1] for r in db.execute("PRAGMA table_info(item)")}
    if "field" not in cols:
        db.execute("ALTER TABLE item ADD COLUMN field TEXT NOT NULL DEFAULT 'text'")
    if "recognizer" in cols:
        return
    db.execute("ALTER TABLE item ADD COLUMN recognizer TEXT")
    db.execute("ALTER TABLE item ADD COLUMN auto_replace INTEGER NOT NULL DEFAULT 0")
    for iid, transcript, reason in db.execute("SELECT id, transcript, reason FROM item").fetchall():
        flags = Flag.parse(reason or "")
        rec = "" if flags else (REVIEWER if reason == "marked by reviewer" else reason or "")
        db.execute("UPDATE item SET reason=?, recognizer=? WHERE id=?",
                   (",".join(f.value for f in flags), rec, iid))
    for (transcript,) in db.execute("SELECT DISTINCT transcript FROM item").fetchall():
        for sp in mentions_of(transcript):
            if sp.get("replace"):
                db.execute("UPDATE item SET auto_replace=1 WHERE id=?", (sp["item"],))
    db.execute("DELETE FROM transcript WHERE kind='mentions'")
