"""The study key at rest: an SQLite database kept in memory, encrypted with age.

Files in the study folder:
  identity.age    the study's own age identity (X25519), encrypted with the passphrase
  recipients.txt  public age recipients the key is encrypted to (the study's own first;
                  add team members' public keys to let them open it with their identity)
  key.age         the database, encrypted to every recipient
  key.age.bak     the previous version of key.age
Anyone with the passphrase can also decrypt by hand with the `age` tool:
  age -d identity.age > id.txt && age -d -i id.txt key.age > key.sqlite
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519


class KeyError_(Exception):
    """A one-line problem with the study key (never contains an identifier)."""


def atomic_write(path: Path, data: bytes, backup: bool = False) -> None:
    """temp file, fsync, keep the previous version as .bak, rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            os.replace(path, bak)
        os.replace(tmp, path)
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def create_identity(folder: Path, secret: str) -> x25519.Identity:
    ident = x25519.Identity.generate()
    atomic_write(folder / "identity.age", age_passphrase.encrypt(str(ident).encode(), secret))
    atomic_write(folder / "recipients.txt", (str(ident.to_public()) + "\n").encode())
    return ident


def unlock_identity(folder: Path, secret: str):
    """The study identity, from the passphrase, or an age identity file's contents."""
    if secret.startswith("AGE-SECRET-KEY-"):
        try:
            return x25519.Identity.from_str(secret.strip())
        except Exception:
            raise KeyError_("not a valid age identity")
    try:
        data = age_passphrase.decrypt((folder / "identity.age").read_bytes(), secret)
    except pyrage.DecryptError:
        raise KeyError_("wrong passphrase for this study")
    except OSError:
        raise KeyError_("the study has no identity.age: it is incomplete or not a veil study")
    return x25519.Identity.from_str(data.decode().strip())


def recipients(folder: Path) -> list:
    out = []
    for line in (folder / "recipients.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                out.append(x25519.Recipient.from_str(line))
            except Exception:
                raise KeyError_("recipients.txt holds a line that is not an age public key")
    return out


def load(folder: Path, identity) -> sqlite3.Connection:
    """The key database, decrypted into memory."""
    con = sqlite3.connect(":memory:", check_same_thread=False)
    path = folder / "key.age"
    if path.exists():
        try:
            data = pyrage.decrypt(path.read_bytes(), [identity])
        except pyrage.DecryptError:
            raise KeyError_("the study key could not be decrypted: it was changed or damaged "
                            "(the previous version is key.age.bak)")
        con.deserialize(data)
    return con


def save(folder: Path, con: sqlite3.Connection) -> None:
    data = pyrage.encrypt(con.serialize(), recipients(folder))
    atomic_write(folder / "key.age", data, backup=True)
