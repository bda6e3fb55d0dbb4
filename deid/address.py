"""Street addresses, with the lines that follow them (unit, town, region, postcode,
country), in the layouts of many countries, and military addresses: a Presidio
EntityRecognizer in named steps: find streets, widen each to the whole address."""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from deid import lexicon, names


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in words)


SUFFIX = _alt(lexicon.STREET_SUFFIXES)
PREFIX = _alt(lexicon.STREET_PREFIXES)
TAIL = _alt(lexicon.STREET_TAILS)
NAMED = _alt(lexicon.NAMED_STREET_WORDS)
NAMED_AFTER_CUE = _alt(lexicon.NAMED_STREET_WORDS_CUED)
# where a street is said to be: "on Olivares Rd", "lives in Copse Hill Close"
STREET_CUE = "|".join(rf"(?<=\b{w} )" for w in ("on", "at", "off", "in", "into", "from", "to", "near", "along"))
DIRECTION = _alt(lexicon.DIRECTION_SUFFIXES)
W = r"[^\W\d_][\w'’.\-]*"          # a word of any alphabet
CAP = r"(?=[^\W\d_])(?![a-zß-ÿ])[\w'’\-]+"   # a word that starts with a capital, any alphabet
# ... but not "Of The", nor a date: "3 March 1931"
NAME_WORD = r"(?!(?:Of|The|And|In|To|For|On|At|By|With|From|%s)\b)%s" % (
    _alt(lexicon.MONTHS + lexicon.MONTH_ABBREVIATIONS), CAP)

WELSH = _alt(lexicon.WELSH_STREET_WORDS)
LAW = _alt(lexicon.LAW_WORDS)
PARTS = _alt(lexicon.NUMBERED_PARTS)
PLACE_WORDS = _alt(tuple(w.title() for w in lexicon.NAMED_PLACE_WORDS))
GENERIC_PLACE = _alt(lexicon.GENERIC_PLACE_WORDS)

NUMBER_WORDS = "|".join(lexicon.NUMBER_WORDS)
STREETS = {
    # a block of flats as Singapore writes it, with its street perhaps: "Blk 824", "Blk 824A
    # Tampines St 81"
    "block": rf"\bBlk\.?[ \t]+\d{{1,4}}[A-Z]?\b(?:[ \t]+(?:{CAP}[ \t]+){{1,3}}(?:{SUFFIX})\.?(?:[ \t]+\d{{1,3}}\b)?)?",
    # "12 Main Street", "4410 N. 72nd Street" (a direction and a numbered street)
    "number street": rf"\b\d{{1,6}}[A-Za-z]?(?:[ \t]+\d{{1,6}})?[ \t]+(?:(?:[NSEW]|NE|NW|SE|SW)\.?[ \t]+)?"
                     rf"(?:(?:{CAP}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{0,4}}(?:{SUFFIX})\b\.?"
                     rf"(?:[ \t]+(?:{DIRECTION})\b)?(?:[ \t]+\d{{1,5}}\b)?",
    # a house number said in words, in a transcript: "forty Birch Street", "twenty two Mill Lane"
    "number said street": rf"(?i:\b(?:{NUMBER_WORDS})(?:[ \t\-]+(?:{NUMBER_WORDS}))?)[ \t]+(?:{CAP}[ \t]+){{1,3}}"
                          rf"(?:{SUFFIX})\b",
    "numbered road": r"\b(?:County Road|County Rd\.?|State Route|State Road|Route|Highway|Hwy\.?|Interstate|"
                     r"Farm Road|FM|Beltway|Loop)[ \t]+\d{1,4}\b",   # (Houston's "Beltway 8", "Loop 610")
    # said in words, in a transcript: "route twelve", "highway sixty one" (not "the route one takes")
    "numbered road said": rf"(?i:\b(?:county road|state route|route|highway|interstate)[ \t]+"
                          rf"(?!one\b)(?:{NUMBER_WORDS})(?:[ \t\-]+(?:{NUMBER_WORDS}))?\b)",
    "named street": rf"\b(?:{CAP}[ \t]+){{1,3}}(?:{NAMED})\b",
    # a street word that is a word too, after a word that says where: "on Copse Hill Close" (not
    # "the Staying Close programme", "Ave Maria")
    "named street after a cue": rf"(?:{STREET_CUE})(?:{CAP}[ \t]+){{1,3}}(?:{NAMED_AFTER_CUE})\b(?![ \t]+[A-Z])",
    # a square or a crescent named after someone or something, not by what it is: "George
    # Square", "Kilmeny Crescent" (not "Town Square", "Market Square")
    "named square": rf"\b(?!(?:{GENERIC_PLACE})\b){NAME_WORD}[ \t]+(?:{PLACE_WORDS})\b",
    # (with its house number, in figures or words: "3 Maes yr Eglwys", "Seven Heol y Capel")
    "welsh street": rf"(?:\b(?:\d{{1,3}}[A-Za-z]?|(?i:{NUMBER_WORDS}))[ \t]+)?\b(?:{WELSH})[ \t]+"
                    rf"(?:(?:y|yr)[ \t]+{CAP}|{CAP}(?:[ \t]+{CAP})?)",
    "street word first": rf"(?i)\b(?:\d{{1,6}}[ \t]+)?(?:{PREFIX})[ \t]+(?:{W}[ \t]+){{0,4}}?{W}[ \t,]+\d{{1,5}}\b",
    "street word last": rf"(?i)\b(?:\d{{1,6}}[ \t]+)?(?:{W}[ \t]+){{0,2}}{W}(?:{TAIL})\b\.?[ \t]+\d{{1,5}}[A-Za-z]?\b",
    # (any case: a line in capitals reaches detection recased, "Apo Aa 42323")
    "military": r"(?i:\b(?:PSC|Unit|USNS|USS|USNV|USCGC)[ \t]+[\w \t]{1,30}?,?[ \t]*(?:Box[ \t]+\d+)?[ \t,]*\n?[ \t>]*"
                r"(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5}\b)",
    # (and a private mail bag, as Nigeria and South Africa write a post box: "PMB 5117", "Private Bag 12")
    "po box": r"(?i)\b(?:P\.?[ \t]?O\.?[ \t]+Box|P\.?M\.?B\.?|Private[ \t]+(?:Mail[ \t]+)?Bag)[ \t]+\d+\b",
    "unit": r"(?i)\b(?:Apt|Apartment|Suite|Ste|Unit)\.?[ \t]*#?\d+[A-Za-z]?\b",
    # number, name, number: "213 Pilekrogen 53", "30102 Kaevu 94"
    # (not a law and its year: "Post-16 Education Act 2022"; not from a time's minutes: "00:04 DISP 4021")
    # (nor the end of a code and a document's numbered part: "IRB-23-06-5821 Amendment 4")
    "number name number": rf"(?<![:.\-/])\b\d{{1,6}}[ \t]+(?:{NAME_WORD}[ \t]+){{0,3}}(?!(?:{LAW}|{PARTS})\b){NAME_WORD}"
                          rf"[ \t]+\d{{1,5}}[A-Z]?\b"
                          rf"(?![.,]?\d)",
    # a street word standing after the name: "Kálmán Imre u. 12.", "Rákóczi út 13"
    "name street number": rf"\b(?:{CAP}[ \t]+){{1,3}}(?i:u\.|utca|út|útja|tér|körút|ulica|vej|gade|straat|weg)"
                          rf"[ \t]+\d{{1,5}}\.?",
}
STREET_RX = [re.compile(rx) for rx in STREETS.values()]
UNIT_BEFORE = re.compile(r"(?:Flat|Apt|Apartment|Unit|Suite|Room)\.?[ \t]*\d+[A-Za-z]?,?[ \t]+"
                         r"(?:(?:[A-Z][a-z'’]+[ \t]+){1,3}(?:Court|House|Building|Mansions|Tower|Block|Lodge|Heights|Point)"
                         r"[ \t]*,[ \t]*)?$")
UNIT = re.compile(r"[ \t,]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?[ \t]*#?\d+\w?", re.I)
# the rest of an address on the same line: ", Springfield, IL 62704"
# (a British or Canadian postcode whole: "G51 4BN", not "G51" as a word)
POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b"
TOWN_WORD = rf"(?!{POSTCODE}){CAP}"
ENDS_IN_POSTCODE = re.compile(rf"{POSTCODE}$")
SAME_LINE = re.compile(rf"(?:[ \t]*,[ \t]*(?:{POSTCODE}|(?:{TOWN_WORD}(?:[ \t]+{TOWN_WORD}){{0,3}}|[A-Z]{{2}}\b)?(?:[ \t]+[A-Z]{{2}}\b)?"
                       rf"(?:[ \t]+(?:\d{{4,6}}|{POSTCODE}))?)){{1,4}}")
# capitalised words up to the end of the line, after the street: "… 82 Zachary Cliffs"
REST_OF_LINE = re.compile(rf"(?:[ \t]+{CAP}){{1,3}}[ \t]*(?=\n|$)")
# a postcode opening the next line, before other words
POSTCODE_LINE = re.compile(rf"\n[ \t>]*,?[ \t]*(?:{CAP}[ \t]+){{0,2}}(?:\([^)\n]{{1,20}}\)[ \t]+)?(?:[A-Z]{{2}}[ \t]+)?"
                           rf"\d{{4,6}}\b")
# a following line that continues an address: a town, region, postcode, country
NEXT_LINE = re.compile(rf"\n[ \t>]*,?[ \t]*(?:(?:{W}|\d{{3,6}}|\([^)\n]{{1,30}}\))[ \t,]*){{1,6}}(?=\n|$)")
# a country and its postcode a blank line below the address, as forms and signatures set
# them: "\n\n Estonia 62488"
# (not a year: "Georgia 1996")
COUNTRY_BELOW = re.compile(r"\n[ \t]*\n[ \t>]*(?P<place>[^\W\d_][^\n\d]{1,38}?)[ \t]+(?!(?:19|20)\d\d\b)\d{4,6}"
                           r"[ \t]*(?=\n|$)")
# a building number, a range of them, or a flat before the street: "1–63 Ferryden Court",
# "Flat 3/2, 41 Ferryden Court"
NUMBER_BEFORE = re.compile(r"(?:(?:Flat|Apt\.?|Apartment|Unit|Suite|Plot)[ \t]+[\d/]+[A-Za-z]?,?[ \t]+)?"
                           r"(?:\d{1,6}(?:[–\-]\d{1,6})?[ \t]+)*(?:\d{1,6}[–\-])?$")
# "his address: 450 Præstevænget 15, ..." / "I live at Dunajska 56" (no table's cells after
# it: "re current address | RO | 15/05/24 |")
CONTEXT = re.compile(r"\b(?:address(?: is)?|live at|lives at|living at|located at|moved to|send (?:it|them) to|"
                     r"sent to|deliver(?:ed)? to|ship(?:ped)? to|arrived at)[ \t]*:?[ \t]+", re.I)
# a full stop after a postcode or a whole word, before a capital: the sentence ends ("... Oxenholt
# WF16 9XZ. Fearnley Lock is", "sent to 07700 900418. Left voicemail"; not "Mt. Pleasant", "St.
# John's", "Main Blvd. Springfield")
SENTENCE_END = r"(?:(?<=\d[A-Z]{2})|(?<=[a-z]{3})(?<!Blvd)(?<!Pkwy)(?<!Cres)(?<!Terr)|(?<=\d{3}))\.(?=[ \t]+[A-Z])"
# (not a time: "arrived at about 11.10pm", "at 9:30 am")
# (nor when: "LEFT HOME ADDRESS BETWEEN 22:30 AND 23:20")
CONTEXT_BODY = re.compile(r"(?!(?i:about|around|roughly|approximately|exactly|just|nearly|gone|half|quarter|"
                          r"between|before|after|since|until|till)\b)"
                          r"(?!\d{1,2}(?:[.:]\d{2})?[ \t]*(?i:am|pm|a\.m\.|p\.m\.|o'clock|hours?|hrs)\b)"
                          r"(?=[^\n]{0,20}\d)[^\n?!|]{3,80}?(?=[.?!]?(?:[ \t]*$|[ \t]+(?:[a-z]|I\b))|[?!]|\n\n|"
                          rf"{SENTENCE_END})", re.M)
SCORE = 0.8


class AddressRecognizer(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=["STREET_ADDRESS"], name="AddressRecognizer", supported_language="en")

    def load(self) -> None:  # noqa: D102
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        out, taken = [], []   # taken: the street results, for overlaps
        for s, e in sorted(streets(text), key=lambda x: (x[0], -x[1])):
            over = [r for r in taken if s < r.end and e > r.start]
            if over:
                if over[-1].end < e:   # one address read two ways: "..., 14 Heol" and "Heol y Capel"
                    over[-1].end = e
                continue
            s, e = widen(text, s, e)
            taken.append(self._result(s, e))
            out.append(taken[-1])
            below = _country_below(text, e)
            if below:   # a paragraph of its own: a mention of its own
                out.append(self._result(below.start("place"), below.end()))
        return out

    def _result(self, s: int, e: int) -> RecognizerResult:
        return RecognizerResult("STREET_ADDRESS", s, e, SCORE, recognition_metadata={"recognizer_name": self.name})


def streets(text: str) -> list[tuple[int, int]]:
    """Street lines by their shape, and what follows 'address:', 'I live at' …"""
    spans = [m.span() for rx in STREET_RX for m in rx.finditer(text)]
    for m in CONTEXT.finditer(text):
        body = CONTEXT_BODY.match(text, m.end())
        if body and not _a_phone_number(body.group()):   # "Text sent to 07700 900418": a phone's
            spans.append((m.end(), body.end()))
    return spans


def widen(text: str, s: int, e: int) -> tuple[int, int]:
    """A street widened to its whole address: a number before it, its unit, the rest of
    its line, and the lines after it that continue it."""
    before = NUMBER_BEFORE.search(text[max(0, s - 30):s])
    if before and before.group():  # a building number or postcode written before the street
        s -= len(before.group())
    flat = UNIT_BEFORE.search(text[max(0, s - 60):s])
    if flat:   # a flat and its block written first: "Flat 2B, Weaver Court, 88 Stanhope Mill Road"
        s -= len(flat.group())
    e = _unit(text, e)
    rest = REST_OF_LINE.match(text, e)  # "Ilmalankuja 82 Zachary Cliffs"
    e = _unit(text, rest.end() if rest else e)
    same = SAME_LINE.match(text, e)
    if same and same.end() > e:
        e = same.end()
    return s, _next_lines(text, e)


def _unit(text: str, e: int) -> int:
    u = UNIT.match(text, e)
    return u.end() if u else e


def _country_below(text: str, e: int):
    m = COUNTRY_BELOW.match(text, e)
    return m if m and m.group("place").strip().lower() in names.regions() else None


def _a_phone_number(line: str) -> bool:
    """A line of nine digits or more and no word: "07700 900 246", "(02) 5550 1234"."""
    return not re.search(r"[^\W\d_]", line) and len(re.findall(r"\d", line)) >= 9


def _next_lines(text: str, e: int) -> int:
    if ENDS_IN_POSTCODE.search(text, max(0, e - 10), e):
        # a postcode ends an address; a country may follow ("Registered Society no." may not)
        nxt = re.match(r"\n[ \t]*([^\n]{2,40}?)[ \t]*(?=\n|$)", text[e:])
        return e + nxt.end() if nxt and nxt.group(1).lower() in names.regions() else e
    for _ in range(4):
        nxt = NEXT_LINE.match(text, e)
        if nxt and _a_phone_number(nxt.group()):
            return e   # a signature's phone line below the address: a number of its own
        if not nxt or len(nxt.group().split()) > 7 or re.search(r"[?!]|\b(?:the|and|is|to)\b", nxt.group()):
            code = POSTCODE_LINE.match(text, e)  # "\n 51971 for this card"
            return code.end() if code else e
        e = nxt.end()
    return e
