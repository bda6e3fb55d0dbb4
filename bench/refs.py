"""Reference transcripts for the benches: shared/audio's (sample.stm, jfk.txt) and the
lines spoken in veil's own espeak-ng samples (samples/audio/make_*.sh)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "audio"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/audio")
SAMPLES = ROOT / "samples" / "audio"


def norm(word: str) -> str:
    return re.sub(r"[^a-z0-9']", "", word.lower())


def words_of(text: str) -> list[str]:
    return [w for w in (norm(x) for x in text.split()) if w]


def stm_reference(path: Path) -> list[tuple[str, str, int]]:
    """(word, speaker, sentence number) of every reference word."""
    out = []
    for n, line in enumerate(l for l in path.read_text().splitlines() if l.strip()):
        f = line.split(maxsplit=5)
        out += [(w, f[2], n) for w in words_of(f[5])]
    return out


def script_reference(path: Path) -> list[tuple[str, str, int]]:
    """(word, speaker, sentence number) from a make_*.sh's `say $I|$R ... "text"` lines."""
    out, n = [], 0
    for m in re.finditer(r'^say \$(\w+) \d+ \d+ "([^"]+)"', path.read_text(), re.M):
        for sentence in re.split(r"(?<=[.?!])\s+", m.group(2)):
            out += [(w, m.group(1), n) for w in words_of(sentence)]
            n += 1
    return out
