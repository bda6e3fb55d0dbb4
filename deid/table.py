"""The cells of a table inside a transcript, read in one place for every stage that needs
them: a survey's or a QDA tool's export pasted as CSV or tab-separated text.

- detection reads each cell of a table on its own line (`as_lines`), so that NER reads no
  name across two cells ("Vale NHS Foundation Trust,"Agency spend");
- selection cuts what NER still read across a cell's edge (`Cells.apart`:
  'Relation famille","Mme Després');
- the rules know a mention that is all of a quoted cell (`Cells.is_whole`: '"Excerpt Range"',
  a column's name or a code, not someone's).

Every function keeps the text's length and offsets."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from deid import lexicon, words
from deid.shapes import CODE, NOT_A_DATE, SPACED_CODE

# a table's header: short column names between commas ("respondent_id,role,\"AfC band\"", "No.")
# (not a speaker's turn: "Interviewer: Hi, so, well, ok.")
# (a survey's question, quoted, is long: "1. Tell us about your child's school. How are they settling in?")
_COLUMN = r'(?:"[^"\n]{1,200}"|(?:[^",\n:]|:(?![ \t])){1,40})'
HEADER = re.compile(rf'{_COLUMN}(?:,{_COLUMN})+[ \t\r]*')
HEADER_WITHIN = 10      # lines an export writes before its table: "Dedoose Excerpts Export", "Rows: 10"
MIN_COLUMNS = 4
MIN_ROWS = 4
ROWS_ALIKE = 0.8        # of the lines from the header on, the share with the header's cells
OTHER_LINES = 3         # lines in a row with other cells: the table has ended
# the tabs between a line's cells (a tab that indents a line is none)
CELL_TAB = re.compile(r"(?<=\S)[ ]*\t[ \t]*(?=\S)")
# where one cell ends and the next begins, in any text, table or not: a quoted field's edge
# ('famille","Mme', 'EX-0519", "E07'), a tab
CELL_EDGE = re.compile(r"[\"“”]?[ ]*(?:[,;][ ]*[\"“”]|\t)[ \t]*|[\"“”][ ]*[,;][ ]*")
# a delimiter with a quoted cell on either side: '","', ',"', '",'
QUOTE_BESIDE = re.compile(r'(?:"[ ]*,|.,[ ]*")', re.S)
# a column of identifiers someone holds outside the study, by its name: "Cand No", "Student ID",
# "MRN", "NHS number" (not the study's own codes, "record_id", "Respondent ID": pseudonyms already)
ID_COLUMN = re.compile(r"(?i)\b(?:student|cand(?:idate)?|staff|employee|payroll|patient|hospital|nhs|medicaid|medicare|"
                       r"member(?:ship)?|badge|account|passport|licen[cs]e|ssn|ni|insurance|case)[ _.]?(?:id|no\.?|"
                       r"number|num|#)$|^(?i:mrn|ssn|uan|nhs[ _]?no\.?)$")
# columns that hold where someone works or studies: "Site", "Placement", "Employer"
BODY_COLUMN = re.compile(r"(?i)^(?:site|placement(?:[ _]site)?|hospital|school|college|university|employer|trust|"
                         r"practice|clinic|organi[sz]ation|institution|workplace|agency)$")
# columns that hold a person's name: "Name", "Full name", "Respondent name", "Interviewee" (not
# "File Name", "Site name": a thing's)
NAME_COLUMN = re.compile(r"(?i)^(?:(?:full|first|last|given|family|display|respondent|participant|your|parent|"
                         r"child|contact|student|patient|client|user|staff|carer)['’]?s?[ _]?)?"
                         r"(?:name|surname|forename)s?$|^(?:interviewee|interviewer|submitted[ _]by)$")
NAME_COLUMN_RECOGNIZER = "NameColumnRecognizer"   # (its column says it is a person's name, in any case)
# a name's cell: a few words of letters (not "anonymous", "n/a", "prefer not to say")
NAME_CELL = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?(?:[ ]{1,2}[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?){0,3}")
# columns that hold where an excerpt stands or how long it is: "Excerpt Range", "Page", "Duration"
# (its "1472-2210" is a range of characters, no phone number)
MEASURE_COLUMN = re.compile(r"(?i)(?:^|[ _])(?:range|position|offset|start|end|length|page|pages|line|lines|"
                            r"paragraph|para|duration|words|characters|chars|timestamp|time|weight|score)$")
ACRONYM_CELL = re.compile(r"[A-Z]{2,6}")
RARE = 1.0   # (Zipf: "SJUH" 0, "WFH" 1.7, "LGI" 1.8)
BODY_COLUMN_RECOGNIZER = "BodyColumnRecognizer"   # (its column says it is a body's: no flag asks)
ID_VALUE = re.compile(rf"{NOT_A_DATE}(?:{CODE}|{SPACED_CODE}|\d{{3,}})")
# a quoted field between delimiters: '…,"Excerpt Range",…'
QUOTED_CELL = re.compile(r"(?:^|(?<=[,;\t]))[ ]*[\"“]([^\"“”\n]*)[\"”][ ]*(?=[,;\t]|$)", re.M)


@dataclass(frozen=True)
class Cells:
    """Where a text's cells meet (`edges`, each with its quotes and spaces, in order), the
    commas between a table's cells (`delimiters`) and the quoted cells' contents (`quoted`)."""
    edges: tuple[tuple[int, int], ...]
    delimiters: tuple[int, ...]
    quoted: frozenset[tuple[int, int]]

    def apart(self, start: int, end: int) -> list[tuple[int, int]]:
        """`start`..`end` cut at every cell edge inside it (the whole, when there is none)."""
        out, s = [], start
        i = bisect.bisect_left(self.edges, (start, start))
        for es, ee in self.edges[i:]:
            if es >= end:
                break
            if es > s:
                out.append((s, es))
            s = max(s, ee)
        if s < end:
            out.append((s, end))
        return out

    def is_whole(self, start: int, end: int) -> bool:
        """Whether `start`..`end` is all of a quoted cell."""
        return (start, end) in self.quoted


@functools.lru_cache(maxsize=8)
def cells(text: str) -> Cells:
    """A text's cells (cached: every mention of a transcript asks)."""
    delimiters = table_delimiters(text)
    edges = {(m.start(), m.end()) for m in CELL_EDGE.finditer(text)} | {(d, d + 1) for d in delimiters}
    quoted = frozenset(m.span(1) for m in QUOTED_CELL.finditer(text))
    return Cells(tuple(sorted(_merged(edges))), delimiters, quoted)


def _merged(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def as_lines(text: str) -> str:
    """A table's cells, each on a line of its own: the commas between a CSV table's cells
    and the tabs between any line's cells made line breaks (commas inside a quoted cell, and a
    text that is no table, stay; a tab that indents a line stays). A comma beside a quoted
    cell stays too: selection cuts there (`Cells.apart`), and a row of quoted cells stays one
    line, so that the language of a cell's words is read from the whole row's ("auxiliaire
    familiale et sociale" among French excerpts)."""
    chars = list(CELL_TAB.sub(lambda m: m.group().replace("\t", "\n"), text))
    for d in cells(text).delimiters:
        if not QUOTE_BESIDE.match(text, d - 1):
            chars[d] = "\n"
    return "".join(chars)


def table_delimiters(text: str) -> tuple[int, ...]:
    """The commas between the cells of a table exported as CSV."""
    return tuple(d for _, _, commas in _table(text) for d in commas)


def id_cells(text: str) -> list[tuple[int, int]]:
    """The cells of a CSV table's columns whose name says they hold an identifier from
    outside the study ("Cand No", "Student ID", "MRN"), where the cell is a number or a code:
    a number of a year's shape too there (a candidate's "2041")."""
    return _column_cells(text, ID_COLUMN, ID_VALUE)


def body_cells(text: str) -> list[tuple[int, int]]:
    """The cells of a CSV table's columns that say where someone works or studies ("Site",
    "Placement") holding an acronym of four letters or more that hardly anyone writes: "SJUH"
    (not a ward's or a status's, "ICU", "MAU", "WFH", "SELF", flagged as acronyms are)."""
    return [(s, e) for s, e in _column_cells(text, BODY_COLUMN, ACRONYM_CELL)
            if e - s >= 4 and text[s:e] not in lexicon.ACRONYMS and words.frequency(text[s:e]) < RARE]


def name_cells(text: str) -> list[tuple[int, int]]:
    """The cells of a CSV table's columns of people's names ("Name"), each a name however
    it is written: "shilan rasul", typed in lower case by the respondent."""
    return [(s, e) for s, e in _column_cells(text, NAME_COLUMN, NAME_CELL) if _a_name(text[s:e])]


def _a_name(cell: str) -> bool:
    """A name's words: one in no dictionary ("shilan rasul"), or a first name and a surname
    ("Grace Hope"); not a code's name, a role or a refusal ("Family support", "Teacher",
    "No thanks", "World Health Organization", "Smith et al.", "anonymous")."""
    from deid import names
    ws = cell.split()
    if any(w.lower().rstrip(".") in ("et", "al", "anonymous", "anon", "unknown") for w in ws):
        return False
    if len(ws) == 1:   # a name alone is a first name ("Rasha"; not "Enoxaparin" of a drug chart's "Name")
        return ws[0].title() in names.first_names() and not words.is_everyday(ws[0])
    return any(not words.is_common(w) for w in ws) or \
        ws[0].title() in names.first_names() and ws[-1].title() in names.last_names()


QUESTION = re.compile(r"Q\d+(?:_\d+)*(?:_TEXT)?")   # a survey's question column: "Q1", "Q3_2", "Q7_TEXT"


def header_cells(text: str) -> list[tuple[int, int]]:
    """The cells of a CSV table's header: column names ("Media Title"; though a matrix's
    columns may be its cases, "Mark Brown"). None
    where the first record holds a number, an address or a date: a table written without its
    header begins with a row of values ("Jane Smith,44,nurse"; a question's column, "Q1",
    is a name)."""
    rows = _table(text)
    if not rows:
        return []
    cells_ = [(s, e) for s, e in _cells_of(rows[0])]
    if any(re.search(r"[\d@]", text[s:e]) and not QUESTION.fullmatch(text[s:e].strip(' "')) for s, e in cells_):
        return []
    return cells_


def measure_cells(text: str) -> list[tuple[int, int]]:
    """The cells of a CSV table's columns of positions and lengths ("Excerpt Range": "1472-2210")."""
    return _column_cells(text, MEASURE_COLUMN, re.compile(r"[^\n]+"))


def _column_cells(text: str, column: re.Pattern, value_rx: re.Pattern) -> list[tuple[int, int]]:
    """The cells of the columns whose name `column` matches, each where it is all one value."""
    rows = _table(text)
    if not rows:
        return []
    columns = [i for i, (s, e) in enumerate(_cells_of(rows[0])) if column.search(text[s:e].strip(' "\r'))]
    out = []
    for row in rows[1:]:
        cells_ = _cells_of(row)
        for i in columns:
            s, e = cells_[i]
            value = value_rx.search(text, s, e)
            if value and not text[s:e].replace(value.group(), "").strip(' "\r'):
                out.append(value.span())
    return out


@functools.lru_cache(maxsize=8)
def _table(text: str) -> list[tuple[int, str, list[int]]]:
    """The records of a table exported as CSV, its header first ([] for a text that holds
    none; cached: detection, selection and the identifier columns each ask). A table: a header of four short names or more (after a few lines of the
    export's own, at most), then rows with as many cells, four lines in five at least from
    the header to the table's end (not an interview whose turns hold commas); the table ends
    where lines without them begin (an e-mail written under it). A quoted cell may run over
    lines, as CSV allows."""
    filled = [r for r in _records(text) if r[1].strip()]
    for k, (_, line, commas) in enumerate(filled[:HEADER_WITHIN]):
        if len(commas) + 1 < MIN_COLUMNS or not HEADER.fullmatch(line):
            continue
        rest = _until_the_end(filled[k:], len(commas))
        alike = [r for r in rest if len(r[2]) == len(commas)]
        if len(alike) >= max(MIN_ROWS, ROWS_ALIKE * len(rest)):
            return alike
    return []


def _until_the_end(records: list, commas: int) -> list:
    """The records from a table's header to its last row before more than
    `OTHER_LINES` lines in a row without as many commas."""
    last, other = 0, 0
    for i, r in enumerate(records):
        if len(r[2]) == commas:
            last, other = i, 0
        else:
            other += 1
            if other > OTHER_LINES:
                break
    return records[:last + 1]


def _cells_of(record: tuple[int, str, list[int]]) -> list[tuple[int, int]]:
    """Where each cell of a CSV record starts and ends in the text."""
    start, body, commas = record
    bounds = [start - 1] + commas + [start + len(body)]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])]


def _records(text: str) -> list[tuple[int, str, list[int]]]:
    """A text's CSV records: where each starts, its text, and the positions of its commas
    outside quotes. A record ends at a line break outside quotes; a line whose quotes do not
    close ends where it ends (a stray quote in prose runs no further)."""
    out, pos = [], 0
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        start, j, body = pos, i, lines[i]
        while body.count('"') % 2 and j + 1 < len(lines) and j - i < 20:
            j += 1
            body += "\n" + lines[j]
        if body.count('"') % 2:
            j, body = i, lines[i]
        out.append((start, body, [start + d for d in _commas(body)]))
        pos += len(body) + 1
        i = j + 1
    return out


def _commas(record: str) -> list[int]:
    """Where the commas between a CSV record's cells are (not those inside a quoted cell)."""
    out, quoted = [], False
    for i, c in enumerate(record):
        if c == '"':
            quoted = not quoted
        elif c == "," and not quoted:
            out.append(i)
    return out
