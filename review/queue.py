"""The review queue as the page sees it: transcripts with their flags, and one transcript's
text with every item (real words, pseudonym, kind, status). Read fresh from the study on
every request, so two tabs or two reviewers always see the latest decisions. Reading
never writes: an item whose words have no pseudonym yet shows none."""
from __future__ import annotations

from deid import entity as ent
from deid.model import Item, Status
from deid.pseudonym import Pseudonyms
from deid.decisions import approval
from deid.render import leaks, source_transcript


def counts(study, name: str) -> dict:
    its = study.items.of(name)
    flags = [i for i in its if i.is_flag]
    return {"flags": len(flags), "open": sum(i.status == Status.OPEN for i in flags), "items": len(its)}


def transcripts(study) -> list[dict]:
    from review import audio
    return [{"name": name, **counts(study, name), "audio": audio.media_path(study, name) is not None,
             "approved": approval(study, name) is not None}
            for name in study.transcript_names("source")]


def pseudonym_of(ps: Pseudonyms, it: Item) -> str | None:
    """What the item's words become (None: a pseudonym is chosen when it is accepted)."""
    return it.pseudonym_decided or ps.map.get(ent.key_of(it.text))


def item_view(it: Item, ps: Pseudonyms) -> dict:
    return {"id": it.id, "turn": it.turn, "field": it.field.value, "start": it.start, "end": it.end, "text": it.text,
            "kind": it.kind.value, "status": it.status.value, "reason": it.reason, "score": it.score,
            "entity": it.entity, "flag": it.is_flag, "replaced": it.replaced, "pseudonym": pseudonym_of(ps, it),
            "reviewer": it.reviewer}


def transcript_view(study, name: str) -> dict:
    from review import audio, correct
    tr = source_transcript(study, name)
    ps = Pseudonyms.of_study(study)
    ents = study.entities()
    items = [item_view(it, ps) for it in study.items.of(name)]
    turns = [{"speaker": t.speaker, "start": t.start, "text": t.text,
              "timed": bool(t.words) or t.start is not None, "words": correct.word_spans(t)}
             for t in tr.turns]
    flags = [i for i in items if i["flag"]]
    return {"name": name, "layout": tr.layout, "turns": turns, "items": items,
            "entities": [{"id": e.id, "kind": e.kind.value, "real": e.real, "pseudonym": e.pseudonym}
                         for e in sorted(ents, key=lambda e: (e.kind.value, e.real.lower()))],
            "audio": audio.media_path(study, name) is not None,
            "progress": {"flags": len(flags), "decided": sum(i["status"] != "open" for i in flags)},
            "approved": approval(study, name),
            "leaks": leaks(study, name),   # what would make export refuse it, with its places
            "words": sum(len(t.text.split()) for t in tr.turns),
            # correction mode: transcripts from recordings
            "editable": correct.editable(tr), "speakers": correct.speakers(tr),
            "new_speaker": correct.new_speaker(tr)}
