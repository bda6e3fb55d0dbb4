"""`veil export`: the reviewed, de-identified transcripts leave the study.

A transcript with open flags is held back unless --allow-unreviewed, which marks it in a
header that keeps the file readable in its own format:
  txt   a first paragraph "[UNREVIEWED - N review flag(s) still open ...]" (read back as a
        preamble with no speaker; the turns below keep their layout)
  vtt   a "NOTE [UNREVIEWED - ...]" block after the WEBVTT line (ignored by players)
  srt   a cue numbered 0 at 00:00:00,000 --> 00:00:00,000 saying "[UNREVIEWED - ...]"
  json  a top-level "review": {"status": "unreviewed", "open_flags": N}
  docx  a first paragraph "[UNREVIEWED - ...]"
Every file is written to a temporary name, read back, and checked for real strings of the
key before it takes its final name; a file with a hit is removed and reported.
"""
from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from deid import render as stored
from deid.key import atomic_write
from transcript import UnreadableTranscript, read, render
from transcript.layouts import native_format


@dataclass
class Outcome:
    name: str
    status: str                    # exported | unreviewed | held (open flags) | refused
    open: int = 0
    files: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@dataclass
class Result:
    out_dir: Path
    outcomes: list[Outcome]
    report: Path | None = None

    @property
    def ok(self) -> bool:
        return not any(o.refused for o in self.outcomes)

    def summary(self) -> str:
        n = sum(bool(o.files) for o in self.outcomes)
        files = sum(len(o.files) for o in self.outcomes)
        held = sum(o.status == "held" for o in self.outcomes)
        unrev = sum(o.status == "unreviewed" for o in self.outcomes)
        refused = sum(len(o.refused) for o in self.outcomes)
        parts = [f"{n} transcript(s) exported ({files} file(s)) to {self.out_dir}"]
        if unrev:
            parts.append(f"{unrev} marked UNREVIEWED")
        if held:
            parts.append(f"{held} held back with open flags (finish them in veil review, "
                         f"or --allow-unreviewed)")
        if refused:
            parts.append(f"{refused} file(s) refused: real identifiers found")
        if self.report:
            parts.append(f"report: {self.report.name}")
        return "; ".join(parts)


def marker(open_flags: int) -> str:
    return (f"[UNREVIEWED - {open_flags} review flag(s) still open in veil; "
            f"this transcript is not approved for analysis]")


def render_bytes(tr, fmt: str, unreviewed: int = 0) -> bytes:
    """The transcript in `fmt`, marked unreviewed in its header when flags are open."""
    note = marker(unreviewed) if unreviewed else ""
    if fmt == "docx":
        from transcript import docx_layout
        data = docx_layout.render(tr)
        if not note:
            return data
        import docx
        doc = docx.Document(io.BytesIO(data))
        if doc.paragraphs:
            doc.paragraphs[0].insert_paragraph_before(note)
        else:
            doc.add_paragraph(note)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
    text = render(tr, fmt)
    if note:
        if fmt == "json":
            doc = json.loads(text)
            doc["review"] = {"status": "unreviewed", "open_flags": unreviewed}
            text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
        elif fmt == "vtt":
            head, sep, rest = text.partition("\n\n")
            text = f"{head}\n\nNOTE {note}\n\n{rest}" if sep else f"{head}\n\nNOTE {note}\n"
        elif fmt == "srt":
            text = f"0\n00:00:00,000 --> 00:00:00,000\n{note}\n\n{text}"
        else:
            text = f"{note}\n\n{text}"
    return text.encode("utf-8")


def target_name(name: str, fmt: str, native: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if fmt == native and dot:
        return name
    return f"{stem or name}.{fmt}"


def write_checked(data: bytes, path: Path, check) -> int:
    """Write to a temporary file, read it back, count leaks; keep it only when there are none."""
    tmp = path.with_name(f".veil-check-{os.getpid()}-{path.name}")
    atomic_write(tmp, data)
    try:
        try:
            leaks = check(read(tmp))
        except UnreadableTranscript:
            return 1  # what cannot be read back cannot be checked
        if leaks:
            return leaks
        os.replace(tmp, path)
        return 0
    finally:
        tmp.unlink(missing_ok=True)


def export_one(study, name: str, out_dir: Path, fmts: list[str], allow_unreviewed: bool) -> Outcome:
    open_flags = study.open_items(name)
    if open_flags and not allow_unreviewed:
        return Outcome(name, "held", open_flags)
    tr, leaks = stored.deidentified(study, name, include_open=True)
    tr.media = None  # a recording's path or file name may itself identify someone
    out = Outcome(name, "unreviewed" if open_flags else "exported", open_flags)
    native = native_format(tr)
    check = stored.Checker(study, study.items.of(name)).count
    for fmt in fmts or [native]:
        fname = target_name(name, fmt, native)
        if leaks:
            out.refused.append(fname)
            continue
        if write_checked(render_bytes(tr, fmt, open_flags), out_dir / fname, check):
            out.refused.append(fname)
        else:
            out.files.append(fname)
    if out.refused and not out.files:
        out.status = "refused"
    return out


def export(study, out_dir: Path, fmts: list[str] = (), allow_unreviewed: bool = False,
           warn=lambda message: None) -> Result:
    from review import report
    out_dir.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for name in study.transcript_names("source"):
        o = export_one(study, name, out_dir, list(fmts), allow_unreviewed)
        if o.status == "held":
            warn(f"veil: {name}: {o.open} flag(s) open; not exported")
        for f in o.refused:
            warn(f"veil: {f}: refused, real identifiers would remain; check it with veil review")
        outcomes.append(o)
    study.save()  # pseudonyms chosen while rendering are kept
    result = Result(out_dir, outcomes)
    result.report = report.write_csv(study, outcomes, out_dir / "review_report.csv")
    return result
