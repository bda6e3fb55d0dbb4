"""File names hold names too: "Okafor_Margaret_interview1.txt", "Margaret Okafor
2024-03-11.flac". An output is named after its input with every identifying word replaced
by its pseudonym ("Dunn_Carol_interview1.txt"), by the participant's code when the study
has one and `--name-by participant` asks for it, or as the input only when that holds no
identifier (`--name-by original`)."""
from __future__ import annotations

import re
from enum import StrEnum

from deid import names, words
from deid.model import Kind, Mention

WORD = re.compile(r"[^\W\d_]+")


class NameBy(StrEnum):
    DEIDENTIFIED = "deidentified"
    PARTICIPANT = "participant"
    ORIGINAL = "original"


def spaced(name: str) -> str:
    """The name with separators read as spaces (same length): "okafor_margaret" -> "okafor margaret"."""
    return re.sub(r"[_\-.]", " ", name)


def deidentified(run, matcher, fno: int, name: str) -> str:
    """`name` with the key's names in it, and words that are people's names, replaced by
    pseudonyms (a name word the key does not hold yet becomes a person of the study)."""
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if dot else (name, "")
    reps = []
    for h in matcher.find(spaced(stem), uncased=True):
        reps.append((h.start, h.end, run.planner.ps.map.get(h.form.written)))
    for w in WORD.finditer(stem):
        if any(a < w.end() and w.start() < b for a, b, _ in reps) or not _a_name(w.group()):
            continue
        m = Mention(fno, 0, w.start(), w.end(), Kind.PERSON, 0.5, "FileName", w.group().title())
        run.linker.link(m)
        reps.append((w.start(), w.end(), run.planner.pseudonym(m, stem)))
    out, pos = [], 0
    for a, b, p in sorted(reps):
        out += [stem[pos:a], _join(p or "", stem[a:b])]
        pos = b
    return "".join(out) + stem[pos:] + ext


def _a_name(word: str) -> bool:
    """A word of a file name that is somebody's name and no ordinary word."""
    w = word.title()
    return (w in names.first_names() or w in names.last_names()) and not words.is_common(word) and len(word) > 2


def _join(pseudonym: str, written: str) -> str:
    """A pseudonym written with the separator of the name it replaces ("Carol_Dunn")."""
    sep = re.search(r"[_\-.]", written)
    return re.sub(r"\s+", sep.group() if sep else " ", pseudonym)


def output_name(study, name: str, by: NameBy = NameBy.DEIDENTIFIED) -> str:
    """What an output of transcript `name` is called."""
    plain = study.setting("output_names", {}).get(name, name)
    ext = "." + plain.rpartition(".")[2] if "." in plain else ""
    if by == NameBy.PARTICIPANT:
        codes = study.setting("participants", {})
        code = codes.get(name)
        same = sorted(n for n, c in codes.items() if c == code)   # two interviews of one participant
        return (f"{code}_{same.index(name) + 1}{ext}" if len(same) > 1 else f"{code}{ext}") if code else plain
    if by == NameBy.ORIGINAL and plain == name:
        return name
    return plain


def shown(study, name: str) -> str:
    """A file name fit for a message: the output's name when the study has one, else the
    name with every word that is somebody's name hidden ("…_…_interview1.txt")."""
    named = study.setting("output_names", {}).get(name)
    return named or WORD.sub(lambda w: "…" if _a_name(w.group()) else w.group(), name)
