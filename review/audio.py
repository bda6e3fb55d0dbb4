"""The recording behind a transcript, and the seconds around one review item."""
from __future__ import annotations

from pathlib import Path

from deid.render import source_transcript

PAD = 1.5  # seconds of context before and after the item's words


AUDIO_SUFFIXES = {".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".oga", ".opus", ".wma",
                  ".mp4", ".m4v", ".mov", ".webm", ".mkv"}


def _sounds_like_media(path: Path) -> bool:
    """The first bytes of an audio or video container (WAV, FLAC, Ogg, MP3/AAC, MP4/MOV,
    WebM/Matroska, WMA): whatever a transcript's `media` names, nothing else is ever served."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError:
        return False
    return (head.startswith((b"fLaC", b"OggS", b"ID3", b"\x1a\x45\xdf\xa3", b"\x30\x26\xb2\x75"))
            or head[:4] == b"RIFF" and head[8:12] == b"WAVE"
            or head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free")
            or len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _recording(media, base: Path | None) -> Path | None:
    if not isinstance(media, str) or not media.strip() or "\x00" in media:
        return None
    p = Path(media)
    for cand in [p] if p.is_absolute() else [b / p for b in (base, Path.cwd()) if b is not None]:
        try:
            cand = cand.resolve()
        except (OSError, RuntimeError):
            continue
        if cand.suffix.lower() in AUDIO_SUFFIXES and cand.is_file() and _sounds_like_media(cand):
            return cand
    return None


def register(study, name: str, media, base: Path | None = None) -> Path | None:
    """Remember, at import, the recording a transcript was made from: an audio or video file
    that exists now (a relative path is taken from the transcript's folder, then the working
    folder). The review page plays only this file; the path is kept in the encrypted key."""
    recs = dict(study.setting("recordings", {}))
    path = _recording(media, base)
    if path is None:
        recs.pop(name, None)
    else:
        recs[name] = str(path)
    study.set_setting("recordings", recs)
    return path


def registered(study, name: str) -> str | None:
    return study.setting("recordings", {}).get(name)


def media_path(study, name: str) -> Path | None:
    """The recording registered for a transcript, when it is still there."""
    p = registered(study, name)
    return Path(p) if p and Path(p).is_file() else None


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
