import os
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
# seeded pseudonyms everywhere (a test may set its own): a failure that depends on which
# pseudonyms were drawn repeats, instead of coming and going between runs
os.environ.setdefault("VEIL_SEED", "11")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network connection attempted: {args[1:] if len(args) > 1 else args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


@pytest.fixture
def passphrase(monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", "correct horse battery staple")
    return "correct horse battery staple"
