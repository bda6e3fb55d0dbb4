"""Word documents: paragraphs are read as lines of text in any text layout; on output
the original document is edited run by run, so its formatting stays."""
from __future__ import annotations

import difflib
import io

from transcript.model import Transcript


def _document(data: bytes):
    import docx
    from transcript.layouts import UnreadableTranscript
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:
        raise UnreadableTranscript("not a readable .docx document")


def read(data: bytes, name: str) -> Transcript:
    from transcript.layouts import UnreadableTranscript, parse_text
    doc = _document(data)
    text = "\n".join(p.text for p in doc.paragraphs)
    if not text.strip():
        raise UnreadableTranscript("no transcript text found")
    inner = parse_text(text, name)
    inner.meta["docx_layout"] = inner.layout
    inner.meta["docx_bytes"] = data
    inner.layout = "docx"
    return inner


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


def render(tr: Transcript) -> bytes:
    import docx
    from transcript.layouts import render as render_text
    original = tr.meta.get("docx_bytes")
    if original is not None and tr.source is not None:
        doc = _document(original)
        lines = tr.source.split("\n")
        for p, line in zip(doc.paragraphs, lines):
            if p.text != line:
                _edit_runs(p, line)
    else:
        doc = docx.Document()
        for para in render_text(tr, "txt").rstrip("\n").split("\n\n"):
            doc.add_paragraph(para)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
