"""`veil export`: the reviewed, de-identified transcripts leave the study.

A transcript with open flags is held back unless --allow-unreviewed, which marks it in a
header that keeps the file readable in its own format:
  txt   a first paragraph "[UNREVIEWED - N review flag(s) still open ...]" (read back as a
        preamble with no speaker; the turns below keep their layout)
  vtt   a "NOTE [UNREVIEWED - ...]" block after the WEBVTT line (ignored by players)
  srt   a cue numbered 0 at 00:00:00,000 --> 00:00:00,000 saying "[UNREVIEWED - ...]"
  json  a top-level "review": {"status": "unreviewed", "open_flags": N}
  docx  a first paragraph "[UNREVIEWED - ...]"
  nvivo a first row at 00:00:00.0 holding the mark
  maxqda a first paragraph holding the mark (no colon: MAXQDA codes it to no speaker)
  qdpx  the mark as the source's Description, and in its text (the .txt export)
Every file is written to a temporary name, read back, and checked for real strings of the
key before it takes its final name; a file with a hit is removed and reported. A .qdpx is
checked member by member: each transcript's text against its own decisions, everything
else (names, cases, file names inside it) against the whole key.

With `audio`, the recording behind each transcript (where `veil run` made it and it is
still there) is written with every replaced mention masked (review/audio_mask.py).
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from deid import decisions as D
from deid import render as stored
from deid.filenames import NameBy, output_name
from deid.pipeline import SAFE_META
from deid.key import atomic_write
from review import audio_mask, qdpx
from review.audio_mask import Mask
from transcript import FORMATS, Transcript, Turn, UnreadableTranscript, read, render
from transcript import qda_layouts
from transcript.layouts import UNREVIEWED_MARK, from_json, native_format

QDA_TEXT = ("nvivo", "maxqda")            # a file per transcript, in a QDA program's layout
PROJECT = "qdpx"                          # one file for the study
EXPORT_FORMATS = FORMATS + QDA_TEXT + (PROJECT,)
SUFFIX = {"nvivo": "nvivo.txt", "maxqda": "maxqda.txt"}
PROJECT_FILE = "project.qdpx"


@dataclass
class Outcome:
    name: str
    status: str                    # exported | unreviewed | held (open flags) | refused
    open: int = 0
    files: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)   # asked for, but could not be made
    in_project: bool = False                          # added to the .qdpx
    out_name: str = ""                                # what its files are called (no name in it)


@dataclass
class Options:
    formats: list[str] = field(default_factory=list)   # [] = each transcript's own layout
    allow_unreviewed: bool = False
    audio: bool = False                                 # write the de-identified recordings
    mask: Mask = Mask.TONE
    name_by: NameBy = NameBy.DEIDENTIFIED               # what the files are called

    @property
    def files(self) -> list[str]:
        return [f for f in self.formats if f != PROJECT]

    @property
    def project(self) -> bool:
        return PROJECT in self.formats


@dataclass
class Result:
    out_dir: Path
    outcomes: list[Outcome]
    report: Path | None = None
    project: str | None = None        # the .qdpx written
    project_refused: bool = False

    @property
    def ok(self) -> bool:
        """Everything asked for was written: nothing refused, failed or held back."""
        return not any(o.refused or o.failed or o.status == "held" for o in self.outcomes) \
            and not self.project_refused

    def summary(self) -> str:
        n = sum(bool(o.files) or o.in_project for o in self.outcomes)
        files = sum(len(o.files) for o in self.outcomes)
        held = sum(o.status == "held" for o in self.outcomes)
        unrev = sum(o.status == "unreviewed" for o in self.outcomes)
        refused = sum(len(o.refused) for o in self.outcomes)
        parts = [f"{n} transcript(s) exported ({files} file(s)) to {self.out_dir}"]
        if unrev:
            parts.append(f"{unrev} marked UNREVIEWED")
        if held:
            parts.append(f"{held} held back: open flags or not approved (finish and approve them in veil "
                         f"review, or --allow-unreviewed)")
        if refused:
            parts.append(f"{refused} file(s) refused: real identifiers found")
        failed = sum(len(o.failed) for o in self.outcomes)
        if failed:
            parts.append(f"{failed} file(s) could not be made")
        if self.project:
            parts.append(f"project: {self.project}")
        if self.project_refused:
            parts.append(f"{PROJECT_FILE} refused: real identifiers found")
        if self.report:
            parts.append(f"report: {self.report.name}")
        return "; ".join(parts)


@dataclass
class Pending:
    """Why a transcript is not approved for analysis: flags still open, or no reviewer has
    approved it."""
    open_flags: int
    approved: bool

    def __bool__(self) -> bool:
        return bool(self.open_flags) or not self.approved

    def __str__(self) -> str:
        why = (f"{self.open_flags} review flag(s) still open in veil" if self.open_flags
               else "no reviewer has approved it in veil")
        return f"{UNREVIEWED_MARK} - {why}; this transcript is not approved for analysis]"


def marker(pending: Pending) -> str:
    return str(pending)


def render_bytes(tr, fmt: str, pending: Pending | None = None) -> bytes:
    """The transcript in `fmt`, marked unreviewed in its header when it is not approved.
    qda_layouts.NoTimes for an NVivo layout of a transcript without timestamps."""
    note = str(pending) if pending else ""
    if fmt in QDA_TEXT:
        return getattr(qda_layouts, fmt)(tr, note).encode("utf-8")
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
            doc["review"] = {"status": "unreviewed", "open_flags": pending.open_flags, "approved": pending.approved}
            text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
        elif fmt == "vtt":
            head, sep, rest = text.partition("\n\n")
            text = f"{head}\n\nNOTE {note}\n\n{rest}" if sep else f"{head}\n\nNOTE {note}\n"
        elif fmt == "srt":
            text = f"0\n00:00:00,000 --> 00:00:00,000\n{note}\n\n{text}"
        else:
            text = f"{note}\n\n{text}"
    return text.encode("utf-8")


def strings_checked(check, strings: list[str], names: bool = False) -> int:
    """Real strings of the key in loose strings; in `names` (file names, XML values)
    `_`, `-` and `.` are read as spaces, so "margaret_okafor.txt" shows the name it holds."""
    if names:
        strings = [re.sub(r"[_.\-]", " ", s) for s in strings if s]
    return check(Transcript([Turn(s) for s in strings if s]))


def target_name(name: str, fmt: str, native: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if fmt == native and dot:
        return name
    return f"{stem or name}.{SUFFIX.get(fmt, fmt)}"


def docx_strings(data: bytes) -> list[str]:
    """What a Word document shows or keeps besides its body paragraphs: headers, footers,
    notes and comments (paragraph by paragraph, runs joined), its properties, and the
    authors of comments and tracked changes."""
    import zipfile

    from lxml import etree
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    parts = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments\w*)\.xml|docProps/.+\.xml")
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for member in z.namelist():
            if not parts.fullmatch(member):
                continue
            root = etree.fromstring(z.read(member))
            paras = list(root.iter(f"{w}p"))
            out += ["".join(p.itertext()) for p in paras] if paras else list(root.itertext())
            out += [el.get(f"{w}author") for el in root.iter() if el.get(f"{w}author")]
    return out


def write_checked(data: bytes, path: Path, check, reader=None) -> int:
    """Write to a temporary file, read it back, count leaks; keep it only when there are
    none. `reader(tmp)` gives the count instead of `check(read(tmp))` (a .qdpx)."""
    tmp = path.with_name(f".veil-check-{os.getpid()}-{path.name}")
    atomic_write(tmp, data)
    try:
        try:
            leaks = reader(tmp) if reader else check(read(tmp))
            if not reader and path.suffix.lower() == ".docx":
                leaks += strings_checked(check, docx_strings(tmp.read_bytes()))
        except UnreadableTranscript:
            return 1  # what cannot be read back cannot be checked
        if leaks:
            return leaks
        os.replace(tmp, path)
        return 0
    finally:
        tmp.unlink(missing_ok=True)


def _audio(study, name: str, tr, out_dir: Path, opts: Options, out: Outcome, warn):
    """(bytes, extension) of the de-identified recording behind `name`, written to
    `out_dir`; None where there is no recording (or it cannot be made)."""
    from review.audio import media_path
    source = media_path(study, name)
    if source is None:
        if (study.get_transcript(name, "source") or {}).get("media"):
            warn(f"veil: {output_name(study, name, opts.name_by)}: its recording is no longer where veil run found it; no audio exported")
        return None
    target = out_dir / f"{_stem(output_name(study, name, opts.name_by))}.{audio_mask.extension(source)}"
    if target.resolve() == source.resolve():
        warn(f"veil: {output_name(study, name, opts.name_by)}: the de-identified audio would replace the recording; export to another folder")
        out.failed.append(target.name)
        return None
    original = from_json(json.dumps(study.get_transcript(name, "source")), name)
    try:
        data, ext, _ = audio_mask.deidentified_audio(source, original, tr, opts.mask)
    except audio_mask.MaskError as e:
        warn(f"veil: {output_name(study, name, opts.name_by)}: no de-identified audio: {e}")
        out.failed.append(target.name)
        return None
    atomic_write(target, data)
    out.files.append(target.name)
    return data, ext


def _stem(name: str) -> str:
    return name.rpartition(".")[0] or name


def export_one(study, name: str, out_dir: Path, opts: Options, warn=lambda m: None,
               entries: list | None = None) -> Outcome:
    """Export one transcript in every asked format (and its audio); when `entries` is a
    list, the transcript is added to it for the project."""
    open_flags = study.open_items(name)
    pending = Pending(open_flags, D.approval(study, name) is not None)
    shown = output_name(study, name, opts.name_by)   # the file's name, with no name in it
    if pending and not opts.allow_unreviewed:
        return Outcome(name, "held", open_flags, out_name=shown)
    tr, leaks = stored.deidentified(study, name, include_open=True)
    # a recording's path may itself identify someone; metadata only as veil writes it
    tr.name, tr.media, tr.meta = shown, None, {k: v for k, v in tr.meta.items() if k in SAFE_META}
    out = Outcome(name, "unreviewed" if pending else "exported", open_flags, out_name=shown)
    native = native_format(tr)
    check = stored.Checker(study, study.items.of(name)).count
    for fmt in opts.files or ([] if opts.project else [native]):
        fname = target_name(shown, fmt, native)
        if leaks:
            out.refused.append(fname)
            continue
        try:
            data = render_bytes(tr, fmt, pending)
        except qda_layouts.NoTimes:
            warn(f"veil: {shown}: no timestamps, so no NVivo transcript rows (use txt or docx)")
            continue
        if write_checked(data, out_dir / fname, check):
            out.refused.append(fname)
        else:
            out.files.append(fname)
    if leaks and entries is not None:
        out.refused.append(f"{shown} (in {PROJECT_FILE})")
    if not leaks:
        audio = _audio(study, name, tr, out_dir, opts, out, warn) if opts.audio else None
        if entries is not None:
            out.in_project = True
            note = str(pending) if pending else ""
            entries.append((qdpx.Entry(target_name(shown, "txt", native), tr,
                                       render_bytes(tr, "txt", pending).decode("utf-8"),
                                       note, *(audio or (None, ""))), check))
    if out.refused and not out.files:
        out.status = "refused"
    return out


def _project_checker(study, entries):
    """Counts real strings in a .qdpx read back: each transcript's text against its own
    decisions (words a reviewer kept stay allowed there), everything else against the key."""
    strict = stored.Checker(study, []).count

    def count(path: Path) -> int:
        back = qdpx.read(path.read_bytes())
        texts = {e.text: check for e, check in entries}
        hits = strings_checked(strict, back.strings, names=True)
        for text in back.texts.values():
            hits += strings_checked(texts.get(text, strict), [text])
        return hits
    return count


def _project(study, out_dir: Path, entries, result: Result, warn) -> None:
    """Write the .qdpx for the transcripts exported, checked member by member."""
    strict = stored.Checker(study, []).count
    clean = []
    for i, (e, check) in enumerate(entries, 1):
        if strings_checked(strict, [e.name], names=True):  # a file name holding a name is not used
            e.name = f"transcript {i:02d}.txt"
        if e.audio is not None and len(e.audio) > qdpx.MAX_INTERNAL:
            warn(f"veil: {e.name}: the audio is over 2 GB, more than REFI-QDA allows inside a project; "
                 f"the project holds its transcript only")
            e.audio = None
        clean.append((e, check))
    from importlib.metadata import PackageNotFoundError, version
    try:
        origin = f"veil {version('veil')}"
    except PackageNotFoundError:
        origin = "veil"
    data = qdpx.build([e for e, _ in clean], origin)
    if write_checked(data, out_dir / PROJECT_FILE, None, reader=_project_checker(study, clean)):
        result.project_refused = True
        warn(f"veil: {PROJECT_FILE}: refused, real identifiers would remain")
    else:
        result.project = PROJECT_FILE


def export(study, out_dir: Path, fmts: list[str] = (), allow_unreviewed: bool = False,
           warn=lambda message: None, audio: bool = False, mask: Mask = Mask.TONE,
           name_by: str = "deidentified") -> Result:
    from review import report
    out_dir.mkdir(parents=True, exist_ok=True)
    opts = Options(list(fmts), allow_unreviewed, audio, mask, NameBy(name_by))
    entries = [] if opts.project else None
    outcomes = []
    names = study.transcript_names("source")
    # masking recordings takes a while: show progress (with an estimate) when there is audio
    for name in tqdm(names, desc="exporting", unit="transcript", file=sys.stderr,
                     disable=not audio or len(names) < 2):
        o = export_one(study, name, out_dir, opts, warn, entries)
        if o.status == "held":
            warn(f"veil: {o.out_name}: " + (f"{o.open} flag(s) open" if o.open else "not approved by a reviewer")
                 + "; not exported")
        for f in o.refused:
            warn(f"veil: {f}: refused, real identifiers would remain; check it with veil review")
        outcomes.append(o)
    result = Result(out_dir, outcomes)
    if entries:
        _project(study, out_dir, entries, result, warn)
    elif entries is not None:
        warn(f"veil: no transcript could be exported, so no {PROJECT_FILE}")
    study.save()  # pseudonyms chosen while rendering are kept
    result.report = report.write_csv(study, outcomes, out_dir / "review_report.csv")
    return result
