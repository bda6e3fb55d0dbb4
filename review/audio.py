"""The recording behind a transcript, and the seconds around one review item."""
from __future__ import annotations

from pathlib import Path

from deid.render import source_transcript

PAD = 1.5  # seconds of context before and after the item's words


def media_path(study, name: str) -> Path | None:
    """The audio file a transcript was made from, when `veil run` recorded it and it is
    still there (a relative path is taken from the study's parent folder or the cwd)."""
    for kind in ("source", "verbatim"):
        rec = study.get_transcript(name, kind)
        media = rec.get("media") if rec else None
        if not media:
            continue
        p = Path(media)
        for cand in ([p] if p.is_absolute() else [Path.cwd() / p, study.folder.parent / p]):
            if cand.is_file():
                return cand.resolve()
    return None


def item_seconds(study, item_id: int) -> tuple[float, float] | None:
    """(start, end) in seconds of the audio around an item, from its words' timings (or
    its turn's times when the words have none)."""
    try:
        it = study.items.get(int(item_id))
    except (TypeError, ValueError):
        return None
    if it is None:
        return None
    name, ti, a, b = it.transcript, it.turn, it.start, it.end
    tr = source_transcript(study, name)
    if ti is None or ti >= len(tr.turns):
        return None
    turn = tr.turns[ti]
    times, pos = [], 0
    for w in turn.words:
        core = w.text.strip()
        at = turn.text.find(core, pos) if core else -1
        if at >= 0:
            pos = at + len(core)
            if at < b and at + len(core) > a:
                times.append((w.start, w.end))
    if times:
        s, e = times[0][0], times[-1][1]
    elif turn.start is not None:
        s = turn.start
        e = turn.end if turn.end is not None else s + 5.0
        if turn.end is not None and turn.text:  # guess by position in the turn
            span = turn.end - turn.start
            s, e = turn.start + span * a / len(turn.text), turn.start + span * b / len(turn.text)
    else:
        return None
    return max(0.0, s - PAD), e + PAD
