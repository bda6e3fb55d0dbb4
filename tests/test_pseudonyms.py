"""Pseudonyms a researcher would publish (deid/pools.py, deid/pseudonym.py): one table row
per rule, on the real name lists and pools (no study, seconds to run)."""
import re

import pytest

from deid import config as C
from deid import names, people, pools, words
from deid.pseudonym import Pseudonyms, gender_of


def fresh(seed=14, **kw):
    return Pseudonyms([], seed=seed, **kw)


def in_lists(name: str, group: str) -> bool:
    g = people._groups()[group]
    return any(people.fold(name) in s for s in g.first_by_locale.values())


# ---------------------------------------------------------------------------- people
@pytest.mark.parametrize("real, title, want", [
    ("Helen Marsh", "", "f"),
    ("Marcus Bell", "", "m"),       # the "Marcus" -> "Kelly": a male name stays male
    ("Jordan Reyes", "mrs", "f"),   # the title says what the name does not
    ("Ingrid Solberg", "", "f"),    # a clear gender in another country's list
])
def test_a_clear_gender_is_kept(real, title, want):
    for seed in range(25):
        first = fresh(seed).pseudonym(real, "person", title=title).split()[0]
        assert gender_of(first) == want, (seed, first)


@pytest.mark.parametrize("real", ["Jordan Reyes", "Kelly Marsh", "Casey Nolan"])
def test_an_ambiguous_first_name_gets_an_ambiguous_one(real):
    assert gender_of(real.split()[0]) is None
    for seed in range(15):
        first = fresh(seed).pseudonym(real, "person").split()[0]
        assert people.is_ambiguous(first), (seed, first)


@pytest.mark.parametrize("real, group", [
    ("Giovanni Rossi", "it"), ("Priya Raman", "in"), ("Wei Zhang", "zh"), ("Chinedu Okafor", "ng"),
    ("Aoife Byrne", "ie"), ("Helen Marsh", "en"),
])
def test_origin_keep_draws_from_the_culture_of_the_name(real, group):
    assert people.origin(real.split()[0], "first") == (group,)
    for seed in range(8):
        first = fresh(seed, origin="keep").pseudonym(real, "person").split()[0]
        assert in_lists(first, group), (seed, first)


def test_origin_any_draws_english_names():
    for seed in range(10):
        first = fresh(seed).pseudonym("Giovanni Rossi", "person").split()[0]
        assert first in people.first_pool("us", "m", True), first


@pytest.mark.parametrize("listed, surname, gaelic, written", [
    ("Mccoy", True, True, "McCoy"), ("Mckenzie", False, True, "McKenzie"), ("Macdonald", True, True, "MacDonald"),
    ("Macarthur", True, True, "MacArthur"), ("Macy", True, True, "Macy"), ("Mace", True, True, "Mace"),
    ("Mackey", True, True, "Mackey"), ("Macarena", False, True, "Macarena"), ("o'connor", True, True, "O'Connor"),
    ("SMITH-JONES", True, True, "Smith-Jones"), ("Mchunu", True, False, "Mchunu"), ("D'angelo", True, True, "D'Angelo"),
])
def test_capitals_of_mc_mac_o_and_hyphens(listed, surname, gaelic, written):
    assert people.proper_case(listed, gaelic, surname) == written


def test_no_english_name_is_drawn_in_the_wrong_case():
    english = [n for g in ("us", "en", "ie") for w in ("f", "m", "a", None)
               for n in people.first_pool(g, w, False)] + list(people.last_pool("en", None, False))
    assert "McKenzie" in english and any(n.startswith("O'") for n in english)
    assert not [n for n in english if re.match(r"(?:Mc|O')[a-z]", n)]


@pytest.mark.parametrize("full, nick", [("Robert", "Bob"), ("Elizabeth", "Liz"), ("William", "Bill")])
def test_a_nickname_follows_its_full_name(full, nick):
    for first, second in ((f"{full} Shaw", nick), (f"{nick} Shaw", full)):
        ps = fresh()
        whole = ps.pseudonym(first, "person").split()[0]
        alone = ps.pseudonym(second, "person")
        related = alone == whole or alone in people.nicknames(whole) or whole in people.nicknames(alone)
        assert related, (first, whole, second, alone)


@pytest.mark.parametrize("whole, short", [("Helen Marsh", "H. Marsh"), ("Helen Marsh", "Helen M.")])
def test_an_initial_follows_the_pseudonym_it_stands_for(whole, short):
    ps = fresh()
    first, last = ps.pseudonym(whole, "person").split()
    p = ps.pseudonym(short, "person")
    assert p == (f"{first[0]}. {last}" if short.startswith("H.") else f"{first} {last[0]}.")
    assert not p.startswith("H")  # never the real initial


def test_hyphenated_names_part_by_part():
    ps = fresh()
    p = ps.pseudonym("Mary-Jane Smith-Jones", "person")
    assert re.fullmatch(r"[A-Z][\w']+-[A-Z][\w']+ [A-Z][\w']+-[A-Z][\w']+", p), p
    assert p.split()[1].split("-")[0] == ps.pseudonym("Smith", "person")
    assert gender_of(p.split("-")[0]) == "f"


# ---------------------------------------------------------------------------- places
@pytest.mark.parametrize("root, ending, reads", [
    ("Ash", "ford", True), ("Ash", "hurst", False), ("Elm", "mont", False), ("Brook", "brook", False),
    ("Birch", "stead", False), ("Stone", "bridge", True),
])
def test_compounds_join_without_doubled_letters(root, ending, reads):
    assert pools._joins(root, ending) == reads


def test_place_pools_are_large_and_hold_no_surname():
    one = pools.compounds()
    assert len(one) > 2000 and sum(len(pools.shape(s)) for s in ("root_second", "prefix_compound")) > 10_000
    assert all(words.is_common(r) or r.lower().rstrip("s") in words.dictionary() for r in pools.roots())
    given, family = names.first_names(), names.last_names()
    assert not [c for c in one if c in given or c in family]
    assert not [n for n in pools.shape("root_second") if all(w in given or w in family for w in n.split())]


@pytest.mark.parametrize("real, kind, shape", [
    ("Oak Park", "place", r"(?!Oak|Park)\w+ \w+"),                       # two words for two words
    ("Evanston", "place", r"[A-Z][a-z]+(?: [A-Z][a-z]+)*"),
    ("123 Main Street", "place", r"\d{3} \w+ (?!Street)[A-Z][a-z]+"),
    ("St. Louis", "place", r"St\. [A-Z][a-z]+"),
    ("118 Hawthorne Ridge Rd", "place", r"\d{3} [A-Z][a-z]+ [A-Z][a-z]+ (?:Ave|Ln|Blvd|Pkwy)"),   # short for short
    ("Ohio State University", "institution", r"(?!.*State).+ University"),   # "State" narrows it down
    ("St. Mary's Hospital", "institution", r"St\. (?!Mary)[A-Z][a-z]+'s Hospital"),
    ("Northwestern Memorial Hospital", "institution", r".+ (?:Community|Regional|General) Hospital"),
    ("Evanston Police Department", "institution", r"(?!.*Police).+ (?:Service|Office|Bureau)"),   # a like kind
    ("All Hallows Hospital", "institution", r"(?!All )(?!.*Hallows).+ Hospital"),   # "All" is part of the name
    ("Children's Hospital", "institution", r"(?!.*Children).+ Hospital"),
    # a ward, a GP's surgery: a like kind, not a name ("Apple Rapids") (final16)
    ("Aspinall Ward", "institution", r"(?!Aspinall)[A-Z][a-z]+ (?:Unit|Wing)"),
    ("Phibsborough Family Practice", "institution", r"(?!Phibsborough)[A-Z][a-z]+ .*(?:Surgery|Medical Practice)"),
    ("University of Missouri", "institution", r"University of .+"),
    ("First Baptist Church of Evanston", "institution", r"(?!First )(?!.*Baptist).+ Church of (?!Evanston).+"),
    ("HM Prison Altcourse", "institution", r"[A-Z]{2} (?:Penitentiary|Jail) [A-Z][a-z]+(?: [A-Z][a-z]+)?"),
    ("Altcourse Prison", "institution", r"(?!Altcourse).+ (?:Penitentiary|Jail)"),
])
def test_places_and_institutions_read_naturally_and_keep_their_kind(real, kind, shape):
    for seed in range(10):
        p = fresh(seed).pseudonym(real, kind)
        assert re.fullmatch(shape, p), (seed, p)
        own = set(re.findall(r"[A-Za-z]+", real)) - {"Oak", "Park", "Main", "Mary", "Louis"}
        for w in re.findall(r"[A-Z][a-z]+", p):  # pool words, or the real name's words of a kind
            assert w in own or w in pools.place_words() or pools.norm(w) in pools.kind_words(), (seed, p, w)


def test_a_run_of_words_keeps_its_name_inside_longer_names():
    ps = fresh()
    college = ps.pseudonym("Lake Forest College", "institution")
    assert college.startswith(ps.pseudonym("Lake Forest", "place") + " ")


# ---------------------------------------------------------------------------- the key
@pytest.mark.parametrize("kind, reals", [
    ("person", [f"{f} {s}" for f in ("Carol", "James", "Linda", "Robert") for s in ("Dunn", "Reed", "Hall")]),
    ("place", ["Cedarbrook", "Maple Grove", "North Elmwood", "Ashford Falls"]),
])
def test_no_pseudonym_holds_a_real_word_in_any_case(kind, reals):
    real_words = {w for r in reals for w in pools.words_of(r)}
    for seed in range(20):
        ps = fresh(seed)
        ps.reserve(reals)
        for i in range(40):
            p = ps.pseudonym(f"Realname{i} Othername{i}" if kind == "person" else f"Realplace{i}", kind)
            assert not pools.words_of(p) & real_words, (seed, p)


def test_no_two_entities_share_a_pseudonym():
    ps = fresh()
    people = [f"{f} {s}" for f in ("Anna", "Maria", "Helen", "Grace", "Ruth") for s in
              ("Smith", "Jones", "Brown", "Lee", "Walker", "Young", "King", "Wright")]
    places = [f"Place{i}ville" for i in range(300)] + [f"Town{i} Heights" for i in range(100)]
    got = [ps.pseudonym(r, "person") for r in people] + [ps.pseudonym(r, "place") for r in places]
    assert len({g.lower() for g in got}) == len(got)
    assert not [g for g in got if re.search(r"\d", g)]  # no pool ran out (a number is the fallback)
    firsts = {ps.map[f.lower()] for f in ("anna", "maria", "helen", "grace", "ruth")}
    assert len(firsts) == 5


def test_stored_pseudonyms_stay_and_seeded_runs_repeat():
    ps = Pseudonyms([("Oak Park", "Fairview"), ("Helen Marsh", "Carol Dunn")], seed=3)
    assert ps.pseudonym("Oak Park", "place") == "Fairview" and ps.pseudonym("Helen Marsh", "person") == "Carol Dunn"
    assert "fairview" in ps.used and not ps.new
    runs = [[fresh(5).pseudonym(r, k) for r, k in (("Jane Roe", "person"), ("Oak Park", "place"),
                                                   ("Mercy Hospital", "institution"))] for _ in range(2)]
    assert runs[0] == runs[1]


# ---------------------------------------------------------------------------- configuration
def test_the_studys_own_names_come_first():
    ps = fresh(own={"places": ["Our Town", "Lakeview"], "institutions": ["Riverside Clinic", "Hilltop Hospital"]})
    assert ps.pseudonym("12 Lake Street", "place").split()[1] not in ("Our", "Lakeview")  # a street has a street's
    assert ps.pseudonym("Oak Park", "place") == "Our Town"
    assert "oak" not in ps.map and "park" not in ps.map   # not word for word: "Oak" alone is not "Our"
    assert ps.pseudonym("Skokie", "place") == "Lakeview"
    assert ps.pseudonym("Mercy Hospital", "institution") == "Hilltop Hospital"   # same kind
    assert ps.pseudonym("Skokie Library", "institution") not in ("Riverside Clinic", "Hilltop Hospital")
    assert ps.pseudonym("Wilmette", "place") not in ("Our Town", "Lakeview")     # then veil's pools


@pytest.mark.parametrize("toml, error", [
    ('origin = "keep"\n[pools]\nplaces = ["Our Town"]\n', None),
    ('origin = "mine"\n', 'origin must be one of "any", "keep"'),
    ('[pools]\nstreets = ["Elm"]\n', "pools.streets is not known"),
    ('[pools]\nplaces = "Our Town"\n', "pools.places must be a list"),
    ('[pools]\nplaces = ["Our Town", "our  town"]\n', "lists a name twice"),
    ('[pools]\ninstitutions = ["4 Ever"]\n', "is not a name"),
    ('pools = ["x"]\n', "pools must be a table"),
])
def test_configuration_of_origin_and_pools_is_checked(tmp_path, toml, error):
    f = tmp_path / "veil.toml"
    f.write_text(toml)
    if error is None:
        cfg = C.load(f)
        assert cfg.origin == "keep" and cfg.pools == {"places": ["Our Town"]}
    else:
        with pytest.raises(C.ConfigError, match=re.escape(error)):
            C.load(f)


def test_a_scrambled_number_is_never_the_real_one():
    """Regression: "Dublin 7" became "… 7" once in nine: a digit drawn at random."""
    import random
    from deid.pseudonym import scramble
    assert all(scramble("7", random.Random(i)) != "7" for i in range(200))
    assert all(re.fullmatch(r"[A-Z]\d{5}", scramble("G82741", random.Random(i))) for i in range(20))
    # an ordinal keeps its suffix, right for the new number: "96th" -> "41st", never "76ty"
    for i in range(40):
        n = scramble("96th", random.Random(i))
        assert re.fullmatch(r"\d\d(?:st|nd|rd|th)", n) and n != "96th", n
        assert n.endswith({"1": "st", "2": "nd", "3": "rd"}.get(n[1], "th")) or n[0] == "1"


def test_a_name_written_surname_first_is_the_same_person_inverted():
    """Regression: "OYELOWO,BABATUNDE A" (a record's author line) and "Babatunde A Oyelowo"
    were given two pseudonyms, the surname taken for a first name."""
    for seed in range(5):
        ps = fresh(seed)
        inverted = ps.pseudonym("Oyelowo,Babatunde A", "person")
        plain = ps.pseudonym("Babatunde A Oyelowo", "person")
        given, last = plain.rsplit(" ", 1)
        assert inverted == f"{last},{given}", (inverted, plain)
        assert "A" not in plain.split() and "Oyelowo" not in inverted


def test_a_names_particles_go_with_it():
    """Regression: "van der" of "Anneliese van der Merwe" stayed in the pseudonym ("Karen van
    der Jones"): it tells where she is from, and the scorer counted it as a leak."""
    ps = fresh(1)
    whole = ps.pseudonym("Anneliese van der Merwe", "person")
    assert "van" not in whole.split() and "der" not in whole.split() and len(whole.split()) == 2, whole
    assert ps.pseudonym("van der Merwe", "person") == whole.split()[-1]
    assert "de" not in ps.pseudonym("Tomás de la Fuente", "person").split()


@pytest.mark.parametrize("first, second", [
    ("07700 900412", "+44 7700 900412"),
    ("+1 (555) 010-0142", "555-010-0142"),
    ("0044 (0)7700-900412", "07700 900412"),
])
def test_one_phone_written_two_ways_has_one_number(first, second):
    """Seen on final10: a mobile in a chat ("07700 900412") and as a caller's label ("+44 7700
    900412") got two numbers. The last nine digits are one number's; the country's code is
    drawn anew, never kept."""
    p = Pseudonyms([], seed=3)
    a, b = p.pseudonym(first, "contact"), p.pseudonym(second, "contact")
    digits = lambda s: re.sub(r"\D", "", s)
    assert digits(a)[-9:] == digits(b)[-9:] != digits(second)[-9:]
    assert len(b) == len(second) and digits(b)[:-9] != digits(second)[:-9]


def test_two_numbers_alike_but_for_their_first_digit_are_two_numbers():
    p = Pseudonyms([], seed=3)
    a, b = p.pseudonym("(212) 555-0142", "contact"), p.pseudonym("(312) 555-0142", "contact")
    assert re.sub(r"\D", "", a)[-7:] != re.sub(r"\D", "", b)[-7:], (a, b)


def test_phone_tail_only_of_phone_numbers():
    from deid.pseudonym import phone_tail
    assert phone_tail("07700 900412") == "700900412"
    assert phone_tail("j.osei@uni.ac.uk") == phone_tail("1234") == phone_tail("Ward 7, 2019-2024 beds") == ""



def test_initials_of_nobody_known_never_keep_a_letter():
    """Regression (final5): fresh initials for "T" drew "T" again, and the initial stayed."""
    for n in range(40):
        ps = Pseudonyms([], seed=n)
        assert all(a != b for a, b in zip(ps.initials("S.T."), "S.T.") if a.isalpha()), ps.initials("S.T.")


def test_an_acronyms_pseudonym_never_spells_it():
    """Regression (final23): "Wayne State University" became "Wheat Springs University", so
    "WSU" said alone, given its pseudonym's initials, kept its real letters (with its kind words
    kept, "Boston Medical Center" -> "Baywater Medical Center", one pseudonym in twenty-six has
    the real initials). Then the acronym is given other letters, as many."""
    for seed in range(50):
        ps = fresh(seed)
        other = ps.acronym_for("WSU", "WSU")
        assert len(other) == 3 and not {a == b for a, b in zip(other, "WSU")} - {False}, (seed, other)
    assert fresh().acronym_for("BMC", "SMC") == "SMC"


@pytest.mark.parametrize("real", ["Sreeja P K", "Karthik R S", "J P Morgan"])
def test_an_initials_pseudonym_is_none_of_its_names_letters(real):
    """Regression (measuring every set again, final16): "Sreeja P K" became "Avila J P": the
    letter drawn for "K" was the name's other initial, "P", so the scorer (and a reader) saw the
    real "P" kept. An initial's pseudonym is none of the real initials of its name."""
    letters = {w[0] for w in real.split() if len(w) == 1}
    for seed in range(300):
        p = fresh(seed).pseudonym(real, "person").split()
        assert not letters & {w[0] for w in p if len(w) == 1}, (seed, p)


@pytest.mark.parametrize("real", ["c.desrosiers", "r.whitmore", "cdesrosiers@cusm.ca"])
def test_a_user_names_pseudonym_keeps_no_real_initial(real):
    """Regression (measuring every set again, final16): a Dedoose user "c.desrosiers" became
    "c.vaughan", its initial drawn at random and the real one by chance."""
    for seed in range(200):
        assert fresh(seed).pseudonym(real, "contact")[0] != real[0], seed


def test_a_dedication_is_given_a_saints_name():
    """Regression (final23): "Our Lady of Alqosh Chaldean Parish" kept "Our Lady of" in its
    pseudonym, words of its name a reader matches; a dedication is given a saint's name, the
    same wherever it is said ("Our Lady of Alqosh" alone too)."""
    ps = fresh(2)
    whole, short = ps.pseudonym("Our Lady of Alqosh Chaldean Parish", "institution"), \
        ps.pseudonym("Our Lady of Alqosh", "institution")
    assert re.match(r"St\. \w+'s ", whole) and whole.startswith(short + " "), (whole, short)
    assert not {"Our", "Lady", "Alqosh"} & set(whole.split()), whole
