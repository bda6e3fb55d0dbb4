"""Presidio recognizers for what interviews contain and generic NER misses.

Each is a plain Presidio extension point (PatternRecognizer / EntityRecognizer), so the
AnalyzerEngine runs them alongside spaCy's NER and its own predefined recognizers.
"""
from __future__ import annotations

import re

import regex
import tldextract
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from deid import entity as ent
from deid import lexicon, names, words
from deid.address import AddressRecognizer
from deid.shapes import ACADEMIC_YEAR, CODE, NOT_A_DATE, NOT_A_YEAR, SLASH_SPACED_CODE, SPACED_CODE
from deid.truecase import is_uncased, word_surname

# A capitalised name word: Marsh, O'Neil, McAllister, Mwangi, Tomás, Lindqvist-Shaw
NAME = r"(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)"
TITLES = "|".join(lexicon.TITLES_WRITTEN)
WRAPPED = "|".join(lexicon.WRAPPED_TITLES)
# (detection reads a word's underscores as spaces: "display_name" is "display name" there)
PERSON_FIELDS = "|".join(f.replace("_", "[_ ]") for f in lexicon.PERSON_FIELDS)
FAMILY = "|".join(lexicon.FAMILY_RELATIONS)
NO_ONE = "|".join(re.escape(a) for a in lexicon.NO_ONE_AUTHORS)
ROLES = "|".join(re.escape(r) for r in sorted(lexicon.ROLE_LABELS, key=len, reverse=True))
RELATIONS = "|".join(re.escape(r) for r in lexicon.RELATIONS)
RANKS = "|".join(lexicon.POLICE_RANKS)
# ranks of officers who wear a number, written before their name ("Officer Diaz (4471)")
BADGE_RANKS = "Officer|Sergeant|Garda|Deputy|Trooper|Detective|CO"
KIN = "|".join(re.escape(r) for r in lexicon.RELATIONS + lexicon.TITLES_WRITTEN + ("Mummy", "Nan", "Gran", "Sir", "Boss"))


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email recognizer, validating domains with tldextract's bundled
    public-suffix snapshot instead of downloading the list. An address whose ending the
    snapshot does not know is an address still (fail closed): a suffix newer than the
    snapshot, an organisation's own ("k.bell@trust.local"), one a dataset invented
    ("p.nkosi@khanyisa.example")."""

    _extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    UNKNOWN_SUFFIX = re.compile(r"[^@\s]+@[\w\-]+(?:\.[\w\-]+)*\.([^\W\d_]{2,24})")
    # a file's extension is no suffix: "logo@2x.png" is an image's name
    FILE_EXTENSIONS = frozenset("png jpg jpeg gif webp svg bmp tif tiff ico pdf doc docx txt csv xls xlsx "
                                "mp3 mp4 m4a wav mov zip js css html".split())

    def validate_result(self, pattern_text: str):  # noqa: D102
        unknown = self.UNKNOWN_SUFFIX.fullmatch(pattern_text)
        return self._extract(pattern_text).fqdn != "" or \
            unknown is not None and unknown.group(1).lower() not in self.FILE_EXTENSIONS


class TitledPersonRecognizer(PatternRecognizer):
    """Title + name: "Dr. Baker", "Ms. Ross", "Dean Carter", "Dr. Celeste Banks", "Mr K
    Osei-Tutu", "Mr C A Gayle" (initials without stops, as judgments write them); a title and a letter
    alone, the way a judgment or a case note hides someone ("Mrs P, a resident")."""
    PATTERNS = [
        # (a judgment's initials without stops, "Mr C A Gayle"; a name wrapped onto the next line)
        Pattern("title name", rf"\b(?:(?:{TITLES})\.?[ \t]+|(?:{WRAPPED})\.?[ \t]*\n[ \t]*(?!(?:{TITLES})\b))(?:{NAME}|(?:\p{{Lu}}[ \t]+){{0,2}}\p{{Lu}}"
                rf"(?=[ \t]+\p{{Lu}}\p{{Ll}}))(?:[ \t]+{NAME}){{0,2}}\b", 0.85),
        # a compound first name's initials after a title: "Dr. P-A" (Pierre-Anne), "Dr J-F"
        Pattern("title joined initials", rf"(?<=\b(?:{TITLES})\.?[ \t]+)\p{{Lu}}-\p{{Lu}}(?![\w'’\-])", 0.6),
        Pattern("title letter", rf"(?<=\b(?:{TITLES})\.?[ \t]+)(?!I\b)\p{{Lu}}(?![\w'’\-]|\.\w|[ \t]+\p{{Lu}})", 0.6),
        # an officer named after a rank and collar number, a statement's capitals perhaps:
        # "PC 1174 HUGHES", "DC 4471 Dunmore"
        Pattern("rank number name", rf"(?<=\b(?:{RANKS})[ \t]+\d{{3,5}}[ \t]+)(?:{NAME}|\p{{Lu}}{{2,}}(?:-\p{{Lu}}{{2,}})?)\b",
                0.7),
    ]

    def __init__(self):
        super().__init__(supported_entity="PERSON", name="TitledPersonRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


class NameContextRecognizer(PatternRecognizer):
    """Names introduced by the words around them, including names that are common words
    ("my sister Faith", "a nurse named Rose", "this is Summer", "we call him Peanut")."""
    PATTERNS = [
        Pattern("named", rf"(?<=\b(?:named|name is|name's) )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.7),
        # a nickname given: "We call him Peanut", "nicknamed Baz" (not "we call her Mum")
        Pattern("called", rf"(?<=\b(?:call(?:s|ed)? (?:him|her|me|them)|nicknamed) [\"“‘']?)(?!{KIN}\b)"
                rf"(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.6),
        # a nickname in quotes after what gives it, in a statement's capitals too: 'call him
        # "Tiny"', 'Male known as "TINY"'
        Pattern("quoted nickname", rf"(?<=[\"“])(?<=\b(?:call(?:s|ed)?[ \t]+(?:him|her|me|them)|nicknamed|(?:(?i:male|female|man|"
                rf"woman|boy|girl|lad|he|she|person|suspect|bloke|guy)(?:[ \t]+(?:is|was))?[ \t]+known[ \t]+as))"
                rf"[ \t]+[\"“])(?!{KIN}\b)(?-i:{NAME}|\p{{Lu}}{{2,12}})(?=[\"”])", 0.6),
        # ... or said before it: "Mon we call him", "Bong, they call her" (not "Mum we call her")
        Pattern("called after", rf"(?<![\w'’])(?!(?:{KIN})\b)(?-i:{NAME})(?=,?[ \t]+(?:we|they|everyone|everybody)[ \t]+call(?:ed)?"
                rf"[ \t]+(?:him|her|me|them)\b)", 0.6),
        # the name a record says someone goes by, initials too: "Known as: KJ", "goes by Ethan",
        # "Preferred name: Seun"
        Pattern("known as", rf"(?<=\b(?:known as[ \t]*:|preferred name[ \t]*:?|aka|a\.k\.a\.)[ \t]*)(?!{KIN}\b)"
                rf"(?-i:{NAME}(?:[ \t]+{NAME})?|\p{{Lu}}{{2,3}}\b)", 0.6),
        # (in brackets or a clause of its own: "(Zhang Yiming, goes by Ethan)", not "the bus goes by Asda")
        Pattern("goes by", rf"(?<=,[ \t]*goes[ \t]+by[ \t]+)(?-i:{NAME})(?=[ \t]*[),;.])", 0.6),
        Pattern("my relation", rf"(?<=\b(?:my|our|her|his|their) (?:(?:little|big|older|younger|"
                rf"best|old|new|late) )?(?:{RELATIONS})(?:['’]s)?,? )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.6),
        # who wrote a line of a chat's JSON export: "author": "Grace" (spaCy reads no JSON)
        Pattern("author field", rf'(?<="(?:{PERSON_FIELDS})"[ \t]*:[ \t]*")(?!(?:{NO_ONE}|{ROLES})")(?-i:{NAME}(?:[ \t]+{NAME}){{0,2}})(?=")', 0.7),
        # ... its letters beyond ASCII escaped, as JSON writes them ("Ren\u00e9e Lafreni\u00e8re"), or
        # a display name in lower case ("display_name": "jesse")
        Pattern("escaped author field", rf'(?<="(?:{PERSON_FIELDS})"[ \t]*:[ \t]*")(?=[^"\n]*\\u[0-9a-fA-F]{{4}})'
                rf'(?-i:\p{{Lu}})[^"\n]{{1,60}}(?=")', 0.7),
        Pattern("lower-case display name", rf'(?<="(?:display[_ ]name|real[_ ]name|full[_ ]name)"[ \t]*:[ \t]*")'
                rf'(?!(?:{NO_ONE}|{ROLES})")(?-i:[a-z][a-z\'’\-]{{1,20}}(?:[ \t][a-z][a-z\'’\-]{{1,20}})?)(?=")', 0.6),
        # who wrote a chat's line that a document quotes, after its time: "[10:06] Mele: ..."
        # (a layout of such lines reads it as a label; inside another layout it stays text)
        Pattern("chat sender", rf"(?<=^\[\d{{1,2}}:\d\d(?::\d\d)?(?:[ \t]?[ap]\.?m\.?)?\][ \t]*)(?!(?:{ROLES})\b)"
                rf"(?-i:{NAME}(?:[ \t]+{NAME}){{0,2}})(?=:[ \t])", 0.6),
        # a family's relation after whose it is: "Daniel's wife Sora"
        Pattern("whose relation", rf"(?<=\b(?-i:\p{{Lu}}\p{{Ll}}+)['’]s (?:{FAMILY}),? )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.6),
        Pattern("intro", rf"(?<=\b(?:I'm|I am|this is|This is|It's|it's) )(?-i:{NAME}(?:[ \t]+{NAME})?)"
                rf"(?=[ \t]*(?:[,.!]|$| from| in| and| here))", 0.5),
    ]

    def __init__(self):
        super().__init__(supported_entity="PERSON", name="NameContextRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE | re.IGNORECASE)


ISO_DATE = r"(?!\d{4}-\d{2}-\d{2}(?:T\d|\b))(?!(?:19|20)\d\d[ _](?:0[1-9]|1[0-2])[ _]\d\d\b)" \
    rf"(?!(?:{ACADEMIC_YEAR})\b(?![\-/.]?\d))"   # (or "2024_03_12_"; nor an academic year, "2023-24")


class ChatSenderRecognizer(PatternRecognizer):
    """Who wrote and who was sent a line of a Zoom chat saved as text ("10:02:33 From Baby DC
    to Everyone:", "From Ana to Lovely T.(Direct Message):"): a display name however written,
    ordinary words, initials or lower case, is someone's by where it stands."""
    # (a device's owner without the device, "Maria's iPhone"; the body after a bar or in
    # brackets, "Joanna Lim-Santos | UPDWU", "Mairi Dunleavy (SKU)", left to the others)
    TAIL = r"(?:['’]s[ \t]+(?i:iphone|ipad|galaxy|android|phone|laptop|pc|macbook|tablet)[^\n]*?)?" \
           r"[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:\|[^\n]*?)?"
    WHO = rf"(?!(?:{NO_ONE})\b|(?i:galaxy|iphone|ipad|android|pixel|the|host|co-host)\b)[^\s:(|][^\n:(|]{{0,60}}?"
    PATTERNS = [
        Pattern("zoom sender", rf"(?<=^\d{{1,2}}:\d\d(?::\d\d)?[ \t]+From[ \t]{{1,2}}){WHO}"
                rf"(?={TAIL}[ \t]{{1,2}}[Tt]o[ \t]{{1,2}}[^\n]{{1,80}}?:)", 0.7),
        Pattern("zoom recipient", rf"(?<=^\d{{1,2}}:\d\d(?::\d\d)?[ \t]+From[ \t][^\n]{{1,60}}?[ \t][Tt]o[ \t]{{1,2}})"
                rf"{WHO}(?={TAIL}[ \t]*\((?:Direct [Mm]essage|[Pp]rivately)\)[ \t]*:)", 0.7),
    ]

    def __init__(self):
        super().__init__(supported_entity="PERSON", name="ChatSenderRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


class IdentifierNumberRecognizer(PatternRecognizer):
    """Phone numbers in international formats and long ID numbers (cards, accounts,
    licences): anything with nine or more digits, or letters then six or more digits."""
    PATTERNS = [
        Pattern("phone", r"(?<![\w+])(?:\+|00)\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,4}"
                r"(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?\b", 0.6),
        # (not a year and a time of day: "2024 16:02:11", nor the minutes of a time and the number
        # after it, "00:07 0431" of a police log; nor an ISO date, "2025-03-17T09:02:11Z";
        # a file's size a chat export writes, "size": 48213, is dropped with every contact after such
        # a field: rules.mentions)
        Pattern("long number", r"(?<![\w.:])%s\(?\d{2,4}\)?(?:[ .\-]?\d{2,4}){2,5}\b(?![.,:]\d)"
                % ISO_DATE, 0.5),
        Pattern("id", r"\b[A-Z]{1,3}\d{6,}\b|\b\d{9,}\b", 0.6),
        # who wrote a line of a police or call-centre log, after its time: the operator's number,
        # "23:52 6619  999 FROM ...", "00:04 DISP 4021  NPAS REQUESTED" (Presidio's patterns are
        # `regex`'s: a lookbehind of any width)
        Pattern("log operator", r"(?<=^[ \t]*\d\d:\d\d(?::\d\d)?[ \t]+(?:[A-Z][A-Za-z]{1,4}[ \t]+)?)\d{4}"
                r"(?=[ \t]{2,}|[ \t]*$)", 0.5),
        # a dial-in number a meeting shows with digits masked: "+91 94*** **508" (its own digits left
        # identify the caller to whoever knows them)
        Pattern("masked phone", r"(?<![\w+])\+\d{1,3}(?=[\d* ]*\*)(?:[ ]?[\d*]{2,5}){2,4}(?<=\d)(?![\w*])", 0.6),
        # a British National Insurance number, spaced as it is printed: "QQ 12 34 56 C"
        Pattern("national insurance", r"\b[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]\b", 0.7),
    ]

    def __init__(self):
        super().__init__(supported_entity="CONTACT", name="IdentifierNumberRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


CUES = "|".join(re.escape(c) for c in sorted(lexicon.NUMBER_CUES, key=len, reverse=True))
REGISTERS = "|".join(lexicon.REGISTER_CUES)
COURTS = "|".join(re.escape(c).replace(r"\ ", r"[ \t]+") for c in lexicon.NEUTRAL_CITATION_COURTS)
STANDARDS = "|".join(lexicon.STANDARDS_BODIES)
# the county letters of an Irish plate
IRISH_COUNTIES = "C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|TN|TS|W|WD|WH|WX|WW"
# a British number plate since 2001: "CN17 LKW"
VEHICLE = r"[A-Z]{2}\d{2}[ ]?[A-Z]{3}"
VEHICLE_CUES = "|".join(lexicon.VEHICLE_CUES)
CAR_WORDS = "|".join(lexicon.CAR_WORDS + lexicon.CAR_MAKES + lexicon.CAR_MODELS)
# what is said between a cue and its number: "the registration is", "registration began"
SAID_IS = r"[ \t]+(?i:is|was|began|begins|starts|started)(?:[ \t]+with)?"


class ReferenceNumberRecognizer(PatternRecognizer):
    """Numbers that identify a case, a record or a person: after a cue word ("case no.
    2019-CV-0412", "badge 4471", "MRN: 00482913"), in the shapes reference numbers take
    ("41234/98", "EHC/2023/00871", "23/NE/0147" but not a blood pressure "148/86", "G82741",
    "6654321WA", "2021CF002286", "CD-117-004", "RN-31977", "171-MO-4418", "xxx-xx-4417", "#11802"), and the number of a
    neutral citation ("[2019] EWCA Crim 1123"), an officer's collar number ("PC 4471 Dunmore"), a
    US docket number ("1:23-cv-04187")."""
    PATTERNS = [
        Pattern("cue number", rf"(?<=\b(?:(?i:{CUES})|{REGISTERS})(?:[ \t]+\(?(?i:no\.?|number|num|#|id|code)(?:['’]s|[ \t]+(?i:is|was))?,?)?"
                rf"(?:[ \t]+(?i:ending(?:[ \t]+in)?|ends[ \t]+in))?[ \t]*[:#.]?[ \t]*)"
                rf"(?!(?i:no|id|code)\b){NOT_A_DATE}{NOT_A_YEAR}(?:{SLASH_SPACED_CODE}|{VEHICLE}|{CODE}|{SPACED_CODE})\b", 0.7),
        # a plate said after its cue: "the registration is CN17 LKW", "began CU68" (not a sum,
        # "the grant was 5000", nor a service, "the service is NHS24")
        Pattern("cue said code", rf"(?<=\b(?i:{VEHICLE_CUES}){SAID_IS}[ \t]+)(?=[A-Z0-9]*[A-Z])(?:{VEHICLE}|{CODE})\b",
                0.7),
        # a British number plate without its cue, after the car it is on: "silver Skoda Octavia MX68 KXE"
        # (the plate's shape first: the look back is tried only there)
        Pattern("plate", rf"(?=[A-Z]{{2}}\d\d)(?<=\b(?i:{CAR_WORDS})\b[,]?(?:[ \t]+[\w\-]+){{0,3}}?[,]?[ \t]+){VEHICLE}"
                rf"(?![\w\-])", 0.6),
        # an officer's collar number between rank and name: "PC 4471 Dunmore"
        # three digits after a cue only a thing with a number has: "locker 212", "bleep 301"
        Pattern("short cue number", r"(?<=\b(?i:locker|pager|bleep)[ \t]*(?:no\.?|number|#)?[ \t]*)"
                r"\d{3}\b(?![.,]\d)", 0.6),
        # a number said after what it numbers in Spanish, Portuguese or French: "Mi número de empleado
        # era el 40217", "numéro de dossier 88213", "número do paciente é 55120"
        Pattern("foreign cue number", r"(?<=\b(?i:n[úu]mero|num[ée]ro|n[º°o]\.?)[ \t]+(?i:de[ \t]+|do[ \t]+|da[ \t]+|d['’])?"
                r"(?i:empleado|emplead[ao]|trabajador|trabajadora|seguro|paciente|expediente|cliente|caso|socio|"
                r"employ[ée]|dossier|patient|client|membre|matr[ií]cula|funcion[aá]rio|utente)[ \t]+"
                r"(?:(?i:era|es|fue|é|era|est|était|:)[ \t]+)?(?:(?i:el|le|o)[ \t]+)?)\d{4,10}\b", 0.7),
        # a phone's extension, of three digits to five ("DECT 8841", "ext. 40217")
        Pattern("extension", r"(?<=\b(?i:extension|ext\.?|DECT)[ \t]*(?:no\.?|number|#)?[ \t]*)"
                r"(?!(?:19|20)\d\d\b)\d{3,5}\b(?![.,]\d)", 0.6),
        Pattern("collar number", rf"(?<=\b(?:{RANKS})[ \t]+)\d{{3,5}}\b(?=[ \t]+[A-Z])", 0.7),
        # a prisoner's number, a letter and two groups of digits: "A614-229"
        # (in a list or a roster, after a comma or a field: not a plane, "flies the B737-800")
        Pattern("lettered pair", r"(?<=(?:^|[,;:|\t(#])[ \t]{0,2})[A-Z]{1,2}\d{3,6}-\d{3,6}(?![\w\-])", 0.6),
        # ... or in brackets after the officer's name: "PC Gemma Rowbotham (4471)", "Sgt. Boyce (#2217)"
        Pattern("collar in brackets", rf"(?<=\b(?:{RANKS}|{BADGE_RANKS})\.?[ \t]+{NAME}(?:[ \t]+{NAME}){{0,2}}[ \t]*\(#?)\d{{3,5}}(?=\))", 0.7),
        Pattern("number after no.", rf"(?<=\b(?i:no)\.[ \t]*){NOT_A_DATE}(?:{CODE}|{SPACED_CODE})\b", 0.7),
        Pattern("slashed", rf"(?<![/\w]){NOT_A_DATE}(?:[A-Z]{{1,5}}/)?(?=[A-Z0-9/]*\d{{3}})(?=[A-Z0-9/]*(?:[A-Z]|\d{{4}}))[A-Z0-9]{{1,6}}/[A-Z0-9]{{1,6}}"
                rf"(?:/[A-Z0-9]{{1,6}})?\b(?!/)", 0.6),
        Pattern("letters and digits", r"\b(?:[A-Z]{1,3}\d{5,}[A-Z]{0,3}|\d{5,}[A-Z]{1,3}|\d{4,}[A-Z]{1,3}\d{3,})\b", 0.6),
        # a letter between digits, four digits or more in seven to twelve: a register's PIN, "11A0392O"
        # (not "COVID19", "H1N1")
        Pattern("mixed code", r"(?<![\w\-])(?=[A-Z0-9]{7,12}(?![\w\-]))(?=(?:[A-Z]*\d){4})[A-Z0-9]*\d[A-Z]+\d[A-Z0-9]*\b",
                0.6),
        # three groups of three or four, each with a digit, letters among them: a share code,
        # "W7X 4KP 2QJ" (not a phone's digits, nor a postcode's two groups)
        Pattern("grouped code", r"(?<![\w\-])(?=[A-Z0-9 ]*[A-Z])(?=[A-Z]*\d)[A-Z0-9]{3,4}(?:[ ](?=[A-Z]*\d)[A-Z0-9]{3,4}){2,3}"
                r"(?![\w\-]|[ ][A-Z0-9])", 0.6),
        # letters, then groups joined by dashes: a participant's or a case's code, "CD-117-004", "RJ-55102-B"
        Pattern("dashed", r"(?<![\w\-])[A-Z]{1,5}-\d{2,6}(?:-[A-Z0-9]{1,6})+(?![\w\-])", 0.6),
        # two groups of letters, then the number: a site's or a licence's code, "LAC-PL-0317"
        Pattern("double lettered", rf"(?<![\w\-])(?![A-Z\-]*\b(?:{STANDARDS}|STD|MIL)\b)[A-Z]{{2,5}}-[A-Z]{{1,5}}-\d{{3,6}}(?![\w\-])",
                0.6),
        # letters and a number of four or more digits: a licence's, "RN-31977" (not a standard's,
        # "ISO-9001", a study's own record codes, zero-padded, "LHS-0233", a year, "FY-2023", a form, "A-1000")
        Pattern("lettered", rf"(?<![\w\-])(?!(?:{STANDARDS})-)[A-Z]{{2,5}}-(?!(?:19|20)\d\d\b)[1-9]\d{{3,5}}(?![\w\-])",
                0.6),
        # an Irish number plate: year, county, number, "171-MO-4418"
        Pattern("irish plate", rf"(?<![\w\-])\d{{2,3}}-(?:{IRISH_COUNTIES})-\d{{1,6}}(?![\w\-])", 0.7),
        Pattern("masked", r"\b[xX*#]{3}-[xX*#]{2}-\d{4}\b", 0.7),
        # the digits after a "#" ("Intake # 81947732", "Intake #: 81947732"), the "#" left out, so that
        # the number is one name however it is written
        Pattern("numbered", r"(?<=[A-Za-z][ \t]?#:?[ \t]?)\d{3,}\b", 0.6),
        Pattern("neutral citation", rf"(?<=\[(?:19|20)\d{{2}}\][ \t]+(?:{COURTS})[ \t]+)\d{{1,5}}\b", 0.8),
        # a US federal court's docket number: office, year, case type, number, "1:23-cv-04187-JMF"
        Pattern("docket", r"(?<![\w:\-])\d{1,2}:\d{2}-[a-z]{2,3}-\d{3,6}(?:-[A-Za-z]{2,5})*(?![\w\-])", 0.8),
    ]

    def __init__(self):
        super().__init__(supported_entity="CONTACT", name="ReferenceNumberRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]?\d[ABD-HJLNP-UW-Z]{2}"
CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d"
STATES = "|".join(lexicon.STATE_ABBREVIATIONS)
TOWN = rf"{NAME}(?:[ \t]+{NAME}){{0,2}}"


class PostcodeRecognizer(PatternRecognizer):
    """Postcodes that name a street or a few houses: British, Irish (Eircode), Canadian,
    American ZIP+4 and a ZIP after a state ("NE 68134"), Dublin's districts; and the town
    an address names before them ("Canterbury CT2 7QE", "Omaha, NE 68134")."""
    PATTERNS = [
        Pattern("uk", rf"\b{UK_POSTCODE}\b", 0.7),
        Pattern("zip after state", rf"(?<=\b(?:{STATES}),?[ \t]+)\d{{5}}(?:-\d{{4}})?\b", 0.6),
        Pattern("town before postcode", rf"\b{TOWN}(?=,?[ \t]+(?:{UK_POSTCODE}|{CA_POSTCODE})\b)", 0.6),
        Pattern("town before state", rf"\b{TOWN}(?=,[ \t]+(?:{STATES})[ \t]+(?:\d{{5}}|{CA_POSTCODE})\b)", 0.6),
        Pattern("eircode", r"\b[AC-FHKNPRTV-Y]\d[\dW][ \t]?[AC-FHKNPRTV-Y\d]{4}\b", 0.6),
        Pattern("canada", rf"\b{CA_POSTCODE}\b", 0.7),
        Pattern("zip+4", r"\b\d{5}-\d{4}\b", 0.6),
        Pattern("dublin district", r"\bDublin[ \t]+\d{1,2}W?\b", 0.7),
    ]

    def __init__(self):
        super().__init__(supported_entity="LOCATION", name="PostcodeRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


DIGIT_WORDS = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double[ \t]+\w+|triple[ \t]+\w+)"
TLD = r"(?:com|org|net|edu|gov|co|uk|ac|io|us|ca|au|ie|nz|info|biz|me)"


SAID_BEFORE = r"(?:is|was|it's|its|me|my|email|mail|address|and|or|to|on)"   # "my email is dougiewatt58 at ..."


class SpokenContactRecognizer(PatternRecognizer):
    """Phone numbers and e-mail addresses as speech recognition writes them: "eight one
    six five five five oh one four two", "b oshea at nnu dot org", "dougiewatt58 at hotmail dot com"."""
    PATTERNS = [
        Pattern("digits said", rf"\b{DIGIT_WORDS}(?:[ \t,\-]+{DIGIT_WORDS}){{6,}}\b", 0.6),
        # a shorter number said with its cue: "my check number was four one seven", "two three seven
        # that was the number" (an old exchange's, a works number)
        Pattern("number said", rf"(?<=\bnumber[ \t]+(?:was|is|were)[ \t]+){DIGIT_WORDS}(?:[ \t,\-]+{DIGIT_WORDS}){{2,}}\b"
                rf"|\b{DIGIT_WORDS}(?:[ \t,\-]+{DIGIT_WORDS}){{2,}}(?=[ \t]+(?:that|which)[ \t]+(?:was|is)[ \t]+(?:the|my|our|his|her)"
                rf"[ \t]+number\b)", 0.6),
        # "b oshea at nnu dot org", "k dot brierley at st bedes rochdale dot sch dot uk"
        Pattern("address said", rf"\b(?!{SAID_BEFORE}\b)[a-z][a-z0-9_]*(?:[ \t.][a-z0-9_]+|[ \t]+dot[ \t]+[a-z0-9_]+)?[ \t]+at[ \t]+[a-z]+"
                rf"(?:[ \t]+(?!dot\b)[a-z]+){{0,2}}(?:[ \t]+dot[ \t]+[a-z]+)*[ \t]+dot[ \t]+{TLD}\b", 0.6),
    ]

    def __init__(self):
        super().__init__(supported_entity="CONTACT", name="SpokenContactRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE | re.IGNORECASE)


ACCOUNT_CUES = "|".join(lexicon.ACCOUNT_CUES)
# an account named before its user name: "the account bowsy_99", "username is", "her account,"
# (a comma only after a determiner: not "taking into account, COVID19"); detection reads it too
ACCOUNT_NAMED = (rf"\b(?:(?i:{ACCOUNT_CUES})(?:[ \t]+(?i:is|was|called|named|as))?|"
                 rf"(?i:my|his|her|their|our|your|the|an?)[ \t]+(?i:{ACCOUNT_CUES}),)[ \t]+")


DOTTED = r"(?<![\w.@/\-])[a-z]{1,12}\.(?:[a-z]['’\-])?[a-z]{3,}(?:-[a-z]{2,})?(?![\w@\-]|\.\w)"   # ("j.o'neill")


# a word of a handle said aloud: no small word of the sentence around it ("is at lotus nails ..."),
# after its cue ("at", "handle"; not a verb, "results underscore how")
SAID_WORD = r"(?!(?:%s)\b)[a-z0-9]+" % "|".join(lexicon.HANDLE_SAID_STOPS)
SAID_CUE = r"(?<=\b(?:%s)[ \t:]+)" % "|".join(lexicon.HANDLE_SAID_CUES)


class SocialHandleRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("handle", r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}\b", 0.8),
                # a user name without its @ where an account is named: "the account bowsy_99", "the
                # user account gpritchard.hh" (an underscore, digits after letters or a dot between
                # them: not "the account holder", "500mg", "3rd")
                Pattern("account name", rf"(?<={ACCOUNT_NAMED})"
                        r"(?=[A-Za-z0-9._]*(?:_|[A-Za-z]{2}\d|[a-z]\.[a-z]{2}))[A-Za-z0-9][A-Za-z0-9._]{2,29}(?<!\.)\b",
                        0.7),
                # a chat's user name, an initial or a first name and a surname: "r.whitmore",
                # "a.okonkwo-reid", "lowri.keast"
                Pattern("dotted user name", DOTTED, 0.6),
                # a chat profile's login name: "user_profile": {..., "name": "rlafreniere"}
                Pattern("profile login", r'(?<="user[_ ]profile"[ \t]*:[ \t]*\{[^{}]{0,400}"name"[ \t]*:[ \t]*")'
                        r'[a-z][a-z0-9._\-]{2,30}(?=")', 0.7),
                # a handle said aloud, as speech recognition writes it: "lotus nails underscore
                # bellaire" (two words at most before its first "underscore", none a small word)
                Pattern("handle said", rf"(?i){SAID_CUE}\b(?:{SAID_WORD}[ \t]+){{0,2}}{SAID_WORD}(?:[ \t]+(?:underscore|dot)[ \t]+"
                        rf"{SAID_WORD})*[ \t]+underscore[ \t]+{SAID_WORD}(?:[ \t]+(?:underscore|dot)[ \t]+{SAID_WORD})*\b", 0.6)]

    def __init__(self):
        super().__init__(supported_entity="SOCIAL_HANDLE", name="SocialHandleRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)

    def validate_result(self, pattern_text: str):  # noqa: D102
        """A dotted user name only where what follows the initial is a surname or no word
        ("j.osei"; not "p.m", "e.g", "a.much" of a typo, "ok.will", a file's extension)."""
        if pattern_text.rsplit(".", 1)[-1].lower() in lexicon.FILE_EXTENSIONS and "." in pattern_text:
            return False   # a file: "the account statement.pdf"
        if not re.fullmatch(DOTTED, pattern_text):
            return None
        head, rest = pattern_text.split(".", 1)
        if len(head) == 2 and words.is_common(head) or rest.lower() in lexicon.FILE_EXTENSIONS or \
                len(head) > 2 and head.title() not in names.first_names():
            return False   # "ok.will do", "notes_mk.txt", "www.bbc" (not a user name: "lowri.keast" is)
        rest = re.sub(r"^[a-z]['’\-]", "", rest).split("-")[0]   # ("o'neill", "o-connor": "neill", "connor")
        return rest.title() in names.last_names() or not words.is_common(rest)


KINDS = "|".join(re.escape(k) for k in sorted(lexicon.INSTITUTION_KINDS + lexicon.WHOLE_KINDS, key=len, reverse=True))
PREFIXES = "|".join(re.escape(k) for k in lexicon.INSTITUTION_PREFIXES)
WORD = r"\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*"   # a capitalised word, no initial
OFFICES = "|".join(lexicon.GENERAL_OFFICES)
LEGAL = "|".join(re.escape(f) for f in ("Ltd", "Limited", "LLP", "PLC", "plc", "Inc", "LLC", "CIC"))
# the kinds of body French, Spanish and Italian name first, and the words of a kind after them
ROMANCE_KINDS = "|".join(re.escape(k) for k in lexicon.ROMANCE_KINDS)
ROMANCE_QUALIFIERS = "|".join(re.escape(q).replace(r"\ ", r"[ \t]+") for q in lexicon.ROMANCE_QUALIFIERS)
PROPER = rf"(?:{NAME}|St\.?|Saint|[A-Z]{{2,5}}|\p{{Lu}}\p{{Ll}}+\p{{Lu}}\p{{Ll}}+)"   # names, acronyms, CamelCase


SURNAME_SYLLABLE = f"[{lexicon.KOREAN_SURNAMES}]"
KOREAN_TITLE = "|".join(lexicon.KOREAN_TITLES)
# (Hangul syllables only, not jamo; nothing Hangul before: "우리 목사님" is "our pastor")
NOT_AFTER_HANGUL = r"(?=[\uac00-\ud7a3])(?<![\uac00-\ud7a3])"   # (a Hangul syllable first: quick to fail on English)
# what a Korean noun carries after it: "한빛교회에서", "새빛한국학교는"
KOREAN_PARTICLE = "(?:%s)?" % "|".join(lexicon.KOREAN_PARTICLES)


class KoreanNameRecognizer(PatternRecognizer):
    """Korean names written in Hangul, which the English model cannot read: a surname and a
    given name before a title ("김영자 권사", "유경애 선생님"; not "유치부 선생님", a department's
    teacher) or after "my name is" ("제 이름은 정창수입니다"); a surname alone before a title
    ("최 집사님", "최목사님", "이목사님"; not "이 선생님", this teacher)."""
    PATTERNS = [
        Pattern("name title", rf"{NOT_AFTER_HANGUL}(?!{'|'.join(lexicon.KOREAN_NOT_NAMES)}){SURNAME_SYLLABLE}"
                rf"[\uac00-\ud7a3]{{2}}(?<![{lexicon.KOREAN_NOT_GIVEN_ENDS}])(?=[ ]?(?:{KOREAN_TITLE}))", 0.7),
        Pattern("name said", rf"(?=[\uac00-\ud7a3])(?<=이름은[ ]|이름이[ ]){SURNAME_SYLLABLE}[\uac00-\ud7a3]{{1,2}}"
                rf"(?=입니다|이에요|예요|이고|이라고|라고|[ .,])", 0.7),
        Pattern("surname title", rf"{NOT_AFTER_HANGUL}(?:(?!이){SURNAME_SYLLABLE}(?=[ ]?(?:{KOREAN_TITLE}))"
                rf"|이(?=(?:{KOREAN_TITLE})))", 0.6),
    ]

    def __init__(self):
        super().__init__(supported_entity="PERSON", name="KoreanNameRecognizer", patterns=self.PATTERNS)


class KoreanBodyRecognizer(PatternRecognizer):
    """A church, a school, a congregation's group named in Hangul ("한빛교회", "새빛한국학교",
    "갈렙 청년부"; not "장로교회", a Presbyterian church, nor "한국학교", a Korean school)."""
    PATTERNS = [
        Pattern("name kind", rf"{NOT_AFTER_HANGUL}[\uac00-\ud7a3]{{1,6}}(?:{'|'.join(lexicon.KOREAN_BODY_ENDS)})"
                rf"(?={KOREAN_PARTICLE}(?![\uac00-\ud7a3]))", 0.6),
        Pattern("name group", rf"{NOT_AFTER_HANGUL}[\uac00-\ud7a3]{{2,4}}[ ](?:{'|'.join(lexicon.KOREAN_GROUPS)})"
                rf"(?={KOREAN_PARTICLE}(?![\uac00-\ud7a3]))", 0.6),
    ]

    def __init__(self):
        super().__init__(supported_entity="ORGANIZATION", name="KoreanBodyRecognizer", patterns=self.PATTERNS)

    def invalidate_result(self, pattern_text: str) -> bool:
        if pattern_text.endswith(lexicon.KOREAN_GROUPS) and " " not in pattern_text:
            return True   # a group's word read as a church: "남선교회", a men's mission society
        stem = pattern_text.split(" ")[0]
        for end in lexicon.KOREAN_BODY_ENDS:
            stem = stem.removesuffix(end)
        for word in lexicon.KOREAN_GENERIC:   # ("새롬장로교회": "새롬" is its name)
            stem = stem.removesuffix(word)
        return len(stem) < 2 or stem in lexicon.KOREAN_GENERIC   # ("신학교", a seminary; "중학교")


class InstitutionRecognizer(PatternRecognizer):
    """Institutions by their kind word: "Truman Medical Center", "University of Kansas",
    "St. Luke's Hospital", "Lincoln High School"."""
    PATTERNS = [
        # (not a person after "for": "Girlington Pharmacy for Mr Chaudhry")
        Pattern("X kind", rf"\b(?:{PROPER}['’]?s?[ \t]+(?:(?:and|&)[ \t]+)?){{1,4}}(?:{KINDS})(?:[ \t]+(?:of|for)[ \t]+"
                rf"(?!(?:{TITLES})\b){NAME}"
                rf"(?:[ \t]+{NAME}){{0,2}})?\b", 0.7),
        # a dedication names a parish, school or hospital without a kind word
        Pattern("dedication", rf"\bOur[ \t]+Lady[ \t]+(?:Queen[ \t]+)?of[ \t]+(?:the[ \t]+)?{NAME}"
                rf"(?:[ \t]+(?:of[ \t]+)?{NAME}){{0,2}}\b", 0.7),
        # ("University at Buffalo"; not a department at a hospital: "General Surgery at St Cuthbert's")
        Pattern("kind of X", rf"\b(?:(?:{KINDS})[ \t]+of|University[ \t]+at)[ \t]+(?:the[ \t]+)?{NAME}"
                rf"(?:[ \t]+{NAME}){{0,3}}\b", 0.7),
        # a hospital called by its name and "General": "the Jewish General", "at Mass General"
        # (not an office: "the Attorney General")
        Pattern("X General", rf"(?<=\b(?:the|at|to|from|in|into)[ \t]+)(?:(?!(?:{OFFICES})\b){WORD}[ \t]+){{1,2}}"
                rf"General\b(?![ \t]+\p{{Lu}})", 0.6),
        Pattern("kind X", rf"\b(?:{PREFIXES})[ \t]+{NAME}(?:[ \t]+{NAME}){{0,2}}\b", 0.7),
        Pattern("workmen's hall", rf"\b{ent.WORKMENS.pattern}\b", 0.6),
        Pattern("U of X", rf"\b{ent.U_OF.pattern}\b(?![.'’]\p{{L}})", 0.7),
        # a family firm: "Joseph Sowden and Sons", "Jory & Sons", "Patel Bros."
        Pattern("X and Sons", rf"\b{NAME}(?:[ \t]+{NAME}){{0,2}}[ \t]+(?:and|&)[ \t]+(?:Sons|Son|Daughters|Brothers)\b"
                rf"|\b{NAME}(?:[ \t]+{NAME}){{0,2}}[ \t]+Bros\b\.?", 0.7),
        # a body named in French or Spanish, its kind first and in lower case after it: "Centre
        # hospitalier Delorme-Vachon", "CH régional Saint-Lambert-de-l'Estuaire", "Hôpital de la Cité"
        Pattern("kind de X", rf"\b(?:{ROMANCE_KINDS})(?:[ \t]+(?:{ROMANCE_QUALIFIERS}))?[ \t]+"
                rf"(?:(?:de[ \t]+la|de|du|des|del|de[ \t]+los|de[ \t]+las)[ \t]+|(?:de[ \t]+)?[dl]['’])?{NAME}"
                rf"(?:[ \t]+(?:(?:de|del|di)[ \t]+)?{NAME}){{0,3}}\b",
                0.7),
        # a company with a comma before its legal form: "Pacific Crest Distribution, LLC" (not a
        # word before another, "PUNJABI SPEAKER, LIMITED ENGLISH" of a police log)
        Pattern("X, Inc", rf"\b(?:{PROPER}[ \t]+){{0,3}}{PROPER},[ \t]+(?:{LEGAL})\b(?![ \t]+\p{{L}})", 0.7),
        # a trade union's branch, called by its number: "Local 2417", "LOCAL 2417" of a letterhead
        # (inside a line, after a union's name, a comma or a dash: not "Local 24 hour shops", "The
        # Local 2019 elections" nor "Local 5 news")
        Pattern("union local", r"(?<=[\p{L},\-–][ \t]{1,3})(?:Local|LOCAL)[ \t]+(?!(?:19|20)\d\d\b)\d{3,5}\b(?![.,]\d)",
                0.6),
        # a company with its region in brackets before its legal form: "Sapphire Homes (NW) Ltd"
        Pattern("X (region) Ltd", rf"\b{WORD}(?:[ \t]+{WORD}){{0,3}}[ \t]+\([A-Z][A-Za-z]{{0,11}}\)[ \t]+"
                rf"(?:{LEGAL})\b", 0.7),
    ]

    def __init__(self):
        super().__init__(supported_entity="ORGANIZATION", name="InstitutionRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


class NameListRecognizer(EntityRecognizer):
    """A first name from the name lists of many countries, with the initials and surnames
    written after it. Capitalised ("Todd", "Szabina J Gelencsér"): a first name that is not
    an everyday word. In lower case, as speech recognition and quick typing leave names
    ("aksel kristensen", "benjamin a seiler"): one in no dictionary, with a low score."""

    PARTICLES = lexicon.NAME_PARTICLES
    SCORE_LOWER_CASE, SCORE_WITH_SURNAME, SCORE_FIRST_NAME = 0.45, 0.6, 0.5
    # in lower case, a word said this often (Zipf) is that word before an unknown one, not a
    # first name: "i already said mikaere" (not "grace beaumont", "hope okafor")
    MOST_SAID = 5.7
    CASED = (regex.compile(r"(?<![\w'’@.])\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?(?![\w@])"),
             # (the next word of a name is a space or two away, not a column: "Tomasz   DOB"; a word
             # with a digit is none: "Joyce Nakamura P07")
             regex.compile(r"[ ]{1,2}(\p{Lu}(?:\.|(?![\w'’]))|\p{Lu}[\p{L}\p{M}'’\-]+(?![\w'’])|(?:%s)(?=[ \t]+\p{Lu}))"
                        % "|".join(PARTICLES)))
    LOWER = (re.compile(r"(?<![\w'’@.\-])[a-zß-öø-ÿ][a-zß-öø-ÿ'’\-]{2,}(?![\w@])"),
             re.compile(r"[ ]{1,2}([a-z]\.?(?![\w'’])|[a-zß-öø-ÿ][\w'’\-]+)"))

    def __init__(self, lower: bool = False):
        self.lower = lower
        super().__init__(supported_entities=["PERSON"], supported_language="en",
                         name="LowerCaseNameRecognizer" if lower else "GivenNameRecognizer")

    def load(self) -> None:  # noqa: D102
        pass

    def _first(self, w: str, first) -> bool:
        if ent.is_stop_word(w):
            return False
        if self.lower:  # a name nobody writes as a word: not "sim", "will", "mark"
            return w.title() in first and (not words.is_common(w) or words.is_rare(w)) and words.frequency(w) < 3.5
        # (not "Mar" of "5 Mar 2024", "Sat" of a date)
        return w in first and not words.is_everyday(w) and w not in lexicon.DATE_ABBREVIATIONS

    def _more(self, w: str, last, after_particle: bool = False, first: str = "") -> bool:
        if w == ("i" if self.lower else "I"):
            return False   # the pronoun, not an initial: "before Ramadan I do a talk", "with aroha i do"
        if len(w.rstrip(".")) == 1 or w.lower() in self.PARTICLES:
            return True
        if w in lexicon.ACRONYMS:
            return False   # a credential after the name: "Consolata Wambui RMN"
        if not self.lower and (after_particle or words.is_rare(w)) and not ent.is_stop_word(w):
            return True   # a capitalised word after a first name that hardly anyone uses: "Lara Pottinger"
        # (capitalised, a surname that is an everyday word too: "Emyr Price", "Gwen Hall"; not a
        # verb a person does, "when Lara Said no")
        if w[:1].isupper() and word_surname(w.lower()) and not words.is_common(first):
            return True   # a word said seldom, capitalised after a first name no word is: "Dennis
            # Couch" (not "Dawn Chorus")
        return (w.title() in last and (self.lower or not words.is_everyday(w) or w[0].isupper() and
                                       not ent.is_stop_word(w) and w.lower() not in lexicon.MONTHS_DAYS
                                       and w.lower() not in lexicon.PERSON_DOES)) or not words.is_common(w)

    def _said_as_name(self, text: str, m, first) -> bool:
        """A first name that is an everyday word, said as a name: "Jack in Year 2 and
        Summer's just started", "then Ray gets a late mark" (see entity.said_as_name)."""
        w = m.group()
        return not self.lower and w in first and not ent.is_stop_word(w) and \
            w.lower() not in lexicon.MONTHS_DAYS and w not in lexicon.DATE_ABBREVIATIONS and \
            ent.said_as_name(text, m.start(), m.end())

    def _before_surname(self, text: str, m, first, last, more, cased: bool) -> bool:
        """A first name that is an everyday word before a surname that is none: "grace
        beaumont", "Rose Okafor" (not "will smith", "Hope Street", nor, in a text with capitals,
        two words written as one that no one is called, "north breakroom"; speech recognition
        writes "whitebird" so)."""
        w = m.group()
        if w.title() not in first or ent.is_stop_word(w) or w in lexicon.DATE_ABBREVIATIONS or \
                self.lower and (words.frequency(w) > self.MOST_SAID or w in lexicon.FAMILY_RELATIONS):
            return False   # (nor a relation before a name: "my son aram", not Son Aram)
        t = more.match(text, m.end())
        if not t or len(t.group(1)) < 3:
            return False
        surname = t.group(1)
        if any(p in lexicon.CLINICAL_WORDS for p in [surname.lower()] + surname.lower().split("-")):
            return False   # "oral co-amoxiclav"
        return surname.lower() not in words.dictionary() and not words.is_inflection(surname) and \
            not words.is_everyday(surname) and not (cased and words.everyday_compound(surname) and surname.title() not in last) and \
            (surname.title() in last or words.frequency(surname) < words.MODERN + 0.2)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        first, last = names.first_names(), names.last_names()
        word, more = self.LOWER if self.lower else self.CASED
        out, end = [], -1
        cased = self.lower and not is_uncased(text)   # (a text with capitals, read for names in lower case)
        for m in word.finditer(text):
            if m.start() < end or ent.in_dialect(text, m.start(), m.end()):
                continue   # ("Inna" of a creole's "Inna London!", not of "Inna said")
            e, n, prev = m.end(), 0, ""
            said = False
            if not self._first(m.group(), first):
                said = self._said_as_name(text, m, first)
                if not said and not self._before_surname(text, m, first, last, more, cased):
                    continue
                e, n = (e, 0) if said else (more.match(text, e).end(), 1)   # the surname that makes it a name
            # (no surname after a possessive: "Emmie Ström's Cautionary Tales")
            while n < 3 and not text.endswith(("'s", "’s"), 0, e) and (t := more.match(text, e)) and \
                    self._more(t.group(1), last, prev in self.PARTICLES, m.group()):
                e, n, prev = t.end(), n + 1, t.group(1).lower()
            if n == 0 and not self.lower and not said and words.written_lower(m.group()) and \
                    not self._said_as_name(text, m, first):
                continue   # alone, a first name that is also a word is that word: "Oral History"
            end = e
            score = self.SCORE_LOWER_CASE if self.lower else self.SCORE_WITH_SURNAME if n else self.SCORE_FIRST_NAME
            out.append(RecognizerResult("PERSON", m.start(), e, score,
                                        recognition_metadata={"recognizer_name": self.name}))
        return out


def all_recognizers() -> list:
    return [OfflineEmailRecognizer(), TitledPersonRecognizer(), NameContextRecognizer(), ChatSenderRecognizer(),
            AddressRecognizer(),
            NameListRecognizer(), NameListRecognizer(lower=True), IdentifierNumberRecognizer(),
            ReferenceNumberRecognizer(), PostcodeRecognizer(), SpokenContactRecognizer(), SocialHandleRecognizer(),
            InstitutionRecognizer(), KoreanNameRecognizer(), KoreanBodyRecognizer()]
