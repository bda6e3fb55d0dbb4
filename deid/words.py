"""Is a word an ordinary English word? (GCIDE, the dictionary in `english-words`; Webster's
second edition, `web2`, for how a word is written.)"""
from functools import lru_cache

from deid import lexicon


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    from english_words import get_english_words_set
    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


CONTRACTIONS = ("n't", "'d", "'ll", "'re", "'ve", "'m")


def is_common(word: str) -> bool:
    """An ordinary word: in the dictionary, or a contraction ("Don't", "I'd")."""
    w = word.lower().strip(".'’").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith(CONTRACTIONS) or w in lexicon.DIALECT_WORDS:
        return True
    d = dictionary()
    if w.endswith("nae") and w[:-3] in lexicon.NAE_VERBS:
        return True   # a Scots negative: "didnae", "couldnae", "isnae"
    if w in d or len(w) >= 7 and "ae" in w and w.replace("ae", "e") in d and not _is_name(w):
        return True   # (a British spelling the dictionary has the American of: "paediatric")
    if frequency(w) >= MODERN and not _is_name(w):
        return True  # in everyday use though not in the (old) dictionary: "website", "email"
    return is_inflection(w) or is_derived(w)


# words made from a headword the dictionary holds: "receptionist", "physiotherapist"
# ("physiotherapy"), "preceptorship" (not "-ian": "Julian" is no "July")
DERIVATIONS = (("ist", ""), ("ist", "y"), ("ship", ""), ("ism", ""))


def is_derived(w: str) -> bool:
    """A word made from a dictionary headword with a suffix of jobs and states, or a
    negating prefix ("unassigned", "non-urgent"), and nobody's name."""
    d = dictionary()
    negated = any(w.startswith(p) and len(w) - len(p) >= 4 and (w[len(p):].lstrip("-") in d or is_inflection(w[len(p):]))
                  for p in NEGATIONS)
    return (negated or any(stem in d for stem in _stems(w, DERIVATIONS))) and not _is_name(w) and frequency(w) > 0
    # (one somebody uses: "preceptorship"; not "Callist", a surname no one writes as a word, nor
    # "Unwin", a surname)


NEGATIONS = ("un", "non", "non-")


SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
            ("er", ""), ("est", ""), ("ly", ""), ("ers", ""))
PLURALS = SUFFIXES[:1] + SUFFIXES[2:4]


def _stems(w: str, suffixes=SUFFIXES):
    """The headwords a word could be a form of: "studies" -> "study", "points" -> "point"."""
    for suffix, repl in suffixes:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            yield w[: len(w) - len(suffix)] + repl


def is_inflection(word: str) -> bool:
    """A form of a dictionary headword: "killed", "points", "studies", "running", "petals"."""
    d = dictionary()
    return any(stem in d or (stem[-1:] == stem[-2:-1] and stem[:-1] in d) for stem in _stems(word.lower()))


def is_compound(word: str) -> bool:
    """Two dictionary words written as one: "plotholders", "stakeholders" (not "Crowther")."""
    w, d = word.lower(), dictionary()
    return any(w[:i] in d and (w[i:] in d or is_inflection(w[i:])) for i in range(3, len(w) - 2))


def everyday_compound(word: str) -> bool:
    """Two words in everyday use written as one: "breakroom", "carpark" (not "beaumont")."""
    w = word.lower()
    return any(is_everyday(w[:i]) and is_everyday(w[i:]) for i in range(3, len(w) - 2))


def frequency(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale: 7 "the", 4 "baker", 3 "patel")."""
    from wordfreq import zipf_frequency
    return zipf_frequency(word, "en")


def is_everyday(word: str) -> bool:
    """An ordinary word in everyday use ("Will", "Rose", "Summer", "Hill"), as opposed to a
    dictionary entry that is mostly a name ("Dexter", "Ana", "Gloria")."""
    return is_common(word) and frequency(word) >= EVERYDAY


def is_everyday_plural(word: str) -> bool:
    """The plural of a word in everyday use ("Interviews", "Services"), rarer in itself."""
    return is_common(word) and any(frequency(stem) >= EVERYDAY for stem in _stems(word.lower(), PLURALS))


def is_plural(word: str) -> bool:
    """The plural of a word people use ("Referrals", "Rotations"), however rare itself."""
    return any(frequency(stem) >= MODERN and stem in _web2() for stem in _stems(word.lower(), PLURALS))


def is_rare(word: str) -> bool:
    """A word hardly anyone uses, even when the dictionary lists it ("amadou", a tinder
    fungus, is mostly somebody's name)."""
    return frequency(word) < RARE


EVERYDAY = 4.5
MODERN = 3.3
RARE = 2.6
# languages a research text quotes its participants in; a word said far more often in one of
# them than in English is that language's word ("pero", "trabajar"; not "helen", "ivy")
OTHER_LANGUAGES = ("es", "pt", "fr", "it", "de", "nl", "pl", "ro", "ca", "fil", "id", "sv", "tr")
FOREIGN = 4.0       # how often the other language must say it
FOREIGN_LEAD = 2.0  # and by how much more than English (not "door", "till", "plus" of Dutch and German)


FUNCTION_WORD = 6.0  # said this often in another language, a word is its grammar: "les", "elle", "le"
SWAHILI = 5.5       # how often a word of the lexicon's Swahili list counts as said


@lru_cache(maxsize=4096)
def foreign_frequency(word: str) -> float:
    """How common a word is in the language of OTHER_LANGUAGES that says it most."""
    from wordfreq import zipf_frequency
    # (each language's short list: the words said often enough, in a tenth of the memory;
    # Swahili, which wordfreq lacks, from the lexicon's list, said often but below grammar)
    swahili = SWAHILI if word.lower() in lexicon.SWAHILI_WORDS else 0.0
    return max([swahili] + [zipf_frequency(word.lower(), lang, wordlist="small") for lang in OTHER_LANGUAGES])


def is_foreign(word: str) -> bool:
    """A word of another language, said far more there than in English: "pero", "entiendo",
    "le" (not "helen", "jess", "ivy": names are said as often everywhere)."""
    best = foreign_frequency(word)
    return best >= FOREIGN and best >= frequency(word.lower()) + FOREIGN_LEAD


def _is_name(w: str) -> bool:
    from deid import names
    return w.title() in names.first_names() or w.title() in names.last_names()


@lru_cache(maxsize=1)
def _web2() -> frozenset[str]:
    from english_words import get_english_words_set
    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


def listed_lower(word: str) -> bool:
    """Whether Webster's lists the word in lower case ("reading", "bath", not "london")."""
    return word.lower() in _web2()


def written_lower(word: str) -> bool:
    """Whether a word is also an ordinary lower-case word ("ruth", "walker", "hope"), as
    opposed to one only ever written with a capital ("Tyler", "Manchester", "Hartford"):
    in the dictionary in lower case, or in everyday use and never listed capitalised only."""
    w = word.lower()
    if w in _web2():
        return True
    return is_everyday(w) and w.title() not in _web2()


def run_together(word: str) -> bool:
    """Two words Webster's lists in lower case, written as one, the last people of some kind:
    "plotholders", "homeowners" (a group named by what it is; not a place, "Harehills",
    "Sparkhill")."""
    w = word.lower()
    return w.endswith("ers") and any(w[:i] in _web2() and plural_listed(w[i:]) for i in range(3, len(w) - 4))


def plural_listed(word: str) -> bool:
    """The plural of a word Webster's lists in lower case: "cousins", "banks", "rivers"."""
    return any(stem in _web2() for stem in _stems(word.lower(), PLURALS))
