"""Detection: the texts of a batch of transcripts through Presidio.

A transcript is read as one text (its turns joined by a blank line), all-lower-case
transcripts with their likely names capitalised (same offsets). Long texts go through
spaCy in pieces cut at turn boundaries, so time and memory grow linearly with length.
"""
from __future__ import annotations

import multiprocessing
import os
import re
from dataclasses import dataclass, field

import regex

from deid import analyzer, recognizers, table
from deid.labels import labels_of
from deid.shapes import FIELD_VALUE
from deid.truecase import glottal_stops, is_uncased, recase_capitals, truecase, truecase_lower_lines
from transcript import Transcript

SEP = "\n\n"
PIECE = 20_000    # characters of text spaCy sees at once: its temporary memory grows with them
BATCH = 8         # texts a worker process takes at a time
# processes detection runs in (VEIL_WORKERS): both cores of a small laptop by default
WORKERS = int(os.environ.get("VEIL_WORKERS") or min(2, os.cpu_count() or 1))


@dataclass
class Doc:
    """One transcript as the stages see it."""
    fno: int
    transcript: Transcript
    text: str                       # the turns, joined by SEP
    offsets: list[int]              # where each turn starts in `text`
    uncased: bool = False           # all lower case
    analysed: str = ""              # what detection reads: names in lower case or in capitals recased
    results: list = field(default_factory=list)   # Presidio's RecognizerResults
    labels: dict = field(default_factory=dict)    # speaker label -> labels.Label, for labels with names

    @classmethod
    def of(cls, fno: int, tr: Transcript) -> "Doc":
        offsets, pos = [], 0
        for t in tr.turns:
            offsets.append(pos)
            pos += len(t.text) + len(SEP)
        text = SEP.join(t.text for t in tr.turns)
        uncased = is_uncased(text)
        read = table.as_lines(glottal_stops(slashes_apart(underscores_spaced(text))))
        return cls(fno, tr, text, offsets, uncased, truecase(read) if uncased else truecase_lower_lines(recase_capitals(read)),
                   labels=labels_of(tr, fno))

    def turn_of(self, pos: int) -> int:
        """The turn a position of `text` lies in."""
        lo, hi = 0, len(self.offsets) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.offsets[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def turn_end(self, turn: int) -> int:
        return self.offsets[turn] + len(self.transcript.turns[turn].text)


JOINED = re.compile(r"\S*_\S*")


def underscores_spaced(text: str) -> str:
    """Words a file's or a field's name joins with underscores read apart, so that a name
    in one is found: "interview_Kowalski_final.docx" (not an address or a handle, whose
    underscores are part of it: "@kirra_paints", "k_bell@x.org"). Same length, same offsets."""
    def spaced(m: re.Match) -> str:
        handle = re.search(r"[@/]", m.group()) or ACCOUNT_BEFORE.search(text, max(0, m.start() - 30), m.start())
        return m.group() if handle else m.group().replace("_", " ")
    return JOINED.sub(spaced, text)


# an account named before its user name: "from her account, sunnymom_0412"
ACCOUNT_BEFORE = re.compile(recognizers.ACCOUNT_NAMED + "$")


SLASHED_TOKEN = re.compile(r"\S*[/\\]\S*")
# a slash between two capitalised words: "Leeds/Oxenholt"
CAPITALS_SLASHED = regex.compile(r"(?<![\w'’])(\p{Lu}\p{Ll}+)/(?=(\p{Lu}\p{Ll}+)(?![\w'’]))")


def slashes_apart(text: str) -> str:
    """Two places joined by a slash read as two ("Site B – Leeds/Oxenholt": one a town), not
    as one word NER passes over (not two names: "Smith/Jones Solicitors"; not in a link or an
    address: "www.x.org/Leeds"). Same length."""
    from deid import names

    def pair(m):
        town = names.is_town(m.group(1)) or names.is_town(m.group(2))
        return m.group(1) + ("," if town else "/")

    def apart(m):
        tok = m.group()
        return tok if re.search(r"://|www\.|@|\.[a-z]{2,}\b", tok) else CAPITALS_SLASHED.sub(pair, tok)
    return SLASHED_TOKEN.sub(apart, text)


def _within_a_cell(doc: "Doc", r) -> bool:
    """A result cut at the first CSV delimiter it crosses (NER reads across a blank cell:
    "Receptionist,,Church"); False when nothing is left."""
    for i in range(r.start, r.end):
        if doc.analysed[i] == "\n" and doc.text[i] == ",":
            r.end = i
            break
    return r.end > r.start and any(c.isalnum() for c in doc.text[r.start:r.end])


def analyze_all(texts: list[str], allow: list[str], workers: int):
    """Presidio's results for each text, in order, as they come: in `workers` processes
    forked once the models are loaded (they share the models' memory), or in this one."""
    tasks = [(b, allow) for b in batches(texts)]
    if workers < 2 or len(tasks) < 2:
        yield from analyzer.analyze_batch(texts, allow=allow)
        return
    analyzer.engine()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for results in pool.imap(_analyze, tasks):
            yield from results


def batches(texts: list[str]) -> list[list[str]]:
    """Texts in the order given, grouped for a worker: at most BATCH texts and PIECE
    characters a group (a longer text alone), so memory stays that of one piece."""
    out, size = [], 0
    for t in texts:
        if not out or len(out[-1]) >= BATCH or size + len(t) > PIECE:
            out.append([])
            size = 0
        out[-1].append(t)
        size += len(t)
    return out


def _analyze(batch: tuple[list[str], list[str]]) -> list:
    texts, allow = batch
    return list(analyzer.analyze_batch(texts, allow=allow))


def pieces(text: str, size: int = PIECE) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a text at blank lines (turn boundaries), each at most
    `size` characters unless one turn is longer (then cut at a line or space)."""
    out, start = [], 0
    while len(text) - start > size:
        cut = text.rfind(SEP, start, start + size)
        if cut <= start:
            cut = max(text.rfind("\n", start, start + size), text.rfind(" ", start, start + size))
        if cut <= start:
            cut = start + size
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def detect(docs: list[Doc], allow: list[str], progress=None, workers: int = WORKERS, analyze=None) -> None:
    """Presidio's results for every document (set on `doc.results`); `progress()` after
    each document. `analyze(texts, allow)` yields the results of each text in order (by
    default analyze_all here; a cluster passes its own)."""
    work = [(d, off, piece, n == len(ps) - 1) for d in docs for ps in [pieces(d.analysed)]
            for n, (off, piece) in enumerate(ps)]
    for d in docs:
        d.results = []
    texts = [p for _, _, p, _ in work]
    found = analyze(texts, allow) if analyze else analyze_all(texts, allow, workers)
    for (d, off, _, last), res in zip(work, found):
        for r in res:
            r.start, r.end = r.start + off, r.end + off
        d.results.extend(r for r in res if _within_a_cell(d, r))
        if last and progress:
            progress()


# a header's field whose name says it holds a number: "Recording ID", "Case no.", "NHS Number"
# (not a speaker: "Patient: 112" is an answer)
FIELD_CUE = re.compile(r"\w[ \t]+(?i:id|no\.?|number|num|ref\.?|reference|code|#)$")


def field_values(d: Doc) -> list:
    """The number a header field holds, where the layout read the field's name as a speaker
    ("Recording ID: GCFF-0042" is the turn "GCFF-0042" of speaker "Recording ID"): detection
    never sees the cue, so the field's value is found here; so are the cells of a table's
    column whose name is the cue, and its acronyms in a column of workplaces ("Site")."""
    from presidio_analyzer import RecognizerResult
    out = []
    for t, off in zip(d.transcript.turns, d.offsets):
        value = FIELD_VALUE.fullmatch(t.text.strip()) if t.speaker and FIELD_CUE.search(t.speaker.strip()) else None
        if value:
            s = off + t.text.index(value.group())
            out.append(RecognizerResult("CONTACT", s, s + len(value.group()), 0.7,
                                        recognition_metadata={"recognizer_name": "ReferenceNumberRecognizer"}))
    for s, e in table.id_cells(d.text):   # a table's column of identifiers: "Cand No"
        out.append(RecognizerResult("CONTACT", s, e, 0.7,
                                    recognition_metadata={"recognizer_name": "ReferenceNumberRecognizer"}))
    for s, e in table.name_cells(d.text):   # a table's column of people's names: "Name"
        out.append(RecognizerResult("PERSON", s, e, 0.85,
                                    recognition_metadata={"recognizer_name": table.NAME_COLUMN_RECOGNIZER}))
    for s, e in table.body_cells(d.text):   # a table's column of workplaces: "Site"
        out.append(RecognizerResult("ORGANIZATION", s, e, 0.7,
                                    recognition_metadata={"recognizer_name": table.BODY_COLUMN_RECOGNIZER}))
    return out
