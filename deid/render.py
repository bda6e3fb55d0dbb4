"""Stored transcripts rendered with every review decision (what `veil export` writes and
the review page shows), the leak check that goes with them, and the rescan that finds
the key's forms in every stored transcript after the key has grown."""
from __future__ import annotations

import json
import re

from deid import entity as ent
from deid import leak, words
from deid.detect import SEP
from deid.config import never_replaced
from deid.linker import KeyIndex
from deid.matcher import NameMatcher
from deid.model import KNOWN, Field, Flag, Item, Kind, NewItem, Status
from deid.pseudonym import Pseudonyms
from deid.study import StudyError
from deid.truecase import is_uncased
from transcript import Replacement, Transcript, apply_replacements
from transcript.layouts import from_json



def source_transcript(study, name: str) -> Transcript:
    """The original transcript as it was read (holds real names: keep it in memory)."""
    rec = study.get_transcript(name, "source")
    if rec is None:
        raise StudyError("the study has no transcript of that name")
    tr = from_json(json.dumps(rec), name)
    tr.layout = rec.get("layout", "json")
    tr.source = rec.get("source")
    for t, off in zip(tr.turns, rec.get("offsets", [])):
        t.offset = off
    if rec.get("docx"):
        tr.meta["docx_bytes"] = bytes.fromhex(rec["docx"])
        tr.meta["docx_layout"] = rec.get("docx_layout")
    return tr


def allow_list(study) -> list[str]:
    return sorted(never_replaced(study))


def pseudonym_for(study, ps: Pseudonyms, it: Item) -> str:
    """What an item's words become: the pseudonym decided on it, else its form's in the key
    (a new one is chosen, and kept in the key, for a form the key does not hold yet)."""
    if it.pseudonym_decided:
        return it.pseudonym_decided
    from deid.entity import key_of
    k = key_of(it.text)
    if k not in ps.map:
        ps.pseudonym(it.text, it.kind)
        ps.commit(study, it.entity)
    return ps.map[k]


class Checker:
    """The leak check of one stored transcript: every searchable form of the key, but the
    words a reviewer chose to keep in it; a hit that is itself a pseudonym is no leak."""

    def __init__(self, study, items: list[Item]):
        from deid.entity import key_of
        # the words a reviewer kept, whole and word by word ("Shaun Castro" kept: not "Castro")
        kept = frozenset(k for i in items if i.status == Status.REJECTED
                         for k in [key_of(i.text)] + [key_of(w) for w in i.text.split()])
        self.index = KeyIndex(study)
        self.matcher: NameMatcher = self.index.matcher(allow_list(study), exclude=kept)
        words = set()
        for p in [v.pseudonym for v in study.variants()] + [i.pseudonym_decided for i in items if i.pseudonym_decided]:
            # (the numbers inside a code too: a scrambled "28766-545" may hold a number the key
            # learnt later as someone's real one; not the words of a name, "Mary" of "Mary-Jane")
            words.update([key_of(p)] + [key_of(w) for w in p.split()] + re.findall(r"\d+", p))
        self.pseudonyms = frozenset(words)

    def count(self, tr: Transcript, reps: dict | None = None) -> int:
        uncased = is_uncased(SEP.join(t.text for t in tr.turns))
        return leak.count(tr, reps or {}, self.matcher, uncased, self.pseudonyms)


def leaks(study, name: str) -> list[dict]:
    """Where a stored transcript would still show a name the key knows (what makes export
    refuse it): words no replaced item covers, in the turns' text and speaker labels."""
    tr, items = source_transcript(study, name), study.items.of(name)
    checker = Checker(study, items)
    out = []
    for ti, turn in enumerate(tr.turns):
        for field, text in ((Field.TEXT, turn.text), (Field.SPEAKER, turn.speaker or "")):
            covered = [(i.start, i.end) for i in items if i.turn == ti and i.field == field and i.replaced]
            if field == Field.SPEAKER:   # a label's item stands for every turn with that label
                covered += [(i.start, i.end) for i in items if i.field == field and i.replaced
                            and tr.turns[i.turn].speaker == turn.speaker]
            for h in checker.matcher.find(text, covered):
                out.append({"turn": ti, "field": field.value, "start": h.start, "end": h.end, "text": text[h.start:h.end],
                            "kind": checker.index.kind_of.get(h.entity, Kind.PERSON).value})
    return out


def deidentified(study, name: str, include_open: bool = True) -> tuple[Transcript, int]:
    """The de-identified transcript with every decision applied, and its count of leaks.
    Open items keep the automatic decision (replaced when `veil deid` replaced them) unless
    `include_open` is False; rejected items keep the original words."""
    tr = source_transcript(study, name)
    ps = Pseudonyms.of_study(study)
    items = study.items.of(name)
    reps: dict[int, list[Replacement]] = {}
    in_labels: dict[str, list[tuple[int, int, str]]] = {}
    for it in items:
        if not it.replaced or not (include_open or it.status != Status.OPEN):
            continue
        new = pseudonym_for(study, ps, it)
        if it.field == Field.SPEAKER:
            in_labels.setdefault(tr.turns[it.turn].speaker or "", []).append((it.start, it.end, new))
        else:
            reps.setdefault(it.turn, []).append(Replacement(it.start, it.end,
                                                            ent.joined_like(tr.turns[it.turn].text, it.start, it.end, new)))
    out = apply_replacements(tr, reps, {label: _replaced(label, r) for label, r in in_labels.items()})
    return out, Checker(study, items).count(out, reps)


def _replaced(label: str, reps: list[tuple[int, int, str]]) -> str:
    """A speaker label with its names replaced, from the last so the offsets hold."""
    for start, end, new in sorted(reps, reverse=True):
        label = label[:start] + new + label[end:]
    return label


def rescan(study, names: list[str] | None = None) -> int:
    """The key's searchable forms found in stored transcripts where no item covers them
    yet (a name learnt after the transcript was de-identified) become replaced items.
    Returns how many were added."""
    index = KeyIndex(study)
    matcher = index.matcher(allow_list(study))
    added = 0
    for name in study.transcript_names("source") if names is None else names:
        tr = source_transcript(study, name)
        uncased = is_uncased(SEP.join(t.text for t in tr.turns))
        items = study.items.of(name)
        for ti, turn in enumerate(tr.turns):
            taken = [(i.start, i.end) for i in items if i.turn == ti and i.field == Field.TEXT]
            for h in matcher.find(turn.text, taken, uncased):
                text = turn.text[h.start:h.end]
                flags = [Flag.COMMON_WORD] if text.islower() and words.is_common(text) else []
                study.items.add(name, NewItem(ti, h.start, h.end, text, h.entity,
                                              index.kind_of.get(h.entity, Kind.PERSON), flags, KNOWN, 1.0, True))
                added += 1
        added += _rescan_labels(study, name, tr, items, index, matcher)
    return added


def _rescan_labels(study, name: str, tr: Transcript, items: list[Item], index, matcher) -> int:
    """The same in speaker labels: one item per label, at its first turn, stands for every
    turn it labels (a name accepted in the text, "Transcriber", is in "Transcriber note:" too)."""
    added = 0
    first: dict[str, int] = {}
    for ti, turn in enumerate(tr.turns):
        first.setdefault(turn.speaker or "", ti)
    first.pop("", None)
    for label, ti in first.items():
        taken = [(i.start, i.end) for i in items if i.field == Field.SPEAKER and tr.turns[i.turn].speaker == label]
        for h in matcher.find(label, taken):
            kind = index.kind_of.get(h.entity, Kind.PERSON)
            study.items.add(name, NewItem(ti, h.start, h.end, label[h.start:h.end], h.entity, kind, [], KNOWN, 1.0,
                                          True, Field.SPEAKER))
            added += 1
    return added

