"""A study: one folder holding the encrypted key (entities, pseudonyms), the stored
transcripts, the review queue and the audit trail. Nothing in it is plain text but the
public recipients and a lock file."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from deid import items as items_mod
from deid import key as keyfile
from deid.items import ItemTable
from deid.model import Kind

SCHEMA = """
CREATE TABLE IF NOT EXISTS entity(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, real TEXT NOT NULL, pseudonym TEXT NOT NULL,
  gender TEXT, origin TEXT, created TEXT);
CREATE TABLE IF NOT EXISTS variant(            -- every written form of an entity
  entity INTEGER NOT NULL, real TEXT NOT NULL, pseudonym TEXT NOT NULL,
  UNIQUE(entity, real));
CREATE INDEX IF NOT EXISTS variant_real ON variant(lower(real));
CREATE TABLE IF NOT EXISTS transcript(
  name TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, updated TEXT,
  PRIMARY KEY(name, kind));
CREATE TABLE IF NOT EXISTS item(               -- review queue: one replacement or flag
  id INTEGER PRIMARY KEY, transcript TEXT NOT NULL, turn INTEGER, start INTEGER, end INTEGER,
  text TEXT, entity INTEGER, kind TEXT, reason TEXT, score REAL,
  status TEXT NOT NULL DEFAULT 'open', decision TEXT, reviewer TEXT, decided TEXT,
  recognizer TEXT, auto_replace INTEGER NOT NULL DEFAULT 0,    -- reason: flag codes
  field TEXT NOT NULL DEFAULT 'text');                          -- text | speaker
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, at TEXT, reviewer TEXT, item INTEGER, action TEXT, detail TEXT);
CREATE TABLE IF NOT EXISTS setting(name TEXT PRIMARY KEY, value TEXT);
"""


StudyError = keyfile.StudyError  # a one-line problem with a study; never holds a real identifier


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Entity:
    id: int
    kind: Kind
    real: str
    pseudonym: str
    gender: str | None = None


class Variant(NamedTuple):
    """One written form of an entity, and its pseudonym."""
    entity: int
    real: str
    pseudonym: str


class Study:
    """The key and review state of one study, in memory; `save()` writes it, encrypted.
    All SQL of veil lives here and in `items.ItemTable` (`study.items`)."""

    def __init__(self, folder: Path, con: sqlite3.Connection, lock_fd: int):
        self.folder = folder
        self.db = con
        self._lock_fd = lock_fd
        self.lock = threading.RLock()  # one writer at a time inside this process
        self.db.executescript(SCHEMA)
        self.items = ItemTable(self.db, self.lock, self.audit, now)
        items_mod.migrate(self.db, lambda name: (self.get_transcript(name, "mentions") or {}).get("spans", []))

    # ------------------------------------------------------------ persistence
    def save(self) -> None:
        with self.lock:
            self.db.commit()
            keyfile.save(self.folder, self.db)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()
        with contextlib.suppress(OSError):
            os.close(self._lock_fd)

    # ------------------------------------------------------------ settings
    def setting(self, name: str, default=None):
        row = self.db.execute("SELECT value FROM setting WHERE name=?", (name,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, name: str, value) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO setting VALUES(?,?)", (name, json.dumps(value)))

    # ------------------------------------------------------------ entities
    def entities(self) -> list[Entity]:
        return [_entity(r) for r in self.db.execute(
            "SELECT id, kind, real, pseudonym, gender FROM entity ORDER BY id")]

    def entity(self, eid: int) -> Entity | None:
        r = self.db.execute("SELECT id, kind, real, pseudonym, gender FROM entity WHERE id=?",
                            (eid,)).fetchone()
        return _entity(r) if r else None

    def add_entity(self, kind: Kind, real: str, pseudonym: str, gender: str | None = None,
                   origin: str = "detected") -> int:
        with self.lock:
            cur = self.db.execute(
                "INSERT INTO entity(kind, real, pseudonym, gender, origin, created) VALUES(?,?,?,?,?,?)",
                (Kind(kind).value, real, pseudonym, gender, origin, now()))
            return cur.lastrowid

    def set_pseudonym(self, entity: int, pseudonym: str) -> None:
        with self.lock:
            self.db.execute("UPDATE entity SET pseudonym=? WHERE id=?", (pseudonym, entity))

    def set_kind(self, entity: int, kind: Kind) -> None:
        """Another kind for an entity (and its items); only a person has a gender."""
        with self.lock:
            self.db.execute("UPDATE entity SET kind=?, gender=CASE WHEN ?='person' THEN gender END WHERE id=?",
                            (kind.value, kind.value, entity))
            self.items.set_entity_kind(entity, kind)

    def delete_entity(self, entity: int) -> None:
        with self.lock:
            self.db.execute("DELETE FROM variant WHERE entity=?", (entity,))
            self.db.execute("DELETE FROM entity WHERE id=?", (entity,))

    # ------------------------------------------------------------ variants
    def variants(self, entity: int | None = None) -> list[Variant]:
        """Every known written form (of one entity, or of all)."""
        q, args = "SELECT entity, real, pseudonym FROM variant", ()
        if entity is not None:
            q, args = q + " WHERE entity=?", (entity,)
        return [Variant(*r) for r in self.db.execute(q, args)]

    def add_variant(self, entity: int, real: str, pseudonym: str) -> None:
        with self.lock:
            self.db.execute("INSERT OR IGNORE INTO variant VALUES(?,?,?)", (entity, real, pseudonym))

    def set_variant(self, entity: int, real: str, pseudonym: str) -> None:
        with self.lock:
            self.db.execute("UPDATE variant SET pseudonym=? WHERE entity=? AND real=?", (pseudonym, entity, real))

    def delete_variant(self, entity: int, real: str) -> None:
        with self.lock:
            self.db.execute("DELETE FROM variant WHERE entity=? AND real=?", (entity, real))

    # ------------------------------------------------------------ transcripts
    def put_transcript(self, name: str, kind: str, data: dict) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO transcript VALUES(?,?,?,?)",
                            (name, kind, json.dumps(data, ensure_ascii=False), now()))

    def get_transcript(self, name: str, kind: str) -> dict | None:
        r = self.db.execute("SELECT data FROM transcript WHERE name=? AND kind=?", (name, kind)).fetchone()
        return json.loads(r[0]) if r else None

    def transcript_names(self, kind: str = "source") -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT name FROM transcript WHERE kind=? ORDER BY name", (kind,))]

    def put_verbatim(self, name: str, tr) -> None:
        """Keep a verbatim transcript (it holds real names) encrypted in the study."""
        from transcript.layouts import to_json
        self.put_transcript(name, "verbatim", json.loads(to_json(tr)))

    # ------------------------------------------------------------ review queue and audit
    def open_items(self, transcript: str | None = None) -> int:
        return self.items.open_count(transcript)

    def audit(self, reviewer: str, item: int | None, action: str, detail: str = "") -> None:
        with self.lock:
            self.db.execute("INSERT INTO audit(at, reviewer, item, action, detail) VALUES(?,?,?,?,?)",
                            (now(), reviewer, item, action, detail))

    def audit_of(self, items: list[int]) -> list[tuple[str, str]]:
        """(reviewer, when) of every audited decision on these items."""
        if not items:
            return []
        q = ",".join("?" * len(items))
        return list(self.db.execute(f"SELECT reviewer, at FROM audit WHERE item IN ({q})", items))


def _entity(row) -> Entity:
    eid, kind, real, pseudonym, gender = row
    return Entity(eid, Kind(kind), real, pseudonym, gender)


def get_passphrase(confirm: bool = False) -> str:
    """VEIL_PASSPHRASE (for scripts), VEIL_IDENTITY (an age identity file), or a prompt."""
    if os.environ.get("VEIL_PASSPHRASE"):
        return os.environ["VEIL_PASSPHRASE"]
    if os.environ.get("VEIL_IDENTITY"):
        if confirm:
            raise StudyError("a new study needs a passphrase (VEIL_PASSPHRASE or the prompt); "
                             "VEIL_IDENTITY opens an existing one")
        try:
            lines = Path(os.environ["VEIL_IDENTITY"]).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise StudyError("cannot read the identity file named by VEIL_IDENTITY")
        keys = [ln.strip() for ln in lines if ln.strip().startswith("AGE-SECRET-KEY-")]
        if not keys:
            raise StudyError("the file named by VEIL_IDENTITY holds no age identity (AGE-SECRET-KEY-...)")
        return keys[-1]
    import click
    try:
        return click.prompt("Study passphrase", hide_input=True, confirmation_prompt=confirm)
    except click.Abort:
        raise StudyError("no passphrase given (set VEIL_PASSPHRASE or answer the prompt)")


def _warn(message: str) -> None:
    print(f"veil: {message}", file=sys.stderr)


def _is_study(folder: Path) -> bool:
    """Any of the study's own files makes a folder a study: one missing file then is damage
    to report, never a reason to start an empty key."""
    if folder.exists() and not folder.is_dir():
        raise StudyError(f"{folder} is a file, not a study folder")
    return any(os.path.lexists(folder / f) for f in keyfile.FILES)


def _check_new(folder: Path) -> None:
    if folder.is_dir() and any(p.name != "lock" and not p.name.startswith(".tmp-")
                               for p in folder.iterdir()):
        raise StudyError(f"{folder} is not empty and not a veil study")


def _open_existing(folder: Path, secret: str | None, team: list):
    """(connection, lock descriptor) of an existing study, recipients added if asked."""
    fd = keyfile.lock(folder)
    try:
        keyfile.clean_temporary(folder)
        secret = get_passphrase() if secret is None else secret
        ident = keyfile.unlock_identity(folder, secret)
        if not os.path.lexists(folder / "recipients.txt") and not secret.startswith("AGE-SECRET-KEY-"):
            keyfile.restore_recipients(folder, ident)
            _warn("recipients.txt was missing: made again with the study's own key; add team "
                  "members again with --recipient")
        keyfile.recipients(folder)  # validates the file before any work is done
        con = keyfile.load(folder, ident, warn=_warn)
        added = keyfile.add_recipients(folder, team) if team else 0
    except BaseException:
        os.close(fd)
        raise
    if team:
        _warn(f"{added} recipient(s) added to the study ({len(team) - added} already there); "
              f"the key is encrypted to them from now on")
    return con, fd, bool(added)


@contextlib.contextmanager
def open_study(folder, create: bool = False, secret: str | None = None, recipients: list[str] = ()):
    """Open (or create) a study, holding its lock until the block ends. A new study is made
    whole in a hidden folder and renamed into place; recipients are checked before that."""
    folder = Path(folder)
    team = keyfile.parse_recipients(recipients)
    if _is_study(folder):
        con, fd, changed = _open_existing(folder, secret, team)
    elif not create:
        raise StudyError(f"no veil study at {folder}")
    else:
        _check_new(folder)
        secret = get_passphrase(confirm=True) if secret is None else secret
        con = keyfile.empty()
        con.executescript(SCHEMA)
        _ident, fd = keyfile.create(folder, secret, team, con)
        changed = False
    study = Study(folder, con, fd)
    try:
        if changed:
            study.save()  # encrypt the key to the recipients just added
        yield study
    finally:
        study.close()
