"""The study key at rest: an SQLite database kept in memory, encrypted with age.

Files in the study folder:
  identity.age    the study's own age identity (X25519), encrypted with the passphrase
  recipients.txt  public age recipients the key is encrypted to (the study's own first;
                  add team members' public keys to let them open it with their identity)
  key.age         the database, encrypted to every recipient
  key.age.bak     the previous version of key.age
Anyone with the passphrase can also decrypt by hand with the `age` tool:
  age -d identity.age > id.txt && age -d -i id.txt key.age > key.sqlite

Every file is written new, synced, then renamed over the old one, so at every moment each
file is whole: the old version or the new one. A study is created in a hidden folder beside
its place and renamed into place once complete, so a half-made study never exists.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

FILES = ("identity.age", "recipients.txt", "key.age", "key.age.bak")
FAULT_ENV = "VEIL_FAULT"   # tests: stop the process right after the named write step


class StudyError(Exception):
    """A one-line problem with a study or its key (never contains an identifier)."""


KeyError_ = StudyError  # the key's errors are the study's errors


def fault_point(step: str) -> None:
    """Crash injection for the tests: with VEIL_FAULT=step the process dies here at once,
    as on a power cut (no cleanup, no exception handlers)."""
    if os.environ.get(FAULT_ENV) == step:
        os._exit(1)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_previous(path: Path) -> None:
    """Make .bak the current version without ever removing the current file: a hard link
    renamed over the old .bak (a copy where the file system has no hard links)."""
    bak = path.with_name(path.name + ".bak")
    tmp = path.with_name(f".tmp-bak-{os.getpid()}-{path.name}")
    tmp.unlink(missing_ok=True)
    try:
        os.link(path, tmp)
    except OSError:
        shutil.copyfile(path, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
    os.replace(tmp, bak)


def atomic_write(path: Path, data: bytes, backup: bool = False) -> None:
    """Write new, fsync, (keep the current version as .bak), rename over, fsync the folder."""
    step = path.name
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        fault_point(f"{step}:written")
        if backup and path.is_file():
            _keep_previous(path)
            fault_point(f"{step}:backup")
        os.replace(tmp, path)
        fault_point(f"{step}:renamed")
        _sync_dir(path.parent)
        fault_point(f"{step}:synced")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def clean_temporary(folder: Path) -> None:
    """Temporary files a killed process left (encrypted, but of no use); call under the lock."""
    for p in folder.glob(".tmp-*"):
        with contextlib.suppress(OSError):
            p.unlink()


# ---------------------------------------------------------------- identities and recipients
def parse_recipients(lines) -> list:
    """Age public keys (age1...), each checked before anything is written."""
    out = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        try:
            out.append(x25519.Recipient.from_str(line))
        except Exception:
            raise StudyError(f"recipient {n} is not an age public key (age1 followed by 58 "
                             f"letters and digits, as age-keygen prints it)")
    return out


def create_identity(folder: Path, secret: str) -> x25519.Identity:
    ident = x25519.Identity.generate()
    atomic_write(folder / "identity.age", age_passphrase.encrypt(str(ident).encode(), secret))
    atomic_write(folder / "recipients.txt", (str(ident.to_public()) + "\n").encode())
    return ident


def _regular(path: Path, what: str) -> bool:
    """Whether the file is there; a folder or device in its place is an error."""
    if not os.path.lexists(path):
        return False
    if not path.is_file():
        raise StudyError(f"{what} ({path.name}) is not a regular file: the study folder was "
                         f"changed; restore it from a backup")
    return True


def unlock_identity(folder: Path, secret: str):
    """The study identity, from the passphrase, or an age identity file's contents."""
    if secret.startswith("AGE-SECRET-KEY-"):
        try:
            return x25519.Identity.from_str(secret.strip())
        except Exception:
            raise StudyError("not a valid age identity")
    path = folder / "identity.age"
    if not _regular(path, "the study identity"):
        raise StudyError("the study has no identity.age: it is incomplete or not a veil study")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise StudyError(f"cannot read identity.age ({e.strerror})")
    try:
        plain = age_passphrase.decrypt(data, secret)
    except pyrage.DecryptError as e:
        raise StudyError(_identity_problem(data, str(e)))
    try:
        return x25519.Identity.from_str(plain.decode().strip())
    except Exception:
        raise StudyError("identity.age is damaged (it does not hold an age identity); "
                         "restore it from a backup of the study folder")


def _identity_problem(data: bytes, why: str) -> str:
    """A wrong passphrase only fails to unwrap the file key ("Decryption failed"); a broken
    header, header MAC or payload is damage to the file, not a wrong passphrase."""
    lines = data.split(b"\n")
    whole = (len(lines) > 3 and lines[0] == b"age-encryption.org/v1"
             and re.fullmatch(rb"-> scrypt [A-Za-z0-9+/]{22} \d{1,2}", lines[1])
             and re.fullmatch(rb"[A-Za-z0-9+/]{43}", lines[2]) and lines[3].startswith(b"--- "))
    if whole and why == "Decryption failed":
        return "wrong passphrase for this study"
    return "identity.age is damaged (it is not a whole age file); restore it from a backup of the study folder"


def recipients(folder: Path) -> list:
    path = folder / "recipients.txt"
    try:
        text = path.read_text(encoding="utf-8") if _regular(path, "the recipients list") else None
    except (OSError, UnicodeDecodeError):
        text = None
    if text is None:
        raise StudyError("recipients.txt is missing or unreadable: the study cannot be saved")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                out.append(x25519.Recipient.from_str(line))
            except Exception:
                raise StudyError(f"recipients.txt line {n} is not an age public key: correct "
                                 f"or delete that line")
    if not out:
        raise StudyError("recipients.txt names no recipient: the study cannot be saved")
    return out


def add_recipients(folder: Path, new: list) -> int:
    """Add team members' public keys (the key is encrypted to them at the next save)."""
    have = {str(r) for r in recipients(folder)}
    fresh = [str(r) for r in new if str(r) not in have]
    if fresh:
        text = (folder / "recipients.txt").read_text(encoding="utf-8")
        text = text + ("" if text.endswith("\n") or not text else "\n") + "".join(r + "\n" for r in fresh)
        atomic_write(folder / "recipients.txt", text.encode())
    return len(fresh)


def restore_recipients(folder: Path, ident) -> None:
    """recipients.txt lost: the study's own public key again (team members must be re-added)."""
    atomic_write(folder / "recipients.txt", (str(ident.to_public()) + "\n").encode())


# ---------------------------------------------------------------- the key database
def _decrypt(path: Path, identity, what: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise StudyError(f"cannot read {path.name} ({e.strerror})")
    try:
        return pyrage.decrypt(data, [identity])
    except pyrage.DecryptError as e:
        if "no matching keys" in str(e).lower():
            raise StudyError(f"{what} is not encrypted to this identity: someone who can open "
                             f"the study must add its public key with --recipient")
        raise StudyError(f"{what} could not be decrypted: it was changed or damaged "
                         f"(the previous version is key.age.bak)")


def _database(data: bytes, what: str) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        con.deserialize(data)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        con.close()
        raise StudyError(f"{what} is damaged: it decrypts but holds no database")
    return con


def empty() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", check_same_thread=False)


def load(folder: Path, identity, warn=None) -> sqlite3.Connection:
    """The key database, decrypted into memory. A study without key.age never opens empty:
    the previous version is restored from key.age.bak (said in one line), or it is refused."""
    key, bak = folder / "key.age", folder / "key.age.bak"
    if _regular(key, "the study key"):
        return _database(_decrypt(key, identity, "the study key"), "the study key")
    if not _regular(bak, "the previous study key"):
        raise StudyError("the study key (key.age) is missing and there is no key.age.bak: "
                         "restore the study folder from a backup")
    con = _database(_decrypt(bak, identity, "the previous study key (key.age.bak)"), "key.age.bak")
    atomic_write(key, bak.read_bytes())
    if warn:
        warn("key.age was missing: restored the previous version from key.age.bak "
             "(what the last save added is lost)")
    return con


def save(folder: Path, con: sqlite3.Connection) -> None:
    data = pyrage.encrypt(con.serialize(), recipients(folder))
    try:
        atomic_write(folder / "key.age", data, backup=True)
    except OSError as e:
        raise StudyError(f"cannot save the study key in {folder} ({e.strerror})")


# ---------------------------------------------------------------- folders
def lock(folder: Path) -> int:
    """Hold the study's lock file (released when the descriptor closes)."""
    try:
        fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError as e:
        raise StudyError(f"cannot open the study's lock file ({e.strerror}): it must be a "
                         f"regular file; remove what is in its place")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise StudyError("the study is in use by another veil process; try again when it has finished")
    return fd


def create(folder: Path, secret: str, team: list, con: sqlite3.Connection):
    """A new study, made in a hidden folder beside `folder` and renamed into place once whole.
    Returns (identity, lock descriptor)."""
    parent = folder.parent
    prefix = f".veil-new-{folder.name[:40]}-"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(parent, prefix)
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
    except OSError as e:
        raise StudyError(f"cannot create the study in {parent} ({e.strerror})")
    fd = None
    try:
        fd = lock(tmp)
        ident = create_identity(tmp, secret)
        fault_point("create:identity")
        if team:
            add_recipients(tmp, team)
        save(tmp, con)
        fault_point("create:key")
        _into_place(tmp, folder)
        fault_point("create:renamed")
        return ident, fd
    except BaseException:
        if fd is not None:
            os.close(fd)
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _remove_abandoned(parent: Path, prefix: str) -> None:
    """Hidden folders of creations a crash stopped (their lock is free): never a study."""
    for d in parent.glob(prefix + "*"):
        try:
            fd = lock(d)
        except StudyError:
            continue  # being created right now by another process
        try:
            shutil.rmtree(d, ignore_errors=True)
        finally:
            os.close(fd)


def _into_place(tmp: Path, folder: Path) -> None:
    os.chmod(tmp, 0o700)
    if folder.is_dir():  # an empty folder, or one a creation by an older veil left unfinished
        for p in folder.iterdir():
            if p.name == "lock" or p.name.startswith(".tmp-"):
                p.unlink()
    try:
        os.rename(tmp, folder)       # replaces an empty folder; fails on a non-empty one
    except OSError:
        raise StudyError(f"{folder} was created by another process meanwhile; run again")
    _sync_dir(folder.parent)
