"""Read and write the transcript layouts researchers have, keeping the layout on output.

Text layouts are parsed with the offset of every turn's words in the original text, so a
de-identified copy is the original with only the identifying words replaced: speaker
labels, timestamps, blank lines and spacing never change.
"""
from __future__ import annotations

import bisect
import codecs
import json
import math
import re
import unicodedata
from pathlib import Path

from transcript.model import Transcript, Turn, Word

FORMATS = ("txt", "docx", "vtt", "srt", "json")
# layouts of text a transcript can come in; `bracketed` is veil's own txt layout
LAYOUTS = ("turns", "bracketed", "otter", "vtt", "srt", "plain", "json", "docx")


# how veil export marks a transcript exported with review flags open (review/export.py)
UNREVIEWED_MARK = "[UNREVIEWED"


class UnreadableTranscript(Exception):
    """A file that is not a transcript veil can read; the message names no identifier."""


# ---------------------------------------------------------------- timestamps
def parse_clock(ts: str) -> float:
    """Seconds of "00:01:15.250", "1:15", or a chat's time of day "7:58 PM"."""
    m = re.fullmatch(r"(.*?)[ \t]*([AaPp])\.?[Mm]\.?", ts.strip())
    clock_part, half = (m.group(1), m.group(2).lower()) if m else (ts, "")
    parts = clock_part.replace(",", ".").split(":")
    sec = 0.0
    for p in parts:
        sec = sec * 60 + float(p)
    if half:   # hours and minutes; 12:05 AM is five past midnight, 12:05 PM five past noon
        sec = sec * 60 if len(parts) == 2 else sec
        sec = sec % (12 * 3600) + (12 * 3600 if half == "p" else 0)
    return sec


def clock(sec: float | None, millis: str = "") -> str:
    """00:01:15 (or 00:01:15.250 with millis='.', 00:01:15,250 with millis=',')."""
    sec = max(sec or 0.0, 0.0)
    whole = int(sec)
    h, m, s = whole // 3600, whole // 60 % 60, whole % 60
    out = f"{h:02d}:{m:02d}:{s:02d}"
    if millis:
        out += f"{millis}{int(round((sec - whole) * 1000)) % 1000:03d}"
    return out


# ---------------------------------------------------------------- parsing
_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
# a name, a diarizer's label ("SPEAKER_00", as WhisperX and pyannote write it), or a user name as
# Zoom and chats show it ("kezza_m", "maria.g")
_LABEL = r"(?:[A-Z]{2,12}_\d{1,3}|[A-Z][A-Za-z0-9 .'’\-]{0,38}?|(?=[a-z0-9._]*[a-z])[a-z0-9]+(?:[._][a-z0-9]+)+)"
# veil's own txt layout, "[00:01:15] S1: text", and chat exports that write each message so:
# Slack's "[7:58 AM] maria.g: text", WhatsApp's "[04/03/2024, 07:58:12] Maria Gonzalez: text"
_CHAT_DATE = r"(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?[ \t]+)"
BRACKETED = re.compile(rf"^\[{_CHAT_DATE}?(?P<ts>{_TS}(?:[ \t]?[AaPp]\.?[Mm]\.?)?)\][ \t]*"
                       rf"(?:(?P<label>[^:\n\]]{{1,40}}?):)?[ \t]*", re.M)
TURN = re.compile(rf"^(?P<label>{_LABEL}):[ \t]+(?=\S)", re.M)
OTTER = re.compile(rf"^(?P<label>\S[^\n]{{0,40}}?)[ \t]{{2,}}(?P<ts>{_TS})[ \t]*$", re.M)
CUE_TIME = re.compile(rf"^(?P<a>{_TS})[ \t]+-->[ \t]+(?P<b>{_TS})[^\n]*$", re.M)
VOICE = re.compile(r"<v(?:\.[\w.]+)?[ \t]+(?P<label>[^>]+)>")
INLINE_LABEL = re.compile(rf"(?P<label>{_LABEL}):[ \t]+")


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _turn(text: str, a: int, b: int, **kw) -> Turn | None:
    a, b = _strip_span(text, a, b)
    return Turn(text=text[a:b], offset=a, **kw)


# a sentence before a colon after a timestamp, not a speaker: "[00:27:05] First lodging at 41
# Brasshouse Row: twelve men..." of a catalogue's summary: four words or more, one of them a
# word of an English sentence's grammar (not a name's particle: "Ana María de los Ángeles",
# "Jan ten Brink"; nor words in brackets: "Participant 2 (the mum)")
SENTENCE_LABEL = re.compile(r"(?=(?:\S+[ \t]+){3,}\S)(?:[^\n(]*[ \t])?(?:at|in|on|with|was|were|is|are|to|for|from|the|of|and|"
                            r"after|before|into|when|where|who|about)\b")


def _parse_marked(text: str, rx: re.Pattern, layout: str) -> list[Turn]:
    marks = list(rx.finditer(text))
    turns = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        ts = m.groupdict().get("ts")
        label, start = m.group("label") or None, m.end()
        if label and SENTENCE_LABEL.match(label):
            label, start = None, m.start("label")   # a summary's sentence: text, no speaker
        turns.append(_turn(text, start, end, speaker=label, start=parse_clock(ts) if ts else None))
    if marks and marks[0].start() > 0 and text[: marks[0].start()].strip():
        turns.insert(0, _turn(text, 0, marks[0].start()))  # preamble before the first turn
    return turns


def _parse_cues(text: str, layout: str) -> list[Turn]:
    turns = []
    times = list(CUE_TIME.finditer(text))
    for i, m in enumerate(times):
        end = text.find("\n\n", m.end())
        end = len(text) if end < 0 else end
        if i + 1 < len(times):
            end = min(end, times[i + 1].start())
        a = m.end() + 1 if m.end() < len(text) else m.end()
        a, b = _strip_span(text, a, end)
        speaker = None
        v = VOICE.match(text, a) or INLINE_LABEL.match(text, a)
        if v:
            speaker = v.group("label").strip()
            a = v.end()
            if text[a:b].endswith("</v>"):
                b -= 4
        body = text[a:b]
        if layout == "srt" and i + 1 < len(times):
            # the index line of the next cue is not text
            idx = re.search(r"\n\s*\d+\s*$", body)
            if idx:
                b = a + idx.start()
        turns.append(_turn(text, a, b, speaker=speaker, start=parse_clock(m.group("a")),
                           end=parse_clock(m.group("b"))))
    return sorted(turns + _outside_cues(text, times, turns), key=lambda t: t.offset)


def _outside_cues(text: str, times: list, cues: list[Turn]) -> list[Turn]:
    """The text a subtitle file holds outside its cues (a NOTE block, a chat pasted after
    the last cue) as turns of their own, so that nothing in the file goes unread; not the
    header, nor a cue's identifier."""
    starts = [m.start() for m in times]
    spans = sorted((c.offset, c.offset + len(c.text) + 1) for c in cues)
    out = []
    for para in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        a, b = para.span()
        if _holds(starts, a, b) or _inside(spans, a, b) or re.match(r"(?:STYLE|REGION)[ \t]*\n", text[a:b]):
            continue   # a cue or the lines of one; a block of CSS or a region's geometry
        if text.startswith("WEBVTT", a):   # the header's word and fields go, not a title after them
            out += [_turn(text, a + line.start(), a + line.end()) for line in HEADER_TEXT.finditer(text[a:b])]
            continue
        body = re.sub(r"\ANOTE\b[ \t]*\n?", "", text[a:b])
        a = b - len(body)
        if not body.strip() or re.fullmatch(r"[\w\-]+", body.strip()) and re.match(r"\s*" + _TS, text[b:b + 40]) \
                or body.startswith(UNREVIEWED_MARK):
            continue   # a cue's identifier, right before its time; veil's own mark of an unreviewed export
        out.append(_turn(text, a, b))
    return [t for t in out if t.text]


# the lines of a WebVTT header that are text: "Interview with ..." of "WEBVTT - Interview
# with ...", not "Kind: captions"
HEADER_TEXT = re.compile(r"(?<=^WEBVTT - )[^\n]+|(?<=^WEBVTT )[^-\n][^\n]*|"
                         r"^(?!WEBVTT\b|(?:Kind|Language|X-TIMESTAMP-MAP)[:=])[^\n]+", re.M)


def _holds(starts: list[int], a: int, b: int) -> bool:
    """Whether a cue's time line starts within [a, b) (`starts` sorted)."""
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) meets a cue's text (`spans` sorted by start)."""
    i = bisect.bisect_right(spans, (a, float("inf")))
    return i > 0 and spans[i - 1][1] > a or i < len(spans) and spans[i][0] < b


def _parse_plain(text: str) -> list[Turn]:
    turns, pos = [], 0
    for para in re.split(r"(\n\s*\n)", text):
        if para.strip() and not re.fullmatch(r"\n\s*\n", para):
            turns.append(_turn(text, pos, pos + len(para)))
        pos += len(para)
    return turns


def detect_layout(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(UNREVIEWED_MARK):  # veil export's first paragraph: the turns follow it
        head = head.partition("\n")[2].lstrip(" \t\r\n")
    if head.startswith("WEBVTT"):
        return "vtt"
    if re.match(r"\d+\s*\n" + CUE_TIME.pattern.lstrip("^"), head):
        return "srt"
    if len(BRACKETED.findall(text)) >= 1 and re.match(r"\[" + _TS + r"\]", head):
        return "bracketed"
    if sum(1 for m in BRACKETED.finditer(text) if m.group("label")) >= 3:
        return "bracketed"   # a chat export, after its header
    otter = OTTER.findall(text)
    if len(otter) >= 2 or (otter and re.match(OTTER.pattern.lstrip("^"), head.split("\n")[0])):
        return "otter"
    labels = [m.group("label") for m in TURN.finditer(text)]
    # speaker turns: a few labels, used again and again (not "Note:", "Address:" once each)
    if len(labels) >= 2 and len(set(labels)) <= max(2, len(labels) // 3) and len(set(labels)) <= 12:
        return "turns"
    if len(labels) == 1 and TURN.match(head):
        return "turns"
    return "plain"


def parse_text(text: str, name: str = "", layout: str | None = None) -> Transcript:
    """A transcript from the text of a file in any text layout veil knows."""
    text = text.replace("\r\n", "\n")
    layout = layout or detect_layout(text)
    if layout == "bracketed":
        turns = _parse_marked(text, BRACKETED, layout)
    elif layout == "turns":
        turns = _parse_marked(text, TURN, layout)
    elif layout == "otter":
        turns = _parse_marked(text, OTTER, layout)
    elif layout in ("vtt", "srt"):
        turns = _parse_cues(text, layout)
    else:
        layout, turns = "plain", _parse_plain(text)
    return Transcript(turns=[t for t in turns if t is not None], layout=layout, name=name, source=text)


BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# single-byte code pages a transcript saved by Word or an old editor comes in
LEGACY = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman")
MAX_MESS = 0.2   # charset-normalizer's chaos above which a guess is not trusted
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: Latin text has a NUL in every other byte."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.6 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _is_text(text: str) -> bool:
    """Control characters (other than tabs, line and page breaks) mark bytes that are not text."""
    controls = sum(1 for c in text if (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c <= "\x9f")
    return controls <= max(2, len(text) // 200)


def _guess_legacy(data: bytes) -> str:
    """Text in a single-byte code page, when charset-normalizer is confident of one; Word's
    Windows-1252 is taken whenever it reads the bytes as well as the best guess does."""
    from charset_normalizer import from_bytes
    results = [r for r in from_bytes(data, cp_isolation=list(LEGACY)) if r.chaos <= MAX_MESS]
    if not results:
        raise UnreadableTranscript("the text encoding cannot be told with confidence; save it as UTF-8 and try again")
    best = min(results, key=lambda r: r.chaos)
    cp1252 = next((r for r in results if r.encoding == "cp1252"), None)
    chosen = cp1252 if cp1252 is not None and cp1252.chaos <= best.chaos + 0.02 else best
    return data.decode(chosen.encoding)


def decode(data: bytes) -> str:
    """Text of a file: UTF-8/16/32 with a byte-order mark, UTF-8, UTF-16 without one, or a
    single-byte code page (Windows-1252 from Word) detected with confidence; anything else,
    random bytes included, is refused."""
    try:
        codec = next((c for bom, c in BOMS if data.startswith(bom)), None) or _utf16_without_bom(data)
        if codec:
            text = data.decode(codec)
        elif b"\x00" in data:
            raise UnreadableTranscript("not a text transcript (binary file)")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _guess_legacy(data)
                if len(UTF8_SEQUENCE.findall(data)) >= 2:
                    raise UnreadableTranscript("it mixes UTF-8 with another text encoding; save it "
                                               "as UTF-8 and try again")
    except UnicodeDecodeError:
        raise UnreadableTranscript(f"not valid {codec} text; save it as UTF-8 and try again")
    if not _is_text(text):
        raise UnreadableTranscript("not a text transcript (it holds bytes that are not text)")
    # one way of writing each accented letter (NFC): "José" typed as "e" and a combining
    # accent is the same name as "José" typed as one letter
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def read(path: str | Path) -> Transcript:
    """Read a transcript file (.txt, .docx, .vtt, .srt, .json) into the shared model."""
    path = Path(path)
    ext = path.suffix.lower().lstrip(".")
    if path.exists() and not path.is_file():
        raise UnreadableTranscript("not a regular file (a folder, pipe or device)")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableTranscript(f"cannot read file ({e.strerror})")
    if not data.strip():
        raise UnreadableTranscript("empty file")
    if ext == "docx":
        from transcript import docx_layout
        tr = docx_layout.read(data, path.name)
    elif data[:4] == b"PK\x03\x04":
        raise UnreadableTranscript("not a text transcript (binary file)")
    elif ext == "json":
        tr = from_json(decode(data), path.name)
    else:
        tr = parse_text(decode(data), path.name, {"vtt": "vtt", "srt": "srt"}.get(ext))
    if not tr.turns:
        raise UnreadableTranscript("no transcript text found")
    return tr


# ---------------------------------------------------------------- JSON
def to_json(tr: Transcript) -> str:
    segs = []
    for t in tr.turns:
        seg = {"start": t.start, "end": t.end, "speaker": t.speaker, "text": t.text}
        if t.words:
            seg["words"] = [{"start": w.start, "end": w.end, "word": w.text,
                             "probability": round(w.probability, 4)} for w in t.words]
        segs.append(seg)
    doc = {"format": "veil-transcript", "version": 1, "name": tr.name, "media": tr.media,
           "meta": {k: v for k, v in tr.meta.items() if isinstance(v, (str, int, float, bool, list, dict))},
           "segments": segs}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def _number(x) -> bool:
    try:
        return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
    except OverflowError:  # an integer too large for a float
        return False


def _json_problem(doc) -> str | None:
    """What makes a parsed document no veil JSON transcript (None: it is one). Checked whole
    before use, so a wrong type is one line, never a traceback later in the batch."""
    if isinstance(doc, dict):
        if not isinstance(doc.get("segments"), list):
            return "no list of segments"
        if not isinstance(doc.get("meta", {}), dict):
            return "meta is not a table"
        if any(doc.get(k) is not None and not isinstance(doc[k], str) for k in ("name", "media")):
            return "name or media is not text"
        segs = doc["segments"]
    elif isinstance(doc, list):
        segs = doc
    else:
        return "not a JSON object"
    for s in segs:
        if not isinstance(s, dict) or not isinstance(s.get("text", ""), str):
            return "a segment without text"
        if s.get("speaker") is not None and not isinstance(s["speaker"], str):
            return "a speaker that is not text"
        if any(s.get(k) is not None and not _number(s[k]) for k in ("start", "end")):
            return "a segment time that is not a number"
        if not isinstance(s.get("words", []), list) or not all(_word_ok(w) for w in s.get("words", [])):
            return "a word without text and times"
    return None


def _word_ok(w) -> bool:
    return (isinstance(w, dict) and _number(w.get("start")) and _number(w.get("end"))
            and isinstance(w.get("word", w.get("text", "")), str) and _number(w.get("probability", 1.0)))


def from_json(text: str, name: str = "") -> Transcript:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise UnreadableTranscript("not a veil JSON transcript (not valid JSON)")
    problem = _json_problem(doc)
    if problem:
        raise UnreadableTranscript(f"not a veil JSON transcript ({problem})")
    segs = doc["segments"] if isinstance(doc, dict) else doc
    turns = [Turn(text=s.get("text", "").strip(), speaker=s.get("speaker"), start=s.get("start"),
                  end=s.get("end"),
                  words=[Word(w["start"], w["end"], w.get("word", w.get("text", "")),
                              w.get("probability", 1.0)) for w in s.get("words", [])])
             for s in segs]
    meta = doc.get("meta", {}) if isinstance(doc, dict) else {}
    return Transcript(turns=turns, layout="json", name=name or (doc.get("name") or "" if isinstance(doc, dict) else ""),
                      media=doc.get("media") if isinstance(doc, dict) else None, meta=meta)


# ---------------------------------------------------------------- rendering
def _label(t: Turn) -> str:
    return f"{t.speaker}: " if t.speaker else ""


def render(tr: Transcript, fmt: str = "txt") -> str:
    """The transcript as text in `fmt` (txt, vtt, srt, json). A transcript read from a
    file of the same layout comes back in that layout, only its words changed."""
    if tr.source is not None and (fmt == tr.layout or fmt == "txt" and tr.layout in
                                  ("turns", "bracketed", "otter", "plain")):
        return tr.source
    if fmt == "json":
        return to_json(tr)
    if fmt == "vtt":
        cues = ["WEBVTT", ""]
        for t in tr.turns:
            voice = f"<v {t.speaker}>" if t.speaker else ""
            cues += [f"{clock(t.start, '.')} --> {clock(t.end if t.end is not None else t.start, '.')}",
                     voice + t.text, ""]
        return "\n".join(cues)
    if fmt == "srt":
        cues = []
        for i, t in enumerate(tr.turns, 1):
            cues += [str(i), f"{clock(t.start, ',')} --> {clock(t.end if t.end is not None else t.start, ',')}",
                     _label(t) + t.text, ""]
        return "\n".join(cues)
    # txt: one paragraph per turn, "[00:01:15] S1: text" (timestamps when known)
    paras = []
    for t in tr.turns:
        stamp = f"[{clock(t.start)}] " if t.start is not None else ""
        paras.append(stamp + _label(t) + t.text)
    return "\n\n".join(paras) + "\n"


def native_format(tr: Transcript) -> str:
    """The file format a transcript is written in to keep its layout."""
    return {"vtt": "vtt", "srt": "srt", "json": "json", "docx": "docx"}.get(tr.layout, "txt")


def write(tr: Transcript, path: str | Path, fmt: str | None = None) -> Path:
    """Write atomically (temp file, then rename): a killed process leaves no half file."""
    import os
    import tempfile
    path = Path(path)
    fmt = fmt or path.suffix.lower().lstrip(".") or native_format(tr)
    if fmt == "docx":
        from transcript import docx_layout
        data = docx_layout.render(tr)
    else:
        data = render(tr, fmt).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".veil-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
