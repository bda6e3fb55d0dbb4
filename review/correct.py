"""Corrections made while listening, for transcripts made from recordings: a turn's text
edited, its speaker changed, a turn split at a word or merged with the next.

Each is saved in the encrypted study at once (the caller saves), audited with the
reviewer's name (the text before and after goes in the audit row, inside the study), and
a change of words sends the transcript back through de-identification: a name typed in is
found, linked to the study's entities and replaced. A name the reviewer corrected in place
(a misheard surname spelt right) is the same person: its new spelling joins the entity of
the words it replaced, so the key learns the variant."""
from __future__ import annotations

import json
from enum import Enum

from deid import decisions as D
from deid.model import Field, Status
from deid.render import source_transcript
from deid.study import StudyError
from review.actions import Conflict
from transcript import Transcript
from transcript import edit as E
from transcript.layouts import to_json

MAX_NAME_TOKENS = 5   # a corrected stretch longer than this is left to detection alone


class Op(str, Enum):
    EDIT = "edit_turn"
    SPEAKER = "speaker"
    SPLIT = "split_turn"
    MERGE = "merge_turns"


OPS = {o.value for o in Op}


def editable(tr: Transcript) -> bool:
    """Transcripts veil made from a recording (or read from veil JSON): no original file
    layout to keep byte for byte."""
    return tr.source is None and not tr.meta.get("docx_bytes")


def speakers(tr: Transcript) -> list[str]:
    """The transcript's speaker labels in order of appearance."""
    return list(dict.fromkeys(t.speaker for t in tr.turns if t.speaker))


def word_spans(turn) -> list[list]:
    """[text start, text end, seconds start, seconds end] of each timed word of a turn,
    for the page to play from and highlight."""
    return [[t.a, t.b, round(t.start, 3), round(t.end, 3)] for t in E.tokens(turn) if t.words]


# ---------------------------------------------------------------- the operations
def apply(study, op: str, data: dict, reviewer: str) -> str:
    name = str(data.get("name") or "")
    tr = source_transcript(study, name)
    if not editable(tr):
        raise StudyError("only transcripts made from recordings can be corrected here")
    ti = _turn(tr, data)
    count = len(tr.turns)
    before = [t.text for t in tr.turns[ti:ti + (2 if op == Op.MERGE else 1)]]
    try:
        if op == Op.SPEAKER:
            return _speaker(study, tr, ti, data, reviewer)
        if op == Op.EDIT:
            text = data.get("text")
            if not isinstance(text, str):
                raise StudyError("send the turn's new text")
            msg = _edit(study, tr, ti, text, reviewer)
        elif op == Op.SPLIT:
            tr.turns[ti:ti + 1] = E.split(tr.turns[ti], _int(data.get("at"), "where to split"))
            msg = _redeidentify(study, tr, "turn split")
        elif op == Op.MERGE:
            if ti + 1 >= len(tr.turns):
                raise StudyError("this is the last turn: there is none to merge it with")
            tr.turns[ti:ti + 2] = [E.merge(tr.turns[ti], tr.turns[ti + 1])]
            msg = _redeidentify(study, tr, "turns merged")
        else:
            raise StudyError(f"unknown operation {op!r}")
    except E.EditError as e:
        raise StudyError(str(e))
    # the turns that took their place: two after a split, none after an emptied turn
    after = [t.text for t in tr.turns[ti:ti + len(tr.turns) - count + len(before)]]
    if after == before:
        return msg
    study.audit(reviewer, None, op, json.dumps({"transcript": name, "turn": ti, "before": before,
                                                "after": after}, ensure_ascii=False))
    return msg


def _int(value, what: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise StudyError(f"say {what}")


def _turn(tr: Transcript, data: dict) -> int:
    """The turn the page means, checked against the text the page showed (another tab or
    reviewer may have changed it since)."""
    ti = _int(data.get("turn"), "which turn")
    if not 0 <= ti < len(tr.turns):
        raise Conflict("that turn is no longer there; the page now shows the latest text")
    seen = data.get("was")
    if seen is not None and seen != tr.turns[ti].text or \
            data.get("turns") is not None and data.get("turns") != len(tr.turns):
        raise Conflict("this turn was just changed elsewhere; the page now shows the latest text")
    return ti


def _speaker(study, tr: Transcript, ti: int, data: dict, reviewer: str) -> str:
    """Another speaker for a turn: one of the transcript's speakers, or a new numbered one
    (a label typed freely could be a real name, which no check would find)."""
    new = str(data.get("speaker") or "")
    known = speakers(tr)
    if new not in known and new != new_speaker(tr):
        raise StudyError("choose one of the transcript's speakers, or a new one")
    old = tr.turns[ti].speaker
    tr.turns[ti].speaker = new
    _put(study, tr)   # the words are unchanged: their review items stay as they are
    study.audit(reviewer, None, Op.SPEAKER.value, json.dumps(
        {"transcript": tr.name, "turn": ti, "before": old, "after": new}, ensure_ascii=False))
    return "speaker changed"


def new_speaker(tr: Transcript) -> str:
    known = set(speakers(tr))
    return next(f"S{n}" for n in range(1, len(known) + 2) if f"S{n}" not in known)


def _put(study, tr: Transcript) -> None:
    """The corrected turns into the stored source transcript (layout and the rest kept)."""
    rec = study.get_transcript(tr.name, "source")
    rec["segments"] = json.loads(to_json(tr))["segments"]
    study.put_transcript(tr.name, "source", rec)


def _edit(study, tr: Transcript, ti: int, text: str, reviewer: str) -> str:
    old_turn = tr.turns[ti]
    new_turn, al = E.edit(old_turn, text)
    if new_turn.text == old_turn.text:
        return "no change"
    # names the edit touched: the entity of each, and where its words now lie
    touched = []
    for it in study.items.of(tr.name):
        if it.turn == ti and it.field == Field.TEXT and it.entity and it.status != Status.REJECTED:
            span = al.changed(it.start, it.end)
            if span:
                touched.append((it.entity, it.kind, span))
    if new_turn.text:
        tr.turns[ti] = new_turn
    else:
        del tr.turns[ti]   # an emptied turn is removed
    newest = max((e.id for e in study.entities()), default=0)
    msg = _redeidentify(study, tr, "saved" if new_turn.text else "turn removed")
    linked = sum(_link_corrected(study, tr.name, ti, new_turn.text, newest, reviewer, *t)
                 for t in touched)
    return msg + (f"; {linked} corrected name(s) linked to their entity" if linked else "")


def _redeidentify(study, tr: Transcript, what: str) -> str:
    """The corrected transcript back through de-identification (the study keeps its own
    settings): stored, re-detected, linked, its review items rewritten."""
    from deid.config import Config
    from deid.pipeline import deidentify
    [res] = deidentify(study, [tr], Config())
    if res.transcript is None:
        return f"{what}; the transcript now fails the leak check: see its flags"
    return what + (f"; {res.flags} flag(s) to review" if res.flags else "")


def _link_corrected(study, name: str, ti: int, text: str, newest: int, reviewer: str, entity: int,
                    kind: str | None, span: tuple[int, int]) -> int:
    """The words now where a name was (its correct spelling) are a form of the same
    entity: linked when detection made them an entity of their own (one newer than
    `newest`, made by this edit: a known entity is someone in its own right), marked when
    it did not find them at all. Returns 1 when a form was linked."""
    words = _trim(text[span[0]:span[1]])
    if not words or len(words.split()) > MAX_NAME_TOKENS or study.entity(entity) is None:
        return 0
    def here(live: bool) -> list:
        return [it for it in study.items.of(name) if it.turn == ti and it.field == Field.TEXT
                and it.start < span[1] and it.end > span[0] and (not live or it.status != Status.REJECTED)]
    found = here(True)
    if not found and _name_like(words):
        D.add_missed(study, words, kind or "person", reviewer)
        found = here(False)
    others = {it.entity for it in found if it.entity and it.entity > newest}
    for other in others:
        D.merge(study, entity, other, reviewer)
    return 1 if others else 0


def _trim(text: str) -> str:
    """The words of a name without the punctuation around them."""
    return " ".join(text.split()).strip(" ,.;:!?\"'()[]")


def _name_like(text: str) -> bool:
    """Words that read as a name: one of them capitalised and no ordinary word (so
    "Okafor" is marked where "the nurse" typed over a name is not)."""
    from deid import words
    return any(w[:1].isupper() and not words.is_common(w) for w in text.split())
