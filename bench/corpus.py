"""Bench corpora for de-identification.

`interviews(folder, words)`: files of about 1,000 words made of two interview transcripts
from the marked gold sets (shared/eval/dev and bench/eval/interviews), every marked name
re-drawn per file from pools of a few hundred people, places and institutions, so the
study key grows as in a real multi-interview study (over a thousand entities at 200,000
words). `samples(folder, words)`: the bundled sample transcripts repeated (a small key).
"""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared" / "eval").is_dir() else Path("/work/shared")
TEMPLATES = sorted((SHARED / "eval" / "dev").glob("*.txt")) + sorted((ROOT / "bench" / "eval" / "interviews").glob("*.txt"))
MARK = re.compile(r"\[\[([PLOCDX]):([^|\]]+)\|([^\]]+)\]\]")
TITLE = re.compile(r"^((?:Dr|Mr|Mrs|Ms|Prof|Dean|Nurse|Pastor|Father|Sister|Aunt|Uncle)\.?\s+)")
KINDS = ["Medical Center", "Hospital", "Clinic", "University", "College", "High School", "Church", "Library",
         "Health Center", "Community College", "Pharmacy", "Bakery", "Foundation", "Academy"]


def pools(rng: random.Random, size: int = 300) -> dict[str, list]:
    from faker import Faker
    fake = Faker(["en_US", "en_GB", "es_ES", "fr_FR", "de_DE", "it_IT", "pl_PL", "nl_NL", "pt_BR", "sv_SE"])
    fake.seed_instance(rng.randrange(1 << 30))
    people = [(fake.first_name(), fake.last_name()) for _ in range(size)]
    places = list({fake.city().split()[0].strip(",") for _ in range(size * 2)})[:size]
    insts = [f"{fake.last_name()} {rng.choice(KINDS)}" for _ in range(size)]
    contacts = [fake.email() for _ in range(size)] + [fake.phone_number() for _ in range(size)]
    return {"P": people, "L": places, "O": insts, "C": contacts}


def _fullest(text: str) -> dict[str, str]:
    """The longest surface of every entity of a template."""
    out: dict[str, str] = {}
    for kind, eid, surface in MARK.findall(text):
        if len(surface) > len(out.get(eid, "")):
            out[eid] = TITLE.sub("", surface)
    return out


def _person(surface: str, full: str, first: str, last: str) -> str:
    title = TITLE.match(surface)
    core = surface[title.end():] if title else surface
    poss = "'s" if core.endswith(("'s", "’s")) else ""
    core = core[:-2] if poss else core
    words = core.split()
    full_words = full.replace("'s", "").split()
    if len(words) > 1:
        name = f"{first} {last}"
    else:
        name = first if full_words and core == full_words[0] and len(full_words) > 1 else last
    name = name.lower() if core.islower() else name
    return (title.group() if title else "") + name + poss


def redraw(template: str, pool: dict, rng: random.Random) -> str:
    """A template with each entity replaced by one drawn from the pools (one per file)."""
    full, drawn = _fullest(template), {}

    def sub(m) -> str:
        kind, eid, surface = m.groups()
        if kind not in pool:
            return surface
        pick = drawn.setdefault(eid, rng.choice(pool[kind]))
        if kind == "P":
            return _person(surface, full.get(eid, surface), *pick)
        lead = "the " if surface.lower().startswith("the ") else ""
        if kind == "O" and surface.isupper():
            return "".join(w[0] for w in pick.split()).upper()
        return lead + (pick.lower() if surface.islower() else pick)
    return MARK.sub(sub, template)


def interviews(folder: Path, words: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    pool = pools(rng)
    texts = [p.read_text() for p in TEMPLATES]
    total, i = 0, 0
    while total < words:
        a, b = rng.sample(texts, 2)
        body = redraw(a, pool, rng).rstrip() + "\n\n" + redraw(b, pool, rng)
        (folder / f"interview{i:05d}.txt").write_text(body)
        total += len(body.split())
        i += 1
    return total


def samples(folder: Path, words: int) -> int:
    files = sorted((ROOT / "samples").glob("*.txt"))
    texts = [p.read_text() for p in files]
    total, i = 0, 0
    while total < words:
        text = texts[i % len(texts)]
        (folder / f"copy{i:05d}_{files[i % len(files)].name}").write_text(text)
        total += len(text.split())
        i += 1
    return total
