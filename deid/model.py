"""The data contract between the stages of de-identification, as Presidio's
`RecognizerResult` joins its analyzer and anonymizer:

    detect   texts            -> RecognizerResult per text (Presidio)
    select   RecognizerResult -> Mention (a span of one turn, its kind and flags)
    link     Mention          -> Mention.entity (an entity of the study)
    plan     Mention          -> Planned (the pseudonym, or None: flagged and kept)
    apply    Planned          -> Replacement (transcript.model) -> de-identified Transcript
    check    Transcript       -> leaks (the key's matcher, outside inserted pseudonyms)
    store    Planned          -> Item (the study's review queue)
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    INSTITUTION = "institution"
    CONTACT = "contact"
    DATE = "date"


class Status(StrEnum):
    AUTO = "auto"            # a confident replacement
    OPEN = "open"            # flagged, waiting for a reviewer
    ACCEPTED = "accepted"
    REJECTED = "rejected"    # the original words are kept
    CORRECTED = "corrected"  # replaced with a pseudonym the reviewer chose for this mention


class Flag(StrEnum):
    """Why a person should look at a mention. The value is the code stored in the study."""
    LOW_CONFIDENCE = "low-confidence"
    COMMON_WORD = "common-word"
    ORDINARY_WORDS = "ordinary-words"
    AMBIGUOUS = "ambiguous"
    MISSPELLING = "misspelling"
    POSSIBLE_MISS = "possible-miss"
    ACRONYM = "acronym"
    DATE_OF_BIRTH = "date-of-birth"
    AGE_OVER_89 = "age-over-89"
    NUMBER = "number"

    @property
    def text(self) -> str:
        return FLAG_TEXT[self]

    @classmethod
    def parse(cls, stored: str) -> list["Flag"]:
        """Flags from their stored form: codes joined by commas, or (studies written before
        codes) the sentences joined by '; '."""
        out = []
        for part in stored.replace(";", ",").split(","):
            part = part.strip()
            if part in cls._value2member_map_:
                out.append(cls(part))
            elif part in _FLAG_OF_TEXT:
                out.append(_FLAG_OF_TEXT[part])
        return out


FLAG_TEXT = {
    Flag.LOW_CONFIDENCE: "low confidence",
    Flag.COMMON_WORD: "name that is also a common word",
    Flag.ORDINARY_WORDS: "ordinary words: is this a name?",
    Flag.AMBIGUOUS: "ambiguous: more than one person has this name",
    Flag.MISSPELLING: "possible misspelling of a known name",
    Flag.POSSIBLE_MISS: "possible miss: capitalised word in no dictionary",
    Flag.ACRONYM: "acronym: does it name a place or institution?",
    Flag.DATE_OF_BIRTH: "specific date of birth",
    Flag.AGE_OVER_89: "age over 89",
    Flag.NUMBER: "a number shaped like an identifier: does it name a case, a record or a person?",
}
_FLAG_OF_TEXT = {v: k for k, v in FLAG_TEXT.items()}

REVIEWER = "Reviewer"   # the recognizer of a mention a reviewer marked by hand
KNOWN = "KnownEntity"   # a form of an entity already in the key, found again
RESIDUE = "Residue"     # left in the output by detection, replaced by the sweep
POSSIBLE_MISS = "PossibleMiss"   # left in the output by detection, flagged by the sweep


class Field(StrEnum):
    """Where the words of an item stand in their turn."""
    TEXT = "text"
    SPEAKER = "speaker"


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


class SpanSet:
    """Spans of one text, sorted, for quick overlap tests (a long text has thousands)."""

    def __init__(self, spans=()):
        self._spans: list[Span] = sorted(spans, key=lambda s: (s.start, s.end))
        self._longest = max((len(s) for s in self._spans), default=0)

    def add(self, span: Span) -> None:
        bisect.insort(self._spans, span, key=lambda s: (s.start, s.end))
        self._longest = max(self._longest, len(span))

    def overlapping(self, span: Span) -> list[Span]:
        """The spans that share a character with `span`."""
        hi = bisect.bisect_left(self._spans, span.end, key=lambda s: s.start)
        lo = bisect.bisect_left(self._spans, span.start - self._longest, key=lambda s: s.start)
        return [s for s in self._spans[lo:hi] if s.overlaps(span)]

    def overlaps(self, span: Span) -> bool:
        return bool(self.overlapping(span))


@dataclass
class Mention:
    """A span of a transcript's joined text that identifies someone (offsets in the joined
    text of all turns; `turn` is the turn it lies in). `text` is the identifying words
    only: a title, a leading "the" and a possessive stay outside."""
    file: int
    turn: int
    start: int
    end: int
    kind: Kind
    score: float
    recognizer: str
    text: str
    entity: int | None = None
    flags: list[Flag] = field(default_factory=list)
    keep: bool = False         # flagged only: the words stay unless a reviewer says otherwise

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Planned:
    """A mention with what the output holds in its place: a pseudonym, or None (kept)."""
    mention: Mention
    pseudonym: str | None
    fixed: bool = False         # the pseudonym is this mention's own, not a form of the key

    @property
    def replaced(self) -> bool:
        return self.pseudonym is not None


@dataclass
class NewItem:
    """A review item as de-identification makes it: a mention of one turn (offsets within
    the turn's text) and whether it was replaced."""
    turn: int
    start: int
    end: int
    text: str
    entity: int | None
    kind: Kind
    flags: list[Flag]
    recognizer: str
    score: float
    auto_replace: bool          # what `veil deid` did with it while nobody has decided
    field: Field = None         # where the words stand: the turn's text or its speaker label
    decision: dict | None = None

    def __post_init__(self):
        self.field = Field(self.field or Field.TEXT)


@dataclass
class Item(NewItem):
    """One row of the review queue of a stored transcript."""
    id: int = 0
    transcript: str = ""
    status: Status = Status.OPEN
    reviewer: str | None = None
    decided: str | None = None

    @property
    def is_flag(self) -> bool:
        """A reviewer must look at it (or has): anything but a confident automatic
        replacement and a reviewer's own marks."""
        return self.status != Status.AUTO and self.recognizer != REVIEWER

    @property
    def is_possible_miss(self) -> bool:
        return Flag.POSSIBLE_MISS in self.flags

    @property
    def replaced(self) -> bool:
        """Whether the exported transcript replaces the words: open items keep the automatic
        decision."""
        if self.status in (Status.AUTO, Status.ACCEPTED, Status.CORRECTED):
            return True
        return self.status == Status.OPEN and self.auto_replace

    @property
    def reason(self) -> str:
        """The flags in words, or the recognizer that found it."""
        return "; ".join(f.text for f in self.flags) or ("marked by reviewer" if self.recognizer == REVIEWER
                                                         else self.recognizer)

    @property
    def pseudonym_decided(self) -> str | None:
        return (self.decision or {}).get("pseudonym")
