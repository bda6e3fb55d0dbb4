"""Every word list veil uses to find and replace identifiers, in one place, loaded once.

Lists from outside veil (the name lists of Faker's locales, the GCIDE dictionary, word
frequencies) are read by `names` and `words`; everything written by hand is here.
"""
from __future__ import annotations

from functools import lru_cache

# ---------------------------------------------------------------- people
# how people are addressed in other languages and communities, before a first name or a
# surname ("Pani Agnieszka", "Mummy Funmi", "Doña Chela", "Ông Tiến", "Matron Heseltine")
HONORIFICS = ("Pani", "Pan", "Ksiądz", "Deaconess", "Doña", "Señora", "Señor", "Mummy", "Aunty", "Matron", "Alhaji",
              "Alhaja", "Ông", "Bà", "Madame", "Monsieur", "Whaea", "Koro", "Kuia", "Puan", "Encik", "Datin", "Datuk",
              "Kuya", "Chú", "Cô", "Bác", "Dì", "Cậu", "Mợ", "Thím", "Chị", "Múinteoir",
              # of East Africa and of a mosque: an elder, a parent of twins, a teacher, a scholar
              "Mzee", "Ssalongo", "Nnalongo", "Bwana", "Hajia",
              # written short in French and Spanish: "Mme Laframboise", "Sra. Ruiz"
              "Mme", "Mlle", "Sra", "Srta",
              # of Singapore and Malaysia: a married woman, written short ("Mdm Goh"; not "Don", a
              # Spanish elder's title but an English first name)
              "Mdm",
              # of South Africa and the Philippines: a grandfather, a brother, a sister, a father, an
              # elder sister or brother ("Ntate Molefe", "Manang Cora"); not those that are somebody's
              # name or a town too ("Gogo", "Sisi", "Bra", "Tita"): a title is kept, a name must not
              # be; nor "Ate", a verb opening a note's sentence ("Ate Chinese food with Hannah")
              "Mkhulu", "Bhuti", "Abuti", "Ausi", "Ntate", "Manang", "Manong",
              # of First Nations, Aboriginal and Native American communities, and of some churches:
              # "Elder Agnes Williams" (a surname too: "Mr Elder")
              "Elder")
HONORIFICS_LOWER = frozenset(h.lower() for h in HONORIFICS)
# ... those that are surnames too, which a title must not make generic: "Dr Pan", "Wei Pan"
HONORIFIC_SURNAMES = frozenset({"pan", "pani"})
HONORIFICS_FEMALE = frozenset({"pani", "deaconess", "doña", "señora", "mummy", "aunty", "matron", "alhaja", "bà",
                               "madame", "whaea", "kuia", "puan", "datin", "cô", "dì", "mợ", "thím", "chị", "nnalongo",
                               "hajia", "mme", "mlle", "sra", "srta", "mdm"})
HONORIFICS_MALE = frozenset({"pan", "ksiądz", "señor", "alhaji", "ông", "monsieur", "koro", "encik", "datuk", "kuya",
                             "chú", "cậu", "mzee", "ssalongo", "bwana"})
TITLE_WORDS = frozenset({
    "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "dean", "nurse", "sister",
    "brother", "father", "pastor", "rev", "reverend", "rabbi", "imam", "coach", "judge", "officer",
    "sergeant", "captain", "aunt", "auntie", "uncle", "grandma", "grandpa", "nana", "papa",
    "chaplain", "provost", "chancellor", "president", "senator", "mayor", "sir", "madam", "lady", "lord",
    "cllr", "councillor", "fr", "revd", "canon", "deacon", "sgt", "inspector", "detective", "constable",
    "justice", "pc", "pcso", "dc", "dci",
    # ranks of a prison's officers and of a sheriff's: "Lt. Boyce", "Warden Hale" (a corrections
    # officer's "CO" is no title word: "CO" is Colorado too, see entity.trim)
    "lt", "lieutenant", "warden", "cpl", "corporal", "deputy", "trooper",
    # family words NER takes for names ("Mom said", "Dad")
    "mom", "dad", "mum", "mama", "mommy", "daddy", "granny", "grandmother", "grandfather", "nanny",
    # how a wife is called, and "Mrs" said aloud ("the missus", "Missus Hanley")
    "missus"}) | \
    frozenset(w.lower() for w in ("Dyrektor", "Apostle", "Evangelist", "Prophet", "Chú", "Chị", "Tía", "Tío", "Dre")) | \
    (HONORIFICS_LOWER - HONORIFIC_SURNAMES)   # (not "Bishop", "Sheikh", "Pan": surnames)
# titles written before a surname ("Dr. Marsh"); the others take a first name ("Aunt Rose")
SURNAME_TITLES = frozenset({
    "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "dean", "judge", "officer",
    "sergeant", "captain", "senator", "mayor", "president", "provost", "chancellor", "coach", "rev",
    "reverend", "nurse", "cllr", "councillor", "sgt", "inspector", "detective", "constable", "justice", "dre"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "sister", "aunt", "auntie", "grandma", "nana", "madam", "nanny", "missus",
                           "lady"}) | HONORIFICS_FEMALE
MALE_TITLES = frozenset({"mr", "brother", "father", "fr", "uncle", "grandpa", "papa", "sir", "lord"}) | HONORIFICS_MALE
# titles the title recognizer takes before a name, as written
# police ranks written before a name, and before an officer's collar number ("PC 4471 Dunmore")
# titles a hard-wrapped judgment or letter leaves at a line's end, its name on the next
# ("Mr\n    Tranter"); not a post that ends a line of a signature ("Officer\nExt. 3174")
WRAPPED_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Judge", "Cllr", "Councillor",
                  "Rev", "Revd", "Sir", "Dame", "Lord", "Lady")
POLICE_RANKS = ("PC", "PCSO", "DC", "DCI", "DS", "DI", "Sgt", "Constable")
TITLES_WRITTEN = ("Dr", "Doctor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Dean", "Nurse", "Sister",
                  "Brother", "Father", "Pastor", "Rev", "Reverend", "Rabbi", "Imam", "Coach", "Judge", "Officer",
                  "Sergeant", "Captain", "Auntie", "Aunt", "Uncle", "Grandma", "Grandpa", "Nana", "Papa",
                  "Chaplain", "Provost", "Chancellor", "President", "Senator", "Mayor", "Cllr", "Councillor", "Fr",
                  "Revd", "Canon", "Deacon", "Inspector", "Detective", "Justice", "Dre") + POLICE_RANKS + HONORIFICS
# short words written with a capital that are nobody's short name: kin, abbreviations, sounds
NOT_SHORT_NAMES = frozenset({"ma", "pa", "da", "mam", "nan", "gran", "bro", "sis", "sir", "st", "mt", "jr", "sr", "rd",
                             "no", "vs", "etc", "aw", "ah", "eh", "oi", "uh", "um", "erm", "hm", "mm", "mhm", "ooh",
                             "ugh", "yep", "nah", "nope", "ta", "hiya", "bye", "tho", "lol", "omg", "btw", "pls",
                             "thx", "ty", "re", "fwd", "cc", "pm", "am", "ft", "lb", "kg", "cm", "mm", "ml", "hr",
                             "min", "sec", "wk", "yr", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "ja",
                             "si", "sí", "aye", "ay", "na", "nae", "oui", "non", "nee", "och", "ach", "yo", "ya",
                             "yah", "yeh", "ha", "heh", "huh", "mmm", "shh", "aah", "wow", "bah", "meh", "ne", "ni",
                             "nu", "da", "jo", "ok", "ooh", "eek", "yay", "boo", "oof", "hun", "hen", "cuz", "bab",
                             "pal", "bae", "pet", "fam", "bub", "gov", "guv", "opa", "oma", "mum", "mom", "dad",
                             "doc", "luv", "lad", "kid", "bud", "son", "sir", "all", "guys", "ya'll", "yall"})
# laughter that opens a sentence after a name NER read on into: "more like Jun. Ha!"
LAUGHS = frozenset({"ha", "haha", "hah", "hahaha", "lol"})
# possessives before a first name, never part of it ("My Siân"; but "My Tran", a first name "My")
POSSESSIVES = ("my", "your", "his", "her", "our", "their")
# the small words of a sentence around a handle said aloud: "the Instagram is at lotus nails underscore ..."
HANDLE_SAID_STOPS = ("is", "at", "on", "the", "us", "me", "my", "our", "and", "or", "it", "to", "of", "a", "an", "in",
                     "underscore", "dot")
# what a handle said aloud comes after: "the Instagram is at lotus nails underscore bellaire"
HANDLE_SAID_CUES = ("at", "is", "handle", "instagram", "insta", "tiktok", "facebook", "account", "username", "page")
# exams, not names, in the capitals of an export: "Y3 SUMMATIVE 2024"
EXAM_WORDS = ("Summative", "Formative")
# the trades a Welsh village calls a man by, after his surname: "Jones the Milk", "Evans the
# Coffins" (the pseudonym's: another of them)
EPITHETS = ("Milk", "Post", "Shop", "Bread", "Coal", "Bus", "Fish", "Meat", "Chapel", "Garage", "Paper", "Coffins",
            "Oil", "Taxi", "Butcher", "Baker", "Cobbler", "Barber", "Station", "Pop", "Chips", "Insurance", "Pit")
# words said of a person before the name, no part of it: "young emyr", "poor ruthie", "Big Shug"
SAID_OF_PEOPLE = ("young", "old", "little", "big", "wee", "poor", "dear", "auld", "late", "baby")
# relations and roles after which a capitalised word is a name: "my sister Faith"
RELATIONS = ("sister", "brother", "mom", "mum", "mother", "dad", "father", "son", "daughter", "wife", "husband",
             "partner", "boyfriend", "girlfriend", "fiancé", "fiancée", "friend", "cousin", "aunt", "uncle", "niece",
             "nephew", "grandma", "grandpa", "grandmother", "grandfather", "colleague", "classmate", "roommate",
             "mentor", "preceptor", "attending", "supervisor", "boss", "manager", "advisor", "adviser", "chair",
             "director", "resident", "intern", "student", "patient", "neighbor", "neighbour", "coworker",
             "co-worker", "nurse", "teacher", "coach", "therapist", "counselor", "counsellor", "pastor",
             "grandson", "granddaughter", "grandchild", "nan", "nanny",
             # te reo Māori: a grandchild (said in New Zealand English: "my moko Ari")
             "moko", "mokopuna")
# the words joining a name to the father's, as Malay, Arab and Tamil names write them:
# "Siti Hajar binti Rahmat", "Rajesh s/o Krishnan", "Muthu a/l Raman"
PATRONYMIC_MARKERS = ("bin", "binti", "bint", "ibn", "s/o", "d/o", "a/l", "a/p")
# a family's relations, said after whose they are: "Daniel's wife Sora" (not "Alzheimer's
# patient Group", "the Trust's director General")
FAMILY_RELATIONS = ("sister", "brother", "mom", "mum", "mother", "dad", "father", "son", "daughter", "wife",
                    "husband", "partner", "boyfriend", "girlfriend", "fiancé", "fiancée", "cousin", "aunt", "uncle",
                    "niece", "nephew", "grandma", "grandpa", "grandmother", "grandfather", "grandson",
                    "granddaughter", "stepson", "stepdaughter")
# words of another language's grammar that open its sentences and are nobody's first name:
# NER reads them into the name after them ("Para Lupita, quiero que...")
# words of another language's grammar that are names too, said far more often as the word:
# "Ella me mandó a terapia" (she), "Bueno, pues..." (well), "Elle dit" (she)
GRAMMAR_NAMES = frozenset({"Ella", "Elle", "Bueno", "Claro", "Vale", "Nada"})
GRAMMAR_OPENERS = frozenset({"Para", "Por", "Pero", "Porque", "Como", "Sin", "Cuando", "Donde", "Entonces", "Ahora",
                             "Pues", "Aunque", "Pour", "Avec", "Sans", "Mais", "Quand", "Parce", "Aber", "Und",
                             "Oder", "Mit", "Für", "Ohne", "Wenn", "Weil", "Também", "Porém", "Quando", "Onde",
                             "Agora", "Então"})
# who wrote a chat's line when no person did: "System", "Deleted User" (not a name)
NO_ONE_AUTHORS = ("System", "Unknown", "Anonymous", "Deleted User", "Deleted", "Admin", "Bot", "Guest", "Everyone",
                  "Group", "Reception", "Moderator", "Host", "Former Member", "Meta AI", "WhatsApp")
# verbs of speaking: after a first name in lower case they make it a name ("and rose said"),
# and before a comma the word after them is spoken to ("he said, wal, don't")
SPEECH_VERBS = frozenset({"said", "says", "told", "asked", "replied", "shouted", "reckoned", "whispered"})
# verbs after which a capitalised ordinary word inside a sentence is somebody's name: "the
# union was strong then, Tame was a delegate", "My brother Pita passed last October"; the
# auxiliaries only after a word that is no everyday one ("last Summer was hard")
AUXILIARIES = frozenset({"was", "is", "had", "has", "did", "does", "would", "could", "will", "can", "didn't",
                         "doesn't", "wasn't", "couldn't", "wouldn't"})
NAME_VERBS = frozenset({
    "said", "says", "told", "tells", "asked", "asks", "got", "gets", "went", "passed", "died", "married",
    "worked", "works", "lived", "lives", "wanted", "wants", "knew", "knows", "took", "takes", "gave", "gives",
    "rang", "called", "thought", "thinks", "reckoned", "reckons", "kept", "moved", "joined", "looked"}) | AUXILIARIES \
    | SPEECH_VERBS
# words capitalised for what they are, not for whom: never somebody's name by the verb after them
SEASONS_AND_TIMES = frozenset({"Summer", "Winter", "Spring", "Autumn", "Fall", "Christmas", "Easter", "Lockdown",
                               "Ramadan", "Eid", "Diwali", "Thanksgiving", "Halloween", "Covid"})
# verbs only a person does: after letters in capitals, they make the letters someone's
# initials ("BH took S into the kitchen", "JJ stares"), not an acronym ("the ED was full")
PERSON_VERBS = frozenset({
    "said", "says", "told", "tells", "asked", "asks", "took", "takes", "came", "comes", "went", "goes",
    "rang", "phoned", "called", "thought", "thinks", "reckons", "reckoned", "muttered", "shouted", "stares",
    "stared", "cried", "laughed", "smiled", "nodded", "shrugged", "replied", "explained", "admitted",
    "agreed", "disagreed", "joked", "wants", "wanted", "knows", "knew", "feels", "felt", "sat", "stood",
    "walked", "arrived", "left", "mentioned", "texted", "emailed", "whispered", "sighed", "insisted"}) | SPEECH_VERBS
# every verb above: a word among them is no surname after a first name ("dennis said")
PERSON_DOES = SPEECH_VERBS | NAME_VERBS | PERSON_VERBS
# the articles and possessives before a noun: a word after one is that word, not a name ("the
# price", "my bill")
DETERMINERS = ("the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that")
# words after which an ordinary lower-case word that is also a first name is a name
NAME_CUES = ("named", "called", "dr", "doctor", "nurse", "mr", "mrs", "ms", "miss", "pastor", "father", "sister",
             "brother", "friend", "cousin", "manager", "supervisor", "boss", "husband", "wife", "partner", "son",
             "daughter", "mom", "dad", "aunt", "uncle", "coworker", "co-worker", "neighbor", "neighbour",
             "colleague", "roommate", "clerk", "mum", "mummy", "mam", "grandma", "grandad", "grandpa", "granny", "nan",
             "nana", "gran", "mentor", "tutor", "counsellor", "counselor", "chaplain", "vicar", "priest", "rabbi",
             "imam", "coach", "principal", "matron", "sergeant", "councillor", "landlord", "landlady",
             "girlfriend", "boyfriend", "niece", "nephew", "grandson", "granddaughter", "stepdad", "stepmum",
             "stepmom", "caseworker", "midwife", "headteacher", "teacher")
# verbs after which a first name that is also a word is that person: "i married ivy in
# sixty eight" (not "married young": no word said of people)
MARRYING = ("married", "marry", "marrying", "wed", "divorced")
# greetings and thanks of a chat, written fast in lower case, before a name and a stop: "ty
# maria!!", "hi rose," (not "hey hope you are well")
# what opens a message before the name it is said to: "Sorry Amara, deleted", "Morning Kate"
INTERJECTIONS = frozenset({"sorry", "ok", "okay", "yes", "no", "yeah", "well", "oh", "dear", "morning", "evening",
                           "afternoon", "cheers", "thanks", "thank", "hi", "hey", "hiya", "hello", "congrats",
                           "welcome", "bye", "night", "ta", "aw", "ah", "oops", "ugh", "great", "lovely", "brilliant"})
GREETINGS = ("hi", "hey", "hiya", "hello", "thanks", "thank you", "ty", "thx", "cheers", "bye", "congrats")
# speaker labels that name a role, not a person ("Interviewer:", "S1:", "Speaker 2")
# the kinds of document a study's files are named by: "Interview_P12_Kisumu.docx", "FGD_Seme_CHVs"
DOCUMENT_WORDS = ("Interview", "Interviews", "Transcript", "Transcripts", "Fieldnotes", "Recording", "Memo",
                  "FGD", "FGDs", "IDI", "IDIs", "KII", "KIIs")
# roles a record writes before a person's name, no part of it: "Interviewer Brian Ssemakula"
ROLES_BEFORE_NAMES = frozenset({"interviewer", "interviewee", "respondent", "participant", "moderator",
                                "facilitator", "researcher", "observer", "translator", "interpreter",
                                "transcriber", "notetaker", "note-taker", "coder", "caller", "host"})
# the parties of a case, written before a person's or a company's name: "on behalf of Defendant
# Tri-Rivers Freight Logistics", "Claimant Mr Okafor"
PARTY_ROLES = frozenset({"defendant", "defendants", "plaintiff", "plaintiffs", "claimant", "claimants", "appellant",
                         "appellants", "petitioner", "applicant", "complainant", "deponent", "respondent"})
ROLE_LABELS = frozenset({
    "interviewer", "interviewee", "respondent", "participant", "moderator", "facilitator", "researcher",
    "speaker", "unknown speaker", "unknown", "host", "co-host", "note-taker", "notetaker", "observer",
    "translator", "interpreter", "child", "parent", "mother", "father", "patient", "nurse", "doctor",
    "clinician", "caregiver", "carer", "student", "teacher", "chair", "secretary", "q", "a", "int", "resp",
    "i", "r", "p", "all", "group", "audience", "several", "multiple", "crosstalk", "narrator",
    "spk", "guest", "caller", "user", "participant_id", "transcriber", "transcribed by", "interviewed by",
    "call handler", "call taker", "call-taker", "operator", "dispatcher", "controller", "officer",
    # the same roles where the interview is in Spanish, Portuguese, French or German
    "entrevistadora", "entrevistador", "entrevistada", "entrevistado", "participante", "investigadora",
    "investigador", "moderadora", "moderador", "intérprete", "traductora", "traductor", "pesquisadora",
    "pesquisador", "intervieweur", "intervieweuse", "enquêteur", "enquêtrice", "enquêtée", "enquêté",
    "répondant", "répondante", "animateur", "animatrice", "chercheur", "chercheuse", "interprète",
    "befragte", "befragter", "teilnehmer", "teilnehmerin", "interviewerin", "dolmetscher", "dolmetscherin"})
# the fields of an e-mail's header, of minutes and of notes, read as labels ("Date: Sat, 13
# Apr"): "Date" and "Ward" are surnames somewhere, and the field names no one
FIELD_LABELS = frozenset({
    "date", "from", "to", "cc", "bcc", "subject", "sent", "re", "fw", "fwd", "reply-to", "attachments",
    "importance", "time", "venue", "location", "present", "apologies", "attendees", "absent", "in attendance",
    "ref", "our ref", "your ref", "dob", "d.o.b.", "ward", "gp", "consultant", "diagnosis", "plan", "action",
    "place", "born", "archive", "reference", "duration", "recorded", "recording", "collection", "project",
    "summary", "notes", "language", "consent", "site", "role", "age", "occupation", "tape", "session",
    # a coding report's (ATLAS.ti, NVivo, MAXQDA): "Comment: IDI with P12", "Memo: ..."
    "comment", "comments", "memo", "codes", "quotation", "coded by",
    # and its cases' attributes: "Case: INT05_2023   Gender: M   Hometown: ..."
    "case", "node", "file", "source", "gender", "hometown",
    # a header's fields in Spanish, Portuguese, French and German: "Proyecto:", "Fecha:", "Lieu :"
    "proyecto", "fecha", "lugar", "duración", "transcripción", "idioma", "entrevista", "projeto", "duração",
    "transcrição", "projet", "lieu", "durée", "langue", "entretien", "projekt", "datum", "ort", "dauer",
    "sprache"})

# names of communities Faker's locale lists leave out (West Africa, the Horn of Africa,
# Punjab and Bengal, Nigeria, Gaelic and Welsh names) and everyday short forms of Slavic names: first names by
# gender ("" either), and surnames
MORE_FIRST_NAMES = {
    "m": ("Amadou", "Mamadou", "Ousmane", "Ibrahima", "Oumar", "Seydou", "Boubacar", "Abdoulaye", "Modou",
          "Souleymane", "Thierno", "Djibril", "Salif", "Assane", "Babacar", "Lamine", "Cheikh", "Moussa", "Alioune",
          "Aliou", "Mamadi", "Sekou", "Lansana", "Bakary", "Ebrima", "Lamin", "Pape", "Malick", "Demba", "Samba",
          "Abdi", "Abdirahman", "Abdullahi", "Warsame", "Guled", "Liban", "Mohamud", "Abdikarim", "Abdiaziz",
          "Tadesse", "Abebe", "Mulugeta", "Haile", "Tesfaye", "Getachew", "Dawit", "Yonas", "Bereket", "Tekle",
          "Girma", "Kebede", "Alemayehu", "Habtamu", "Gurpreet", "Harpreet", "Jaspreet", "Mandeep", "Kuldeep",
          "Parminder", "Sukhwinder", "Jaswinder", "Harjit", "Rajesh", "Suresh", "Ramesh", "Dinesh", "Mahesh",
          "Abul", "Shafiq", "Nazrul", "Rafiqul", "Shahidul", "Mizanur", "Mahbub", "Chidi", "Adebayo", "Oluwaseun",
          "Babajide", "Olumide", "Chukwuma", "Ikenna", "Babatunde", "Adewale", "Olusegun", "Oluwafemi", "Wojtek", "Tomek", "Kuba", "Pasha", "Vova", "Kolya",
          "Misha", "Seryozha", "Huseyin", "Mehmet", "Duc", "Thanh", "Hui", "Wei", "Jun", "Kofi", "Kwabena",
          # Vietnamese names Faker's vi_VN lacks
          "Hieu", "Huy", "Phuc", "Tien", "Hai", "Khoa", "Vinh", "Trung", "Khang",
          # Scottish, Irish and Welsh
          "Alasdair", "Ruaridh", "Ruairidh", "Murdo", "Ciarán", "Pádraig", "Seán", "Dafydd", "Gethin", "Owain",
          "Aled", "Iolo", "Gwilym", "Emyr", "Huw", "Wil", "Ifan", "Ieuan", "Iwan", "Gareth", "Geraint",
          "Meirion", "Eifion", "Dylan", "Elfed", "Bryn", "Deiniol", "Cledwyn", "Idris", "Islwyn", "Glyn", "Tudur",
          "Gruffydd", "Rhodri", "Hywel", "Dewi", "Osian", "Gwion", "Llŷr", "Tomos", "Elis", "Ianto",
          # Scots short forms: Robert, Hugh, Alexander, William
          "Rab", "Rabbie", "Shug", "Shuggie", "Eck", "Wullie", "Jock"),
    "f": ("Fatou", "Fatoumata", "Aminata", "Awa", "Kadiatou", "Mariama", "Binta", "Ndeye", "Khady", "Aissatou",
          "Adama", "Astou", "Coumba", "Dieynaba", "Oumou", "Rokhaya", "Sokhna", "Hawa", "Mariatou", "Isatou",
          "Hodan", "Faduma", "Ubah", "Hamdi", "Sahra", "Idil", "Ifrah", "Ayan", "Nasra", "Hibaq", "Selam", "Hiwot",
          "Tigist", "Meron", "Bethlehem", "Almaz", "Tsion", "Genet", "Mekdes", "Senait", "Simran", "Sunita",
          "Harjeet", "Manpreet", "Rajwinder", "Shabana", "Nasreen", "Rukhsana", "Parveen", "Shazia", "Nazia",
          "Farzana", "Rahima", "Rokeya", "Sultana", "Shirin", "Taslima", "Bukola", "Tolu", "Tolulope", "Funmilayo",
          "Efua", "Nkechi", "Ngozi", "Chioma", "Adaeze", "Yetunde", "Folake", "Kasia", "Gosia", "Basia", "Zosia",
          "Dasha", "Olya", "Natasha", "Huong", "Phuong", "Thuy", "Hoa", "Mei", "Jing", "Ying",
          "Thu", "Trang", "Nhung", "Vy", "Nga", "Loan", "Thao", "Nhi", "Uyen", "Kieu", "Diep",
          "Eilidh", "Morag", "Mhairi", "Ailsa", "Seonaid", "Gráinne", "Sinéad", "Siobhán", "Aoibheann", "Cerys",
          "Siân", "Ffion", "Carys", "Angharad", "Lowri", "Nia", "Eleri", "Heledd", "Eirlys", "Gwenllian", "Gwen",
          "Eirian", "Bethan", "Catrin", "Elin", "Mererid", "Rhiannon", "Gwenan", "Glenys", "Delyth", "Eluned",
          "Mair", "Meinir", "Nerys", "Sioned", "Olwen", "Llinos", "Manon", "Menna", "Awen", "Gwawr"),
    "": ("Khanh", "Tam", "Ade", "Sola", "Tunde", "Femi", "Dayo", "Nana", "Kemi", "Bisi", "Funmi", "Yemi", "Bola", "Tayo", "Wale",
         "Segun", "Bayo", "Dapo", "Lola", "Titi",
         # English short forms people are called by, which Faker lists only in full (not those
         # that are words or abbreviations too: "Tel", "Reg", "Col", "Di", "Gen", "Cat", "Mort", "Tash")
         "Mo", "Bec", "Becs", "Bex", "Kez", "Gaz", "Baz", "Daz", "Shaz", "Shez", "Tez", "Kaz", "Jas", "Jaz",
         "Yaz", "Mez", "Rog", "Kev", "Trev", "Nev", "Bri", "Seb", "Stu", "Mikey", "Dougie", "Manny",
         "Robbo", "Davo", "Tommo", "Jonno", "Smitty", "Bubba", "Steph", "Soph", "Viv", "Abi",
         "Izzy", "Issy", "Izzie", "Kat", "Debs", "Babs", "Jen", "Jenn", "Jojo", "Roz", "Cece", "Nattie", "Yvie"),
}
MORE_LAST_NAMES = ("Diallo", "Ndiaye", "Traore", "Traoré", "Keita", "Kone", "Koné", "Coulibaly", "Sow", "Diop",
                   "Camara", "Toure", "Touré", "Sylla", "Cisse", "Cissé", "Kouyate", "Sissoko", "Bamba",
                   "Ouedraogo", "Kabore", "Sawadogo", "Diarra", "Konate", "Sangare", "Barry", "Bah", "Jallow",
                   "Ceesay", "Sanneh", "Faye", "Gueye", "Sarr", "Mbaye", "Niang", "Seck", "Warsame", "Farah",
                   "Abdi", "Hassan", "Mohamud", "Osman", "Jama", "Egal", "Tadesse", "Haile", "Bekele", "Tesfaye",
                   "Girma", "Kebede", "Gebremedhin", "Gebre", "Alemu", "Wolde", "Sandhu", "Dhillon", "Gill",
                   "Grewal", "Sidhu", "Bains", "Atwal", "Johal", "Kaur", "Hossain", "Rahman", "Uddin", "Begum",
                   "Chowdhury", "Miah", "Akter", "Adeyemi", "Okonkwo", "Nwachukwu", "Okafor", "Eze",
                   "Adebayo", "Ogunleye", "Oyelaran", "Mensah", "Boateng", "Asante", "Owusu", "Osei",
                   # Chinese surnames as Singapore, Malaysia and Hong Kong spell them (Hokkien, Teochew,
                   # Cantonese), and Vietnamese ones the lists lack (not "Ta", "Do", "Chin", "Sim": words too)
                   "Lim", "Ng", "Goh", "Teo", "Ong", "Seah", "Chua", "Koh", "Tay", "Yeo", "Toh", "Quek",
                   "Heng", "Pang", "Yap", "Ang", "Leong", "Loh", "Lau", "Kwok", "Tham", "Soh", "Phua", "Chia",
                   "Chong", "Khoo", "Ooi", "Teh", "Yong", "Cheong", "Tsang", "Yeung", "Cheung", "Ngai", "Mok",
                   "Kwan", "Siew", "Trinh", "Vo", "Truong", "Dinh", "Phan")

# posts held "of" something: "Director of Housing Services" names a department, not a body
POSTS = ("Director", "Deputy Director", "Assistant Director", "Head", "Manager", "Department", "Dean",
         "Professor", "Lecturer", "Officer", "Minister", "Secretary", "Lead", "Chief", "Vice President",
         "Team Leader", "Coordinator", "Co-ordinator")

# qualifications and registrations written beside a name: "Kimberly Nakashima-Lutz, RD",
# "PharmD Hector Villaseñor"; they name no one
CREDENTIALS = ("RD", "RN", "RGN", "RMN", "LPN", "NP", "APRN", "CNA", "DNP", "PharmD", "MPH", "MSW", "LCSW", "LMSW",
               "LPC", "LMFT", "PsyD", "EdD", "DPhil", "MBBS", "MBChB", "FRCP", "MRCP", "MRCPsych", "MRCGP", "FRCS",
               "FRCPsych", "BSc", "MSc", "MA", "BA", "OTR", "SLP", "CCC-SLP", "DPT", "MPT", "PA-C", "FNP", "FNP-C",
               "Hons", "BEd", "MEd", "LLB", "LLM", "BScN", "MScN", "PGDip", "PGCert")
# verbs that open a sentence of notes before a name, capitalised with it: "Attends Christ
# Apostolic Church", "Contacted Mary Obi"
LEAD_VERBS = frozenset({
    "attends", "attended", "visits", "visited", "works", "worked", "joined", "joins", "lives", "lived",
    "studies", "studied", "volunteers", "volunteered", "contacted", "called", "phoned", "emailed", "rang",
    "referred", "seen", "saw", "met", "left", "moved", "admitted", "discharged", "transferred", "spoke",
    "discussed", "informed", "advised", "told", "asked", "thanked", "welcomed", "introduced", "invited",
    "consulted", "reviewed", "texted", "messaged", "notified", "updated", "supervised", "allocated", "cc'd",
    # the orders of a form's list of changes: "Add Dalia Yousif (Research Assistant)", "Remove Kevin Okafor"
    "add", "added", "remove", "removed", "replace", "replaced", "delete", "deleted", "appoint", "appointed"})

# verbs of going that open a note's sentence before a place or a body, never part of its name
# ("Arrived Stratford Road, Sparkhill", "Tell Glasgow I said hi")
GOING_VERBS = frozenset({"arrived", "reached", "returned", "drove", "walked", "went", "headed", "parked",
                         "tell", "say"})

# ---------------------------------------------------------------- speech
# words of British and Irish speech and everyday loanwords that no dictionary lists, which
# are no names: a Glasgow bus driver "didnae ken naebody", "the clippies", "nowt", "craic"
# (a Scots negative is any verb with "nae": see words.is_common)
DIALECT_WORDS = frozenset({
    "nae", "naebody", "naethin", "naething", "och", "frae", "oot", "aboot", "masel", "yersel", "hersel", "himsel",
    "youse", "yous", "clippie", "clippies", "busmen", "polis", "outwith", "mither", "faither", "gonnae", "wannae",
    "innit", "owt", "nowt", "summat", "mardy", "ginnel", "snicket", "gannin", "hoose", "craic", "eejit", "wean",
    "weans", "ahm", "ah'm", "wisnae", "tellt", "telt", "awfy", "greetin", "messages", "jollof", "abuela",
    "abuelo", "abuelita", "taquería", "taqueria", "botánica", "botanica", "mija", "mijo", "nonna", "nonno",
    "babcia", "dziadek", "wahala", "oyinbo", "aunties", "bubbe", "zayde",
    # Jamaican and other Caribbean creoles, as a Windrush elder speaks: "tell yuh", "inna London"
    "yuh", "inna", "seh", "deh", "nuh", "cyaan", "caan", "wid", "unnu", "unno", "pickney", "pikney", "likkle",
    "bwoy", "gyal", "pon", "nyam", "mek", "haffi", "ting", "everyting", "bredda", "bredren", "sistren", "wha",
    "gwaan", "yute", "fimi", "dutty", "duppy", "irie", "tek", "nuttin", "sumting", "wukking", "wuk", "neva", "dem",
    # Welsh said in English: "i don't know cariad", "a cwtch", "diolch"
    "cariad", "cwtch", "hiraeth", "diolch", "nain", "taid", "mamgu", "tadcu", "hwyl", "bach"})

# the verbs a Scots negative is made of: "didnae", "couldnae", "isnae", "dinnae", "wisnae"
NAE_VERBS = frozenset({"did", "could", "would", "should", "is", "was", "wis", "does", "has", "have", "hav", "can",
                       "din", "dae", "wid", "widn", "coud", "will", "are", "were", "must", "need", "dis"})

# ---------------------------------------------------------------- dates
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_DAYS = frozenset(w.lower() for w in MONTHS + DAYS)
MONTHS_DAYS_TITLED = frozenset(MONTHS + DAYS)
# the months of the languages interviews quote, as they write them, in lower case: "nació en
# julio" is a month, though Julio is a name (Spanish, Portuguese, French, Italian)
FOREIGN_MONTHS = frozenset("""enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
noviembre diciembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro janvier février
mars avril mai juin juillet août septembre octobre novembre décembre gennaio febbraio aprile maggio giugno luglio
settembre ottobre dicembre""".split())
# the words right before a month of theirs: "en julio", "desde marzo", "em maio", "in luglio"
MONTH_BEFORE = ("en", "de", "desde", "hasta", "em", "à", "in", "di", "a", "el", "le")
# articles of the languages interviews quote: lower-case words after one are a phrase of the
# language ("los dolores de espalda"), not a name written in lower case
FOREIGN_ARTICLES = ("la", "el", "los", "las", "le", "les", "un", "una", "une", "il", "lo", "gli", "der", "die",
                    "das", "den", "dem", "ein", "eine")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
DATE_ABBREVIATIONS = frozenset(MONTH_ABBREVIATIONS + ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
                                                      "Sat", "Sun"))

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
    "Drugstore", "Bookstore", "Florist", "Staffing", "Primary", "Polytechnic", "Playhouse",
    # public services, courts' parties, unions, clubs, faiths, businesses
    "VA", "VA Medical Center", "VAMC", "Police", "Police Service", "Constabulary", "Borough Council",
    "City Council", "County Council", "District Council", "Trust", "NHS Trust", "Foundation Trust",
    "Health Board", "Care Board", "Integrated Care Board", "Prison", "Correctional Facility",
    "Correctional Institution", "Detention Center", "Baptist", "Baptist Church", "Methodist", "Lutheran",
    "Presbyterian", "Parish", "Chapel", "Gurdwara", "AFC", "FC", "RFC", "Athletic", "Rovers", "Amateurs", "Juniors", "Medical Practice",
    "Health Centre", "Sixth Form College", "Housing Association", "Association", "Society", "Agency",
    "LLP", "PLC", "Contractors", "Builders", "Hub", "Middle", "Junior School", "Infant School", "Nursery",
    # a small child's places (South Africa's "Educare" among them)
    "Daycare", "Day Care", "Preschool", "Pre-school", "Kindergarten", "Creche", "Crèche", "Educare",
    "Day Center", "Day Centre", "Adult Day", "Adult Day Center", "Adult Day Program", "Day Program",
    "Senior Center", "Food Bank", "Credit Union", "Co-op", "Cooperative",
    "Union", "Freight", "Haulage", "Ward", "Uni",
    "Mutual", "Cars", "Taxis", "Cabs", "Mission", "Ministries", "Fellowship", "Tabernacle", "Pantry",
    "Alliance", "Coalition", "Hotel", "Inn", "Motel", "Lodge", "Suites", "Legal Aid", "Mutual Aid",
    "Club", "Project", "Collective", "Rotary", "Rotary Club", "Lions Club", "CC", "Cricket Club", "RUFC",
    "Youth", "Youth Group", "Youth Club", "Nail Lounge", "Supply", "Supplies",
    "Secondary", "Secondary School", "Secondary Modern", "Grammar School", "Comprehensive",
    # adult social care's services, and shops on a parade
    "Day Opportunities", "Day Services", "Nails", "Spa", "Nail Bar", "Barbers", "Takeaway",
    "Superstore", "Stores", "Minimart", "Chemist", "Chemists", "Newsagents",
    # workplaces a town grew up around
    "Works", "Freezing Works", "Factory", "Brewery", "Distillery", "Colliery", "Abattoir",
    # newspapers name a town's paper, and so the town
    "Gazette", "Herald", "Tribune", "Chronicle", "Sentinel", "Courier", "Police Station", "Garda Station",
    "Dispensary",
    # health authorities named by their district: "Northland DHB", "Hunter New England LHD", "Leeds CCG"
    "DHB", "District Health Board", "Health District", "Local Health District", "LHD", "CCG", "ICB", "PHO")
# what a sports team calls itself after its town's or sponsor's name: "Puhinui Rams",
# "Darnall Falcons CC" (a body's kind there, never a surname after a first name: "Ann Hawks")
TEAM_NAMES = ("Rams", "Falcons", "Eagles", "Tigers", "Sharks", "Bulls", "Warriors", "Knights", "Raiders",
              "Titans", "Panthers", "Hawks", "Wolves", "Bears", "Stallions", "Dragons", "Hornets", "Jets",
              "Vikings", "Spartans", "Saracens", "Redbacks", "Magpies", "Kestrels", "Harriers", "Blues",
              "Reds", "Saints", "Swifts", "Wanderers", "Harps", "Gaels", "Emmets", "Shamrocks", "Lions",
              "Cougars", "Jaguars", "Pirates")
# kinds of body read only whole, at the end of a name, never word by word: halls a community
# meets in ("Hall" alone is a surname: "Dexter Hall"; a pseudonym may not share it with the
# key), a wholesaler ("and" is no word of a body's): "Nyahera Social Hall", "Noor Brothers Cash and Carry"
WHOLE_KINDS = ("Social Hall", "Community Hall", "Village Hall", "Church Hall", "Parish Hall", "Memorial Hall",
               "Cash and Carry", "Cash & Carry")
# the kinds of body that are one word ("Hospital", "Trust"): a name ends in one ("Gulf Fishermen's
# Association") or has one before "of" ("Society of Friends")
BODY_KINDS = frozenset(k for k in INSTITUTION_KINDS if " " not in k)
# every word of a kind, of a kind of two words too ("Medical" of "Medical Center", "Nursing" of
# "Nursing Home"): a word that can follow a monarch's name in a body's ("Queen's Medical Center")
BODY_KIND_WORDS = frozenset(w for k in INSTITUTION_KINDS for w in k.split())
# the kinds of two words or more, whose last word alone says little or is a surname: "Social
# Hall", "Police Station", "Cash and Carry"
LONG_KINDS = tuple(tuple(k.split()) for k in INSTITUTION_KINDS + WHOLE_KINDS if " " in k)


def ends_in_long_kind(toks: list[str]) -> bool:
    """Whether a name's words end in a kind of two words or more, with a name before it."""
    return any(len(k) < len(toks) and tuple(toks[-len(k):]) == k for k in LONG_KINDS)
# kinds of body said after a name in speech, which a cased text would capitalise: "bethesda
# hall", "watt brothers fishing limited", "mac duff lifeboat station" (not kinds in cased
# text: "Dexter Hall" is a person)
KINDS_SAID = ("hall", "limited", "brothers", "station", "lifeboat station", "bar", "arms", "tavern", "marine",
              "chandlers", "fisheries", "garage", "mill", "mills", "colliery", "welfare", "carers", "town",
              "rangers", "celtic", "albion", "harriers", "swifts", "thistle", "depot", "farm", "estate", "lodge",
              "social club", "inn", "and sons")   # (not "works", "united")
# words said before a place's name, which a cased text would capitalise with it: "port
# isaac", "fort william", "loch lomond" (after them a name is a place, not a person)
PLACE_OPENERS_SAID = ("port", "fort", "mount", "loch", "lough", "cape")   # (not "glen": a first name)

# last words that make Title Case words a body, not the title of a course or a book
ORG_ENDINGS = frozenset({"Union", "Hospital", "University", "College", "School", "Church", "Company", "Inc",
                         "Ltd", "LLC", "Trust", "Council", "Police", "Freight", "Haulage", "Foundation",
                         "Corporation", "Bank", "Prison", "Ward", "Ministries", "International",
                         # football clubs: "Calderby Rovers" is a club, never a person
                         "Rovers", "Wanderers", "Athletic", "FC", "AFC",
                         # shops: "Lotus Nails & Spa" is a salon, not a title
                         "Spa", "Nails", "Salon", "Barbers", "Takeaway", "Bakery", "Cafe", "Café", "Diner",
                         "Supply", "Supplies", "Lounge", "Minimart", "Grocery"})
# the bodies inside an institution that every one of its kind has: "Resuscitation
# Committee", "Intensive Care Unit", "Community Mental Health Team" (named by what they do; a
# unit or team of one word before its kind may be named after anything: "Sunflower Unit")
INTERNAL_BODIES = frozenset({"Committee", "Subcommittee", "Sub-Committee", "Panel", "Unit", "Team", "Forum",
                             "Department", "Wellbeing", "Services", "Support"})
# ... of which these, after one word, only after a word said every day: "Student Wellbeing",
# "Social Services" (not "Rainbow Wellbeing", "Beacon Support": a charity's name)
SERVICES = frozenset({"Wellbeing", "Services", "Support"})
# the offices and services every university, hospital or council has, named by what they do:
# "Disability Advisory Service", "Student Casework Office", "Patient Advice and Liaison Service"
# (only words of these before "Office" or "Service": "Sunrise Home Care Service" is a firm's name)
SERVICE_FUNCTIONS = frozenset("""Student Students Disability Disabilities Advisory Advice Casework Careers
Admissions Finance Estates Accommodation Counselling Counseling Chaplaincy Registry Academic Quality Research
Governance Complaints Patient Patients Liaison Information Records Occupational Health Safety Human Resources
Legal Press Communications Equality Diversity Inclusion Learning Welfare International Graduate Postgraduate
Undergraduate Examinations Exams Library Digital Housing Benefits Payroll Placement Placements Practice
Conduct Appeals Wellbeing Mental Support Access Enquiries Medical Nursing Education
Development Employability Alumni Enrolment Enrollment Scholarships Fees Funding Ethics Integrity""".split())
# the last words of jobs, which NER takes for bodies or people: "Occupational Therapist",
# "Bar Supervisor", "Healthcare Assistant"
OCCUPATIONS = frozenset({"Therapist", "Physiotherapist", "Nurse", "Receptionist", "Pharmacist", "Technician",
                         "Practitioner", "Assistant", "Administrator", "Worker", "Consultant", "Midwife", "Paramedic",
                         "Surgeon", "Physician", "Psychologist", "Psychiatrist", "Counsellor", "Counselor",
                         "Supervisor", "Clerk", "Driver", "Cleaner", "Porter", "Carer", "Visitor", "Technologist",
                         "Dietitian", "Dietician", "Optometrist", "Radiographer", "Sonographer", "Phlebotomist",
                         "Manager", "Coordinator", "Co-ordinator", "Adviser", "Advisor", "Officer", "Lead",
                         # (who teaches and assesses a student on placement: "Practice Assessor")
                         "Assessor", "Facilitator", "Tutor", "Mentor", "Educator", "Lecturer", "Examiner"})
# small words that open the name of a church, a school or a hospital ("All Saints", "First
# Baptist", "Our Lady of Lourdes"): part of the name, not a word before it
BODY_OPENERS = frozenset({"All", "First", "Second", "Third", "Our"})
# kind words written before the name: "HM Prison Wandsworth", "Masjid Bilal", "Camp Lejeune"
# counties of the UK and Ireland, places as towns are (no list of towns holds them): "from
# Yorkshire", "a farm in Powys", "back home in Mayo"
# the grammar words of a name, kept in its pseudonym ("Centre for Research", "Rue de la Paix");
# other words spaCy lists as stop words name it when capitalised ("Top Nails", "Rise Up Rotherham")
NAME_GRAMMAR = frozenset("""the a an of and or for in on at to by with from into upon under over & de du des la le
les el los las del di da do dos das van von der den ten ter y e et und""".split())
# cities by the names English still calls them, which the list of towns has under another
# ("Bangalore" of Bengaluru, "Saigon" of Ho Chi Minh City)
CITY_EXONYMS = ("Bangalore", "Bombay", "Calcutta", "Madras", "Cochin", "Trivandrum", "Calicut", "Poona", "Baroda",
                "Benares", "Cawnpore", "Saigon", "Peking", "Rangoon", "Dacca")
COUNTIES = (
    "Yorkshire", "Lancashire", "Essex", "Sussex", "Surrey", "Devon", "Cornwall", "Dorset", "Somerset",
    "Wiltshire", "Hampshire", "Berkshire", "Oxfordshire", "Buckinghamshire", "Hertfordshire", "Bedfordshire",
    "Cambridgeshire", "Norfolk", "Suffolk", "Lincolnshire", "Nottinghamshire", "Derbyshire", "Leicestershire",
    "Northamptonshire", "Warwickshire", "Worcestershire", "Herefordshire", "Gloucestershire", "Shropshire",
    "Staffordshire", "Cheshire", "Merseyside", "Cumbria", "Northumberland", "County Durham", "Rutland",
    "Tyne and Wear", "West Midlands", "Greater Manchester", "West Yorkshire", "South Yorkshire",
    "North Yorkshire", "East Yorkshire", "East Sussex", "West Sussex", "Isle of Wight", "Powys", "Gwynedd",
    "Ceredigion", "Pembrokeshire", "Carmarthenshire", "Anglesey", "Conwy", "Denbighshire", "Flintshire",
    "Monmouthshire", "Glamorgan", "Aberdeenshire", "Lanarkshire", "Ayrshire", "Perthshire", "Argyll",
    "Lothian", "Fife", "Dumfriesshire", "Caithness", "Sutherland", "Donegal", "Mayo", "Sligo", "Galway",
    "Wexford", "Wicklow", "Kildare", "Tipperary", "Offaly", "Roscommon", "Leitrim", "Fermanagh", "Tyrone",
    "Antrim", "Armagh", "Connemara")
# offices whose holder is "the X General", not a hospital called so ("the Jewish General")
GENERAL_OFFICES = ("Attorney", "Secretary", "Surgeon", "Governor", "Solicitor", "Inspector", "Director",
                   "Postmaster", "Adjutant", "Consul", "Auditor", "Comptroller", "Registrar", "Major", "Brigadier",
                   "Lieutenant", "Accountant", "Paymaster", "Vicar", "Procurator", "Advocate", "Quartermaster",
                   "Provost", "Deputy", "Assistant", "Acting", "Associate", "Receiver", "Agent", "Commissary")
INSTITUTION_PREFIXES = ("HM Prison", "HMP", "HMYOI", "Her Majesty's Prison", "His Majesty's Prison", "Masjid",
                        "Capel", "Eglwys", "Ysgol", "Camp", "Fort", "Mount Sinai", "Temple", "Congregation", "Beth", "Kehilat")
# words a pseudonym keeps because they say what kind of thing is named, not which one
GENERIC_WORDS = frozenset({
    "university", "college", "school", "medicine", "medical", "center", "centre", "hospital",
    "clinic", "church", "health", "healthcare", "sciences", "hospice", "institute", "academy",
    "high", "middle", "elementary", "community", "department", "law", "free", "building",
    "foundation", "library", "museum", "seminary", "cathedral", "mosque", "synagogue", "temple",
    "pharmacy", "nursing", "blk",
    "the", "of", "and", "for", "at", "in", "st", "st.", "&", "'s", "’s"})
# kinds of institution outside the words every pseudonym keeps: swapped for a like kind,
# "Lattimer's Bakery" -> "Hillcrest Market", "Loess Hills Community College" -> "… Academy"
KIND_GROUPS = (
    ("College", "Academy", "Institute", "Polytechnic"),
    ("Elementary", "Primary", "Grade School"),
    ("Bakery", "Pharmacy", "Hardware", "Market", "Grocery", "Store", "Shop", "Deli", "Diner", "Cafe",
     "Café", "Salon", "Supermarket", "Drugstore", "Boutique", "Bookstore", "Florist", "Butcher"),
    ("Foundation", "Trust", "Fund", "Endowment", "Charity"),
    ("Library", "Archive"),
    ("Museum", "Gallery"),
    ("Theatre", "Theater", "Playhouse", "Repertory", "Stage"),
    ("Community", "Regional", "Memorial", "General"),
    ("Staffing", "Recruiting", "Placement"),
    ("Council", "Corporation"),
    ("Borough", "County", "District"),
    ("Metropolitan", "Municipal", "Civic"),
    ("Board", "Commission", "Partnership"),
    ("Prison", "Penitentiary", "Jail", "Correctional Facility", "Detention Center"),
    ("AFC", "FC", "Athletic", "Rovers", "Wanderers"),
    ("Freight", "Haulage", "Logistics", "Transport", "Removals"),
    ("Association", "Society", "Alliance"),
    ("Hub", "Centre", "Project"),
    ("Club", "Circle", "Collective"),
    ("Hotel", "Inn", "Motel", "Lodge", "Suites", "Guesthouse"),
    ("Cars", "Taxis", "Cabs"),
    ("Mission", "Ministries", "Fellowship", "Tabernacle"),
    ("Middle", "Junior", "Infant"),
    ("Department", "Service", "Office", "Bureau"),
    ("Union", "Federation", "Guild"),
    ("Rotary", "Lions", "Kiwanis"),
    ("Healthcare", "Care", "Wellbeing"),
    ("Works", "Factory", "Mill", "Plant"),
    ("Brewery", "Distillery"),
    # a hospital's ward and a GP's surgery, swapped for a like one ("Aspinall Ward" -> "Otter
    # Unit"): a ward is often named after its town or a person, and "Ward" is a surname too
    ("Ward", "Unit", "Wing"),
    ("Surgery", "Practice", "Medical Practice"),
    # a company's legal form, for one of its country (a form left as written is a word of the
    # name a reader could match: "Kestrel Freight Ltd")
    ("Ltd", "Limited"),
    ("LLC", "Inc"),
)
BUSINESS_SUFFIXES = ("Inc", "LLC", "Ltd", "LLP", "Group", "Partners", "Associates", "Company", "Corporation",
                     "Corp", "Co", "PLC", "GmbH", "Sons", "Holdings", "Technologies", "Software", "Systems",
                     "Solutions", "Services", "Industries", "Enterprises", "Ventures", "Labs", "Media",
                     "Consulting", "Logistics", "Transit", "Lines", "Analytics", "Networks", "Contractors",
                     "Builders", "Motors", "Construction", "Properties", "Foods", "Processors")
# the legal form ending a body's name, left out of the initials it is called by ("PMCH" of
# "Pennine Moor Community Health NHS Trust")
LEGAL_FORMS = frozenset({"trust", "ltd", "limited", "plc", "inc", "llc", "llp", "cic", "co", "corp", "group",
                         "foundation", "partnership", "gmbh"})

# ---------------------------------------------------------------- places and addresses
STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "court", "ct",
    "place", "pl", "terrace", "way", "parkway", "highway", "circle", "square", "trail", "row", "close",
    "crescent", "plaza", "alley", "apt", "apartment", "suite", "unit", "floor", "box", "po"})
# street types swapped for one another in pseudonyms
STREET_TYPES = ("Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Way", "Boulevard", "Terrace",
                "Crescent", "Close", "Parkway", "Circle", "Square", "Trail", "Row", "Highway", "Plaza", "Alley")
# written short: swapped for one another ("St" and "Dr" are saints and doctors too; "Ct" a state)
STREET_ABBREVIATIONS = ("Ave", "Rd", "Ln", "Blvd", "Pkwy")
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
    "Ville", "Vista", "Wells",
    # British and Irish street words
    "Fold", "Rise", "Croft", "Chase", "Parade", "Wynd", "Gate", "Vale", "Brow", "Garth", "Drove", "Lea", "Quay",
    "Wharf", "Yard", "Embankment", "Broadway",
    # Scots ones: "Sinclair Brae", "Balmoral Gait", "Castle Vennel" (not "Loan": "5 Year Loan")
    "Brae", "Gait", "Vennel")
DIRECTION_SUFFIXES = ("North", "South", "East", "West", "N", "S", "E", "W", "NE", "NW", "SE", "SW")
# the street words that make a named street without a number ("Pacific Street")
# words that make a place of a name before them, but not of any word: "george square",
# "kilmeny crescent" (not "the town square")
NAMED_PLACE_WORDS = ("crescent", "square", "terrace", "gardens", "wynd")
# ... and the words that name one by what it is: "Town Square", "Market Square"
GENERIC_PLACE_WORDS = ("Town", "Market", "Village", "Main", "Central", "Public", "Station", "Church", "Castle",
                       "Abbey", "Cathedral", "Civic", "Old", "New")
NAMED_STREET_WORDS = ("Street", "St.", "Avenue", "Ave.", "Road", "Boulevard", "Blvd.", "Lane", "Drive", "Parkway",
                      "Highway", "Ln", "Blvd", "Pkwy", "Hwy")   # (written short, no word: "Dairy Crest Ln")
# ... and those that are words too, named streets only where a street is said to be: "on
# Olivares Rd", "in Copse Hill Close" (not "Keep Close Contact", "Ave Maria")
NAMED_STREET_WORDS_CUED = ("Rd", "Ave", "Close", "Mews", "Brae", "Gait", "Vennel", "View")   # ("on Wold View")
# street words written before the name in other languages ("Via Roma 131")
STREET_PREFIXES = ("Rua", "Via", "Viale", "Avenida", "Avda.", "Av.", "Rue", "Calle", "C/", "ul.", "Piazza",
                   "Piazzetta", "Plaza", "Praça", "Strada", "Largo", "Travessa", "Paseo", "Camino", "Carrer",
                   "Boulevard", "Chemin", "Allée", "Place", "Platz", "Ulica", "Aleja", "Corso")
# Welsh street words before the name, with the article perhaps: "Heol y Capel", "Ffordd yr Orsaf"
WELSH_STREET_WORDS = ("Heol", "Ffordd", "Stryd", "Lôn", "Rhodfa", "Teras", "Maes")
# street words that end the name in many languages: Koskikatu, Loorenstrasse, Parijsstraat
STREET_TAILS = ("katu", "kuja", "tie", "vej", "gade", "gata", "gatan", "vägen", "veien", "vegen", "straat",
                "strasse", "straße", "gasse", "weg", "laan", "plein", "braut", "stræde", "stien", "sgata",
                "utca", "u.", "ulice", "tér", "väg", "torget")
# words of addresses and place names in other languages, swapped for a like word
PLACE_GROUPS = (
    ("Via", "Rua", "Rue", "Calle", "Avenida", "Viale", "Corso", "Ulica", "Chemin", "Carrer", "Paseo"),
    ("de", "da", "do", "du", "di", "del", "della", "delle", "dei", "des", "dos", "das", "la", "le", "van",
     "von", "der", "den", "ten", "ter", "u", "z", "nad", "pod"),
    ("Blk", "Block"),   # a block of flats in Singapore: "Blk 824" -> "Block 417"
)
# words of made-up place names (deid/pools.py)
# second words ("Cedar" + "Falls")
PLACE_SECONDS = ("Falls", "Grove", "Springs", "Park", "Heights", "Hills", "Valley", "Creek", "Harbor",
                 "Point", "Crossing", "Landing", "Hollow", "Meadows", "Bluff", "Mills", "Station",
                 "Corners", "Bend", "Rapids", "Cove", "Prairie", "Flats", "Glen", "Woods", "Pines", "Oaks",
                 "Ridge", "Lake", "Bay", "Forge", "Gardens", "Fields", "Shores", "Junction", "Green")
# second words of a place's name after one in no dictionary: "Rushey Mead", "Colmore Vale"
PLACE_TAILS = frozenset(PLACE_SECONDS + ("Mead", "Vale", "Brook", "Heath", "Moor", "Common", "End", "Cross", "Hill",
                                         "Wood", "Magna", "Parva", "Village", "Estate", "Row", "Side", "Oak",
                                         "Gate", "Bridge", "Field", "Marsh", "Downs", "Lea"))
# first words before a one-word name ("North" + "Elmwood")
PLACE_PREFIXES = ("North", "South", "East", "West", "New", "Upper", "Lower", "Little", "Port", "Mount", "Lake")
GAELIC_ARTICLES = ("an", "na")   # Irish and Scottish Gaelic: "Cnoc an Daimh", "Nic an Iomaire"
NAME_PARTICLES = ("van", "von", "de", "da", "di", "ten", "ter", "le", "la", "del", "der", "ap", "ab")   # (Welsh "ap Rhys")
# the words of an Arabic kunya or nasab before a name, part of it: "Abu Khalil" (father of
# Khalil), "Umm Yusuf", "ibn Rushd"; in lower case too, as speech recognition writes them,
# those no one says for another thing (not "um", "umm", a pause; nor "bin", "in the bin John")
KUNYA_WORDS = ("abu", "abou", "ibn")
KUNYA_WORDS_CAPITALISED = ("Umm", "Bin", "Bint")
# Irish and Scottish Gaelic ones, written with a capital: "Micheál Ó Briain", "D. Ní Fhlatharta", "Nic Giolla Phádraig"
# (not "Mac": a name of its own too, "Danny Mac")
# the words other languages say a place after: "je reste à Longueuil", "vivo en Bogotá"
FOREIGN_PLACE_WORDS = ("à", "au", "aux", "en", "de", "du", "vers", "près de", "a", "em", "no", "na", "desde", "hasta",
                       "para", "nach", "aus", "bei", "von", "in", "w", "z", "do", "da", "di", "sa")

# the lower-case words inside a name: its particles ("van den Berg", "María de los Ángeles",
# "bin Rashid", "Ould Abdallah"), and the small words of an Irish or Welsh name ("Réalt na Mara",
# "Pen y Garth")
NAME_LOWER_WORDS = frozenset(NAME_PARTICLES) | frozenset(
    "den du des dos das del della degli dei los las y e bin binti bint ibn al el wa ben af av op zu ould "
    "na nan nam an yr verch".split())
GAELIC_PARTICLES = ("Ó", "Ní", "Nic", "Mhic", "Uí")
# words before a place name that are not part of it ("Northern Chicago" -> "Chicago")
DIRECTIONS = ("Southern", "Northern", "Eastern", "Western", "Central", "Upper", "Lower", "Greater", "Downtown")
# prepositions before a capitalised word that make it a place or institution ("at UMKC")
# US states and Canadian provinces as addresses write them before a ZIP or postcode
STATE_ABBREVIATIONS = tuple("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE
NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AB BC MB NB NL NS NT NU ON PE QC SK YT""".split())
PLACE_PREPOSITIONS = ("in", "at", "from", "to", "near", "of")
# prepositions before a place's own name ("at Fosse Park", "on Bluebell"), and before "the" and
# a body's short name ("worked at the Royal")
PLACE_NAME_BEFORE = ("at", "on", "in", "to", "from", "near")
# the units of government said after a place's name, which make a rare word before them a
# place: "Seme sub-county", "Mukono District", "Ntunda parish", "Bukeka village"
ADMIN_UNITS = ("sub-county", "county", "district", "sub-district", "parish", "village", "township",
               "municipality", "constituency", "division", "sub-location", "province", "prefecture", "governorate")
SHORT_NAME_BEFORE = ("at", "in", "to", "from", "into", "near", "outside", "inside")
# words that say one works somewhere, before "at", "for", "by" and the employer's name
WORK_WORDS = ("work", "works", "worked", "working", "job", "employed", "shift", "shifts")
# words that open a noun: a plural after them is that word ("them cousins"), not a surname
NOUN_OPENERS = ("the", "my", "your", "his", "her", "our", "their", "them", "these", "those", "some", "all", "two",
                "three", "four", "few", "many", "of", "its")
# how the names of peoples and languages end: "Sylheti", "Mirpuri", "Tongan", "Congolese"
DEMONYM_ENDINGS = ("i", "ese", "ian", "an", "ish", "ic", "ite")
ACRONYM_CUES = ("at", "from", "to", "in", "joined", "attended", "left", "with", "for", "near", "of")

# ---------------------------------------------------------------- identifying numbers
# numbers as speech recognition writes them: "forty Birch Street", "route twelve"
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred")
# words before a number that make it an identifier: "case no. 2019-CV-0412", "badge 4471"
NUMBER_CUES = ("case", "file", "record", "reference", "ref", "claim", "policy", "account", "acct", "member",
               "membership", "student", "staff", "employee", "badge", "patient", "hospital", "NHS", "MRN", "ID",
               "application", "licence", "license", "passport", "registration", "reg", "payroll", "pension",
               "national insurance", "NI", "insurance", "customer", "order", "invoice", "ticket", "booking",
               "tenancy", "tenant", "contract", "permit", "warrant", "docket", "matter", "project", "grant",
               "protocol", "study", "participant", "unit", "bed", "room", "locker", "extension", "ext", "pager",
               "bleep", "collar", "service", "serial", "vehicle", "plate", "CHI", "PPS", "SSN", "EIN", "TIN",
               "phone", "mobile", "card", "log", "incident", "crime", "occurrence", "URN",
               # the same in the French and Spanish a study quotes: "la pagette 4-2271", "dossier 0348821"
               "dossier", "pagette", "téléavertisseur", "permis", "matricule", "expediente", "cédula")
# registers of professions, premises and prisoners, written as they are (not "doc" of "a doc 24/7")
REGISTER_CUES = ("GPhC", "GMC", "NMC", "HCPC", "ODS", "AHPRA", "NPI", "DEA", "DOC", "NDIS", "Medicare", "CRN",
                 "PIN")   # (a nurse's register number: "NMC PIN 91H0412E"; not "pin" in lower case)
# bodies whose standards are numbered like a licence: "ISO-9001", "BS-7671"
STANDARDS_BODIES = ("ISO", "IEC", "EN", "BS", "DIN", "ANSI", "IEEE", "RFC", "ASTM", "NIST", "SI")
# words before a number plate: "the registration is CN17 LKW", "reg began CU68"
VEHICLE_CUES = ("registration", "reg", "plate", "number plate", "vehicle", "VRM", "index")

# words before a user name written without its @: "the account bowsy_99", "on Snapchat as kirra_paints"
ACCOUNT_CUES = ("account", "handle", "username", "user name", "profile", "gamertag", "Snapchat", "Instagram",
                "TikTok", "Twitter", "Insta", "Discord", "Reddit")

# the citation courts give a judgment: "[2019] EWCA Crim 1123" (its number identifies the case)
NEUTRAL_CITATION_COURTS = ("UKSC", "UKHL", "UKPC", "EWCA Civ", "EWCA Crim", "EWHC", "UKUT", "UKFTT", "UKEAT",
                           "EWCOP", "EWFC", "CSIH", "CSOH", "HCJAC", "NICA", "NIQB", "IESC", "IECA", "IEHC", "NZSC",
                           "HCA", "FCA", "SCC", "ONCA", "BCCA")

# ---------------------------------------------------------------- never replaced
# identify no one, though NER likes to tag them
DEFAULT_ALLOW = (
    "Zoom", "Teams", "Skype", "Slack", "Webex", "FaceTime", "Outlook", "Gmail", "COVID", "COVID-19", "Covid",
    "AAMC", "ACGME", "LCME", "USMLE", "MCAT", "NIH", "CDC", "FDA", "ICU", "NICU", "PICU", "EMR", "EHR", "Epic",
    "Medicare", "Medicaid", "PGY",
    # a hospital's systems for incidents, staffing and records, and a historic ship's name
    # that names a generation ("the Windrush scandal")
    "Datix", "SafeCare", "SystmOne", "Meditech", "Windrush", "Google", "Facebook", "Instagram", "Twitter", "YouTube", "TikTok",
    "WhatsApp", "Interviewer", "Respondent", "Participant", "Moderator", "Focus Group", "Focus Groups", "Okay", "OK", "Yeah", "Um", "Uh",
    "Parent Council", "Parent Council's", "Fèis",   # (every Scottish school has one; a Gaelic festival)
    "Mm", "Hmm", "God", "Christmas", "Thanksgiving", "Easter", "Ramadan", "English", "Spanish", "American",
    "IBAN", "SSN", "ATM", "PIN", "TV", "ID", "DOB", "ASAP", "CEO", "HR", "PhD", "MD", "RN", "GP", "ER", "OR",
    "USA", "UK", "FAQ", "PDF", "URL", "SMS", "GPS", "AI",
    # platforms and national programmes people mention, identifying no one
    "GoFundMe", "JustGiving", "Google Voice", "Google Meet", "Google Docs", "Google Classroom", "PayPal",
    "Venmo", "Cash App", "Eventbrite", "Mumsnet", "Reddit", "LinkedIn", "Snapchat", "Discord", "Telegram",
    "Teach For America", "Teach First", "AmeriCorps", "Peace Corps", "McKinney-Vento",
    # the analysis packages a study's exports come from, and the tools its data passes through
    "NVivo", "MAXQDA", "ATLAS.ti", "Dedoose", "Quirkos", "REDCap", "Qualtrics", "SurveyMonkey", "Otter",
    "Turnitin", "Moodle", "Blackboard", "PowerPoint", "SharePoint", "OneDrive", "OneNote", "Dropbox", "iPhone",
    "iPad", "MacBook", "WeChat", "PlayStation", "Jobcentre", "JobCentre",
    "BMA", "RCN", "RCGP", "HEE", "NHSE", "NIHR", "UKRI", "ESRC", "PI",
    # conditions named after people
    "Alzheimer's", "Alzheimer", "Parkinson's", "Parkinson", "Crohn's", "Asperger's", "Tourette's",
    "Huntington's", "Down syndrome", "Hodgkin's", "Cushing's", "Addison's", "Graves'", "Hashimoto's",
    "Lou Gehrig's", "Bell's palsy", "Apgar")
# Korean: the common surnames (one syllable each), the titles said after a name or a surname
# alone ("최 집사님", Deacon Choi; "유경애 선생님"), and what ends a church's, a school's, a
# congregation's group's name ("한빛교회", "새빛한국학교", "갈렙 청년부")
KOREAN_SURNAMES = "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄변채원천방공현함염여추도석선설마길연위표명기반왕금옥육인맹제모탁국"
KOREAN_TITLES = ("교장선생", "선생", "장로", "권사", "집사", "목사", "전도사", "선교사", "교장", "교수", "사모", "원장",
                 "사장", "회장", "박사", "씨")
# three syllables a surname opens that are words: God, a teacher, a chair, identity, Korean
KOREAN_NOT_NAMES = ("하나님", "선생님", "목사님", "장로님", "권사님", "집사님", "교장님", "사모님", "이사장", "정체성",
                    "한국어", "한국말", "사장님", "회장님", "원장님", "교수님")
# what no given name ends in, a word of people does: a department, a head, a school, a
# society, a person of a place, a group, a student, an -ist ("유치부", "구역장", "한국인")
KOREAN_NOT_GIVEN_ENDS = "부장교회인대생사"
KOREAN_PARTICLES = ("에서는", "에서", "에는", "으로", "에게", "한테", "하고", "이랑", "까지", "부터", "에", "가", "는", "은",
                    "이", "을", "를", "의", "도", "랑", "로", "와", "과")
KOREAN_BODY_ENDS = ("한국학교", "교회", "학교", "병원", "성당")
KOREAN_GROUPS = ("여전도회", "남선교회", "청년부", "목장", "구역", "성가대", "선교회")
# what a body's name ends in that names no one: a denomination, a level of school
KOREAN_GENERIC = ("장로", "감리", "침례", "성결", "순복음", "한인", "한국", "미국", "초등", "중", "고등", "대", "우리",
                  "그", "이", "저", "큰", "작은", "새", "동네", "주일", "천주")
# a make of car before its model: a car, not a place and a person ("silver Skoda Octavia",
# "Toyota Yaris"; but a make alone, "his job at Toyota in Burnaston", is a workplace; "Kia",
# "Mercedes", "Mr Suzuki" are people)
CAR_MAKES = ("Toyota", "Skoda", "Škoda", "Vauxhall", "Volkswagen", "VW", "Nissan", "Hyundai", "Peugeot", "Renault",
             "Citroen", "Citroën", "Honda", "Mazda", "Subaru", "Kia", "BMW", "Audi", "Mercedes", "Volvo", "Tesla",
             "Fiat", "Chevrolet", "Lexus", "Mitsubishi", "Suzuki", "Dacia", "Ford", "Seat", "SEAT")
# their models, the word after the make (not any word: "the Toyota Sarah bought")
CAR_MODELS = ("Octavia", "Fabia", "Superb", "Yaris", "Corolla", "Prius", "Aygo", "Auris", "Camry", "Hilux", "RAV4",
              "Corsa", "Astra", "Insignia", "Zafira", "Mokka", "Fiesta", "Focus", "Mondeo", "Transit", "Kuga", "Puma",
              "Ranger", "Galaxy", "Golf", "Polo", "Passat", "Tiguan", "Touran", "Qashqai", "Juke", "Micra", "Note",
              "Leaf", "Navara", "Clio", "Megane", "Mégane", "Captur", "Kangoo", "Twingo", "Civic", "Jazz", "Accord",
              "Sportage", "Picanto", "Ceed", "Rio", "Tucson", "Berlingo", "Picasso", "Sandero", "Duster", "Logan",
              "Punto", "Panda", "Swift", "Vitara", "Outlander", "Shogun", "Sprinter", "Vito", "Ibiza", "Leon",
              "Partner", "Scenic", "Espace", "Avensis", "Verso")
# what says a plate is a car's, a few words before it: "a silver Skoda Octavia MX68 KXE", "the van, MX68 KXE"
CAR_WORDS = ("car", "van", "taxi", "cab", "vehicle", "motorbike", "moped", "lorry", "truck", "hatchback", "saloon",
             "estate", "silver", "black", "white", "red", "blue", "grey", "gray", "green", "metallic")

# a conversation analyst's speaker codes for roles, in capitals ("DOC:", "PAT:", "DAU:" of a
# daughter who interprets): no one's name, as "JIM:" or "MAG:" of a key would be
ROLE_CODES = frozenset({"DOC", "PAT", "DAU", "NUR", "PHA", "INT", "IVR", "IVE", "MOD", "FAC", "OBS"})
# acronyms that name no one, though written in capitals like initials and institutions
ACRONYMS = frozenset(a for a in DEFAULT_ALLOW if a.isupper()) | ROLE_CODES | frozenset("""
FGD FGDs IDI IDIs KII KIIs CHV CHVs CHW CHWs VHT VHTs CHEW CHEWs CHMT SCHMT SACCO
A&E ADHD AIDS AKI ALS AMA APA BBC BMI BMJ BP CAMHS CBT CCTV CD CEO CFO CHF CKD COO COPD CPD CPR CPS CQC CRP CSF
CT CV CVA DBS DIY DKA DM DNA DNACPR DNR DOA DVT ECG EEG EKG ENT EU FBC FOI FY GCSE GDP GDPR GI GMC HB HBA1C HDU
HIV HMRC HQ HRT IBS ICT IEP IQ IT IV IVF KC KPI KS1 KS2 KS3 KS4 KS5 LGBT LGBTQ MBA MDT MI MMR MRI MRSA MS MSc
NATO NB NCT NGO NHS NICE NMC NPO NSAID OCD OT PA PCR PE PEG PHQ PPE PR PRN PT PTSD QC QI RCT RIP SALT SEN SEND
SENCO SLT SOB SUV TB TIA UCAS UN UNICEF US UTI UV VAT VIP VP WHO
BID TID QID QDS TDS OD PO SC IM ICD ICF NOS ABG AF BNP CVD DMARD EF GFR HDL LDL LFT MCV NEWS NIV OGD PEFR
U&E U&Es FBC LFTs TFT TFTs INR ESR CXR AXR ECHO OT SLT FY1 FY2 ST1 ST2 ST3 SHO SpR
PC PCSO DC DCI DI DSL DfE URN
IMG NQT ECT CPN ACP ANP EHCP PGCE ITU MSK LTFT ARCP SDEC AMU CCU HCA FT MRT LRT HDB
DWP CAB PIP UC ESA JSA DLA DVLA HMCTS ONS MP MSP LA SSA IRS DMV EBT SNAP WIC TANF HUD FEMA ICE CDC FBI DHS
HHS SSI SSDI ACA CHIP
PHN FRC GAA HSE GMF GMF-U CLSC CHSLD RAMQ CaRMS MCAT USMLE
OSCE OSCEs MCQ SJT BST CNM NCHD IELTS OET MASH CIN LAC ABH GBH PNC
CBA PTO NLRB OSHA EEOC FMLA ULP WBGT HVAC
IRB IRBs REB REBs HREC IACUC DSMB CITI PHI PII HIPAA FERPA MRN GCP SOP SOPs HRPP OHRP FWA DUA DUAs MOU MoU
CRF CRFs CRO
CNS IRO SENCo AMHP IMHA IDVA ISVA SSW PSW CSW PGR PGT Co-I FLO SIO HMO HCSW LSA MLA AHP AHPs EMT OBS DPO CRA RSO
""".split()) | frozenset(w for c in NEUTRAL_CITATION_COURTS for w in c.split() if w.isupper()) | frozenset(CREDENTIALS)

# the kinds of body French, Spanish and Italian write before the name ("Centre hospitalier
# Delorme-Vachon"), longest first, and the lower-case words of the kind after them
ROMANCE_KINDS = ("Centre hospitalier universitaire", "Centre hospitalier", "Centre de santé", "Centre d'hébergement",
                 "Hôtel-Dieu", "Hôpital", "Clinique", "CHUM", "CHU", "CHSLD", "CH", "CLSC", "CISSS", "CIUSSS",
                 "GMF-U", "GMF", "École", "Collège", "Université", "Pavillon", "Clínica", "Escuela", "Colegio",
                 "Universidad", "Ospedale", "Scuola", "Università", "Policlinico")
ROMANCE_QUALIFIERS = ("universitaire", "régional", "régionale", "général", "générale", "de santé", "de soins",
                      "de réadaptation", "secondaire", "primaire", "privée", "privé", "universitario", "general",
                      "regional")

# public bodies and the vocabulary of courts, committees and records: they identify no one
# and are never given pseudonyms (a study adds its own with `public = [...]`)
PUBLIC_TERMS = (
    "European Court of Human Rights", "Court of Appeal", "High Court", "Supreme Court", "Crown Court",
    "County Court", "Magistrates' Court", "Family Court", "Court of Justice", "Grand Chamber", "Chamber",
    "Section", "Fourth Section", "First Section", "Second Section", "Third Section", "Fifth Section",
    "Registrar", "Section Registrar", "Deputy Registrar", "President", "Vice-President", "Government",
    "the Government", "the Court", "the Commission", "Commission", "Committee of Ministers", "Council of Europe",
    "Convention", "the Convention", "Contracting State", "Contracting States", "Protocol", "Rules of Court",
    "Rule", "Article", "Articles", "Administrative Court", "Queen's Bench Division", "King's Bench Division",
    "Chancery Division", "Family Division", "Criminal Division", "Civil Division", "Divisional Court",
    "Upper Tribunal", "First-tier Tribunal", "Employment Tribunal", "Tribunal", "Secretary of State",
    "Home Office", "Ministry of Justice", "Crown Prosecution Service", "Legal Aid Agency", "Parliament",
    "House of Lords", "House of Commons", "Privy Council", "Attorney General", "Solicitor General",
    "Lord Chief Justice", "Lady Chief Justice", "Master of the Rolls", "Mr Justice", "Mrs Justice",
    "Lord Justice", "Lady Justice", "His Honour Judge", "Her Honour Judge", "Recorder", "Claimant",
    "Defendant", "Appellant", "Respondent", "Applicant", "Intervener", "Interested Party", "Judgment",
    "Crown", "Queen's Counsel", "King's Counsel", "Counsel", "Solicitor", "Barrister", "Magistrate",
    "inter alia", "mutatis mutandis", "prima facie", "per curiam", "obiter dicta", "ratio decidendi",
    "ex parte", "sub judice", "amicus curiae", "habeas corpus", "bona fide", "de facto", "de jure",
    "NHS", "National Health Service", "Department of Health", "Department for Education", "Local Authority",
    "Ethics Committee", "Research Ethics Committee", "Board of Governors", "Governing Body",
    "Board of Directors", "Board of Trustees", "Audit Committee", "Finance Committee", "Committee", "Board",
    "Chair", "Vice-Chair", "Chairperson", "Secretary", "Treasurer", "Clerk", "Headteacher", "Head Teacher",
    "Principal", "Governor", "Governors", "Trustee", "Trustees", "Director", "Chief Executive",
    "Medical Director", "Consultant", "Registrar", "Ward", "Ward Manager", "Matron", "Charge Nurse",
    "Staff Nurse", "General Practitioner", "Pharmacist", "Social Worker", "Care Coordinator",
    "Public Works", "Department of Public Works", "Council", "the Council", "Trust", "the Trust",
    "Authority", "the Authority", "the Department",
    "the Ministry", "the Agency", "the Service", "the Board",
    "European Union", "African Union", "Soviet Union", "Trade Union", "Trades Union Congress",
    "Students' Union", "Student Union", "Students Union",
    # foods and breeds named after a county, which name no place: "a Yorkshire pudding"
    "Yorkshire pudding", "Yorkshire puddings", "Yorkshire tea", "Yorkshire terrier", "Cheshire cat",
    "Cornish pasty", "Cornish pasties", "Lancashire hotpot", "Devon cream tea", "Cumberland sausage",
    "Wensleydale cheese", "Lancashire cheese", "Cheshire cheese", "Bakewell tart")

# the vocabulary of a hospital and of a doctor's training: specialties, departments, stages
# of training and its paperwork ("F2, currently on Acute Medicine", "CT1 Psychiatry")
TRAINING_TERMS = (
    "Acute Medicine", "General Medicine", "Internal Medicine", "Emergency Medicine", "Family Medicine",
    "General Surgery", "Vascular Surgery", "Plastic Surgery", "Cardiothoracic Surgery", "Colorectal Surgery",
    "Neurosurgery", "Psychiatry", "Old Age Psychiatry", "Liaison Psychiatry", "Anaesthetics", "Anaesthesia",
    "Anesthesiology", "Elderly Care", "Care of the Elderly", "Geriatrics", "Geriatric Medicine", "Paediatrics",
    "Pediatrics", "Neonatology", "Obstetrics", "Gynaecology", "Obstetrics and Gynaecology", "Obs and Gynae",
    "Cardiology", "Respiratory Medicine", "Gastroenterology", "Neurology", "Oncology", "Haematology",
    "Nephrology", "Renal Medicine", "Endocrinology", "Dermatology", "Rheumatology", "Urology", "Orthopaedics",
    "Trauma and Orthopaedics", "Ophthalmology", "Radiology", "Histopathology", "Pathology", "Microbiology",
    "Palliative Care", "Palliative Medicine", "Intensive Care", "Intensive Care Medicine", "Critical Care",
    "Resus", "Resuscitation", "General Practice", "Public Health", "Sexual Health", "Medical Staffing",
    "Mental Health", "Behavioral Health", "Behavioural Health", "Occupational Health", "Community Health",
    "Child Health", "Maternal Health", "Oral Health", "Primary Care", "Social Care", "Adult Social Care",
    "Foundation Programme", "Foundation Training", "Foundation Year", "Core Training", "Core Surgical Training",
    "Internal Medicine Training", "Specialty Training", "Clinical Supervisor", "Clinical Supervisors",
    "Educational Supervisor", "Educational Supervisors", "Training Programme Director", "Special Circumstances",
    "Less Than Full Time", "Exception Reporting", "Guardian of Safe Working", "Medical Education",
    "Postgraduate Medical Education", "Deanery", "Horus", "Turas", "Acute Medical Unit",
    "Medical Assessment Unit", "Surgical Assessment Unit", "Same Day Emergency Care", "Discharge Lounge",
    "Fracture Clinic", "Outpatients", "Physiotherapy", "Occupational Therapy", "Speech and Language Therapy",
    "District Nursing", "Health Visiting", "Midwifery", "Social Services", "Children's Services",
    "Allied Health", "Allied Health Professions", "Allied Health Professionals",
    "Adult Social Care",
    # a staff forum many hospitals hold, named after its founder ("a Schwartz round")
    "Schwartz round", "Schwartz rounds", "Schwartz Round", "Schwartz Rounds")
# a stage of a doctor's training, never a name: "FY1", "F2s", "CT2", "ST3", "PGY-2"
TRAINING_GRADE = r"(?:FY|F|CT|ST|IMT|CMT|GPST|PGY|SpR|StR)-?\d{1,2}s?"

# benefits, services and steps of an application a caseworker's notes name, identifying no one
WELFARE_TERMS = (
    "Universal Credit", "Pension Credit", "Housing Benefit", "Child Benefit", "Child Tax Credit",
    "Working Tax Credit", "Tax Credits", "Attendance Allowance", "Carer's Allowance",
    "Personal Independence Payment", "Disability Living Allowance", "Employment and Support Allowance",
    "Jobseeker's Allowance", "Council Tax", "Council Tax Reduction", "Council Tax Support",
    "Local Housing Allowance", "Discretionary Housing Payment", "Housing Options", "Temporary Accommodation",
    "Jobcentre", "Jobcentre Plus", "Job Centre", "Pension Service", "State Pension", "Legal Aid",
    "Citizens Advice", "Asylum Support", "Biometric Residence Permit", "Leave to Remain",
    "Indefinite Leave to Remain", "Refugee Status", "Substantive Interview", "Screening Interview", "ESOL",
    "Social Security", "Supplemental Security Income", "Food Stamps", "Head Start", "Free School Meals",
    "Pupil Premium", "Education Health and Care Plan", "Early Help", "Child Protection", "Child in Need",
    "Safeguarding", "Caseload", "Case Notes", "Running Case Notes", "Home Visit", "Supervision")

# languages a transcript says someone speaks or was interpreted in: identify no one
LANGUAGE_NAMES = (
    "Sorani", "Kurmanji", "Kurdish", "Dari", "Pashto", "Farsi", "Persian", "Tigrinya", "Amharic", "Oromo",
    "Somali", "Arabic", "Urdu", "Punjabi", "Bengali", "Bangla", "Sylheti", "Gujarati", "Hindi", "Tamil",
    "Malayalam", "Telugu", "Nepali", "Mirpuri", "Pahari", "Polish", "Romanian", "Lithuanian", "Latvian",
    "Czech", "Slovak", "Russian", "Ukrainian", "Albanian", "Turkish", "Portuguese", "French", "Lingala",
    "Swahili", "Yoruba", "Igbo", "Hausa", "Twi", "Shona", "Ndebele", "Zulu", "Xhosa", "Tagalog", "Filipino",
    "Cantonese", "Mandarin", "Vietnamese", "Thai", "Korean", "Japanese", "Hmong", "Tongan", "Samoan",
    "Māori", "Maori", "te reo", "te reo Māori", "Gaelic", "Creole", "Patois", "Haitian Creole", "BSL", "ASL",
    "Pidgin", "Naija", "Krio",
    # the Indigenous languages of Mexico and Central America migrant workers speak
    "Mixtec", "Mixteco", "Tu'un Savi", "Zapotec", "Zapoteco", "Triqui", "Nahuatl", "Náhuatl", "Purépecha",
    "Otomí", "Tzotzil", "Tzeltal", "K'iche'", "Q'anjob'al", "Quechua",
    # of East Africa, and more of South Asia
    "Luganda", "Dholuo", "Kikuyu", "Gikuyu", "Kamba", "Luhya", "Kalenjin", "Kinyarwanda", "Runyankole",
    "Lusoga", "Acholi", "Ateso", "Sheng", "Kiswahili", "Hindko", "Pothwari", "Sindhi", "Saraiki",
    # of Britain and Ireland, of India's south and west, and of Canada's First Nations
    "Welsh", "Cymraeg", "Irish", "Gaeilge", "Scots", "Doric", "Cornish", "Manx", "Kannada", "Marathi", "Konkani",
    "Tulu", "Odia", "Sinhala", "Cree", "Ojibwe", "Oji-Cree", "Anishinaabemowin", "Inuktitut", "Michif")

# words of communities' own languages and faiths said in English speech: a greeting, a place
# of worship, a kind of gathering ("Kia ora", "at the marae", "the langar", "Pākehā")
COMMUNITY_WORDS = (
    "Kia ora", "Ngā mihi", "Tēnā koe", "Tēnā koutou", "Mālō e lelei", "Talofa", "Pākehā", "Pakeha", "marae",
    "whānau", "whanau", "hapū", "iwi", "kaumātua", "kuia",
    "mokopuna", "tamariki", "rangatahi", "tangi", "tangihanga", "hui", "wharenui", "kapa haka", "haka",
    "karakia", "whakapapa", "tikanga", "kaiako", "mahi", "aiga", "fono",
    # more of te reo Māori in New Zealand English: a way of doing things, a house, healing,
    # massage, spirit, songs, talk, a belly, a helper, health, care, a grandchild (not those
    # that are people's names too: "Kai", "Mana", "Mihi", "Moko", "Tapu", "Taonga", "Wairua")
    "kaupapa", "kaupapa Māori", "kaupapa Maori", "whare", "rongoā", "rongoa", "mirimiri", "wairua", "waiata",
    "kōrero", "korero", "puku", "kaiāwhina", "kaiawhina", "hauora",
    "manaakitanga", "whanaungatanga", "whakawhanaungatanga", "kaitiaki", "tautoko", "pōwhiri", "powhiri",
    "wānanga", "wananga", "tūpuna",
    "tupuna", "tīpuna", "mātauranga", "matauranga", "rangatiratanga", "tangata whenua", "mokopuna",
    "hāngī", "hangi", "urupā", "urupa", "kaumatua", "whānau ora", "pēpi", "pepi", "tamaiti",
    # (and as speech recognition writes them, lower case, without macrons: "kia ora koutou",
    # "name your kura", "malo e lelei")
    "Kia ora koutou", "koutou", "katoa", "kura", "koha", "te reo", "Kāhui Ako", "Kahui Ako", "kia kaha",
    "Malo e lelei", "Talofa lava", "Fakaalofa lahi atu", "gurdwara", "langar", "mandir",
    "jummah", "Jumu'ah", "Jumu’ah", "Jumuah", "khutbah", "Zuhr", "Maghrib", "iftar", "madrassa", "madrasa", "Vaisakhi", "Diwali", "Eid", "Hiya",
    # of South Africa's languages, in a chat or a meeting: greetings, thanks, how a group is
    # addressed ("bomama nobobaba", ladies and gentlemen), interjections
    # (not those that are a town or somebody's name too: "Molo", "Siyabonga")
    "Sawubona", "Sanibonani", "Yebo", "Dumela", "Dumelang", "Molweni", "Haibo", "Eish", "Aowa",
    "Ngiyabonga", "Enkosi", "Kealeboga", "bomama", "nobobaba", "bobaba", "bagolo",
    # of the Philippines: greetings, thanks, an exclamation, money sent home, a Christmas mass
    "Kumusta", "Kamusta", "Salamat", "Mabuhay", "Ay naku", "naku", "padala", "balikbayan", "Simbang Gabi")

# the commonest words of Swahili (and Sheng), which no frequency list veil has holds: a chat or a
# diary from East Africa mixes them into English ("Nilimtuma KCB agent kwa shop"); not those that
# are often first names too ("Leo", today; "Ama", "Pia", "Mimi", "Jana", "Baraka", "Neema",
# "Amani", "Juma", "Imani"); some left are names in the lists ("Siku"): the callers that read a
# word as another language's check those lists
SWAHILI_WORDS = frozenset("""
kwa ya wa za la cha vya ni si na hii hiyo huyo hao hizi hizo ile yule yote wote zote kila au lakini kama
kwamba kuwa bado tu sana hapa huko pale kule ndani nje juu chini karibu mbali wewe yeye sisi nyinyi wao
yangu yako yake yetu yenu yao wangu wako wake wetu wenu zangu zako zake zetu zenu zao changu chako chake
chetu chenu chao nini nani wapi lini vipi ngapi gani kesho juzi kesho-kutwa asubuhi mchana jioni usiku
siku wiki mwezi mwaka saa habari sawa ndiyo ndio hapana hakuna kuna iko yuko niko uko tuko mko ndiye
ndilo ndicho ofisi shule nyumba soko kazi pesa bei mzigo mauzo mkopo deni faida hasara biashara duka
mteja wateja mwenye mwenyewe watu mtu kitu vitu kidogo kubwa mpya zamani kwanza mwisho nyingi tafadhali
rafiki kaka mama shangazi mjomba nimelipa nimepata nimetuma nimefika nimeenda nimechoka nimepoteza
nilimtuma walikuja wamekuja anataka nataka tunataka sitaki sijui najua tulienda nilienda nitaenda
nitalipa tutaona tuonane sikuwa inakugharimu utaweka unaiweka umechangia umeiachilia analock ametuma
alitaka kuwithdraw tumepokea tutafanya tutatuma nauza nauli mboga mwanzo wiki-hii kabisa kweli haraka
polepole shida tatizo msaada""".split())
# the fields of a chat's or an app's JSON export that hold a measure, not an identifier:
# "size": 48213, "duration_ms": 90122
MEASURE_FIELDS = ("size", "bytes", "length", "duration", "duration_ms", "width", "height", "count", "ts",
                  "thread_ts", "event_ts", "timestamp", "created", "updated", "edited")
# the fields of a chat's or an app's JSON export that hold who wrote or said something:
# "author": "Hope", "sender": "Will Tasi" (a person, though the word is a word too)
PERSON_FIELDS = ("author", "sender", "from", "user", "username", "user_name", "display_name", "displayName",
                 "speaker", "participant", "posted_by", "created_by", "real_name", "full_name")
# what ends a file's name: "interview_final.docx", "bartek.png" are no web addresses
FILE_EXTENSIONS = ("doc", "docx", "pdf", "jpg", "jpeg", "png", "gif", "heic", "xls", "xlsx", "csv", "txt", "rtf",
                   "odt", "ppt", "pptx", "mp3", "mp4", "m4a", "wav", "mov", "zip", "vtt", "srt", "json", "nvp", "qdpx",
                   # the projects of the analysis packages: NVivo, MAXQDA, ATLAS.ti
                   "nvpx", "mx20", "mx22", "mx24", "mex22", "atlproj", "hpr7")

# the last word of a clinical or a research instrument, named after its author, its place or
# its words ("Morse Falls Scale", "Waterlow Score", "Glasgow Coma Scale"): public, no name
INSTRUMENT_WORDS = ("Scale", "Scales", "Score", "Scores", "Questionnaire", "Inventory", "Criteria", "Checklist")
# the last word of a document's title ("Trust Falls Policy", "Safer Staffing Guidelines"):
# ordinary words before it name no body
DOCUMENT_ENDS = ("Policy", "Policies", "Procedure", "Procedures", "Guideline", "Guidelines", "Pathway",
                 "Framework", "Strategy", "Handbook", "Toolkit", "Checklist")
# departments that ring, say and ask like people do: "Reception rang", "Payroll said"
DEPARTMENTS = frozenset({"Reception", "Admin", "Pharmacy", "Payroll", "Triage", "Maintenance", "Housing",
                         "Switchboard", "Security", "Radiology", "Pathology", "Safeguarding", "Transport", "Catering",
                         "Estates", "Procurement", "Recruitment", "Occupational", "Physio", "Outpatients", "Theatres",
                         "Admissions", "Accounts", "Finance", "Facilities", "Dispatch", "Control", "Matron"})

# the last word of capitalised ordinary words that name a post, a job, a law, a form or a
# day rather than a body ("Team Leader", "Care Act", "Expression of Interest", "New Year's
# Eve"); the first of an office that is public or a post ("Head of Year", "Ministry of ...")
NOT_BODY_ENDS = OCCUPATIONS | {w for p in POSTS for w in p.split()} | {
    "Act", "Acts", "Rules", "Regulations", "Statute", "Leader", "Member", "Associate", "Guardian", "Number",
    "Day", "Eve", "Week", "Month", "By", "Study", "Project", "Programme", "Program", "Order", "Payment",
    "Registration", "Interest", "Building", "Room", "Owners", "Events", "Budget", "Office", "Services", "Unit",
    "Web", "Since"} | set(INSTRUMENT_WORDS) | set(DOCUMENT_ENDS)
NOT_BODY_STARTS = frozenset({"Head", "Ministry", "Court", "Department", "Sisters", "Brothers", "Minister",
                             "Secretary", "Office", "Faculty", "School", "Centre", "Center", "Foundations"})

# the last word of a law's title: "Criminal Justice Act 1967", "Criminal Procedure Rules"
LAW_WORDS = ("Act", "Acts", "Rules", "Regulations", "Statute")   # (not "Bill", a name)
# the numbered parts of a document, a study or a course: "Amendment 4", "Wave 2", "Module 3"
NUMBERED_PARTS = ("Amendment", "Modification", "Version", "Section", "Article", "Rule", "Chapter", "Part",
                  "Schedule", "Appendix", "Annex", "Item", "Table", "Figure", "Page", "Paragraph", "Clause",
                  "Stage", "Phase", "Wave", "Cohort", "Round", "Step", "Level", "Module", "Session", "Visit",
                  "Week", "Day", "Year", "Grade", "Band", "Question", "Objective", "Aim", "Protocol")

# words of medicine that no dictionary of everyday English holds: medicines, tests, conditions
CLINICAL_WORDS = frozenset("""
paracetamol acetaminophen ibuprofen naproxen aspirin codeine morphine oxycodone tramadol fentanyl
metformin gliclazide insulin sitagliptin empagliflozin dapagliflozin amlodipine ramipril lisinopril
losartan candesartan bisoprolol atenolol metoprolol furosemide bendroflumethiazide spironolactone
atorvastatin simvastatin rosuvastatin pravastatin warfarin apixaban rivaroxaban edoxaban dabigatran
clopidogrel levothyroxine omeprazole lansoprazole pantoprazole ranitidine amoxicillin co-amoxiclav
flucloxacillin doxycycline clarithromycin azithromycin ciprofloxacin nitrofurantoin trimethoprim
prednisolone hydrocortisone dexamethasone salbutamol beclometasone fluticasone montelukast sertraline
citalopram escitalopram fluoxetine mirtazapine amitriptyline venlafaxine duloxetine quetiapine
olanzapine risperidone aripiprazole haloperidol lorazepam diazepam zopiclone melatonin donepezil
memantine rivastigmine galantamine levodopa gabapentin pregabalin carbamazepine lamotrigine
levetiracetam sodium valproate methotrexate hydroxychloroquine allopurinol colchicine alendronate
denosumab adcal tamsulosin finasteride sildenafil methylphenidate atomoxetine buprenorphine methadone
naloxone ondansetron metoclopramide cyclizine loperamide lactulose senna macrogol laxido movicol
epipen ventolin calpol nurofen
hba1c egfr troponin haemoglobin hemoglobin creatinine ferritin cholesterol triglycerides bilirubin
""".split())


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """The words that say a name is a body's: "Hospital", "Services", "Inc", "&"."""
    return frozenset(w for k in INSTITUTION_KINDS + BUSINESS_SUFFIXES + tuple(ORG_ENDINGS) for w in k.split()) | {"&"}


# a police log's shorthand: "NO PREVIOUS MISPER", "23:56 DISP 4021"
POLICE_TERMS = ("MISPER", "Misper", "DISP", "DESC", "NPAS", "OIC", "RTC", "NFA", "ASB", "CAD", "MOPI", "FWIN",
                "STORM", "Niche", "PNC")
# kin terms of South Asian and West African families said as names are ("Ammi said", "Baji rang"):
# no one's name but the relation's, like "Mum"
# (not those that are somebody's name too: "Amma", "Baba", "Dada")
KIN_TERMS = ("Ammi", "Ammi-ji", "Ammiji", "Abbu", "Abba-ji", "Baji", "Bhai", "Bhaijaan", "Bhabhi", "Apa", "Appi",
             "Nani", "Nanima", "Dadi", "Dadima", "Dadaji", "Nanaji", "Khala", "Phuppo", "Chacha", "Chachi",
             "Mamu", "Didi", "Bhaiya", "Akka", "Thatha", "Paati", "Ammamma",
             # Welsh (with its mutations: "fy Nhad"), Irish, Vietnamese, Japanese, Hawaiian
             "Mam", "Nhad", "Dad-cu", "Tad-cu", "Mam-gu", "Mamgu", "Taid", "Nain", "Mamaí", "Daidí", "Mamó",
             "Daideó", "Chú", "Cô", "Bác", "Dì", "Cậu", "Mợ", "Thím", "Út", "Sensei", "Obaachan", "Ojiichan",
             "Baachan", "Jiichan", "Tūtū", "Kupuna",
             # Swahili and Kikuyu grandparents; "-ji" said after a kin term in Urdu and Punjabi
             "Jaja", "Shosho", "Cucu", "Auntie-ji", "Aunty-ji", "Uncle-ji", "Chacha-ji",
             # Zulu, Xhosa and Sotho grandparents and brothers; Tagalog elders (not "Ate", an elder
             # sister: "Joy ate" is no kin term after a name; nor names and towns: "Gogo", "Tito", "Tita")
             "Mkhulu", "Makhulu", "Bhuti", "Abuti", "Ausi", "Manang", "Manong",
             # Somali mothers, uncles, aunts, fathers, grandparents ("Hooyo Faadumo", "Abti Yusuf")
             "Hooyo", "Abti", "Habo", "Eedo", "Aabo", "Ayeeyo", "Awoowe",
             # Korean parents, grandparents, elder siblings (not "Unni", "Imo", "Hyung": names too)
             "Appa", "Umma", "Eomma", "Halmeoni", "Halmoni", "Harabeoji", "Oppa", "Eonni", "Noona")
# Hawaiian words of everyday speech in Hawaii, capitalised at a sentence's start or in an event's
# name ("ʻOhana Day"): no one's name
HAWAIIAN_WORDS = ("ʻOhana", "Ohana", "ʻĀina", "Āina", "Aina", "ʻUkulele", "Ukulele", "Mahalo", "Aloha", "Keiki",
                  "Pilikia", "Lūʻau", "Luau", "Hānai", "Hanai", "Kuleana", "Haole", "Wahine",
                  "Kamaʻāina", "Kamaaina", "ʻŌlelo", "Olelo", "Pau hana")
# peoples and communities a transcript says families belong to, which NER reads as bodies or
# first names ("Kashmiri families", "some Roma families"): identify no one
# (not those that are somebody's name too: "Roma", "Luo")
PEOPLES = ("Kashmiri", "Kashmiris", "Romani", "Romanies", "Gypsy", "Gypsies", "Traveller", "Travellers",
           "Pashtun", "Pathans", "Tamils", "Sikhs", "Gujaratis", "Bengalis", "Somalis", "Kurds", "Pasifika",
           "Palagi", "Baganda", "Kikuyus", "Hebrideans", "Aboriginal", "Aborigines", "Torres Strait Islander")
# the regulators of the professions, whose registers a record cites (phrases only: "Social
# Work England" makes no "England" a public word)
REGULATORS = ("General Medical Council", "Nursing and Midwifery Council", "Health and Care Professions Council",
              "General Pharmaceutical Council", "General Dental Council", "General Optical Council",
              "Care Quality Commission", "Social Work England")

# the words a table's or a JSON object's fields are named by, written in CamelCase:
# "RecipientLastName", "ResponseId", "startDate"
FIELD_WORDS = frozenset("""Id Name Date Email Address Type Code Status Start End Recipient Response Last First
Location Latitude Longitude Channel Language Distribution User Duration Progress Finished Recorded Reference
External Import Time Zone Count Number Score Total Value Key Label Url Phone Record Created Modified Updated
Timestamp Ip Dob Gender Age Title Text Message Comment Note Notes""".split())
# the regions of a time zone's name: "America/Detroit", "Europe/London" (public, and no one's)
TIME_ZONE_REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
# the columns of a survey tool's export, its second row: "Recipient Last Name", "IP Address"
SURVEY_FIELDS = ("IP Address", "Response ID", "Response Type", "Recipient Last Name", "Recipient First Name",
                 "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
                 "Distribution Channel", "User Language", "Start Date", "End Date", "Recorded Date", "Last Name",
                 "First Name", "Email Address")
# what a university's offices, rules and units are called, the same everywhere ("Academic
# Registry", "Academic Integrity Regulations", "the Registry Office" where couples marry)
ACADEMIC_TERMS = ("Academic Integrity", "Academic Misconduct", "Academic Appeals", "Academic Regulations",
                  "Academic Registry", "Academic Board", "Academic Senate", "Academic Standards", "Academic Offences",
                  "Academic Practice", "Academic Skills", "Academic Quality", "Student Casework", "Student Services",
                  "Student Support", "Student Wellbeing", "Extenuating Circumstances", "Mitigating Circumstances",
                  "Fitness to Practise", "Fitness to Practice", "Fitness to Study", "Registry Office", "Register Office")
# the kinds of a study's data, said as titles: "Oral history collection, item 47"
RESEARCH_TERMS = ("Oral History", "Oral Histories", "Life History", "Life Histories") + EXAM_WORDS

DOMAIN_TERMS = REGULATORS + RESEARCH_TERMS + ACADEMIC_TERMS + SURVEY_FIELDS + TRAINING_TERMS + WELFARE_TERMS + LANGUAGE_NAMES + COMMUNITY_WORDS + POLICE_TERMS + KIN_TERMS + \
    HAWAIIAN_WORDS + PEOPLES
DOMAIN_LOWER = frozenset(t.lower() for t in DOMAIN_TERMS)


@lru_cache(maxsize=1)
def public_words() -> frozenset[str]:
    """The words of the public terms, lower case, but those that are also somebody's name
    ("Ward", "Chair" stay findable as surnames)."""
    from deid import names
    words = {w for t in PUBLIC_TERMS for w in t.split() if len(w) > 2} - {"the", "and"}
    kinds = {w for k in INSTITUTION_KINDS for w in k.split()}   # "Council" is a first name somewhere
    return frozenset(w.lower() for w in words if w in kinds or w.title() not in names.last_names()
                     and w.title() not in names.first_names())


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """The words of a hospital's, a caseworker's and a community's vocabulary (DOMAIN_TERMS),
    lower case, but those that are somebody's name: they make a span of them no name
    ("CT1 Psychiatry", "FY1, Elderly Care"), but not a name after a title ("Dr Day")."""
    from deid import names
    words = {w for t in DOMAIN_TERMS for w in t.split() if len(w) > 2} - {"the", "and"}
    return frozenset(w.lower() for w in words if w.title() not in names.last_names()
                     and w.title() not in names.first_names())


@lru_cache(maxsize=1)
def public_vocabulary() -> frozenset[str]:
    """What is never given a pseudonym, lower case: the allow-list, the public terms (a
    single word only where it is nobody's name) and medicines. Acronyms are matched as
    written, in capitals (`ACRONYMS`)."""
    terms = {t.lower() for t in PUBLIC_TERMS if " " in t or t.lower() in public_words()}
    # (a phrase only: a single word of it may be someone's surname the key must still find, "Eid")
    terms |= {t.lower() for t in DOMAIN_TERMS if " " in t}
    # the courts of neutral citations ("[2019] EWCA Crim 1123"), whole and word by word
    courts = {w.lower() for c in NEUTRAL_CITATION_COURTS for w in [c] + c.split()}
    return frozenset(w.lower() for w in DEFAULT_ALLOW) | terms | CLINICAL_WORDS | courts
