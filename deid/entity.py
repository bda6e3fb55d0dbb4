"""Entities: what a detected span refers to. Normalising the written forms of one entity
("Dr. Helen Marsh", "Helen", "Marsh's", "helen") and linking each mention to one entity."""
from __future__ import annotations

import importlib.util
import re
import runpy
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# kinds veil replaces, from Presidio's entity names
KIND_OF = {
    "PERSON": "person", "LOCATION": "place", "GPE": "place", "STREET_ADDRESS": "place",
    "ORGANIZATION": "institution", "EMAIL_ADDRESS": "contact", "PHONE_NUMBER": "contact",
    "URL": "contact", "SOCIAL_HANDLE": "contact", "IP_ADDRESS": "contact", "CREDIT_CARD": "contact",
    "IBAN_CODE": "contact", "US_SSN": "contact", "CONTACT": "contact", "US_PASSPORT": "contact",
    "US_DRIVER_LICENSE": "contact", "UK_NHS": "contact", "MEDICAL_LICENSE": "contact",
    "DATE_TIME": "date", "AGE": "date",
}
KINDS = ("person", "place", "institution", "contact", "date")
PRESIDIO_OF = {"person": "PERSON", "place": "LOCATION", "institution": "ORGANIZATION",
               "contact": "CONTACT", "date": "DATE_TIME"}

TITLE_WORDS = {
    "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "dean", "nurse", "sister",
    "brother", "father", "pastor", "rev", "reverend", "rabbi", "imam", "coach", "judge", "officer",
    "sergeant", "captain", "aunt", "auntie", "uncle", "grandma", "grandpa", "nana", "papa",
    "chaplain", "provost", "chancellor", "president", "senator", "mayor", "sir", "madam", "lady", "lord",
    # family words NER takes for names ("Mom said", "Dad")
    "mom", "dad", "mum", "mama", "mommy", "daddy", "granny", "grandmother", "grandfather"}
MONTHS_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
               "friday", "saturday", "sunday"}
# titles written before a surname ("Dr. Marsh"); the others take a first name ("Aunt Rose")
SURNAME_TITLES = {"dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "dean", "judge",
                  "officer", "sergeant", "captain", "senator", "mayor", "president", "provost",
                  "chancellor", "coach", "rev", "reverend", "nurse"}
FEMALE_TITLES = {"mrs", "ms", "miss", "sister", "aunt", "auntie", "grandma", "nana", "madam", "lady"}
MALE_TITLES = {"mr", "brother", "father", "uncle", "grandpa", "papa", "sir", "lord"}

# words that say what kind of institution a name is; kept in pseudonyms
INSTITUTION_KINDS = (
    "School of Medicine", "Medical School", "Medical Center", "Medical Centre", "Health System",
    "Health Center", "Health Sciences Center", "Children's Hospital", "Hospital", "Clinic",
    "University", "College", "Community College", "High School", "Middle School", "Elementary School",
    "Elementary", "Academy", "School", "Institute", "Seminary", "Church", "Cathedral", "Mosque",
    "Synagogue", "Temple", "Hospice", "Health", "Healthcare", "Medical Group", "Foundation",
    "Bank", "Library", "Museum", "Theatre", "Theater", "Repertory", "Company", "Corporation",
    "Inc", "LLC", "Ltd", "Group", "Associates", "Partners", "Center", "Centre", "Department",
    "Police Department", "Fire Department", "Regional", "Memorial", "Pharmacy", "Nursing Home",
    "Care Home", "Rehabilitation Center", "Practice", "Surgery", "Infirmary", "Council",
    "Bakery", "Hardware", "Market", "Grocery", "Supermarket", "Diner", "Cafe", "Café", "Salon",
    "Drugstore", "Bookstore", "Florist", "Staffing", "Primary", "Polytechnic", "Playhouse")
# words a pseudonym keeps because they say what kind of thing is named, not which one
GENERIC_WORDS = {
    "university", "college", "school", "medicine", "medical", "center", "centre", "hospital",
    "clinic", "church", "health", "healthcare", "sciences", "hospice", "institute", "academy",
    "high", "middle", "elementary", "community", "department", "law", "free", "building",
    "foundation", "library", "museum", "seminary", "cathedral", "mosque", "synagogue", "temple",
    "pharmacy", "nursing",
} | {
    "the", "of", "and", "for", "at", "in", "st", "st.", "&", "'s", "’s"}

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
TITLE_RX = re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(sorted(TITLE_WORDS, key=len, reverse=True)),
                      re.IGNORECASE)


@dataclass
class Mention:
    """A span of a turn that identifies someone: `core` is the part that gets replaced
    (title, leading "the" and possessive stay as written)."""
    file: int
    turn: int
    start: int
    end: int
    kind: str                  # person, place, institution, contact, date
    score: float
    recognizer: str
    text: str
    entity: int | None = None
    flags: list[str] = field(default_factory=list)
    keep: bool = False         # flagged only: the words stay unless a reviewer says otherwise


def trim(text: str, start: int, end: int, kind: str, address: bool = False) -> tuple[int, int, str]:
    """Narrow a span to the identifying words: drop titles, "the", possessive, punctuation
    (an address is kept whole: "Via Roma 131")."""
    if address:
        s = text[start:end].rstrip(" \t\n.,;:")
        lead = re.match(r"(?:[a-z]+[ \t]+)+(?=[\dA-Z])", s)  # "with 27534 …", "and Ilmalankuja 82"
        if lead:
            start, s = start + lead.end(), s[lead.end():]
        return start, start + len(s), s
    if kind == "contact":
        while end < len(text) and (text[end].isalnum() or text[end] in "_-") or \
                end + 1 < len(text) and text[end] in "./" and text[end + 1].isalnum():
            end += 1  # the whole handle or address, not the part a pattern took
        s = text[start:end].rstrip(" \t\n.,;:!?)\"'")
        return start, start + len(s), s
    s = text[start:end]
    lead = 0
    if kind == "person":
        m = TITLE_RX.match(s)
        if m and m.end() < len(s):
            lead = m.end()
    if kind in ("institution", "place"):
        m = re.match(r"(?i)(?:(?:the|at|in|from|to|and|of|with|for|by|on|near)\s+)+", s)
        if kind == "place" and not m:
            m = re.match(r"(?:Southern|Northern|Eastern|Western|Central|Upper|Lower|Greater|Downtown)\s+(?=[A-Z])", s)
        if m and m.end() < len(s):
            lead = m.end()
    if kind == "person":
        # lower-case words NER drags in before a name: "friend Bill", "cousin Rich"
        m = re.match(r"(?:[a-z][\w'’]*[ \t]+)+(?=[A-Z])", s[lead:])
        if m:
            lead += m.end()
    if kind != "contact":
        # leading function words NER drags in: "I'm Naomi Ryan", "This", "Can"
        while True:
            m = re.match(r"([\w'’]+)(\s+)", s[lead:])
            if not m or not is_stop_word(m.group(1)) or not s[lead + m.end():].strip():
                break
            lead += m.end()
    core = s[lead:]
    if kind != "contact":
        core = POSSESSIVE.sub("", core)
        core = core.rstrip(" \t\n.,;:!?\"')(-—–")
    core = core.rstrip()
    return start + lead, start + lead + len(core), core


def is_stop_word(word: str) -> bool:
    """Function words (spaCy's list), with their contractions: "This", "can", "I'm"."""
    stop = _stop_words()
    w = word.lower().replace("’", "'")
    return w in stop or w.split("'")[0] in stop and "'" in w


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # read from spaCy's own file: importing spaCy for this list alone takes seconds (the
    # review page and the pseudonym pools need no model)
    path = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / "en" / "stop_words.py"
    return frozenset(runpy.run_path(str(path))["STOP_WORDS"])


def title_of(text: str, start: int) -> str:
    """The title written just before a person's name, lower-case, or ""."""
    m = re.search(r"\b(%s)\.?\s+$" % "|".join(TITLE_WORDS), text[max(0, start - 14):start], re.I)
    return m.group(1).lower() if m else ""


STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
                "court", "ct", "place", "pl", "terrace", "way", "parkway", "highway", "circle", "square",
                "trail", "row", "close", "crescent", "plaza", "alley", "apt", "apartment", "suite", "unit",
                "floor", "box", "po"}


def is_generic(text: str) -> bool:
    """Words that identify no one on their own: titles, kinds of institution, street words."""
    toks = [t.lower().strip(".") for t in tokens(text)]
    return all(t in GENERIC_WORDS or t in TITLE_WORDS or t in STREET_WORDS for t in toks)


# words of one kind that a pseudonym swaps for another of the same kind
STREET_TYPES = ["Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Way", "Boulevard", "Terrace",
                "Crescent", "Close", "Parkway", "Circle", "Square", "Trail", "Row", "Highway", "Plaza", "Alley"]
UNIT_TYPES = ["Apt.", "Suite", "Unit", "Flat", "Floor", "Room"]
BOX_TYPES = ["Box", "Drawer", "Bag"]
# kinds of institution outside the words every pseudonym keeps: swapped for a like kind,
# "Lattimer's Bakery" -> "Hillcrest Market", "Loess Hills Community College" -> "… Academy"
KIND_GROUPS = [
    ["College", "Academy", "Institute", "Polytechnic"],
    ["Elementary", "Primary", "Grade School"],
    ["Bakery", "Pharmacy", "Hardware", "Market", "Grocery", "Store", "Shop", "Deli", "Diner", "Cafe",
     "Café", "Salon", "Supermarket", "Drugstore", "Boutique", "Bookstore", "Florist", "Butcher"],
    ["Foundation", "Trust", "Fund"],
    ["Library", "Archive"],
    ["Museum", "Gallery"],
    ["Theatre", "Theater", "Playhouse", "Repertory", "Stage"],
    ["Community", "Regional", "Memorial", "General"],
    ["Staffing", "Recruiting", "Placement"],
]
# words of addresses and place names in other languages, swapped for a like word
PLACE_GROUPS = [
    ["Via", "Rua", "Rue", "Calle", "Avenida", "Viale", "Corso", "Ulica", "Chemin", "Carrer", "Paseo"],
    ["de", "da", "do", "du", "di", "del", "della", "delle", "dei", "des", "dos", "das", "la", "le", "van",
     "von", "der", "den", "ten", "ter", "u", "z", "nad", "pod"],
]
BUSINESS_SUFFIXES = ["Inc", "LLC", "Ltd", "Group", "Partners", "Associates", "Company", "Corporation",
                     "Corp", "Co", "PLC", "GmbH", "Sons", "Holdings", "Technologies", "Software", "Systems",
                     "Solutions", "Services", "Industries", "Enterprises", "Ventures", "Labs", "Media",
                     "Consulting", "Logistics", "Transit", "Lines", "Analytics", "Networks"]


def searchable(form: str) -> bool:
    """Whether a real form of the key is looked for everywhere (known-entity pass, leak
    check): not generic words, not a bare short number, not a fragment like "ll"."""
    core = form.strip()
    if is_generic(core) or len(core) < 3 or core.rstrip(".").title() in BUSINESS_SUFFIXES \
            or core.rstrip(".") in BUSINESS_SUFFIXES:
        return False
    if re.fullmatch(r"[\d\s\-/.,]+", core):
        return len(re.sub(r"\D", "", core)) >= 5
    return bool(re.match(r"[\w@+(]", core)) and sum(c.isalpha() for c in core) >= 2 or "@" in core


def key_of(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def tokens(text: str) -> list[str]:
    return re.findall(r"[\w'’.\-]+|&", text)


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-–—]+", name) if w and w.lower() not in ("of", "the", "and", "at", "for", "&")]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()
