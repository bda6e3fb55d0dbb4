"""Every word list veil uses to find and replace identifiers, in one place, loaded once.

Lists from outside veil (the name lists of Faker's locales, the GCIDE dictionary, word
frequencies) are read by `names` and `words`; everything written by hand is here.
"""
from __future__ import annotations

# ---------------------------------------------------------------- people
TITLE_WORDS = frozenset({
    "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "dean", "nurse", "sister",
    "brother", "father", "pastor", "rev", "reverend", "rabbi", "imam", "coach", "judge", "officer",
    "sergeant", "captain", "aunt", "auntie", "uncle", "grandma", "grandpa", "nana", "papa",
    "chaplain", "provost", "chancellor", "president", "senator", "mayor", "sir", "madam", "lady", "lord",
    # family words NER takes for names ("Mom said", "Dad")
    "mom", "dad", "mum", "mama", "mommy", "daddy", "granny", "grandmother", "grandfather"})
# titles written before a surname ("Dr. Marsh"); the others take a first name ("Aunt Rose")
SURNAME_TITLES = frozenset({
    "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "dean", "judge", "officer",
    "sergeant", "captain", "senator", "mayor", "president", "provost", "chancellor", "coach", "rev",
    "reverend", "nurse"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "sister", "aunt", "auntie", "grandma", "nana", "madam", "lady"})
MALE_TITLES = frozenset({"mr", "brother", "father", "uncle", "grandpa", "papa", "sir", "lord"})
# titles the title recognizer takes before a name, as written
TITLES_WRITTEN = ("Dr", "Doctor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Dean", "Nurse", "Sister",
                  "Brother", "Father", "Pastor", "Rev", "Reverend", "Rabbi", "Imam", "Coach", "Judge", "Officer",
                  "Sergeant", "Captain", "Auntie", "Aunt", "Uncle", "Grandma", "Grandpa", "Nana", "Papa",
                  "Chaplain", "Provost", "Chancellor", "President", "Senator", "Mayor")
# relations and roles after which a capitalised word is a name: "my sister Faith"
RELATIONS = ("sister", "brother", "mom", "mum", "mother", "dad", "father", "son", "daughter", "wife", "husband",
             "partner", "boyfriend", "girlfriend", "fiancé", "fiancée", "friend", "cousin", "aunt", "uncle", "niece",
             "nephew", "grandma", "grandpa", "grandmother", "grandfather", "colleague", "classmate", "roommate",
             "mentor", "preceptor", "attending", "supervisor", "boss", "manager", "advisor", "adviser", "chair",
             "director", "resident", "intern", "student", "patient", "neighbor", "neighbour", "coworker",
             "co-worker", "nurse", "teacher", "coach", "therapist", "counselor", "counsellor", "pastor")
# words after which an ordinary lower-case word that is also a first name is a name
NAME_CUES = ("named", "called", "dr", "doctor", "nurse", "mr", "mrs", "ms", "miss", "pastor", "father", "sister",
             "brother", "friend", "cousin", "manager", "supervisor", "boss", "husband", "wife", "partner", "son",
             "daughter", "mom", "dad", "aunt", "uncle", "coworker", "co-worker", "neighbor", "neighbour",
             "colleague", "roommate")
# speaker labels that name a role, not a person ("Interviewer:", "S1:", "Speaker 2")
ROLE_LABELS = frozenset({
    "interviewer", "interviewee", "respondent", "participant", "moderator", "facilitator", "researcher",
    "speaker", "unknown speaker", "unknown", "host", "co-host", "note-taker", "notetaker", "observer",
    "translator", "interpreter", "child", "parent", "mother", "father", "patient", "nurse", "doctor",
    "clinician", "caregiver", "carer", "student", "teacher", "chair", "secretary", "q", "a", "int", "resp",
    "i", "r", "p", "all", "group", "audience", "several", "multiple", "crosstalk", "narrator"})

# ---------------------------------------------------------------- dates
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_DAYS = frozenset(w.lower() for w in MONTHS + DAYS)
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

# ---------------------------------------------------------------- institutions
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
GENERIC_WORDS = frozenset({
    "university", "college", "school", "medicine", "medical", "center", "centre", "hospital",
    "clinic", "church", "health", "healthcare", "sciences", "hospice", "institute", "academy",
    "high", "middle", "elementary", "community", "department", "law", "free", "building",
    "foundation", "library", "museum", "seminary", "cathedral", "mosque", "synagogue", "temple",
    "pharmacy", "nursing",
    "the", "of", "and", "for", "at", "in", "st", "st.", "&", "'s", "’s"})
# kinds of institution outside the words every pseudonym keeps: swapped for a like kind,
# "Lattimer's Bakery" -> "Hillcrest Market", "Loess Hills Community College" -> "… Academy"
KIND_GROUPS = (
    ("College", "Academy", "Institute", "Polytechnic"),
    ("Elementary", "Primary", "Grade School"),
    ("Bakery", "Pharmacy", "Hardware", "Market", "Grocery", "Store", "Shop", "Deli", "Diner", "Cafe",
     "Café", "Salon", "Supermarket", "Drugstore", "Boutique", "Bookstore", "Florist", "Butcher"),
    ("Foundation", "Trust", "Fund"),
    ("Library", "Archive"),
    ("Museum", "Gallery"),
    ("Theatre", "Theater", "Playhouse", "Repertory", "Stage"),
    ("Community", "Regional", "Memorial", "General"),
    ("Staffing", "Recruiting", "Placement"),
)
BUSINESS_SUFFIXES = ("Inc", "LLC", "Ltd", "Group", "Partners", "Associates", "Company", "Corporation",
                     "Corp", "Co", "PLC", "GmbH", "Sons", "Holdings", "Technologies", "Software", "Systems",
                     "Solutions", "Services", "Industries", "Enterprises", "Ventures", "Labs", "Media",
                     "Consulting", "Logistics", "Transit", "Lines", "Analytics", "Networks")

# ---------------------------------------------------------------- places and addresses
STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "court", "ct",
    "place", "pl", "terrace", "way", "parkway", "highway", "circle", "square", "trail", "row", "close",
    "crescent", "plaza", "alley", "apt", "apartment", "suite", "unit", "floor", "box", "po"})
# street types swapped for one another in pseudonyms
STREET_TYPES = ("Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Way", "Boulevard", "Terrace",
                "Crescent", "Close", "Parkway", "Circle", "Square", "Trail", "Row", "Highway", "Plaza", "Alley")
UNIT_TYPES = ("Apt.", "Suite", "Unit", "Flat", "Floor", "Room")
BOX_TYPES = ("Box", "Drawer", "Bag")
# street words after a name, in the address recognizer ("Larkin Avenue", "12 Oak Mews")
STREET_SUFFIXES = (
    "Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court",
    "Ct", "Place", "Pl", "Terrace", "Way", "Parkway", "Pkwy", "Highway", "Hwy", "Circle", "Cir", "Square", "Sq",
    "Trail", "Row", "Close", "Crescent", "Plaza", "Alley", "Loop", "Pike", "Crossroad", "Crossing", "Gardens",
    "Green", "Hill", "Hills", "Park", "Point", "Ridge", "Run", "Walk", "View", "Heights", "Junction", "Mall",
    "Mews", "Path", "Port", "Route", "Station", "Summit", "Valley", "Estates", "Flats", "Fork", "Glen", "Grove",
    "Harbor", "Haven", "Island", "Landing", "Meadow", "Meadows", "Mill", "Mills", "Oval", "Pass", "Rapids",
    "Shore", "Shores", "Spring", "Springs", "Stream", "Track", "Trace", "Turnpike", "Underpass", "Union",
    "Ville", "Vista", "Wells")
# the street words that make a named street without a number ("Pacific Street")
NAMED_STREET_WORDS = ("Street", "St.", "Avenue", "Ave.", "Road", "Boulevard", "Blvd.", "Lane", "Drive", "Parkway",
                      "Highway")
# street words written before the name in other languages ("Via Roma 131")
STREET_PREFIXES = ("Rua", "Via", "Viale", "Avenida", "Avda.", "Av.", "Rue", "Calle", "C/", "ul.", "Piazza",
                   "Piazzetta", "Plaza", "Praça", "Strada", "Largo", "Travessa", "Paseo", "Camino", "Carrer",
                   "Boulevard", "Chemin", "Allée", "Place", "Platz", "Ulica", "Aleja", "Corso")
# street words that end the name in many languages: Koskikatu, Loorenstrasse, Parijsstraat
STREET_TAILS = ("katu", "kuja", "tie", "vej", "gade", "gata", "gatan", "vägen", "veien", "vegen", "straat",
                "strasse", "straße", "gasse", "weg", "laan", "plein", "braut", "stræde", "stien", "sgata",
                "utca", "u.", "ulice", "tér", "väg", "torget")
# words of addresses and place names in other languages, swapped for a like word
PLACE_GROUPS = (
    ("Via", "Rua", "Rue", "Calle", "Avenida", "Viale", "Corso", "Ulica", "Chemin", "Carrer", "Paseo"),
    ("de", "da", "do", "du", "di", "del", "della", "delle", "dei", "des", "dos", "das", "la", "le", "van",
     "von", "der", "den", "ten", "ter", "u", "z", "nad", "pod"),
)
NAME_PARTICLES = ("van", "von", "de", "da", "di", "ten", "ter", "le", "la", "del", "der")
# words before a place name that are not part of it ("Northern Chicago" -> "Chicago")
DIRECTIONS = ("Southern", "Northern", "Eastern", "Western", "Central", "Upper", "Lower", "Greater", "Downtown")
# prepositions before a capitalised word that make it a place or institution ("at UMKC")
PLACE_PREPOSITIONS = ("in", "at", "from", "to", "near", "of")
ACRONYM_CUES = ("at", "from", "to", "in", "joined", "attended", "left", "with", "for", "near", "of")

# ---------------------------------------------------------------- never replaced
# identify no one, though NER likes to tag them
DEFAULT_ALLOW = (
    "Zoom", "Teams", "Skype", "Slack", "Webex", "FaceTime", "Outlook", "Gmail", "COVID", "COVID-19", "Covid",
    "AAMC", "ACGME", "LCME", "USMLE", "MCAT", "NIH", "CDC", "FDA", "ICU", "NICU", "PICU", "EMR", "EHR", "Epic",
    "Medicare", "Medicaid", "PGY", "Google", "Facebook", "Instagram", "Twitter", "YouTube", "TikTok",
    "WhatsApp", "Interviewer", "Respondent", "Participant", "Moderator", "Okay", "OK", "Yeah", "Um", "Uh",
    "Mm", "Hmm", "God", "Christmas", "Thanksgiving", "Easter", "Ramadan", "English", "Spanish", "American",
    "IBAN", "SSN", "ATM", "PIN", "TV", "ID", "DOB", "ASAP", "CEO", "HR", "PhD", "MD", "RN", "GP", "ER", "OR",
    "USA", "UK", "FAQ", "PDF", "URL", "SMS", "GPS", "AI",
    # conditions named after people
    "Alzheimer's", "Alzheimer", "Parkinson's", "Parkinson", "Crohn's", "Asperger's", "Tourette's",
    "Huntington's", "Down syndrome", "Hodgkin's", "Cushing's", "Addison's", "Graves'", "Hashimoto's",
    "Lou Gehrig's", "Bell's palsy", "Apgar")
