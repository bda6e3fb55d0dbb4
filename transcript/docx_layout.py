"""Word documents: paragraphs are read as lines of text in any text layout; on output
the original document is edited run by run, so its formatting stays. A transcript that
did not come as a Word document is written as one: a title, then a paragraph per turn
with its timestamp and the speaker in bold. Every document veil writes has neutral
properties (no author, title or comments; created and modified at the time of writing)."""
from __future__ import annotations

import datetime as dt
import difflib
import io
import re

from transcript.docx_parts import BREAK, Parts, scrub_properties, text_of
from transcript.model import Transcript

TITLE_STYLE = "Title"


def _document(data: bytes):
    import docx
    from transcript.layouts import UnreadableTranscript
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:
        raise UnreadableTranscript("not a readable .docx document")


def read(data: bytes, name: str) -> Transcript:
    """The body's paragraphs as the transcript's turns; the text of tables, text boxes,
    headers, footers, notes and comments as turns of their own after them (each a line of
    the source, so that every one is de-identified and written back in its place)."""
    from transcript.layouts import UnreadableTranscript, detect_layout, parse_text
    from transcript.model import Turn
    doc = _document(data)
    paras = doc.paragraphs
    text = "\n".join(text_of(p) for p in paras)
    if not text.strip():
        raise UnreadableTranscript("no transcript text found")
    # the layout is that of the turns, below a title veil wrote (kept as a preamble)
    body = "\n".join(text_of(p) for p in paras[_preamble(paras):])
    inner = parse_text(text, name, detect_layout(body) if body.strip() else None)
    pos = len(text)
    for line in Parts(doc).texts():
        pos += 1
        if line.strip():
            inner.turns.append(Turn(text=line, offset=pos))
        pos += len(line)
        inner.source += "\n" + line
    inner.meta["docx_layout"] = inner.layout
    inner.meta["docx_bytes"] = data
    inner.layout = "docx"
    return inner


def _preamble(paras) -> int:
    """How many leading paragraphs are a title or export's UNREVIEWED mark."""
    from transcript.layouts import UNREVIEWED_MARK
    n = 0
    for p in paras[:2]:
        if p.style is not None and p.style.name == TITLE_STYLE or p.text.startswith(UNREVIEWED_MARK):
            n += 1
        else:
            break
    return n


def _edit_runs(paragraph, new: str) -> None:
    runs = list(paragraph.runs)
    old = "".join(r.text for r in runs)
    if not runs or old == new:
        if not runs and new:
            paragraph.add_run(new)
        return
    texts = [r.text for r in runs]
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag == "equal":
            continue
        # run holding position i1
        pos, k = 0, len(texts) - 1
        for n, t in enumerate(texts):
            if pos <= i1 < pos + len(t) or (i1 == pos + len(t) and n == len(texts) - 1):
                k = n
                break
            pos += len(t)
        # delete old[i1:i2] across runs, then insert at i1 in run k
        start, remaining = i1 - pos, i2 - i1
        n = k
        while remaining > 0 and n < len(texts):
            s = start if n == k else 0
            cut = min(remaining, len(texts[n]) - s)
            texts[n] = texts[n][:s] + texts[n][s + cut:]
            remaining -= cut
            n += 1
        texts[k] = texts[k][:start] + new[j1:j2] + texts[k][start:]
    for r, t in zip(runs, texts):
        if r.text != t:
            r.text = t


def neutral_properties(doc) -> None:
    """No author, title, subject, keywords or comments (python-docx's template says
    "python-docx" and 2013); created and modified now."""
    cp = doc.core_properties
    for attr in ("author", "category", "comments", "content_status", "identifier", "keywords",
                 "language", "last_modified_by", "subject", "title", "version"):
        setattr(cp, attr, "")
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cp.created = cp.modified = now
    cp.revision = 1
    if cp.last_printed is not None:
        cp.last_printed = now


def _transcript_document(tr: Transcript):
    """A Word transcript: the title, then per turn "[00:01:15] " and the speaker in bold."""
    import docx
    from transcript.layouts import clock
    doc = docx.Document()
    title = re.sub(r"\.(txt|docx|vtt|srt|json)$", "", tr.name, flags=re.I)
    if title:
        doc.add_paragraph(title, style=TITLE_STYLE)
    for t in tr.turns:
        p = doc.add_paragraph()
        if t.start is not None:
            p.add_run(f"[{clock(t.start)}] ")
        if t.speaker:
            p.add_run(f"{t.speaker}:").bold = True
            p.add_run(" ")
        p.add_run(t.text)
    return doc


def render(tr: Transcript) -> bytes:
    original = tr.meta.get("docx_bytes")
    if original is not None and tr.source is not None:
        doc = _document(original)
        parts = Parts(doc)
        lines = tr.source.split("\n")
        for p, line in zip(list(doc.paragraphs) + parts.paragraphs, lines):
            if text_of(p) != line:
                _edit_runs(p, line.replace(BREAK, "\n"))
        parts.flush()
        scrub_properties(doc)
    else:
        doc = _transcript_document(tr)
    neutral_properties(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
