"""The review queue as the page sees it: transcripts with their flags, and one transcript's
text with every item (real words, pseudonym, kind, status). Read fresh from the study on
every request, so two tabs or two reviewers always see the latest decisions."""
from __future__ import annotations

from deid import decisions as D
from deid import entity as ent

REVIEWER_MARK = "marked by reviewer"


def is_flag(it: dict) -> bool:
    """An item a reviewer must look at (or has looked at): anything but a confident
    automatic replacement and the reviewer's own marks."""
    return it["status"] != "auto" and it["reason"] != REVIEWER_MARK


def is_possible_miss(it: dict) -> bool:
    return (it["reason"] or "").startswith("possible miss")


def counts(study, name: str) -> dict:
    its = D.items(study, name)
    flags = [i for i in its if is_flag(i)]
    return {"flags": len(flags), "open": sum(i["status"] == "open" for i in flags),
            "items": len(its)}


def transcripts(study) -> list[dict]:
    from review import audio
    out = []
    for name in study.transcript_names("source"):
        out.append({"name": name, **counts(study, name), "audio": audio.media_path(study, name) is not None})
    return out


def pseudonym_of(study, ps, it: dict) -> str | None:
    """What the item's words become (None: a fresh pseudonym is chosen when accepted)."""
    import json
    if it.get("decision"):
        d = json.loads(it["decision"])
        if d.get("pseudonym"):
            return d["pseudonym"]
    k = ent.key_of(it["text"] or "")
    if k in ps.map:
        return ps.map[k]
    if it["entity"]:
        return D._pseudonym_for(study, ps, it)
    return None


def replaced(it: dict, auto: set[int] | None = None) -> bool:
    """Whether the exported transcript replaces the item's words (as deidentified() does):
    an open item keeps the automatic decision, `auto` being the items `veil deid` replaced
    (D.auto_replaced); without it, open possible misses count as kept."""
    if it["status"] in ("auto", "accepted", "corrected"):
        return True
    if it["status"] != "open":
        return False
    return it["id"] in auto if auto is not None else not is_possible_miss(it)


def transcript_view(study, name: str) -> dict:
    from review import audio, correct
    tr = D.source_transcript(study, name)
    ps = D.pseudonyms(study)
    auto = D.auto_replaced(study, name)
    ents = {e.id: e for e in study.entities()}
    items = []
    for it in D.items(study, name):
        e = ents.get(it["entity"])
        items.append({
            "id": it["id"], "turn": it["turn"], "start": it["start"], "end": it["end"],
            "text": it["text"], "kind": it["kind"] or (e.kind if e else "person"),
            "status": it["status"], "reason": it["reason"] or "", "score": it["score"],
            "entity": it["entity"], "flag": is_flag(it), "replaced": replaced(it, auto),
            "pseudonym": pseudonym_of(study, ps, it), "reviewer": it["reviewer"]})
    media = audio.media_path(study, name) is not None
    turns = [{"speaker": t.speaker, "start": t.start, "text": t.text,
              "timed": bool(t.words) or t.start is not None, "words": correct.word_spans(t)}
             for t in tr.turns]
    flags = [i for i in items if i["flag"]]
    return {"name": name, "layout": tr.layout, "turns": turns, "items": items,
            "entities": [{"id": e.id, "kind": e.kind, "real": e.real, "pseudonym": e.pseudonym}
                         for e in sorted(ents.values(), key=lambda e: (e.kind, e.real.lower()))],
            "audio": media, "progress": {"flags": len(flags),
                                         "decided": sum(i["status"] != "open" for i in flags)},
            "words": sum(len(t.text.split()) for t in tr.turns),
            # correction mode: transcripts from recordings
            "editable": correct.editable(tr), "speakers": correct.speakers(tr),
            "new_speaker": correct.new_speaker(tr)}
