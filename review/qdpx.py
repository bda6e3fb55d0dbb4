"""A REFI-QDA project (`.qdpx`, REFI-QDA 1.5, schema Project-mrt2019.xsd) for a study:
what NVivo, MAXQDA, ATLAS.ti, QDA Miner and QualCoder import as one file.

  project.qde        the project: variables, cases, sources
  sources/<guid>.*   the files, named by GUID only (no transcript or person's name)

Each transcript is a TextSource whose text is exactly veil's .txt export, with a
PlainTextSelection per speaker turn. Where the recording is exported too, an AudioSource
holds the de-identified audio and a Transcript (the same text again) with a SyncPoint at
the start of every turn: its time in milliseconds and its character position. Every
speaker of a transcript is a Case with the variables Role, Participant code and
Transcript, linked to the source and to the turns the speaker holds.
"""
from __future__ import annotations

import datetime as dt
import enum
import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from transcript.model import Transcript
from transcript.qda_layouts import turn_positions

NS = "urn:QDA-XML:project:1.0"
PROJECT_FILE = "project.qde"
SOURCES = "sources/"      # REFI-QDA 1.5, 8.1: "a sources folder named 'sources'"
MAX_INTERNAL = 2**31 - 1   # REFI-QDA 1.5, 8.5: the largest file a project may hold
VARIABLES = ("Role", "Participant code", "Transcript")
# speaker labels that say who asks the questions, and who answers them
INTERVIEWER = re.compile(r"(?i)(interviewer|moderator|facilitator|researcher|int|mod|i)\s*\d*")
PARTICIPANT = re.compile(r"(?i)(respondent|participant|interviewee|resp|p|r|b)\s*\d*")


class Role(enum.Enum):
    INTERVIEWER = "interviewer"
    PARTICIPANT = "participant"
    SPEAKER = "speaker"          # a label that does not say (S1, a pseudonym)


def role_of(label: str) -> Role:
    if INTERVIEWER.fullmatch(label.strip()):
        return Role.INTERVIEWER
    if PARTICIPANT.fullmatch(label.strip()):
        return Role.PARTICIPANT
    return Role.SPEAKER


@dataclass
class Entry:
    """One de-identified transcript going into the project."""
    name: str                     # the name veil gives its export (no identifier)
    transcript: Transcript
    text: str                     # its .txt export, exactly
    note: str = ""                # the UNREVIEWED mark, when flags are open
    audio: bytes | None = None    # the de-identified recording
    audio_ext: str = ""


@dataclass
class Readback:
    """A project read back: every string of project.qde and every member's name (to check
    for identifiers), and the text files by member name."""
    strings: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def _guid() -> str:
    return str(uuid.uuid4())


def _el(parent, tag: str, **attrs):
    return etree.SubElement(parent, f"{{{NS}}}{tag}", {k: str(v) for k, v in attrs.items()})


class _Builder:
    def __init__(self, origin: str):
        self.root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
        self.root.set("name", "veil project")
        self.root.set("origin", origin)
        self.root.set("creationDateTime", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.files: dict[str, bytes] = {}
        self.variables = {v: _guid() for v in VARIABLES}
        self.cases: list[tuple[str, dict[str, str], str, list[str]]] = []
        self.counts = {"I": 0, "P": 0}   # participant codes: I01... interviewers, P01... others

    def add_file(self, data: bytes, ext: str) -> str:
        g = _guid()
        self.files[f"{SOURCES}{g}.{ext}"] = data
        return f"internal://{g}.{ext}"

    def text_source(self, sources, e: Entry) -> None:
        src = _el(sources, "TextSource", guid=_guid(), name=e.name,
                  plainTextPath=self.add_file(e.text.encode("utf-8"), "txt"))
        if e.note:
            _el(src, "Description").text = e.note
        starts = turn_positions(e.text, e.transcript.turns)
        by_speaker: dict[str, list[str]] = {}
        for t, at in zip(e.transcript.turns, starts):
            if not t.speaker:
                continue
            end = e.text.find(t.text, at) + len(t.text) if t.text else at
            sel = _el(src, "PlainTextSelection", guid=_guid(), name=t.speaker,
                      startPosition=at, endPosition=max(end, at))
            by_speaker.setdefault(t.speaker, []).append(sel.get("guid"))
        for speaker, selections in by_speaker.items():
            self.case(speaker, e.name, src.get("guid"), selections)

    def case(self, speaker: str, source_name: str, source_guid: str, selections: list[str]) -> None:
        role = role_of(speaker)
        prefix = "I" if role is Role.INTERVIEWER else "P"
        self.counts[prefix] += 1
        values = {"Role": role.value, "Participant code": f"{prefix}{self.counts[prefix]:02d}",
                  "Transcript": source_name}
        self.cases.append((f"{speaker} ({source_name})", values, source_guid, selections))

    def audio_source(self, sources, e: Entry) -> None:
        src = _el(sources, "AudioSource", guid=_guid(), name=f"{_stem(e.name)}.{e.audio_ext}",
                  path=self.add_file(e.audio, e.audio_ext))
        tr = _el(src, "Transcript", guid=_guid(), name=e.name,
                 plainTextPath=self.add_file(e.text.encode("utf-8"), "txt"))
        last_ms, last_pos = -1, -1
        for t, at in zip(e.transcript.turns, turn_positions(e.text, e.transcript.turns)):
            if t.start is None:
                continue
            ms = int(round(t.start * 1000))
            if ms < last_ms or at < last_pos:
                continue  # overlapping speech: a sync point may not go back in time or text
            _el(tr, "SyncPoint", guid=_guid(), timeStamp=ms, position=at)
            last_ms, last_pos = ms, at

    def finish(self) -> bytes:
        """The project.qde: Variables and Cases come before Sources in the schema."""
        sources = self.root.find(f"{{{NS}}}Sources")
        if self.cases and sources is not None:
            variables = etree.Element(f"{{{NS}}}Variables")
            for name, g in self.variables.items():
                _el(variables, "Variable", guid=g, name=name, typeOfVariable="Text")
            cases = etree.Element(f"{{{NS}}}Cases")
            for name, values, source, selections in self.cases:
                c = _el(cases, "Case", guid=_guid(), name=name)
                for var, value in values.items():
                    vv = _el(c, "VariableValue")
                    _el(vv, "VariableRef", targetGUID=self.variables[var])
                    _el(vv, "TextValue").text = value
                _el(c, "SourceRef", targetGUID=source)
                for s in selections:
                    _el(c, "SelectionRef", targetGUID=s)
            sources.addprevious(variables)
            sources.addprevious(cases)
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _stem(name: str) -> str:
    return name.rpartition(".")[0] or name


def build(entries: list[Entry], origin: str = "veil") -> bytes:
    """The .qdpx (a zip) for these transcripts."""
    b = _Builder(origin)
    if entries:  # the schema allows no empty Sources element
        sources = _el(b.root, "Sources")
        for e in entries:
            b.text_source(sources, e)
        for e in entries:
            if e.audio is not None:
                b.audio_source(sources, e)
    qde = b.finish()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(PROJECT_FILE, qde)
        for member, data in b.files.items():
            # audio is compressed already; deflating it again costs time for nothing
            z.writestr(member, data, zipfile.ZIP_STORED if not member.endswith(".txt") else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def read(data: bytes) -> Readback:
    """Every string a reader of the project sees: member names, the text and attribute
    values of project.qde, and the text files."""
    out = Readback()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for member in z.namelist():
            out.strings.append(member)
            if member == PROJECT_FILE:
                root = etree.fromstring(z.read(member))
                for el in root.iter():
                    out.strings += [v for v in el.attrib.values()]
                    if el.text and el.text.strip():
                        out.strings.append(el.text)
            elif member.endswith(".txt"):
                out.texts[member] = z.read(member).decode("utf-8")
    return out
