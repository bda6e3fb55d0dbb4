"""The de-identification core, stage by stage: the name matcher (table-driven), linking,
and a regression test for each bug the staged core fixed."""
import re

import pytest
from click.testing import CliRunner

import cli
from deid.matcher import NameMatcher
from deid.model import Kind

MATCHER = [
    # forms of the key, text, what must be found
    (["Helen Marsh", "Okafor"], "I met helen marsh and OKAFOR.", ["helen marsh", "OKAFOR"]),
    (["Rose"], "Rose came. A rose grew. ROSE.", ["Rose", "ROSE"]),            # an ordinary word: capitalised only
    (["Will"], "Will you ask Will? I will.", ["Will"]),                        # a function word: mid-sentence only
    (["June"], "June said so. Next June, in June 2019.", ["June"]),            # a month: not in a date
    (["Okafor"], "Okaforville and Okafor's", ["Okafor"]),                     # whole words; possessive outside
    (["Marsh"], "helen.marsh@x.org", []),                                    # not inside an address
    (["Okafor"], "see helen.okafor now", ["okafor"]),
    (["Helen Marsh"], "Helen\nMarsh", ["Helen\nMarsh"]),                       # any whitespace between words
    (["St. Luke's Hospital", "Luke"], "at St. Luke's Hospital", ["St. Luke's Hospital"]),   # the longest wins
    (["Quinn"], "", []),
    (["Bigga"], 'read: "Biggas boy is at it", said Bigga', ["Bigga", "Bigga"]),   # an "s" typed for "'s"
    (["Davie"], "Davies came", []),                                    # not a name of its own with "s"
    # a name of two letters: as written only, not joined to what follows
    (["Mo"], "Mo said. Ask Mo about it. MO is out. Half a mo. Al-Mo. Mo.ped, Mo's. I asked Mo- sorry",
     ["Mo", "Mo", "Mo", "Mo"]),
    (["Wu"], "Prof Wu and WU and wu", ["Wu"]),
    (["An"], "An apple for An, with An", ["An", "An"]),               # a function word: mid-sentence only
]


@pytest.mark.parametrize("forms, text, found", MATCHER)
def test_matcher(forms, text, found):
    m = NameMatcher([(f.lower(), 1) for f in forms])
    assert [text[h.start:h.end] for h in m.find(text)] == found


def test_matcher_protected_spans_and_dotted_names():
    m = NameMatcher([("okafor", 1)])
    assert m.find("Okafor and Okafor", protected=[(0, 6)])[0].start == 11
    assert m.find("see helen.okafor now", dotted=False) == []


def test_matcher_reads_a_long_text_in_pieces_as_one():
    """A long transcript is tokenised a piece at a time (cut at blank lines): every name is
    found, at its place in the whole text, and protected spans hold across pieces."""
    from deid import matcher
    turn = "Then Helen Marsh met Okafor at St. Luke's Hospital.\n\n"
    text = turn * 2000   # about 100,000 characters, several pieces
    m = NameMatcher([("helen marsh", 1), ("okafor", 2), ("st. luke's hospital", 3)])
    assert len(matcher.chunks(text)) > 3
    last = text.rindex("Okafor")
    hits = m.find(text, protected=[(last, last + 6)])
    assert len(hits) == 3 * 2000 - 1
    assert all(text[h.start:h.end] in ("Helen Marsh", "Okafor", "St. Luke's Hospital") for h in hits)
    tail = text[-200:]
    assert [tail[h.start:h.end] for h in m.find(tail)][-2:] == ["Okafor", "St. Luke's Hospital"]


def test_matcher_lower_case_transcripts():
    m = NameMatcher([("rose", 1), ("will", 2)])
    assert [h.entity for h in m.find("then rose said i will", uncased=True)] == [1]
    # (an everyday word after a determiner is that word: "the price", not Emyr Price)
    m = NameMatcher([("price", 1)])
    assert [h.start for h in m.find("emyr price came and we paid the price", uncased=True)] == [5]
    # (a body's word no dictionary holds, where it starts with a capital, by the whole text's
    # casing, not a line's: a line's may change once its date is replaced, "[2021]")
    m = NameMatcher([("puhinui", 1)], capitalised={"puhinui"})
    assert len(m.find("at Puhinui School\nthen we moved closer to puhinui on 3 March 2021")) == 1
    assert len(m.find("at Puhinui School\nthen we moved closer to puhinui on [2021]")) == 1
    assert len(m.find("we moved closer to puhinui and then back", uncased=True)) == 1
    # (two letters are no name without a capital: "et al", "half a mo")
    assert NameMatcher([("al", 1), ("mo", 2)]).find("smith et al said give me half a mo", uncased=True) == []


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def deid_one(tmp_path, name: str, text: str, out: str = "o", *more) -> tuple:
    """`veil deid` on one transcript (a study in tmp_path/s): the run's output and the
    de-identified text; the run must succeed."""
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / name).write_text(text)
    res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / out, *more)
    assert res.exit_code == 0, res.output
    return res.output, (tmp_path / out / name).read_text()


def assert_gone(out: str, *reals, lower: bool = False) -> None:
    """No real identifier is left in the output (in any case, with `lower`)."""
    text = out.lower() if lower else out
    assert not [r for r in reals if r in text], ([r for r in reals if r in text], out)


def assert_kept(out: str, *phrases) -> None:
    """Each phrase stands in the output as written."""
    assert not [p for p in phrases if p not in out], ([p for p in phrases if p not in out], out)


def open_flags(tmp_path, name: str) -> set[str]:
    """The texts of the open review items of one transcript of the study in tmp_path/s."""
    from deid.study import open_study
    with open_study(tmp_path / "s") as s:
        return {i.text for i in s.items.of(name) if i.status == "open"}


def test_bracket_labels_never_repeat_across_runs(tmp_path, passphrase):
    """Regression: the counter of bracket labels was reset by every run."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Interviewer: Who?\n\nRespondent: Gregory Hastings trained me.\n")
    (tmp_path / "b" / "two.txt").write_text("Interviewer: Who?\n\nRespondent: Philippa Marchetti trained me.\n")
    (tmp_path / "veil.toml").write_text('style = "bracket"\n')
    for sub in ("a", "b"):
        res = run("deid", tmp_path / sub, "--study", tmp_path / "s", "--out", tmp_path / f"o{sub}",
                  "--config", tmp_path / "veil.toml")
        assert res.exit_code == 0, res.output
    one, two = (tmp_path / "oa" / "one.txt").read_text(), (tmp_path / "ob" / "two.txt").read_text()
    label = lambda text: text.split("Respondent: ")[1].split(" trained")[0]   # noqa: E731
    assert label(one).startswith("[PERSON ") and label(two).startswith("[PERSON ")
    assert label(one) != label(two)


def test_known_names_on_their_own_line_are_replaced_not_refused(tmp_path, passphrase):
    """Regression: single words the key held as parts of an address were found by the leak
    check but not by the replacement pass, and the file was refused."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Interviewer: Where do you live?\n\nRespondent: At 14 Larchmont Avenue,\nBrindleford\n")
    (tmp_path / "in" / "b.txt").write_text(
        "Interviewer: And your sister?\n\nRespondent: She moved to\nBrindleford\nlast year. Brindleford is quiet.\n")
    res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    for f in ("a.txt", "b.txt"):
        assert "Brindleford" not in (tmp_path / "out" / f).read_text()


def test_one_bad_transcript_does_not_stop_the_batch(tmp_path, passphrase, monkeypatch):
    """Regression: an error in one transcript aborted the whole batch."""
    from deid import rules
    real = rules.mentions

    def failing(doc, cands, cfg):
        if "BREAKS" in doc.text:
            raise RuntimeError("a stage failed")
        return real(doc, cands, cfg)
    monkeypatch.setattr(rules, "mentions", failing)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text("Interviewer: Hi.\n\nRespondent: This one BREAKS.\n")
    (tmp_path / "in" / "good.txt").write_text("Interviewer: Hi.\n\nRespondent: I work with Gregory Hastings.\n")
    res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / "out")
    assert res.exit_code == 1
    assert "bad.txt: could not be de-identified (RuntimeError); skipped" in res.output
    assert "Traceback" not in res.output
    assert "Gregory" not in (tmp_path / "out" / "good.txt").read_text()
    assert not (tmp_path / "out" / "bad.txt").exists()


def test_a_missing_language_model_is_one_line(tmp_path, passphrase, monkeypatch):
    from deid import analyzer
    analyzer.engine.cache_clear()
    monkeypatch.setattr(analyzer, "SPACY_MODEL", "en_core_web_missing")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Interviewer: Hi.\n\nRespondent: I work with Gregory Hastings.\n")
    try:
        res = CliRunner().invoke(cli.main, ["deid", str(tmp_path / "in"), "--study", str(tmp_path / "s"),
                                            "--out", str(tmp_path / "out")])
    finally:
        analyzer.engine.cache_clear()
    assert res.exit_code == 1 and "en_core_web_missing is not installed" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_rerun_keeps_review_decisions(tmp_path, passphrase):
    """Regression: re-running deid deleted the transcript's review items and decisions."""
    from deid import decisions as D
    from deid.study import open_study
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Interviewer: Who helped?\n\nRespondent: Snaffit did, and Gregory Hastings.\n")
    run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / "out")
    with open_study(tmp_path / "s") as s:
        flag = next(i for i in s.items.of("a.txt") if i.status == "open")
        D.decide(s, flag.id, "rejected", "tester")
        s.save()
    res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / "out2", "--force")
    assert res.exit_code == 0, res.output
    with open_study(tmp_path / "s") as s:
        kept = [i for i in s.items.of("a.txt") if i.text == flag.text]
    assert kept and all(i.status == "rejected" and i.reviewer == "tester" for i in kept)


def test_output_folder_inside_inputs_or_study_is_refused(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Interviewer: Hi.\n\nRespondent: Hello.\n")
    for out in (tmp_path / "in", tmp_path / "in" / "sub", tmp_path / "s", tmp_path / "s" / "out"):
        res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", out)
        assert res.exit_code == 1 and "choose another folder" in res.output, out
    assert (tmp_path / "in" / "a.txt").read_text().startswith("Interviewer: Hi.")


def test_pieces_cut_at_turns():
    from deid.detect import pieces
    text = "\n\n".join(f"turn {i} " + "word " * 30 for i in range(200))
    cut = pieces(text, size=1000)
    assert "".join(p for _, p in cut) == text
    assert all(len(p) <= 1000 for _, p in cut[:-1]) and all(text[o:o + len(p)] == p for o, p in cut)
    assert all(p.startswith("\n\nturn") for _, p in cut[1:])


def test_same_name_from_another_folder_is_refused(tmp_path, passphrase):
    """Regression: a later file of the same name replaced the earlier one's output, source
    and review items, reported as success."""
    for sub, who in (("a", "Gregory Hastings"), ("b", "Philippa Marchetti")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(f"Interviewer: Who?\n\nRespondent: {who} trained me.\n")
    assert run("deid", tmp_path / "a", "--study", tmp_path / "s", "--out", tmp_path / "o1").exit_code == 0
    res = run("deid", tmp_path / "b", "--study", tmp_path / "s", "--out", tmp_path / "o2")
    assert res.exit_code == 1 and "another transcript of this name" in res.output
    assert not (tmp_path / "o2" / "x.txt").exists()


def test_a_transcript_run_again_is_not_taken_for_its_own_output(tmp_path, passphrase):
    """Regression: a transcript whose output kept its name, run again (--force, or after a
    correction in the review page), was taken for veil's output given back; the kind word
    of an institution's pseudonym ("... Hospital") then hid the real institution, which the
    leak check refused."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Interviewer: Where do you work?\n\nRespondent: I am a nurse at Riverside General Hospital "
        "in Millbrook, with Gregory Hastings.\n")
    for n in (1, 2):
        res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / f"o{n}", "--force")
        assert res.exit_code == 0, res.output
        out = (tmp_path / f"o{n}" / "a.txt").read_text()
        assert "Riverside" not in out and "Hastings" not in out
    assert (tmp_path / "o1" / "a.txt").read_text() == (tmp_path / "o2" / "a.txt").read_text()


def test_own_output_keeps_its_pseudonyms_but_not_a_real_name_beside_one():
    """Only mentions the study's pseudonyms cover whole are left: "Carol Smith" holds a
    real surname beside a pseudonym, and a kind word ("Hospital") is no pseudonym."""
    from deid.model import Span
    from deid.own import Pseudonyms
    own = Pseudonyms(["Carol Dunn", "Thorn Regional Hospital"])
    text = "[UNREVIEWED] Carol Smith and Carol Dunn met at Riverside General Hospital."
    spans, is_own = own.spans(text)
    assert is_own and not any(text[s.start:s.end] == "Hospital" for s in spans)
    at = text.index("Carol Smith")
    assert not own.covers(spans, Span(at, at + len("Carol Smith")))
    at = text.index("Carol Dunn")
    assert own.covers(spans, Span(at, at + len("Carol Dunn")))


def test_a_known_place_spacy_calls_a_nationality_is_replaced_not_refused(tmp_path, passphrase):
    """Regression (found on a 1 MB transcript): "Ravagnese", flagged once as a possible
    place, was tagged a nationality (NRP) elsewhere and kept there, which the leak check
    then refused. A known form is replaced wherever it stands."""
    _, out = deid_one(tmp_path, "a.txt",
        "Interviewer: Who do you work with?\n\nRespondent: Deborah Bernardini works mostly with Sudanese "
        "families in Ravagnese, she speaks Arabic and some French.\n\nInterviewer: What do people need?\n\n"
        "Respondent: Food, transportation, housing, in that order. The only full grocery store near "
        "Ravagnese closed last year.\n\nInterviewer: Anything else?\n\nRespondent: Also, please put that "
        "the people in Ravagnese are not the problem.\n")
    assert "Ravagnese" not in out and "Sudanese" in out


def test_a_judgment_citing_years_in_brackets_is_no_veil_output(tmp_path, passphrase):
    """Regression: "[2019] EWCA Crim 1123" made a judgment look like veil's own output (a
    year in brackets is how veil writes a generalised date), and the court of the citation
    was flagged as a person, so the file "r_v_x_ewca_crim.txt" was renamed after a pseudonym."""
    said, out = deid_one(tmp_path, "r_v_x_ewca_crim.txt",
        "Neutral Citation Number: [2019] EWCA Crim 1123\n\nIN THE COURT OF APPEAL (CRIMINAL DIVISION)\n\n"
        "1. The appellant, Gareth Ashby-Lowe, was convicted at Liverpool Crown Court. His counsel, "
        "Ms Nadia Haddad, relies on R v Pemberton [2017] EWHC 455 (Admin).\n")
    assert "own output" not in said
    assert "[2019] EWCA Crim" in out and "Ashby-Lowe" not in out and "Haddad" not in out


def test_a_nickname_joins_the_person_of_its_full_name_said_before_or_after(tmp_path, passphrase):
    """A speaker "Thomas Whitfield" called "Tom" in the text, and "Jess" said before "Jessica
    Alvarez": one person each in the key, the nickname given the nickname of its pseudonym."""
    from deid import people
    from deid.study import open_study
    deid_one(tmp_path, "a.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Thomas Whitfield>So Dana asked me about the rota.</v>\n\n"
        "00:00:04.500 --> 00:00:09.000\n<v Dana Okonkwo>Yes I did, I asked Tom because Tom runs it.</v>\n\n"
        "00:00:09.500 --> 00:00:12.000\n<v Thomas Whitfield>And Jess, what did Jessica Alvarez say?</v>\n")
    with open_study(tmp_path / "s") as s:
        entity = {real: (eid, pseudo) for eid, real, pseudo in s.variants()}
    for nick, full in (("Tom", "Thomas"), ("Jess", "Jessica")):
        assert entity[nick][0] == entity[full][0]
        assert entity[nick][1] in people.nicknames(entity[full][1]) + (entity[full][1],), (nick, entity)


def test_a_name_the_sweep_finds_is_taken_whole(tmp_path, passphrase):
    """Regression: a surname only the sweep found ("Adeyemi", no NER) was replaced, and the
    first name before it, an everyday word, was left ("Hope <pseudonym>")."""
    text = ("Interviewer: Who runs it?\n\nRespondent: The carpentry one. They're good. Hope Adeyemi runs "
            "it, she used to be a probation agent.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Adeyemi" not in out and "Hope" not in out, out


def test_an_institution_called_by_its_name_without_its_kind(tmp_path, passphrase):
    """Regression: "Prairie Rose Adult Day" was replaced and "Prairie Rose" said alone was
    left; a single ordinary word ("Northern" of a hospital) must not become a form."""
    text = ("Interviewer: And your mom?\n\nRespondent: My mom goes to Prairie Rose Adult Day three days a "
            "week. The staff at Prairie Rose know her. I trained at Northern General Hospital; the Northern "
            "lights were out. We go to Mass at Regional Medical Center; Mass at home is quieter.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Prairie" not in out and "Rose" not in out, out
    assert "Northern lights" in out and "Mass at home" in out, out   # no form of words like "Mass at"


def test_a_service_called_by_its_name_before_whom_it_is_for(tmp_path, passphrase):
    """Regression (final13): "Ngadlu Aboriginal Health Service" and "Ngadlu" said alone were
    given two pseudonyms: only the kind words were stripped for the short form, not
    "Aboriginal" between the name and its kind. "Aboriginal Health" of a post was a body."""
    text = ("Case notes.\nSC spoke with Uncle Dennis at Ngadlu Aboriginal Health Service about the plan. "
            "Uncle Dennis (Aboriginal Health Worker, Ngadlu) rang back. "
            "Consent to share info with Ngadlu confirmed verbally. Webster pack now supplied from Ngadlu pharmacy.\n")
    study, out = deid_one(tmp_path, "t.txt", text)
    assert "Ngadlu" not in out and "(Aboriginal Health Worker," in out, out
    alone = re.search(r"with (\w+) confirmed", out).group(1)
    assert re.search(rf"at {alone}\b[^.]* Health", out) and f"from {alone} pharmacy" in out, out


def test_a_hospital_named_after_a_person_called_by_its_name_alone(tmp_path, passphrase):
    """Regression (final13): "Lyell McEwin" in a list of bodies was a person and "Lyell McEwin
    Hospital" a body: two pseudonyms for one hospital."""
    text = ("Case notes.\nConsent forms signed (Kinetic Therapy Solutions, Lyell McEwin).\n\n24/06 seizure, "
            "taken to Lyell McEwin Hospital, discharged same day. Mum says Lyell McEwin were good.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Lyell" not in out and "McEwin" not in out, out
    name = re.search(r"taken to (.+?) Hospital", out).group(1)
    assert f"Solutions, {name})" in out and f"says {name} were" in out, out


def test_a_ward_named_after_a_place_and_a_test_result_in_clinical_notes(tmp_path, passphrase):
    """Regression: "Lullingstone Ward" became a person and the heading "Ward:" a surname;
    "CRP 214" was given a pseudonym as an organisation."""
    text = ("Discharge summary, medicine.\nWard: Pembury Ward, then Lullingstone Ward (care of the elderly)\n\n"
            "On arrival CRP 214, urea 14.2. OT assessed her on Lullingstone.\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert "Pembury" not in out and "Lullingstone" not in out, out
    assert "\nWard: " in out and "CRP 214" in out, out


def test_recognizers_run_in_one_order_in_every_process():
    """Regression: Presidio hands back a request's recognizers as a set of objects, in an
    order that changed from process to process; of two results with one span and score the
    first was kept, so the same input gave a different output from run to run."""
    from deid import analyzer
    reg = analyzer.engine().registry
    got = reg.get_recognizers(language="en", entities=analyzer.ENTITIES)
    assert [r.name for r in got] == [r.name for r in reg.recognizers if r in got]
    assert got[0].name == "OfflineEmailRecognizer"   # veil's own first: they win a tie


def test_a_surname_frequent_as_a_name_is_found_again_alone(tmp_path, passphrase):
    """Regression: "Crowther" of "Ms Bethany Crowther" is frequent in English text (as a
    name) and was taken for an ordinary word, so "Ms Crowther" later was neither found
    again nor caught by the leak check."""
    text = ("1. The claimant's advocate, Ms Bethany Crowther of SpeakUp Kirkstall, was not invited.\n\n"
            "2. I take this ground first. Crowther had been appointed under section 67.\n")
    _, out = deid_one(tmp_path, "j.txt", text)
    assert "Crowther" not in out and "Bethany" not in out, out


def test_a_name_that_is_a_word_in_a_heading_and_a_football_club(tmp_path, passphrase):
    """Regression: "Oral" of the heading "... Oral History Project" was taken for a first
    name by the sweep, replaced, and so the file "02_oral_history.txt" was renamed after a
    pseudonym; "Calderby Rovers" (a club) became a person."""
    from deid.study import open_study
    text = ("Calderby Voices Oral History Project\nInterviewee: Isabel Calderon\n\n"
            "A: He played half-back for Calderby Rovers for ten years. I asked Amber about it.\n")
    said, out = deid_one(tmp_path, "02_oral_history.txt", text)
    assert "Calderby" not in out and "Amber" not in out, out
    assert (tmp_path / "o" / "02_oral_history.txt").exists()
    with open_study(tmp_path / "s") as s:
        kinds = {e.real: e.kind for e in s.entities()}
    assert kinds["Calderby Rovers"] == Kind.INSTITUTION, kinds


def test_codes_in_capitals_and_a_date_read_across_a_blank_line(tmp_path, passphrase):
    """Regression: "SPAN" of "SPAN/22/L3/0117" was recased as a word in capitals, so the
    reference was not seen; spaCy read "142\\n\\nMinute Of The Board" as one date and hid
    "no. HAL 142"; a name NER read on into the next line was dropped whole."""
    text = ("Registered with the Scottish Housing Regulator, no. HAL 142\n\nMinute of the Board of Management\n\n"
            "FM recommended the SPAN Scotland framework (lot 3, contract ref. SPAN/22/L3/0117).\n\n"
            "His Honour Judge Greenhalgh\nR89957903\n")
    _, out = deid_one(tmp_path, "minutes.txt", text)
    assert "HAL 142" not in out and "SPAN/22/L3/0117" not in out and "Greenhalgh" not in out, out
    assert "Minute of the Board of Management" in out, out


def test_a_town_in_two_addresses_gets_one_pseudonym(tmp_path, passphrase):
    """Regression: "Gillingham ME7 5NY" and "Gillingham ME8 3RS" were given two towns."""
    text = ("Patient address: 14 Canterbury Street, Gillingham ME7 5NY\n\n"
            "Next of kin: daughter, 3 Napier Road, Gillingham ME8 3RS\n\n"
            "GP: Wentloog Road, Rumney, Cardiff CF3 3EA\n\nSchool: 31 Glan Close, Llanrumney, Cardiff CF3 5QL\n")
    _, out = deid_one(tmp_path, "letter.txt", text)
    assert "Gillingham" not in out, out
    towns = [line.split(", ")[-1].rsplit(" ", 2)[0] for line in out.strip().split("\n\n")]
    assert towns[0] == towns[1] and towns[2] == towns[3] and "Cardiff" not in out, out   # (a frequent town too)


@pytest.mark.parametrize("text, word, title", [
    ("Calderby Voices Oral History Project", "Oral", True),
    ("the Oral History Society met", "Oral", True),
    ("I asked Oral about it.", "Oral", False),
    ("We met Amber Jones there", "Amber", False),
    ("Present: Amber Webb, Dexter Hall, Victor Lane", "Dexter", False),
])
def test_a_name_that_is_a_word_in_a_title(text, word, title):
    """The sweep reads a capital as a name's only where capitals are not the rule."""
    from deid.model import Span
    from deid.sweep import _in_a_title
    at = text.index(word)
    assert _in_a_title(text, Span(at, at + len(word)), word) == title


def test_an_asr_transcript_says_numbers_and_names_in_lower_case(tmp_path, passphrase):
    """Regression (lower-case speech recognition): "route twelve" was dropped as ordinary
    words, the "forty" of "forty birch street" kept, and "amadou" (a dictionary word, a
    tinder fungus) read as a word."""
    text = ("interviewer: so what happened that night\n\nparticipant: well the house was fine but i couldn't get "
            "out because route twelve was gone like the road was just gone so amadou came with the truck and "
            "we went to the church hall at forty birch street and we stayed there two nights with everybody "
            "from the street and amadou kept the kids busy the whole time honestly and i changed my "
            "address to the same one as my sister 2 weeks later\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    for gone in ("twelve", "amadou", "forty", "birch"):
        assert gone not in out, (gone, out)
    assert "the road was just gone" in out and "the church hall" in out and "address to the same" in out, out


def test_minutes_define_initials_and_name_posts(tmp_path, passphrase):
    """Regression: "Alasdair MacLeod (AML)" was taken for a body (NER called it one, and
    "Alasdair" was in no list), "FM" of "Fraser Menzies (FM)" was kept as the radio band,
    and "Property & Assets" of a director's post was given a place's name."""
    text = ("In attendance:\nAlasdair MacLeod (AML) – Chief Executive\nFraser Menzies (FM) – Director of "
            "Property & Assets\n\n1. Report\n\nAML reported that the Association has 2,904 homes. FM presented "
            "a paper.\n")
    _, out = deid_one(tmp_path, "minutes.txt", text)
    for gone in ("Alasdair", "MacLeod", "AML", "Fraser", "Menzies", "FM"):
        assert gone not in out, (gone, out)
    assert "Director of Property & Assets" in out, out
    from deid.study import open_study
    with open_study(tmp_path / "s") as s:
        kinds = {e.real: e.kind for e in s.entities()}
    assert kinds["Alasdair MacLeod"] == Kind.PERSON, kinds


def test_a_company_called_by_its_name_alone_when_that_is_a_word(tmp_path, passphrase):
    """Regression: "Kestrel" said alone after "Kestrel Freight" was left (a dictionary word,
    so no form of its own); the bird in lower case stays."""
    text = ("Interviewer: Where did you work?\n\nRespondent: I drove for Kestrel Freight for nine years. "
            "Kestrel paid badly, and when Kestrel lost the contract we all went. I saw a kestrel over the "
            "depot the last day.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Kestrel" not in out and "a kestrel over" in out, out


def test_a_name_followed_by_the_kind_of_a_body_is_that_body(tmp_path, passphrase):
    """Regression: "Grange Lane" of "Grange Lane Academy" was replaced as a street and
    "Ruby Bridges Elementary" as a person, so their kind word was never given a like kind."""
    from deid.study import open_study
    text = ("Interviewer: Which schools?\n\nRespondent: The big ones are Grange Lane Academy up in Hollin Moor, "
            "and the boys from Ruby Bridges Elementary. Mary Ward came too.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Grange" not in out and "Ruby" not in out and "Mary Ward" not in out, out
    with open_study(tmp_path / "s") as s:
        kinds = {e.real: e.kind for e in s.entities()}
    assert kinds["Grange Lane Academy"] == kinds["Ruby Bridges Elementary"] == Kind.INSTITUTION, kinds
    assert kinds["Mary Ward"] == Kind.PERSON, kinds


def test_a_practice_code_and_a_town_taken_for_a_nationality(tmp_path, passphrase):
    """Regression: "G82741" (a GP practice code the number recognizer found) was flagged as
    an acronym and kept; "Zgierz" was kept as a nationality (spaCy's NRP)."""
    text = ("GP: Dr. Harriet Lamb, Medway Riverside Surgery\nGP practice code: G82741\n\n"
            "5. The applicant was born in 1958 and lives in Zgierz. She is Polish.\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert "G82741" not in out and "Zgierz" not in out and "Polish" in out, out


def test_a_record_header_in_columns_and_a_post_with_an_acronym(tmp_path, passphrase):
    """Regression: spaCy read "Tyler-James REES   DOB 22/05/2008" (three fields) as one
    body, so the field name and the date got a place's name; "GP Partner" was a body."""
    text = ("Dear Dr. Prosser,\n\nRe: Tyler-James REES   DOB 22/05/2008   NHS no. 721 309 6644\n"
            "Thank you for seeing this boy.\n\nDr. Meera Mukherjee\nGP Partner, GMC 6128830\n")
    _, out = deid_one(tmp_path, "letter.txt", text)
    assert "Tyler" not in out and "REES" not in out and "Mukherjee" not in out, out
    assert "   DOB " in out and "GP Partner, GMC " in out, out


def test_initials_of_people_a_record_names_surname_first(tmp_path, passphrase):
    """Regression: a case record names "ADEYEMI, Kemi" and "NOWAK, Tomasz" in its header and
    then calls them "KA" and "TN"; the initials were taken from the names as written ("AK")."""
    text = ("Child 1: ADEYEMI, Kemi\nMother's partner: NOWAK, Tomasz   DOB: 07/02/1986\n\n"
            "Home visit. TN spoke with me in English. KA drew her three houses. TN left at four. Our "
            "CHW, Hope Washington, came too. We had a girl, Kasia, Kasia Wroblewska, she was lovely.\n")
    _, out = deid_one(tmp_path, "chw_case.txt", text)
    for gone in ("ADEYEMI", "Kemi", "NOWAK", "Tomasz", " TN ", " KA ", "Hope", "Washington"):
        assert gone not in out, (gone, out)
    assert "Our CHW, " in out, out   # an acronym before a name is no surname
    said_twice = out.split("We had a girl, ")[1].split(", she")[0].split(", ")
    assert said_twice[0] == said_twice[1].split()[0], out   # a name said twice, not written inverted
    assert (tmp_path / "o" / "chw_case.txt").exists()


def test_a_person_written_shorter_and_surname_first_is_one_person_with_initials(tmp_path, passphrase):
    """Regression: NER found only "Kemi" of "ADEYEMI, Kemi" (her brother's "NOWAK-ADEYEMI"
    lent "ADEYEMI" a pseudonym), and "P. Raghunathan" became a second person beside "Priya
    Raghunathan", so neither "KA" nor "PR" (two people) was replaced."""
    text = ("Case no.: CSWS-24-08813\n\nChild 1: ADEYEMI, Kemi\nDOB: 12/05/2015   NHS no.: 485 227 1093\n"
            "Child 2: NOWAK-ADEYEMI, Oskar\nDOB: 03/11/2021\n\nAllocated worker: Priya Raghunathan\n\n"
            "Participants: P. Raghunathan (SW), Niamh Ní Bhriain (Health Visitor).\n\n"
            "Seen alone at school. KA drew her three houses. PR to refer the family. Ní Bhriain to visit.\n\n"
            "Mother: ADEYEMI, Folake Titilayo\n\nClass teacher Mr Faisal Ahmed. FA said she was tired.\n")
    _, out = deid_one(tmp_path, "case.txt", text)
    # (initials two people share are replaced all the same, and flagged)
    for gone in ("ADEYEMI", "Kemi", "Raghunathan", " KA ", " PR ", "Bhriain", " FA "):
        assert gone not in out, (gone, out)
    after = out.split("Allocated worker: ")[1].split("\n")[0].split()
    assert out.split("Participants: ")[1].startswith(f"{after[0][0]}. {after[1]} (SW)"), out
    visitor = out.split("(SW), ")[1].split(" (Health")[0].split()
    assert out.split(" to visit.")[0].endswith(" ".join(visitor[1:])), out   # the end of her pseudonym


def test_a_trusts_acronym_without_its_inner_acronym_and_a_surname_with_particles(tmp_path, passphrase):
    """Regression: "AWFT" of "Airedale and Wharfe NHS Foundation Trust" (NER: a person, and
    the acronym leaves "NHS" out) got a word of its own; "Dr van der Merwe" kept "van der"."""
    text = ("Interviewer: Where were you referred from?\n\nRespondent: Airedale and Wharfe NHS Foundation "
            "Trust. The AWFT staff team sent me. Dr Anneliese van der Merwe was there, and Dr van der "
            "Merwe again.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    for gone in ("Airedale", "Wharfe", "AWFT", "van der", "Merwe"):
        assert gone not in out, (gone, out)
    short = out.split(". The ")[1].split(" staff")[0]
    assert short.isupper() and len(short) >= 3, out


def test_a_role_and_a_letter_is_already_a_pseudonym(tmp_path, passphrase):
    """Regression: "Patient A" of committee minutes became "Flintwater A" (NER: a body)."""
    text = ("4. Case\n\nDr. Hanif presented the case of a 67-year-old man, referred to here as Patient A, "
            "hospital number RTW 4418203. Patient A has end-stage kidney disease.\n")
    _, out = deid_one(tmp_path, "minutes.txt", text)
    assert out.count("Patient A") == 2 and "Hanif" not in out, out


def test_an_emails_salutation_and_its_reply_prefix(tmp_path, passphrase):
    """Regression: "Dear Bukola" was a body (NER), and "RE:" of a subject line was taken
    for the initials of Dr Rhiannon Pugh-Evans (first and last)."""
    text = ("Subject: RE: Amendment request\n\nDear Bukola,\n\nThe Chair, Dr Rhiannon Pugh-Evans, has reviewed "
            "it.\n")
    _, out = deid_one(tmp_path, "email.txt", text)
    assert "Bukola" not in out and "Pugh-Evans" not in out and "Dear " in out and "RE: Amendment" in out, out


def test_a_town_keeps_its_pseudonym_in_a_later_run(tmp_path, passphrase):
    """A town's name made for an address in one run is the same in the next run's address."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text("GP: Wentloog Road, Rumney, Cardiff CF3 3EA\n")
    (tmp_path / "b" / "two.txt").write_text("Home: 31 Glan Close, Llanrumney, Cardiff CF3 5QL\n")
    towns = []
    for sub, name in (("a", "one.txt"), ("b", "two.txt")):
        res = run("deid", tmp_path / sub, "--study", tmp_path / "s", "--out", tmp_path / f"o{sub}")
        assert res.exit_code == 0, res.output
        out = (tmp_path / f"o{sub}" / name).read_text()
        assert "Cardiff" not in out, out
        towns.append(out.strip().split(", ")[-1].rsplit(" ", 2)[0])
    assert towns[0] == towns[1], towns


def test_a_scrambled_code_holding_a_number_learnt_later_is_no_leak(tmp_path, passphrase):
    """Regression: a code's pseudonym ("28766-545") held a number that a later transcript
    named as someone's real one ("28766" alone): the export's read-back check refused the
    first transcript, though nothing real was in it."""
    from deid.study import open_study
    _, first = deid_one(tmp_path, "a.txt", "Interviewer: Where?\n\nRespondent: Please ring case ref. 40817-552 today.\n")
    made = first.split("case ref. ")[1].split(" today")[0]
    number = made.split("-")[0]
    assert made != "40817-552" and number.isdigit(), first
    with open_study(tmp_path / "s", secret=passphrase) as study:   # as a later run would learn it
        study.add_variant(study.add_entity(Kind.CONTACT, number, "11111"), number, "11111")
        study.save()
    res = run("export", "--study", tmp_path / "s", "--out", tmp_path / "x", "--allow-unreviewed")
    assert res.exit_code == 0 and "refused" not in res.output, res.output
    assert made in (tmp_path / "x" / "a.txt").read_text()


@pytest.mark.parametrize("text, leaks", [
    ("Ring UAN about UAN-XUE-742190.", 1),      # the letters alone are real; inside the code, a pseudonym's
    ("Quote UAN-XUE-742190 (housing).", 0),
    ("Quote UAN-XUE-742191 today.", 1),          # a code that is no pseudonym holds them for real
])
def test_a_codes_pseudonym_whose_letters_spell_a_known_form_is_no_leak(text, leaks):
    """Regression (final18, every flag accepted): a reference's pseudonym ("UAN-XUE-742190")
    spelt by chance an acronym the reviewer had said identifies ("UAN"), and the export's
    read-back check refused the transcript, though nothing real was in it."""
    from deid import leak
    from deid.matcher import NameMatcher
    from transcript import Transcript, Turn
    found = leak.count(Transcript([Turn(text=text)]), {}, NameMatcher([("UAN", 1)]),
                       pseudonyms=frozenset({"uan-xue-742190"}))
    assert found == leaks


def test_a_chat_exports_user_names_are_handles_replaced_everywhere(tmp_path, passphrase):
    """Regression: a Slack export ("[7:58 AM] maria.g: ...") was read as one paragraph, so
    its senders' user names stayed, in the messages and in the member list."""
    text = ("Slack export\nMembers posting: Maria Gonzalez (maria.g), Duc Tran (duc.tran)\n\n"
            "[7:58 AM] maria.g: reminder pantry is thursday this week not wed\n"
            "[8:05 AM] duc.tran: I can drive the van thurs\n"
            "[8:11 AM] maria.g: @duc.tran thanks, see you at the hall\n")
    _, out = deid_one(tmp_path, "chat.txt", text)
    for gone in ("maria", "Maria", "duc", "Duc", "Gonzalez", "Tran"):
        assert gone not in out, (gone, out)
    sender = out.split("[8:05 AM] ")[1].split(":")[0]
    assert f"@{sender} thanks" in out and f"({sender})" in out, out   # one handle, one pseudonym
    assert "[7:58 AM] " in out and "drive the van thurs" in out, out


def test_text_of_a_subtitle_file_outside_its_cues_is_deidentified(tmp_path, passphrase):
    """Regression: a WebVTT file's NOTE blocks and a Zoom chat pasted after the last cue were
    no turn: written back as they were, with a participant's name, e-mail and phone."""
    text = ("WEBVTT\n\nNOTE\nFocus group 3, Houston; file saved by Jasmine Whitfield\n\nNOTE\nchecked by MAP\n\n"
            "1\n00:00:02.940 --> 00:00:08.310\nJasmine Whitfield: Okay, the recording is on.\n\n"
            "2\n00:00:09.000 --> 00:00:12.000\nRami Haddad: Hi, I'm Rami.\n\n"
            "3\n00:00:13.000 --> 00:00:14.000\nMinh-Anh Pham: Welcome.\n\n"
            "NOTE\nmeeting_saved_chat.txt pasted below\n\n"
            "00:31:08 From Rami Haddad to Everyone:\n\tmy cell 713-555-0148, or rami.haddad@cedarrx.com\n")
    _, out = deid_one(tmp_path, "fg3.vtt", text)
    # (and the initials of a person named only in a speaker label)
    for gone in ("Jasmine", "Whitfield", "Rami", "Haddad", "713-555-0148", "cedarrx", "MAP", "Minh"):
        assert gone not in out, (gone, out)
    assert out.startswith("WEBVTT\n\nNOTE\nFocus group 3, ") and "\n2\n00:00:09.000 --> 00:00:12.000\n" in out, out


def test_an_ordinary_word_said_as_somebodys_name(tmp_path, passphrase):
    """Regression: "Tame", "Pita" and "Mere" (Māori names, English words) were kept as
    ordinary words NER had called names; a capital inside a sentence before a verb a person
    does, or after "my brother", says they are names, and the name is then found again
    where the sentence starts with it. "tame" in lower case and "the Board was" stay."""
    text = ("Interviewer: Tell me about your family.\n\nRespondent: My mother, Mere, she was from up the "
            "coast. Tame got on at the works in 1971. The union was strong then, Tame was a delegate. My "
            "brother Pita passed last October. The dog was tame enough. The Board was never keen.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    for name in ("Mere", "Tame", "Pita"):
        assert name not in out, out
    assert "was tame enough" in out and "The Board was" in out, out


def test_a_club_and_a_project_are_bodies_even_when_ner_reads_a_date(tmp_path, passphrase):
    """Regression: "the Ninety-Day Club" was a date to NER and "Club" no kind of body, so
    the club was kept."""
    text = ("Interviewer: Where do you meet?\n\nRespondent: Her son goes to the Ninety-Day Club and the "
            "Rainbow Project every week.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Ninety-Day" not in out and "Rainbow" not in out, out


@pytest.mark.parametrize("text, word, said", [
    ("The union was strong then, Tame was a delegate.", "Tame", True),
    ("My brother Pita passed last October.", "Pita", True),
    ("My mother, Mere, she was from the coast.", "Mere", True),
    ("Tame was the word for it.", "Tame", False),              # a sentence's first word
    ("We sat on the Board was all.", "Board", False),          # after an article
    ("I bought some Pita bread.", "Pita", False),              # no verb a person does after it
    ("Honestly, last Summer was hard.", "Summer", False),      # a season, after "last"
    ("Then Winter came.", "Winter", False),
    ("The kids and Lockdown was awful.", "Lockdown", False),
])
def test_an_ordinary_word_is_said_as_a_name(text, word, said):
    from deid.entity import said_as_name
    s = text.index(word)
    assert said_as_name(text, s, s + len(word)) is said


def test_people_written_as_initials_in_field_notes(tmp_path, passphrase):
    """Regression: field notes that write people as initials nobody defined ("BH took S
    into the kitchen", "K. came w/ older cousin JJ") kept every one of them: letters a
    person's verb follows are someone's initials wherever they stand, and so is a capital
    with its stop before a lower-case word. An acronym stays ("the ED was full")."""
    text = ("Tue 5 Mar\n\nBH already there mopping. K. (11) came w/ older cousin JJ, who hung about by "
            "the door. BH to JJ: \"In or out, son.\" JJ out. K. in. BH took K. into the kitchen. Later JJ "
            "stares. The ED was full, so Mrs A. waited.\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    for initials in ("BH", "JJ", "K.", "Mrs A."):
        assert initials not in out, out
    assert "The ED was full" in out, out


def test_a_round_of_introductions_names_each_speaker(tmp_path, passphrase):
    """Regression: in a focus group's round of first names, "P3: Hope." and "P5: Sky." were
    ordinary words; after a turn that asks for names, the first name a turn opens with is
    that speaker's, found again later ("Sky, you said...")."""
    text = ("M: So first, let's just go round – first names only.\n\nP1: I'm Dawn. Two kids.\n\n"
            "P3: Hope. My son's in Year 3.\n\nP5: Sky. Like the sky, yeah.\n\n"
            "M: Lovely. Sky, you said the app was hard?\n\nP5: I hope it gets better.\n")
    _, out = deid_one(tmp_path, "fg.txt", text)
    for name in ("Dawn", "Hope", "Sky"):
        assert name not in out, out
    assert "Like the sky" in out and "I hope it gets better" in out, out


def test_medicines_glottal_stops_and_a_childs_initials(tmp_path, passphrase):
    """Regressions: a medicine NER called a body ("Hydroxyzine 25 mg") was replaced
    everywhere; "Vava‘u" and "Tu‘ipulotu" were cut at their glottal stop and the end kept;
    "K-L" stood for Kacey-Leigh and stayed; a collar number stayed."""
    text = ("Child: Kacey-Leigh BURROWS\n\nK-L calls her grandmother daily. Officers PC 4471 Dunmore "
            "attended. Sione Fonua, from Vava‘u, married ‘Alipate Tu‘ipulotu's sister.\n\n"
            "Medications:\n2. Hydroxyzine 25 mg PO q8h PRN anxiety\n3. trazodone 50 mg qhs\n")
    _, out = deid_one(tmp_path, "note.txt", text)
    for leak in ("K-L", "4471", "Vava", "ipulotu", "‘u"):
        assert leak not in out, out
    assert "Hydroxyzine 25 mg" in out and "trazodone 50 mg" in out, out


def test_a_town_that_is_a_frequent_word_is_found_again(tmp_path, passphrase):
    """Regression: "Leicester" of a heading NER did not read stayed, though the text named
    it a town elsewhere (a frequent word, so no form of its own); "Reading" the word stays."""
    text = ("Focus group 3 – parents and carers, Hollybank Primary School, Leicester\n"
            "Notes typed up in Coventry, Thursday\n\n"
            "M: Hello from Leicester. Reading the notes, we start.\n")
    _, out = deid_one(tmp_path, "fg.txt", text)
    # (a town named once, in a heading, NER did not read: the sweep knows it for a town)
    assert "Leicester" not in out and "Coventry" not in out and "Reading the notes" in out, out


def test_a_town_after_a_comma_is_known_alone_and_a_list_name_is_no_name(tmp_path, passphrase):
    """Regressions: "King's Hall, Stoke" was one place, so "Stoke" alone later was no known
    form and stayed; "Plotholders" (a mailing list, two words written as one) was taken for
    a name; a phone line below an address was read as part of it (two pseudonyms for one
    number)."""
    text = ("Junior show at the King's Hall, Stoke. Stoke at home same afternoon, so parking was bad.\n\n"
            "Send Plotholders mailing list submissions to the list.\n\n"
            "Graham\nSite Secretary, Whitmore Lane Allotment Association\n07700 900 246\n\n"
            "Ring Graham on 07700 900 246 about the shed.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "Stoke" not in out and "Send Plotholders mailing" in out, out
    numbers = re.findall(r"\d{5} \d{3} \d{3}", out)
    assert len(numbers) == 2 and numbers[0] == numbers[1] and "07700" not in out, out


def test_a_lower_case_transcript_keeps_its_verbs_and_its_is(tmp_path, passphrase):
    """Regressions: in an all-lower-case transcript "my sister said no" made "said" the name
    Said, then replaced in every "said"; "so did i. and then" read "I." as someone's initial
    (every sentence there opens in lower case)."""
    text = ("[00:00:01] S1: so did i. and then we went home. my sister said no. i think so.\n"
            "[00:00:09] S2: yeah and then what happened after that with the house\n"
            "[00:00:12] S1: right ok so that was that and i said it was fine really\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    assert "so did i. and then" in out and "my sister said no" in out and "i said it" in out, out


def test_acronyms_letters_and_names_before_a_dose_after_review(tmp_path, passphrase):
    """Regressions a review found in the rules for initials and medicines: an acronym said
    once before "said" ("DWP said no") and a letter that names a thing ("Plan B.") were taken
    for someone's initials; a person given a dose ("I gave Tyrone 5 mg") was taken for a
    medicine and kept; with bracket labels, initials of a named person were left as they were."""
    text = ("DWP said no. PIP took months. BH took S into the kitchen and BH muttered. No Plan B. we just "
            "went. At 14:00 I gave Tyrone 5 mg oral morphine.\n")
    _, out = deid_one(tmp_path, "t.txt", text)
    assert "DWP said no" in out and "PIP took" in out and "Plan B. we" in out, out
    assert "BH" not in out and "Tyrone" not in out, out
    (tmp_path / "in2").mkdir()
    (tmp_path / "in2" / "b.txt").write_text("Kacey-Leigh Burrows (KB) came. K-L calls her gran. KB is fine.\n")
    (tmp_path / "config.toml").write_text('style = "bracket"\n')
    res = run("deid", tmp_path / "in2", "--study", tmp_path / "s2", "--out", tmp_path / "o2",
              "--config", tmp_path / "config.toml")
    assert res.exit_code == 0, res.output
    out = (tmp_path / "o2" / "b.txt").read_text()
    assert "KB" not in out and "K-L" not in out and "[PERSON 1]" in out, out


def test_long_numbers_are_flagged_where_a_sentence_ends_and_inside_a_code(tmp_path, passphrase):
    """Regression (an ethics office's e-mails): a number of five digits was not flagged
    before a full stop ("an amendment for ERGO 84312.") nor with a code after it
    ("84312.A2"); a cue and its number said with "is" between were not read as one ("my
    study number is 55123")."""
    text = ("Subject: RE: Amendment request – ERGO 84312.A2 – \"Care after dark\" study\n\nPlease find the "
            "amendment for ERGO 84312. My study number is 55123 and the form is done.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "55123" not in out and "the form is done" in out, out
    flagged = open_flags(tmp_path, "a.txt")
    assert {"84312.A2", "84312"} <= flagged, flagged


def test_two_readings_of_one_body_are_joined(tmp_path, passphrase):
    """Regression: NER read "Hollow Community School District" and the institution pattern
    "Prairie Hollow Community School"; the longer won alone and "Prairie" was left."""
    text = ("If you are not the intended recipient, please notify the sender and delete it. "
            "Prairie Hollow Community School District, 3215 S. 96th Street, Omaha, NE 68127.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "Prairie" not in out and "Hollow" not in out and "96th" not in out, out
    assert re.search(r"\d\d(?:st|nd|rd|th) \w+", out), out


def test_initials_without_stops_short_names_and_unknown_words(tmp_path, passphrase):
    """Regressions (a tribunal's judgment, a focus group, a life history): an initial
    without its stop after a title ("Mr K Osei-Tutu", "Mr A Brook": "A" was taken for the
    article) and a title with a letter alone ("Mrs P"); a three-letter name no dictionary has
    ("Alf"); a word no one writes, which NER called a nationality ("went to Judgemeadow"); a
    town NER called a person, one of whose words a dictionary lists but nobody uses
    ("Market Harborough"). Not a weekday's abbreviation nor a cut word ("Thu", "Ext. 3391")."""
    text = ("Claimant:      Mr K Osei-Tutu\n\nMembers: Mrs J Hollis and Mr A Brook\n\n"
            "13. A resident, whom we refer to as Mrs P, fell during a transfer.\n\n"
            "On nights it is quiet, I sit with Alf from room nine. Jas went to Judgemeadow and then "
            "Gateway College. I did shifts all over the county, even out as far as Market Harborough.\n\n"
            "Sent: Thu 14 March\n\nKind regards,\nResearch Ethics Officer\nExt. 3391\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Osei-Tutu", "Mr K ", "Hollis", "Mrs J ", "Brook", "Mr A ", "Mrs P,", "Alf", "Judgemeadow",
                     "Harborough")
    assert "Sent: Thu 14 March" in out and "\nExt. " in out, out


def test_the_initials_of_a_body_named_before_are_its_own(tmp_path, passphrase):
    """Regression (a life history): "the Filipino Association of Leicestershire, the FAL":
    three capitals that are a body's initials, defined by apposition, not in brackets, were
    only flagged; they are the body, replaced by its pseudonym's initials. A public body's
    letters stay ("The NHS")."""
    text = ("Interviewer: And the community?\n\nParticipant: I was secretary for some years of the "
            "Filipino Association of Leicestershire, the FAL. We did the Independence Day every June. "
            "The FAL still meets. The NHS was hard.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "FAL" not in out and "Leicestershire" not in out and "The NHS was hard" in out, out
    acr = re.search(r"Participant: I was secretary for some years of the ([\w ]+), the ([A-Z]+)\.", out)
    assert acr and "".join(w[0] for w in acr.group(1).split() if w != "of") == acr.group(2), out


def test_a_lower_case_transcript_says_towns_and_addresses(tmp_path, passphrase):
    """Regressions (a speech-recognition transcript): "london" was never capitalised (said so
    often a word list guessed it an ordinary word) and so never replaced; "from gdansk" was
    kept as a nationality; an address said with digits in it ("dougiewatt58 at hotmail dot
    com") was not read, and one that was became letters in its shape ("ixz hsd": now an
    address at the reserved ".invalid" domain, as written addresses become); "cousins"
    was capitalised as a surname (a plural of a word written in lower case)."""
    text = ("speaker 1: and where are they from\n"
            "speaker 2: there's powell he's polish he's from gdansk been with us nine year now and the "
            "pair of them cousins\nspeaker 1: and your son\nspeaker 2: he's in london now working\n"
            "speaker 2: my email is dougiewatt58 at hotmail dot com but i don't check it\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    assert_gone(out, "london", "gdansk", "dougiewatt58", "hotmail", "powell", lower=True)
    assert "pair of them cousins" in out, out
    assert re.search(r"my email is [a-z]+@mail\.invalid but", out), out


def test_a_capital_the_inside_a_sentence_opens_a_name(tmp_path, passphrase):
    """Regression (a community newsletter): a band named in ordinary words, "we ask The Loose
    Ends if they'll play again", was kept; a "The" with its capital inside a sentence opens a
    name. One ordinary word after it is flagged only ("my son said The End"). Not the title of
    a work ("of The Big Three Killed My Baby", "loved The Sound of Music")."""
    text = ("Hi all,\n\nThe kids do the barbecue and we ask The Loose Ends if they'll play again. A song, "
            "\"The big three\" of The Big Three Killed My Baby, is about cars. We loved The Sound of Music, "
            "and my son said The End.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "Loose" not in out and "we ask The " in out, out
    assert_kept(out, "The Big Three Killed My Baby", "loved The Sound of Music", "said The End.")


def test_a_rare_word_capitalised_inside_a_sentence_is_a_name(tmp_path, passphrase):
    """Regression (a tribunal's judgment, a life history): a word the dictionary lists but
    nobody uses, capitalised inside a sentence, was kept: a retail park ("at Fosse Park",
    replaced where a place is said), a ward ("known in the home as "Bluebell"", flagged). A
    service or an event is flagged, not replaced ("after Matins"); a possessive of a common
    word is neither ("by Chair's action")."""
    text = ("The first was staffing on the dementia unit, known in the home as \"Bluebell\". She works "
            "for a chemist at Fosse Park now. After Matins we talked. Revised documents are to be reviewed "
            "by Chair's action.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "Fosse" not in out and "After Matins we talked" in out and "by Chair's action" in out, out
    flagged = open_flags(tmp_path, "a.txt")
    assert "Bluebell" in flagged and "Chair's" not in flagged, flagged


def test_a_body_called_by_one_word_of_its_name(tmp_path, passphrase):
    """Regression (a life history): "We worked at the Royal, Leicester Royal Infirmary": the
    hospital called by one word of its name after "the" was kept, or, where NER read a place
    ("at the Royal until 2017"), given a pseudonym of its own. It is the hospital. Not where
    another capitalised word follows ("the Royal Mail"), nor where no place is said ("the
    week the Queen died", with the Queen Elizabeth Hospital known)."""
    text = ("Interviewer: And work?\n\nParticipant: We worked at the Royal, Leicester Royal Infirmary, I was "
            "on ward 7. I stayed at the Royal until 2017. Then Queen Elizabeth Hospital. The week the Queen "
            "died I was at home.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "Royal" not in out and "The week the Queen died" in out, out
    pseudo = re.search(r"worked at the ([\w ]+), ([\w ]+), I was", out)
    assert pseudo and pseudo.group(1) == pseudo.group(2) and f"stayed at the {pseudo.group(1)} until" in out, out


def test_an_employer_named_in_ordinary_words(tmp_path, passphrase):
    """Regression (a life history): "Rodel got a job at Walkers, the crisps factory" and
    "Jasmine works for Boots": employers named by ordinary words were kept unflagged. A name
    of two words is replaced ("works for Loose Ends Catering"); one ordinary word is flagged
    for the reviewer, as it may be a department ("I work at Reception"). Not a kind of body
    or a holiday ("worked for Council", "works at Christmas")."""
    text = ("Interviewer: And work?\n\nParticipant: Rodel got a job at Walkers, the crisps factory, on the "
            "night line. Jasmine works for Boots now, and Ade works for Loose Ends Catering. I worked for "
            "Council then. He works at Christmas.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "Loose Ends" not in out and "I worked for Council then. He works at Christmas." in out, out
    flagged = open_flags(tmp_path, "a.txt")
    assert {"Walkers", "Boots"} <= flagged, flagged


def test_a_lower_case_transcript_joins_names_speech_recognition_split(tmp_path, passphrase):
    """Regression (speech-recognition transcripts): "mac duff" and "barry o donnell", a name
    the recogniser wrote in two words, kept "duff", "barry" and "o"; the kind of a body after
    a name ("aberdeenshire council") was not read with it. Not a word after "o" that is no
    name ("o dear")."""
    text = ("speaker 2: my uncle sandy out of mac duff and i went on wi them and barry o donnell the skipper\n"
            "speaker 1: right and was that hard o dear\nspeaker 2: aberdeenshire council shut the wee school\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    for real in ("duff", "barry", "donnell", " o ", "aberdeenshire"):
        assert real not in out.lower().replace("o dear", ""), (real, out)
    assert re.search(r"speaker 2: [A-Z]\w+(?: [A-Z]\w+)* (?:Council|Corporation) shut", out), out
    assert "o dear" in out, out


def test_names_that_look_like_forms_of_words_and_sounds_said(tmp_path, passphrase):
    """Regressions a review found in this session's rules: in a lower-case transcript a name
    that is a form of a word ("james", "miles", "holmes", "harding") was read as that word and
    kept, and a name before a full stop ("dr okafor. he was kind") was taken for a word cut
    short; sounds said that some list has as a surname ("Erm", "Och") became people."""
    text = ("speaker 1: so who was there\nspeaker 2: me and james went to the pub. miles came round later. "
            "holmes was the landlord. me and harding went fishing. and the gp, dr okafor. he was kind. "
            "the pair of them cousins\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    assert_gone(out, "james", "miles", "holmes", "harding", "okafor", lower=True)
    assert "the pair of them cousins" in out, out
    _, out = deid_one(tmp_path, "b.txt", "Interviewer: Tell me.\n\nParticipant: Erm, I grew up with my gran. "
                                         "Och, it was fine. Just me and Alf. we sat there.\n", "o2")
    assert "Erm, I grew up" in out and "Och, it was" in out and "Alf" not in out, out


def test_names_of_other_languages_with_their_titles_and_accents(tmp_path, passphrase):
    """Regression (a field diary at a Nigerian-British church and a Polish Saturday school):
    the accent written after a name's last letter was left on its pseudonym ("Catherinè") and
    a name starting with one ("Ọládipọ̀") was not read at all; titles of other languages were
    taken into names and given pseudonyms ("Pani", "Pan", "Mummy", "Deaconess")."""
    text = ("On the church website she is Pastor Mrs Olúfúnmiláyọ̀ Adéwálé. The youth service was led by "
            "Brother Seun (Olúwaṣeun Ọládipọ̀). The head is Pani Agnieszka Wąsik, and Pan Zbyszek fixes the "
            "boiler. Mummy Funmi fed me and Deaconess Bisi added me to the group.\n")
    _, out = deid_one(tmp_path, "diary.txt", text)
    assert_gone(out, "Olúfúnmiláyọ̀", "Adéwálé", "Ọládipọ̀", "Olúwaṣeun", "Agnieszka", "Wąsik", "Zbyszek", "Funmi", "Bisi")
    assert "\u0300" not in out and "\u0323" not in out, out
    for title in ("Mummy ", "Deaconess ", "Pastor Mrs "):   # ("Pan", "Pani" are surnames too: replaced)
        assert title in out, (title, out)


def test_laws_plurals_and_speech_that_no_dictionary_holds(tmp_path, passphrase):
    """Regressions (a witness statement, an e-mail, a Glasgow oral history): the titles of
    laws and their provisions were given pseudonyms ("Criminal Justice Act", "r.16.2"), a
    plural word NER called a body ("3. Interviews will be recorded"), and Scots words were
    capitalised as names in a lower-case transcript ("didnae", "naebody")."""
    text = ("WITNESS STATEMENT\n(Criminal Justice Act 1967, s.9; Magistrates' Courts Act 1980, s.5B; Criminal "
            "Procedure Rules, r.16.2)\n\nPlan:\n3. Interviews will be recorded on encrypted recorders.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "(Criminal Justice Act 1967, s.9; Magistrates' Courts Act 1980, s.5B; Criminal Procedure Rules, " \
           "r.16.2)" in out and "3. Interviews will be" in out, out
    asr = ("spk_0: so what was it like on the buses\nspk_1: och it was hard we didnae get paid much and naebody "
           "couldnae tell ye where the clippies went the polis came out tae the depot\n") * 3
    _, out = deid_one(tmp_path, "asr.txt", asr, "o2")
    assert out.count("didnae") == 3 and out.count("naebody") == 3 and out.count("clippies") == 3, out


def test_clubs_squares_and_a_college_in_a_title_are_named_places(tmp_path, passphrase):
    """Regressions (a witness statement, a community health interview, a Glasgow oral
    history): "Cwmderwen RFC" kept "RFC"; "Baylor College of Medicine" was read as the title
    of a course (small words in Title Case) and kept; in a lower-case transcript the kind of a
    body or a square after a name was left ("drumcraigie amateurs", "george square"). Titles
    that are surnames stay names ("Terry Bishop"), and "Bill" is no law."""
    text = ("Interviewer: Go on.\n\nParticipant: The Cwmderwen RFC second team came in. I'm the coordinator on "
            "the Baylor College of Medicine side. Terry Bishop and Bill came later.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Cwmderwen", "RFC", "Baylor", "Bishop", "Bill")
    asr = ("spk_0: and after\nspk_1: we walked down to george square in the snow and the town square was "
           "empty then the drumcraigie amateurs played on kilmeny crescent\n") * 3
    _, out = deid_one(tmp_path, "asr.txt", asr, "o2")
    for real in ("george", "square", "drumcraigie", "amateurs", "kilmeny", "crescent"):
        assert real not in out.lower().replace("town square", ""), (real, out)
    assert out.count("the town square was") == 3, out


def test_a_witness_statements_officer_time_and_languages(tmp_path, passphrase):
    """Regressions (a police witness statement, a field diary): a surname in capitals after a
    rank and collar number was taken for an acronym and kept ("PC 1174 HUGHES"); a time after
    "arrived at" was read as an address ("at about 11.10pm"); a language before "-speaking"
    was given a place's pseudonym ("Yoruba-speaking")."""
    text = ("Interviewer: Go on.\n\nParticipant: I spoke to PC 1174 HUGHES of the police. The ambulance arrived "
            "at about 11.10pm. The church is almost entirely Yoruba-speaking families.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "HUGHES" not in out and "Hughes" not in out, out
    assert "arrived at about 11.10pm." in out and "Yoruba-speaking families" in out, out


def test_a_survey_export_keeps_its_jobs_and_departments(tmp_path, passphrase):
    """Regression (a staff survey exported as CSV): jobs in a cell were given pseudonyms, as
    bodies or as people ("Receptionist", "Physiotherapist", "Occupational Therapist"), a
    department every hospital has ("Emergency Department") and a word no old dictionary holds
    ("Preceptorship"); NER read across the cells ("Receptionist,,Church Lane Surgery")."""
    text = ("respondent_id,role,band,site,q7_comments\n"
            'R0121,Receptionist,,Church Lane Surgery,"Abuse at the front desk is daily now."\n'
            'R0139,Physiotherapist,Band 6,Pennine Moor Community Health NHS Trust,"Caseloads are double."\n'
            'R0155,Occupational Therapist,Band 6,PMCH,"Referrals take eight weeks."\n'
            'R0130,Staff Nurse,Band 5,St Aidan\'s Hospital,"Preceptorship on Beckwith Ward is excellent."\n'
            'R0178,Ward Manager,Band 8a,St Aidan\'s Hospital,"Emergency Department corridor care is normal."\n')
    _, out = deid_one(tmp_path, "survey.txt", text)
    assert_kept(out, "respondent_id,role", ",Receptionist,,", ",Physiotherapist,Band 6,", ",Occupational Therapist,",
                     '"Preceptorship on', '"Emergency Department corridor')
    assert_gone(out, "Church Lane", "Pennine", "Aidan", "Beckwith")


def test_this_sessions_rules_leave_surnames_doses_codes_and_titles_alone(tmp_path, passphrase):
    """Regressions a fresh-eyes review found in this session's rules: honorifics that are
    surnames ("Dr Pan", "Amir Sheikh") and a name ending in "nae" ("Lanae") were kept; a dose
    became a user name ("2 x 500mg"), a budget year and a service number plates ("FY23",
    "NHS24"); a square took the word before it ("Yesterday George Square"); course titles
    with a kind of body inside were replaced ("Foundations of School Leadership"); verbs after
    a name in lower case were read as the kind of a body ("ian works at", "tam united")."""
    text = ("Interviewer: Hi.\n\nParticipant: My supervisor was Dr Pan, and Professor Wei Pan chaired it. "
            "Dr Sheikh and Amir Sheikh came. Lanae came too. Take paracetamol 2 x 500mg. In FY23 NHS budgets fell "
            "and the service is NHS24. Yesterday George Square was packed. We did the Foundations of School "
            "Leadership course, then the Principles of Church Music module.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Pan", "Sheikh", "Lanae", "George")
    assert_kept(out, "2 x 500mg", "In FY23 NHS budgets", "service is NHS24", "Yesterday ",
                     "the Foundations of School Leadership course, then the Principles of Church Music module")
    asr = "spk_0: so\nspk_1: well ian works at the shop and big tam united the whole family\n" * 3
    _, out = deid_one(tmp_path, "asr.txt", asr, "o2")
    assert out.count(" works at the shop") == 3 and out.count(" united the whole") == 3, out


def test_an_accent_typed_as_a_separate_mark_is_the_same_name(tmp_path, passphrase):
    """Regression (review): "José" typed as "e" and a combining accent (NFD, as macOS writes
    file text) and "José" typed as one letter were two names: one kept, pseudonyms differing."""
    text = ("Interviewer: Who came?\n\nParticipant: Jose\u0301 Marti\u0301nez arrived. Later Jos\u00e9 Mart\u00ednez "
            "left, and Jos\u00e9 said goodbye.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "Jos" not in out and "Mart" not in out, out


def test_a_second_reviews_cases_of_surnames_councils_capitals_and_headers(tmp_path, passphrase):
    """Regressions a second review found: a surname no one writes as a word, made of a word
    and "-ist", was read as a word ("Callist"); a council's department kept its borough
    ("Tower Hamlets Housing Department"); a statement's capitals after a rank became a
    person ("PC 1174 ATTENDED THE ADDRESS"); a name before "speakers" was kept as a
    language ("the Tredegar speakers club"); a table whose header holds "No." was not read
    cell by cell."""
    text = ("Interviewer: Hi.\n\nParticipant: then Callist phoned me back. We rang the Tower Hamlets Housing "
            "Department and the Emergency Department. PC 1174 ATTENDED THE ADDRESS. The Tredegar speakers club "
            "met, and Yoruba-speaking families came.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Callist", "Tower Hamlets", "Tredegar")
    assert_kept(out, "the Emergency Department", "ATTENDED THE ADDRESS", "Yoruba-speaking families")
    table = ("No.,Name,Role,Site,Comment\n1,Anna Nowak,Occupational Therapist,Leeds,\"Fine, thanks\"\n"
             "2,Grzegorz Wisniewski,Receptionist,Calder,\"Busy\"\n3,Tom Hale,Nurse,Calder,\"OK\"\n")
    _, out = deid_one(tmp_path, "t.txt", table, "o2")
    assert "\n1," in out and "\n2," in out and ",Occupational Therapist," in out and ",Receptionist," in out, out
    assert "Grzegorz" not in out and "Nowak" not in out, out


def test_what_a_held_out_caseworker_and_training_set_showed(tmp_path, passphrase):
    """Causes a held-out set (final8) showed: people named by a letter ("S cried", "who I
    will call Z. here"); a trust's acronym of its first words ("PMCH"); a National Insurance
    number; a company with its region in brackets; a date NER took into a person; a sentence
    NER read on into ("Harrowden Fold. Landlord is"); a body read across a list ("Rob, FY1,
    Elderly Care at St Cuthbert's"); names of two or three letters ("Hi Kez", "Gaz came",
    "Mo - Dr Mohammed Siddiqi"); and the vocabulary of training, welfare, languages and
    greetings never replaced ("CT1 Psychiatry", "Universal Credit", "Sorani", "Kia ora")."""
    text = ("Interviewer: Hi.\n\nParticipant: Twins (S & T) sparred. S cried after, T v. pleased. Barry took S "
            "into the kitchen. A father, who I will call Z. here, said no. Plan B was agreed; take vitamin D.\n\n"
            "Interviewer: Where do you work?\n\nParticipant: Pennine Moor Community Health NHS Trust. The PMCH "
            "physio team is short. Referrals from PMCH take weeks. Sapphire Homes (NW) Ltd are the landlord. "
            "NI number QQ 12 34 56 C.\n\n"
            "Interviewer: And housing?\n\nParticipant: 12/03/2024 BO - We live at 14 Harrowden Road, Harrowden "
            "Fold. Landlord is Greybrook Lettings Ltd. Black mould everywhere. Applied for Universal Credit. "
            "Language: Kurdish (Sorani).\n\n"
            "Interviewer: And your rotations?\n\nParticipant: Rob, FY1, Elderly Care at St Cuthbert's. Hi Kez. "
            "Gaz came to the pub after. My supervisor is Mo - Dr Mohammed Siddiqi, CT1 Psychiatry before. Ok, "
            "so Um, that was it. Kia ora, everyone.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, " S cried", "took S ", "call Z.", "PMCH", "Pennine", "QQ 12 34 56 C", "Sapphire", "Harrowden",
                     "Greybrook", "Rob,", "Cuthbert", "Kez", "Gaz", "Mo -", "Mohammed")
    assert_kept(out, "Plan B", "vitamin D", "Referrals from", "12/03/2024", ". Landlord is", "Black mould",
                     "Universal Credit", "Kurdish (Sorani)", "FY1, Elderly Care at", "CT1 Psychiatry", "Ok, so Um",
                     "Kia ora")


def test_a_zoom_user_name_as_a_speaker_label_is_replaced(tmp_path, passphrase):
    """Zoom shows a participant who joined under a user name by it ("kezza_m: Hiya"): it is
    a label, replaced as a user name is, not text left as it was."""
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nNiamh Costello: Could we go round?\n\n"
           "2\n00:00:05.000 --> 00:00:09.000\nkezza_m: Hiya, sorry, old Instagram name. I'm Kezia.\n")
    _, out = deid_one(tmp_path, "a.vtt", vtt)
    assert "kezza" not in out and "Kezia" not in out and "Niamh" not in out, out
    assert "Hiya, sorry, old Instagram name." in out, out


def test_a_body_pseudonym_keeps_no_linking_word_of_its_name():
    """"Centre for Qualitative Research": which small word joined the name tells something
    of it; "of" stands for them all."""
    from deid.pseudonym import Pseudonyms
    ps = Pseudonyms([])
    for real in ("Lindqvist Centre for Qualitative Research", "Bridges to Home"):
        words = ps.pseudonym(real, "institution").split()
        assert "for" not in words and "to" not in words and "of" in words, words


def test_a_name_a_reviewer_adds_is_replaced_in_speaker_labels_too(tmp_path, passphrase):
    """A word marked as a missed name is replaced wherever it stands, a speaker label too
    ("Transcriber note:"): else export refuses the file with no item to show where."""
    from deid.study import open_study
    from review import actions
    text = ("Interviewer: Who typed this up?\n\nRespondent: Ask Transcriber, she knows.\n\n"
            "Interviewer: And the tape?\n\nRespondent: It stopped.\n\n"
            "Transcriber note: the tape stops here.\n\nInterviewer: Thanks.\n\nRespondent: Bye.\n\n"
            "Interviewer: Bye.\n\nRespondent: Take care.\n")
    deid_one(tmp_path, "a.txt", text)
    with open_study(tmp_path / "s", secret=passphrase) as s:
        actions.apply(s, "missed", {"text": "Transcriber", "kind": "person"}, "tester")
    res = run("export", "--study", tmp_path / "s", "--out", tmp_path / "x", "--allow-unreviewed")
    assert "refused" not in res.output, res.output
    out = (tmp_path / "x" / "a.txt").read_text()
    assert "Transcriber" not in out and " note: the tape stops here." in out, out


def test_a_review_of_the_new_vocabulary_letters_and_short_names(tmp_path, passphrase):
    """Regressions a fresh-eyes review found in those rules: a surname that is a word of the
    new vocabulary after a title was kept ("Dr Day", "Mr Thai"), and so was a surgery named
    with such words; another file's people made "PIP" initials; "Ja", "Aye" and "Si" were
    taken for short names of people named before; letters of things ("Team B", "Hep C", "Gen
    Z", "known as X", a participant "P") for people; a grade ("an A.") joined the next name."""
    first = "Interviewer: Hi.\n\nParticipant: Paul Ian Parker and Sam Ellis-Newton came.\n"
    deid_one(tmp_path, "a.txt", first)
    text = ("Interviewer: Hi.\n\nParticipant: I met Dr Day at the clinic. Mr Thai said the same. Dr Punjabi was "
            "kind. We see Dr Okafor at the Old School Surgery. I get PIP and ESA now, and my son has SEN "
            "support. James Whitcombe told me. Ja, it was fine. Ayesha Malik came. Aye, it was hard. Simon "
            "Pearce did. Si, claro. Team B went first and Team B left early. Hep C came back twice. Hep C "
            "took everything. Gen Z wants more. Gen Z knows. Twitter, now known as X, is awful. I post on X daily. "
            "P said she felt judged. P felt tired. I got an A. Marguerite was pleased.\n")
    (tmp_path / "in" / "a.txt").unlink()
    _, out = deid_one(tmp_path, "b.txt", text)
    assert_gone(out, "Dr Day", "Mr Thai", "Dr Punjabi", "Old School", "Marguerite")
    assert_kept(out, "I get PIP and ESA now", "SEN support", "Ja, it was fine", "Aye, it was hard", "Si, claro",
                     "Team B went first and Team B left", "Hep C came back twice. Hep C took", "Gen Z wants more",
                     "known as X,", "P said she felt judged. P felt tired", "I got an A. ")


def test_a_second_review_of_the_vocabulary_short_names_and_initials(tmp_path, passphrase):
    """Regressions a second review found: a known surname that is a word of the vocabulary was
    kept where it stood alone ("Eid told me", "Tamil was kind"); "Abba", a given name, was
    kept as an honorific; a company after a National Insurance number, a plural-looking
    surname opening a sentence ("Jeffs was"), a place after "Ft." were kept; clinical words
    ("Flu came back", "Lab rang"), pet names ("Thanks Hun"), "Ash Wednesday", the platform X
    and "Child B" were replaced; another file's people made acronyms ("IMG") initials."""
    first = "Interviewer: Hi.\n\nParticipant: Irene Mary Grant and Anna Clare Price came.\n"
    deid_one(tmp_path, "a.txt", first)
    (tmp_path / "in" / "a.txt").unlink()
    text = ("Interviewer: Tell me more.\n\nParticipant: Then Ahmed Eid, the imam. Eid told me to rest. Shona "
            "Tamil helped. Tamil was kind. My cousin Abba Musa came. Abba said hello. The number was AB 12 34 "
            "56 D. Sapphire Homes (NW) Ltd took it. It was a hard year. Jeffs was my manager then. Then "
            "Oldham. Ft. Worth, Texas. Op went well. Flu came back negative. Lab rang with results. Thanks "
            "Hun. Ashley Cole said Ash Wednesday was busy. X said they would ban it. X said that again. "
            "Child B told me. Child B said no. As an IMG I found it hard. The ACP saw me.\n")
    _, out = deid_one(tmp_path, "b.txt", text)
    assert_gone(out, "Eid", "Tamil", "Abba", "Sapphire", "Jeffs", "Worth")
    assert_kept(out, "Op went well. Flu came back negative. Lab rang", "Thanks Hun.", "Ash Wednesday",
                     "X said they would ban it. X said", "Child B told me. Child B said no.", "As an IMG", "The ACP")


def test_what_the_ninth_held_out_set_showed(tmp_path, passphrase):
    """Causes final9 showed: a Jamaican elder's patois read as names ("yuh", "Inna", "Neva"),
    a city NER cut in two, a compound first name's initials ("Dr. P-A", "J-F"), a town
    spelled out letter by letter and one joined by hyphens ("Val-des-Loups"), a county, "the
    Jewish General", initials without stops and a title wrapped across a line, a locker number, the
    "mail" of a real address in its pseudonym, a ward read as a person, a block of flats, a name with an "s" typed for "'s"; in lower case, Welsh names
    and particles, a chapel, a nickname of a name said in full."""
    deid_one(tmp_path, "a.txt", "INT: Who?\n\nRESP: Bigga was there, and Bigga again.\n")
    (tmp_path / "in" / "a.txt").unlink()
    text = ("INT: Where were you born?\n\nRESP: Him always a tell yuh Port of Spain better than Arima. Inna "
            "Leeds! Mi tell him, hold up yuh head. Neva. Biggas boy came. The foreman was from Yorkshire.\n\nINT: And training?\n\nRESP: Dr. "
            "P-A, everybody calls her Dr. P-A. Then I told J-F. A rural rotation in Val-des-Loups, Quebec, was great. "
            "Loups, L-O-U-P-S. "
            "She trained at the Jewish General. The Attorney General spoke. Mr C A Gayle attended. Later Mr\n"
            "  Gayle said no. It's locker 212 by the door. Write to j.m@mail.mcgill.ca please. I'm sister on "
            "Linden Ward now. Aston Vale NHS Foundation Trust employs me. We ate at Blk 824 then.\n")
    _, out = deid_one(tmp_path, "b.txt", text)
    assert_gone(out, "Port", "P-A", "J-F", "Val", "L-O-U-P-S", "Jewish", "C A", "Gayle", "212", "@mail.", "Linden",
                     "Aston", "824", "Bigga", "Yorkshire")
    assert_kept(out, "tell yuh ", "Inna ", "hold up yuh head. Neva.", "The Attorney General", "Later Mr", "at Block ")
    (tmp_path / "in" / "b.txt").unlink()
    lower = ("[00:00:03] speaker 1: so this is the oral history project and i'm here with mr ap rhys and "
             "his daughter and we went to capel seion three times on a sunday and huw took on the farm with "
             "him and young emyr came out in the snow and emyr price is a good vet and we paid the price for "
             "it\n[00:01:10] speaker 2: aye james mick garrigle but nobody has called me james for years it's "
             "jimmy just jimmy and the bill came later thank you jimmy\n")
    _, out = deid_one(tmp_path, "c.txt", lower)
    assert_gone(out, "ap rhys", "rhys", "capel", "seion", "huw", "emyr", "jimmy", lower=True)
    assert_kept(out, "we paid the price", "the bill came later", "young ")


def test_a_review_of_the_ninth_sets_fixes(tmp_path, passphrase):
    """What a fresh-eyes review of those fixes found: a surname that is a title ("Mark Dean")
    dropped; "Ate" a title; verbs capitalised as nicknames ("he drew" after Andrew); "mr
    young" kept; "Inna", a name, kept; "[laughs] Hope said" kept; "grades A-C" and "L-O-V-E"
    replaced; an address with every domain word crashing; a town after a capitalised word
    left in parts; "Yorkshire pudding" replaced."""
    text = ("Interviewer: Go on.\n\nParticipant: I worked with Mark Dean for years. Ate Chinese food with "
            "Hannah. My colleague Inna came from Kyiv. Inna said it was fine. Well [laughs] Hope said no. We "
            "got grades A-C. She spelled L-O-V-E for me. Email me at mail.post@inbox.lv today. Back in Port "
            "of Spain we had nothing. We had Yorkshire pudding on Sunday.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Mark", "Hannah", "Inna", "Hope", "inbox", "Port")
    assert_kept(out, "Ate Chinese food", "grades A-C", "L-O-V-E", "Yorkshire pudding")
    (tmp_path / "in" / "a.txt").unlink()
    lower = ("[00:00:03] speaker 1: so andrew came and he drew pictures and charles would just chuck his toys "
             "and susan said we could sue the council and mr young was my teacher and patricia would pat the "
             "dog and then we went home for our tea and that was the end of it really\n")
    _, out = deid_one(tmp_path, "b.txt", lower)
    assert_kept(out, "he drew pictures", "just chuck his toys", "could sue the council", "would pat the dog")
    assert "young" not in out.lower(), out


ORDINARY_NAMED = [
    # (sentence, what is flagged, replaced too)
    ("We've got the Night Owls group for the F2s.", "Night Owls", False),
    ("And Open Hands, the food pantry on Elm Street, helps.", "Open Hands", False),
    ("Ask them at Breathing Space on the third floor.", "Breathing Space", False),
]
NOT_ORDINARY_NAMED = [
    "She was Head of Legal Services at the time.",
    "I emailed the Research Office about it.",
    "It is a duty under the Care Act these days.",
    "I asked the Team Leader twice.",
    "We open on Tuesdays and Thursdays only.",
    "she speaks Ukrainian and Russian at home.",
    "a letter from the Ministry of Foreign Affairs came.",
]


def test_ordinary_words_capitalised_together_are_flagged_as_a_name(tmp_path, passphrase):
    """Causes the held-out sets showed after every flag was accepted: a body named by
    ordinary words and no kind word ("in Night Owls", "And Open Hands, the food pantry")
    was neither replaced nor flagged. Capitalised together inside a sentence they are
    flagged, not replaced (not even with a noun after them that says "body": a review found
    "the Stay and Play group" and "the Sure Start centre" replaced so). A post, a law, an
    office, days, languages and the end of a longer title are not flagged."""
    text = "Interviewer: Go on.\n\nRespondent: " + " ".join(s for s, _, _ in ORDINARY_NAMED) + " " + \
        " ".join(NOT_ORDINARY_NAMED) + "\n"
    _, out = deid_one(tmp_path, "a.txt", text)
    flagged = open_flags(tmp_path, "a.txt")
    for _, name, replaced in ORDINARY_NAMED:
        assert name in flagged, (name, flagged)
        assert (name not in out) == replaced, (name, out)
    for sentence in NOT_ORDINARY_NAMED:
        assert sentence in out, (sentence, out)
    assert not {"Research Office", "Care Act", "Team Leader", "Tuesdays and Thursdays", "Ukrainian and Russian",
                "Foreign Affairs"} & flagged, flagged


def test_what_the_tenth_held_out_set_showed(tmp_path, passphrase):
    """Causes final10 showed: a chat export's ISO timestamps and file sizes replaced as
    identifiers, its user names ("r.whitmore") half replaced, file names read as web
    addresses and a name inside one joined by underscores kept; "Thurs" a name; a dial-in
    phone number as a Teams speaker label kept; the "an" of Irish names ("Baile an
    Droichid", "Cnoc an Daimh") kept between pseudonyms; "from October to May" replaced
    where a May is named; "IN ATTENDANCE:" a place; in lower case, a surname that is a word
    said seldom after a first name ("dennis couch"), and after another first name then
    ("hazel couch")."""
    chat = ('{"ts": "2025-03-17T09:02:11Z", "user": "r.whitmore", "display_name": "Rachel Whitmore", '
            '"text": "FG2 is on Thurs 20th. Ask Mr Kowalski.", "attachments": [{"name": '
            '"interview_Kowalski_final.docx", "size": 48213}, {"name": "Couch D consent.pdf", "size": 402118}]}\n'
            '{"ts": "2025-03-17T09:15:40Z", "user": "j.osei", "display_name": "Joseph Osei", "text": "Will do, '
            '@r.whitmore.", "attachments": []}\n')
    _, out = deid_one(tmp_path, "chat.txt", chat)
    assert_gone(out, "whitmore", "Whitmore", "Kowalski", "osei", "Osei")
    assert_kept(out, '"ts": "2025-03-17T09:02:11Z"', '"ts": "2025-03-17T09:15:40Z"', '"size": 48213', '"size": 402118',
                     "Thurs 20th", "_final.docx", "consent.pdf", '"user": "')
    assert re.search(r'"user": "[a-z]\.[a-z]+"', out), out
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Hodan Warsame>Hello, I am here.</v>\n\n"
           "2\n00:00:05.000 --> 00:00:08.000\n<v +44 7700 900412>Sorry, the signal. Hodan again.</v>\n")
    _, out = deid_one(tmp_path, "fg.vtt", vtt)
    assert "900412" not in out and "Hodan" not in out and re.search(r"<v \+\d\d \d{4} \d{6}>", out), out
    minutes = ("Minutes of the meeting\nPRESENT: Aoibhinn Nic an Iomaire (ANI); May Joyce (MJ).\n"
               "IN ATTENDANCE: Sgt Ciarán Rabbitte, Baile an Droichid Garda Station.\n"
               "May asked that \"Cnoc an Daimh\" be spelled right. Houses in Gleann an Iolair are empty from "
               "October to May. Sheila spoke to May about it.\n")
    _, out = deid_one(tmp_path, "minutes.txt", minutes)
    assert_gone(out, "Iomaire", "Baile", "Droichid", "Cnoc", "Daimh", "Gleann", "Iolair", " an ", "Joyce",
                     "to May about")
    assert_kept(out, "IN ATTENDANCE:", "from October to May.")
    lower = ("speaker 1: could you both say your names\nspeaker 2: dennis couch well dennis john couch and my "
             "uncle tom pilchards and mackerel mostly and hazel couch his wife and david white lies about it\n")
    _, out = deid_one(tmp_path, "asr.txt", lower)
    assert "couch" not in out.lower() and "dennis" not in out.lower(), out
    assert_kept(out, "pilchards and mackerel", "white lies")


def test_bodies_and_places_final10_left_in_parts(tmp_path, passphrase):
    """A county NER read apart from the sheriff's office after it, with its acronym in a
    bracket NER read into; a place of two words the sweep took one word of ("Rushey Mead");
    adult social care's "Day Opportunities"; a nail bar after a hard wrap; and no surname
    read after a possessive ("Emmie Ström's Cautionary Tales")."""
    text = ("Notes.\nOn Monday Ms. Tran said she works evenings at\nLucky Star Nails & Spa. Ms. Tran was called "
            "at 2:15 p.m.\n10:30  Dep. Luis Cardenas, Calloway County Sheriff's Office (CCSO),\nattended. CCSO to "
            "advise campus.\nHe is in Rushey Mead now and goes to Sunnyside Day Opportunities on Fridays. She "
            "reads the verses from Emmie Ström's Cautionary Tales.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Lucky", "Nails", "Calloway", "Sheriff", "CCSO", "Rushey", "Mead", "Sunnyside", "Opportunities",
                     "Ström")
    assert "'s Cautionary Tales." in out, out


def test_a_review_of_the_tenth_sets_fixes(tmp_path, passphrase):
    """What a fresh-eyes review of those fixes found: a month-named person after a day
    ("on Monday to April's house") kept; an Irish article before a prefixed word ("Mac an
    tSaoi") left; English "an" joined into a name ("got Mia an EHCP", "Siobhan an Dave");
    an adjective after a first name read as a surname ("made lisa redundant") and "Dawn
    Chorus" as a person; chat shorthand ("ok.will") and a file's extension ("interview_rw.docx")
    read as user names; a date in a file name ("2024_03_12_") replaced; a name in a file name
    given another pseudonym and its extension lost ("notes_on_Bartek_Nowak.txt"); services
    every town has replaced ("the Stay and Play group"); "Jan to May"."""
    text = ("Interviewer: Go on.\n\nRespondent: I went round on Monday to April's house; April Dunmore is my "
            "friend. My teacher was Pádraig Mac an tSaoi. We finally got Mia an EHCP. Siobhan an Dave came over. "
            "We heard the Dawn Chorus every morning. ok.will send the transcript. Bartek Nowak said he would send "
            "notes_on_Bartek_Nowak.txt and 2024_03_12_interview.docx and interview_rw.docx. We go to the Stay "
            "and Play group and the Sure Start centre. May Gibbons came from Jan to May anyway.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "April", "Dunmore", "Saoi", "Bartek", "Nowak", "Gibbons")
    assert_kept(out, "an EHCP", " an ", "Dawn Chorus", "ok.will send", " 2024_03_12_interview.docx",
                     "interview_rw.docx", "the Stay and Play group", "the Sure Start centre", "from Jan to May anyway")
    assert re.search(r"notes_on_[A-Z][a-z]+_[A-Z][a-z]+\.txt", out), out
    _, out = deid_one(tmp_path, "b.txt", "speaker 1: so they made lisa redundant and it left sharon speechless\n")
    assert "redundant" in out and "speechless" in out, out


def test_a_word_said_seldom_opening_a_sentence_before_a_person_verb_is_flagged(tmp_path, passphrase):
    """final10's "Sparrow has asked whether ...": a surname that is a word, opening a sentence
    (so its capital says nothing), before a verb only a person does, was neither replaced nor
    flagged. Now flagged; not a department, a relation or a word said every day."""
    text = ("Minutes.\nThe club thanked the sponsors. Sparrow has asked whether the council would help. Nan said "
            "no. Reception rang later. Everyone said yes. Pharmacy said maybe.\n")
    deid_one(tmp_path, "a.txt", text)
    flagged = open_flags(tmp_path, "a.txt")
    assert "Sparrow" in flagged, flagged
    assert not {"Reception", "Everyone", "Pharmacy"} & flagged, flagged


def test_chat_user_names_with_a_first_name_and_a_greeting_before_a_name(tmp_path, passphrase):
    """final10's chat export: "lowri.keast" (a first name, a dot, a surname) was read as a web
    address, and "Sorry Amara, deleted" gave "Sorry Amara" a pseudonym of its own (another
    than Amara's)."""
    text = ('{"user": "lowri.keast", "display_name": "Lowri Keast", "text": "Sorry Amara, deleted. Amara said no. '
            'Visit notes.txt later."}\n{"user": "d.o-connor", "thread_ts": "1742202690.123456", "text": "Fine."}\n')
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "keast" not in out.lower() and "Amara" not in out and "notes.txt" in out, out
    assert "connor" not in out and '"thread_ts": "1742202690.123456"' in out, out
    assert re.search(r'"user": "[a-z]{3,}\.[a-z]+"', out), out
    said = re.search(r"Sorry (\w+), deleted\. (\w+) said no", out)
    assert said and said.group(1) == said.group(2), out


def test_initials_read_as_a_body_elsewhere_are_the_persons(tmp_path, passphrase):
    """final10's minutes: "TMD" after Tadhg Mac Donncha's name became his pseudonym's
    initials, but where NER read "TMD" as a body ("on the proposal of TMD") it got other
    letters: one person, two sets of initials."""
    text = ("Minutes.\nPRESENT: Tadhg Mac Donncha (TMD, Treasurer); May Joyce (MJ).\n\n1. MINUTES\nThe minutes were "
            "adopted on the proposal of TMD, seconded by MJ.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    first = re.search(r"\(([A-Z]{2,4}), Treasurer\)", out)
    assert first and f"proposal of {first.group(1)}," in out and "TMD" not in out, out


def test_a_first_name_that_is_a_word_before_a_verb_only_a_person_does_in_lower_case(tmp_path, passphrase):
    """final10's speech recognition: "ivy wanted her called the girl ivy" (his wife) kept
    unflagged; a first name that is a word is a name before a verb only a person does, as
    before one of speaking ("frank told me"), after no determiner ("the rose wanted water"
    stays): replaced, or flagged where it opens a turn."""
    text = "speaker 1: ivy wanted her called after the boat and frank went out and the rose wanted water\n"
    _, out = deid_one(tmp_path, "a.txt", text)
    assert "frank" not in out.lower() and "the rose wanted water" in out, out
    assert "ivy" in {f.lower() for f in open_flags(tmp_path, "a.txt")} or "ivy" not in out, out


def test_what_the_eleventh_held_out_set_showed(tmp_path, passphrase):
    """Causes final11 showed: Spanish quoted in lower case in field notes read as names by NER
    ("pero le entiendo", "para trabajar"); streets written short or ending in "Close" kept
    ("Olivares Rd", "Copse Hill Close"); shops by their kind ("Mo's Superstore"); a heading in
    capitals, a university's own services and a law with its year replaced ("4. STUDENT'S
    RESPONSE", "Student Cases Team", "Post-16 Education Act 2022"); a known name in a chat
    message quoted all in lower case kept ("jess im actually drowning")."""
    notes = ("Field notes.\n- Mayordomo is Eusebio Vásquez Ruiz. He said \"¿viene a trabajar o a mirar?\" and she "
             "speaks Spanish \"para trabajar\", almost no English.\n- R goes to the clinic on Almendro Ave, sees the "
             "promotora who speaks Mixteco \"de por allá, de la costa, pero le entiendo\". FRC: \"ya no me dan los "
             "papelitos en español, ahora en el teléfono,\" she said.\n- Pick-up at the gas station on Olivares Rd. "
             "Mo at Mo's Superstore delivered the shopping. Patel's Chemist got the packs wrong. She lives on Copse "
             "Hill Close.\n")
    _, out = deid_one(tmp_path, "notes.txt", notes)
    assert_gone(out, "Eusebio", "Vásquez", "Almendro", "Olivares", "Superstore", "Patel", "Copse")
    assert_kept(out, '"para trabajar"', "viene a trabajar o a mirar", "de la costa, pero le entiendo",
                "ya no me dan los papelitos en español, ahora en el teléfono,")
    report = ("Case report.\nPanel: Dr Jessica Watts; Mrs Gillian Tordoff (Case Officer, Student Cases Team).\n\n"
              "3.5 Jess Watts provided a screenshot of this message:\n\n"
              "    \"jess im actually drowning. got one of them to do the essay for me x\"\n\n"
              "4. STUDENT'S RESPONSE\n\nShe may contact Student Wellbeing. The case goes to the QAA under the "
              "Skills and Post-16 Education Act 2022.\n")
    _, out = deid_one(tmp_path, "report.txt", report)
    assert_gone(out, "Jess", "jess", "Watts", "Tordoff")
    assert_kept(out, "4. STUDENT'S RESPONSE", "Student Cases Team", "Student Wellbeing",
                "Skills and Post-16 Education Act 2022.")


def test_a_lower_case_transcript_names_a_wife_a_farm_a_firm_and_a_port(tmp_path, passphrase):
    """final10's speech recognition, once more: a first name that is a word after "married"
    or before a relation's possessive ("i married ivy", "ivy's mother"); a farm, a family firm
    and a port said with their names ("trewarren farm", "jory and sons", "port isaac"); not
    "married young", nor "the port will close"."""
    text = ("speaker 1: where did you meet\nspeaker 2: i married ivy in sixty eight her father was from trewarren "
            "farm and he worked at jory and sons then we lived out near port isaac and it was ivy's mother's house "
            "and my brother married young and the port will close they say\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    assert_gone(out, "ivy", "trewarren", "jory", "isaac", lower=True)
    assert_kept(out, "married young", "the port will close")


def test_a_csv_export_is_read_cell_by_cell(tmp_path, passphrase):
    """Regression (final16): in a Dedoose excerpts export NER read across quoted cells
    ('Excerpt ID","Media Title","Excerpt Range', 'Relation famille","Mme Després'): the
    header's cells were given pseudonyms, and names ran from one field into the next."""
    text = ('"Excerpt ID","Media Title","Excerpt Range","Excerpt Creator","Codes Applied","Excerpt Copy"\n'
            '"EX-0519","E07 Rosalie - Bel-Horizon.docx","880-1604","c.desrosiers","Workload; Agency",'
            '"The agency sends the rota by text the night before. Chantal, the coordinator, is kind."\n'
            '"EX-0520","E07 Rosalie - Bel-Horizon.docx","1604-2210","c.desrosiers","Relation famille",'
            '"Mme Després on the back road has no signal, so nobody knows where I am."\n')
    _, out = deid_one(tmp_path, "excerpts.txt", text)
    assert_gone(out, "Rosalie", "Chantal", "Després")
    # (the header's cells of ordinary words are labels; "Media Title" has a first name in it,
    # and a header of names is a matrix's, "Code","Grace Hill","Mark Brown": replaced)
    assert out.startswith('"Excerpt ID","') and '","Excerpt Range","Excerpt Creator","Codes Applied"' in out, out
    assert '"Relation famille","Mme ' in out, out


def test_names_with_initials_after_them_are_people(tmp_path, passphrase):
    """Regression (final16): a Google Meet attendee list of South Indian names with their
    initials after them ("Karthik R", "Sreeja P K") got place pseudonyms and kept "R"."""
    text = ("Meeting notes\n\nAttendees: Anjali Menon, Debarati C, Karthik R, Sreeja P K\n\nKarthik R\n"
            "Yes maam, I spoke to Sreeja P K yesterday and Debarati C agreed. I think so.\n")
    _, out = deid_one(tmp_path, "meet.txt", text)
    assert_gone(out, "Debarati", "Karthik", "Sreeja", " R\n", " P K")
    from deid import names
    firsts = re.search(r"Attendees: (\w+) \w+, (\w+) [A-Z], (\w+) [A-Z], (\w+) [A-Z] [A-Z]\n", out).groups()
    assert all(f in names.first_names() for f in firsts), out   # people's pseudonyms, not places'
    assert "I think so." in out, out


def test_initials_without_stops_before_a_name_go_with_it(tmp_path, passphrase):
    """Regression (final7, final13): initials written without stops before a surname, as a
    witness statement's signature and a police log write them ("L M Evans", "SW K
    PICKERSGILL"), were left beside the surname's pseudonym; the pronoun and the article
    are no initials, nor the letter of a thing ("Plan B"). So with initials after a name
    (final16: "Sreeja P K" found as "Sreeja", "P K" left)."""
    text = ("Statement of Lowri Evans. I saw him go past. Mrs Evans said nothing.\n\n"
            "Signature: L M Evans                Date: 19/11/2023\n\n"
            "01:44 2744  PC HOLROYD: REFERRAL SUBMITTED - ALLOCATED SW KIRSTY PICKERSGILL. "
            "FAMILY INFORMED. 02:10 2744  SW K PICKERSGILL TO VISIT.\n\n"
            "Later I Evans'd the form, as we say. Then Plan B Evans was tried, and A Evans came.\n\n"
            "Attendees: Anjali Menon, Sreeja P K\n\nSreeja P K\nGood evening. In the records it is "
            "P.K. Sreeja, if you want the full thing. Sreeja B-grade work, they said.\n")
    _, out = deid_one(tmp_path, "statement.txt", text)
    assert_gone(out, "Evans", "PICKERSGILL", "L M ", "SW K ", "Sreeja", " P K")
    assert " B-grade work" in out, out
    assert "Later I " in out and "Then Plan B " in out and ", and A " in out, out
    surname = re.search(r"Mrs (\w+) said nothing", out).group(1)
    assert re.search(rf"Signature: [A-Z] [A-Z] {surname} ", out), out   # (one surname, other letters)
    # a tab is a table's next cell, not the next initial; "A." and "Q." open a transcript's turns
    (tmp_path / "tsv").mkdir()
    _, out = deid_one(tmp_path / "tsv", "grades.txt", "name\tgrade\tward\nGareth Evans\tB\tF\n\n"
                      "Q. And after that?\nA. Honest answer, it was hard.\nQ. Okay.\n")
    assert_gone(out, "Gareth", "Evans")
    assert "\tB\tF\n" in out and "A. Honest answer, it was hard.\nQ. Okay." in out, out


def test_a_council_in_a_heading_and_the_acronyms_of_known_bodies(tmp_path, passphrase):
    """Regression (final20): NER read "PERSONAL\n\nNorth Nene Council - Children's Services"
    as one body, which hid the institution recognizer's "North Nene Council" (Presidio keeps
    the longer of two results of one type), and "North Nene" was taken for a first name;
    after one acronym of a known body ("NNC") the sweep read the next ("OVA") as a word;
    "H. Stroud" was ordinary words; "PNC" and "OSCE" are vocabulary."""
    text = ("OFFICIAL-SENSITIVE: PERSONAL\n\nNorth Nene Council - Children's Services\nStrategy Discussion\n\n"
            "Present: Helen Stroud, Team Manager, NNC (Chair). Imran Qureshi, Oakley Vale Academy.\n\n"
            "Actions: NNC to chair the review; PNC checks by police; update the DSL at OVA; OSCE dates noted.\n\n"
            "Next review: 28/05/2024. Chair: H. Stroud.\n")
    _, out = deid_one(tmp_path, "minutes.txt", text)
    assert_gone(out, "Nene", "NNC", "OVA", "Stroud", "Oakley")
    assert " - Children's Services\nStrategy" in out and "; PNC checks" in out and "; OSCE dates" in out, out


def test_a_body_called_without_its_kind_words_is_that_body(tmp_path, passphrase):
    """Regression (final20): "attends Oakley Vale" after "Oakley Vale Academy" got a person's
    pseudonym (NER read a person), and "Nene Valley General" a pseudonym whose first word
    differed from that of "Nene Valley General Hospital" (its word "Nene" is in two bodies)."""
    text = ("Present: Imran Qureshi, Assistant Head, Oakley Vale Academy; Karen Whitlock, School Nurse, "
            "Nene Community Health NHS Trust.\n\nSchool: Tyler attends Oakley Vale. He was seen at Nene "
            "Valley General Hospital in January.\n\n| Request CP medical at Nene Valley General paediatrics "
            "| AOR |\n")
    _, out = deid_one(tmp_path, "minutes.txt", text)
    assert_gone(out, "Oakley", "Nene")
    school = re.search(r"Assistant Head, (.+?) \w+; ", out).group(1)
    assert f"attends {school}. " in out, out
    hospital = re.search(r"seen at (.+?) Hospital in", out).group(1)
    assert f"medical at {hospital} paediatrics" in out, out


def test_a_body_acronym_with_a_letter_from_inside_its_name(tmp_path, passphrase):
    """Regression (final16): "CALDERBROOK UNIVERSITY (CBU)" did not link "CBU" (a letter from
    inside "Calderbrook"), and "CBU" was left everywhere."""
    text = ("CALDERBROOK UNIVERSITY (CBU)\nSchool of Nursing\n\nVenue: Room 4, Hartley Building, CBU\n"
            "Dr Helen Marsh, Head of Practice Learning, CBU, chaired. CBU secure email only.\n")
    _, out = deid_one(tmp_path, "record.txt", text)
    assert_gone(out, "CBU", "CALDERBROOK", "Calderbrook")
    acronym = re.search(r"University \((\w+)\)", out).group(1)
    assert out.count(acronym) == 4, out


def test_a_surname_a_hard_wrapped_record_put_on_the_next_line(tmp_path, passphrase):
    """Regression (final16): "Mrs Hazel\nGrant" in a record wrapped at 70 columns: "Grant"
    was left; a word on the next line that is no surname ("Monday") is not taken."""
    text = ("The student then took up a placement at a care home in the north, where the manager, Mrs Hazel\n"
            "Grant, agreed to act as a referee. Later she met Hazel again; the notes say that they met Hazel\n"
            "Monday.\n")
    _, out = deid_one(tmp_path, "record.txt", text)
    assert_gone(out, "Hazel", "Grant")
    assert "\nMonday." in out, out


def test_a_first_name_said_cut_short(tmp_path, passphrase):
    """Regression (final16): "Raj" after "Rajesh Parmar" in a meeting record was left (a
    dictionary word, no nickname table has it); now his, by his pseudonym's first name."""
    text = ("Attendees:\n  Rajesh Parmar (RP)    Practice Assessor\n\nRP said the student worked two shifts "
            "alongside him. Raj felt the concerns were serious. Later Raj agreed. The Raj ended in 1947.\n")
    _, out = deid_one(tmp_path, "record.txt", text)
    assert_gone(out, "Rajesh", "Parmar", "Raj felt", "Raj agreed")
    first = re.search(r"Attendees:\n  (\w+) ", out).group(1)
    assert f"{first} felt" in out or re.search(r"\b\w+ felt", out).group().split()[0] in first, out


def test_a_party_to_a_case_before_a_company_name(tmp_path, passphrase):
    """Regression (final16): "Defendant Tri-Rivers Freight Logistics" took "Defendant" into
    the company's name, and it got another pseudonym than "Tri-Rivers Freight Logistics"; its
    legal form after a comma is the name's (final21), given a form of its country."""
    text = ("  TRI-RIVERS FREIGHT LOGISTICS, LLC,    )\n\n             on behalf of Defendant Tri-Rivers Freight "
            "Logistics, LLC.\n  10        A.   Tri-Rivers Freight Logistics. They run the warehouse.\n")
    _, out = deid_one(tmp_path, "depo.txt", text)
    assert_gone(out, "Tri-Rivers", "TRI-RIVERS")
    company = re.search(r"A\.   (.+?)\. They", out).group(1)
    assert re.search(rf"Defendant {company}, (?:LLC|Inc)\.", out), out   # (its legal form one of the country's)


def test_initials_of_the_given_names_as_south_india_writes_them(tmp_path, passphrase):
    """Regression (final16): "KVS" of "Kondapalli Venkata Subba Rao" (K.V.S. Rao) was left."""
    text = ("Dr. Lakshmi N\nPlease introduce yourself.\n\nKondapalli Venkata Subba Rao\nKondapalli Venkata Subba "
            "Rao, maam. In the register I am K.V.S. Rao, friends say KVS. KVS is fine.\n")
    _, out = deid_one(tmp_path, "meet.txt", text)
    assert_gone(out, "KVS", "Kondapalli", "Venkata", "Subba")
    label = re.search(r"\n\n(.+)\n", out).group(1)
    assert "friends say " + "".join(w[0] for w in label.split()[:3]) + "." in out, out


def test_a_surname_that_is_an_everyday_word_after_its_title_in_lower_case(tmp_path, passphrase):
    """Regression (final16): "mr price the manager" and the chapel "capel hope" in a lower-case
    transcript were left (everyday words, read as such in lower case)."""
    text = ("spk_0: tell me about the quarry\n\nspk_1: you made the tea in the hut and mr price the manager he "
            "would come round. the price of slate went down. mr price was from england. the english chapel "
            "too capel hope for the managers, there was hope for us all\n")
    _, out = deid_one(tmp_path, "asr.txt", text)
    assert "mr price" not in out and "the price of slate" in out, out
    assert "capel hope" not in out and "there was hope for us" in out, out


def test_review_of_final16s_fixes(tmp_path, passphrase):
    """Faults a fresh-eyes review found in the final16 fixes: a name in a CSV header cell
    kept; a named service before a post kept; a chat's time taken into the sender's name (and
    the sender given two pseudonyms); a common word on the next line of a wrapped text taken
    as a surname; years after "Local" read as a union's number."""
    text = ('"Code","Grace Hill","Rose Young","Mark Brown","Barış Özkan"\n"Workload","3","1","0","2"\n'
            '"Family","1","4","2","0"\n"P04","Dolores Flores","Castle Vale","Mrs Baker","Riverside Clinic"\n\n'
            "Uncle Dennis (Riverside Health Worker) rang back.\n\n"
            "[10:02] Okafor, Chidi\nI can do Thursday.\n\n[10:17] Okafor, Chidi\nChidi Okafor will send the forms.\n\n"
            "The placement went well and she worked on the ward alongside her mentor Karen\n"
            "Hall staff were very supportive of her. Local 2019 elections were a mess.\n")
    _, out = deid_one(tmp_path, "mixed.txt", text)
    assert_gone(out, "Mark Brown", "Riverside", "Okafor", "Chidi")
    assert "[10:02] " in out and "[10:17] " in out, out
    sender = re.search(r"\[10:02\] (.+)\n", out).group(1)
    assert f"[10:17] {sender}\n" in out, out
    surname, given = sender.split(", ")
    assert f"{given} {surname} will send" in out, out
    assert "\nHall staff were" in out and "Local 2019 elections" in out, out


FOREIGN_PHRASES = [
    # text, the lower-case span NER read as a name, whether it is another language's phrase
    ('Mixteco "de por allá, de la costa, pero le entiendo". The doctor', "pero le entiendo", True),
    ('speaks Spanish "para trabajar", almost no English', "para trabajar", True),
    ("I will ask dan about it tomorrow.", "dan", False),
    ("then we saw rosa and pedro at the shop", "pedro", False),
    ('she said "gracias, maria" and left', "maria", False),   # one word: a name all the same
    ("Jess im actually drowning, ask helen marsh", "helen marsh", False),
    # capitals of a French passage (final16): its grammar and dictionary words, not its names
    ("t'ouvrent la porte. Mais ça veut dire aussi qu'ils m'arrêtent", "Mais", True),
    ("Moi j'ai commencé au CLSC du Vieux-Moulin en 96", "Moi j'ai", True),
    ("onze ans! Je connaissais son chien, ses petits-enfants", "Je connaissais son chien", True),
    ("pour aller chercher Océane à l'école. Mais l'hiver, avec la neige", "Mais l'hiver", True),
    ("tu sais. Les anglophones peuvent pas leur parler", "Les", True),
    ('"FR","Identité; Communauté; Relation famille","Mon mari', "Communauté", True),
    ('"FR","Déplacements; Agence; Charge de travail","L\'agence', "Charge de travail", True),
    ("Des fois à onze heures. Chantal, la coordonnatrice, elle est ben fine", "Chantal", False),
    ("je le disais à Marc tantôt, c'est pas le système", "Marc", False),
    ("Moi je fais le secteur de Trois-Rivières le matin pis les rangs", "Trois-Rivières", False),
    ("I met Esperanza at the clinic on Monday.", "Esperanza", False),
    ("and Lise said it was fine, she would come", "Lise", False),
    ("c'était rare. Les filles me donnaient les gros transferts", "Les", True),
    ("Monsieur Chance. Elle dit qu'avec un nom de même", "Elle", True),
    ("It was late. Elle said she would come by after work.", "Elle", False),
    ("It was late. Les came over with the van.", "Les", False),
    # names of another language in English text or in a list are names (review of final16's fixes)
    ("Attendees: Barış Özkan, Emre Doğan, Ayşe Polat\n", "Barış Özkan", False),
    ("My neighbour Mehmet Şahin came by. Mrs Çelik brought food.", "Çelik", False),
    ("My supervisor was Mme Sauvé, and Després was the other nurse.", "Després", False),
    ("I grew up in Lévis, then moved to Quebec City.", "Lévis", False),
    ("he lives at Calle Real 4, Chiclana de la Frontera, Spain", "de la Frontera", False),
    ("the notary, Maika van de Noort, signed", "van de Noort", False),
    # a name's word with words of the language after it is the language's phrase (final22)
    ("Tengo presión alta y los dolores de espalda de tantos años en la escalera.",
     "dolores de espalda de tantos", True),
    ("Mucho tráfico, muy caro. Un primo me dijo", "muy caro", True),
    # a capital said far more often as the language's word than as a name: "Ella" (she), "Bueno"
    ("en la escalera. Ella me mandó a terapia física. Pero la terapia es", "Ella", True),
    ("PARTICIPANTE: Bueno, pues mi hija me maneja la cuenta.", "Bueno", True),
    ("It was late. Ella said she would come by after work.", "Ella", False),
    ("Esperanza me dijo que sí, que venía.", "Esperanza", False),
    ("y luego Sol me llamó por teléfono", "Sol", False),
    ("Mi esposa hizo café. Lola, ¿nos traes café? Ella se llama Dolores", "traes café", True),
    # a month of the language in lower case, a lower-case word after its article: no names
    ("PARTICIPANTE: Brayan nació en julio, con un sol tremendo, en el hospital", "julio", True),
    ("y la lupita vino ayer con su mamá", "lupita", False),   # (a name after its article: review)
    ("Pues Mari me dijo que sí, que venía.", "Mari", False),
    ("Facilitator: Thank you Mia. And Mina?", "Mina", False),
    ("y mi hijo domingo trabaja en la bodega", "domingo", False),
    ("y mi hija maria trabaja en la bodega de noche", "maria trabaja", False),
    ("y mi hermana rosa maria trabaja en la fábrica", "rosa maria", False),
]


@pytest.mark.parametrize("text, span, foreign", FOREIGN_PHRASES)
def test_words_of_another_language(text, span, foreign):
    from deid import entity
    s = text.index(span)
    assert entity.in_foreign_phrase(text, s, s + len(span)) is foreign


def test_what_the_twelfth_held_out_set_showed(tmp_path, passphrase):
    """Causes final12 showed: a coded-segments export read across its tab-separated cells (an
    ISO date, a code and a number taken for one address: "2024-03-05<tab>Stigma<tab>27"); a
    town joined to another by a slash kept ("Leeds/Oxenholt"); a code book's ordinary words
    opening a cell replaced ("Peer support"); a date and time read as a phone number; the
    analysis package and its project file read as a person and a web address ("MAXQDA 2022",
    "TrustNav_v7.mx22"); a person tagged by name on Facebook read as a handle ("@Kerry
    Whitlock" became "@meghan814 Cortez")."""
    tsv = ("MAXQDA 2022 (Release 22.7.0) – Coded Segments\nProject: TrustNav_v7.mx22\n"
           "Exported: 03.06.2024 14:22 by Jonah Bramwell\n\n"
           "Color\tDocument group\tDocument name\tCode\tBegin\tEnd\tSegment\n"
           "#c678dd\tSite A – Brooklyn\tInterview_Mattis_Flatbush_2024-03-05\tStigma\t27\t29\tDM: I told Brother "
           "Winston Archibald so.\n"
           "#98c379\tSite B – Leeds/Oxenholt\tInterview_Holroyd_Oxenholt_2024-04-11\tPeer support\t6\t9\tSH: At "
           "the drop-in on Mill Lane we do Tuesdays.\n")
    _, out = deid_one(tmp_path, "segments.txt", tsv)
    assert_gone(out, "Bramwell", "Mattis", "Archibald", "Leeds", "Holroyd", "Mill Lane")
    assert_kept(out, "MAXQDA 2022 (Release", "_v7.mx22\n", "Exported: 03.06.2024 14:22 by ", "\tStigma\t27\t29\t",
                "\tPeer support\t6\t9\t", "_2024-03-05\t", "_2024-04-11\t")
    posts = ("Group posts.\n  The school would be honoured if that's ok with your family @Kerry Whitlock\n"
             "    @Dennis Oldroyd he's behind the counter. Follow @oxenholt_fc for news.\n")
    _, out = deid_one(tmp_path, "posts.txt", posts)
    assert_gone(out, "Kerry", "Whitlock", "Dennis", "Oldroyd", "oxenholt")
    assert re.search(r"family @[A-Z][a-z]+ [A-Z][a-z]+\n", out), out


def test_a_review_of_the_eleventh_and_twelfth_sets_fixes(tmp_path, passphrase):
    """What a fresh-eyes review of those fixes found: a phone number after a date kept (the
    date check dropped the whole number); a name inside Spanish kept ("mi hija maria
    trabaja"); a handle before a capitalised word kept ("@Daisymae Thanks"); a school or a
    house as a heading in capitals kept; a known name that is an everyday word replaced in a
    lower-case line ("i hope you come" where Hope Adeyemi is named); "App Store", "the Staying
    Close programme" and "Ave" of "Ave Maria" replaced as streets; in lower case, "my son's teacher", "glen said"
    and "married rich" read as names."""
    text = ("Interviewer: Anything else?\n\nRespondent: Call log: 03.06.2024 0161 496 0123 no answer. Hope Adeyemi "
            "came. The mother said \"mi hija maria trabaja en la tienda de ropa\". @Daisymae Thanks for sharing. "
            "I got it on the App Store. The Staying Close programme helped. They sang Schubert's Ave Maria.\n"
            "    \"i hope you will all come on friday x\"\n\n3. RIVERSIDE PRIMARY SCHOOL\n\n5. BRIDGE HOUSE\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "496 0123", "Adeyemi", "maria", "Daisymae", "RIVERSIDE", "BRIDGE")
    assert_kept(out, "App Store", "The Staying Close programme", "'s Ave ", "\"i hope you will all come on friday")
    lower = ("speaker 1: and then\nspeaker 2: my son's teacher rang and her baby's dad came and then glen said we "
             "should go and my cousin married rich\n")
    _, out = deid_one(tmp_path, "asr.txt", lower)
    assert_kept(out, "my son's teacher", "her baby's dad", " said we should go", "married rich")


def test_what_the_thirteenth_held_out_set_showed(tmp_path, passphrase):
    """Causes final13 showed: a police log written in capitals read as names word by word
    ("HOME ADDRESS", "NO PREVIOUS MISPER"), its times' minutes read with the number after them
    as phone numbers or addresses ("00:07 0431", "00:04 DISP 4021"); "CALL HANDLER:" a person;
    South Asian kin terms said as names replaced ("Ammi said", "Baji rang") or read into one
    ("Rubina Baji" gave "Baji" a surname's pseudonym); a heading in
    capitals of one word ("999 CALL TRANSCRIPT")."""
    text = ("999 CALL TRANSCRIPT\n\nCALL HANDLER: Police emergency. What is the address?\nCALLER: 14 Kestrelby Road. "
            "My mum has gone.\nCALL HANDLER: Okay. What is your name?\nCALLER: Tariq Akhtar.\n\n"
            "23:52 6619  999 FROM TARIQ AKHTAR (SON) TEL 07700 900418. MOTHER LEFT HOME ADDRESS BETWEEN 22:30 AND "
            "23:20. FRONT DOOR FOUND OPEN.\n00:04 DISP 4021  NPAS REQUESTED - DECLINED, WEATHER.\n"
            "00:07 0431  2ND CALLER GILLIAN FIRTH REPORTS ELDERLY FEMALE WALKING TOWARDS THE PARK. NO PREVIOUS "
            "MISPER.\n")
    _, out = deid_one(tmp_path, "cad.txt", text)
    assert_gone(out, "Kestrelby", "Tariq", "TARIQ", "AKHTAR", "900418", "GILLIAN", "FIRTH", "6619", "4021", "0431")
    assert_kept(out, "999 CALL TRANSCRIPT", "CALL HANDLER: Police", "\n23:52 ", "LEFT HOME ADDRESS BETWEEN 22:30",
                "\n00:04 DISP ", "  NPAS REQUESTED", "\n00:07 ", "  2ND CALLER", "NO PREVIOUS MISPER.")
    _, out = deid_one(tmp_path, "notes.txt", "Notes.\n09:15 2000 people came to the rally.\n")
    assert_kept(out, "09:15 2000 people")
    otter = ("Priya Raman  0:00\nSo how is your mother-in-law?\n\nShazia Akhtar  0:12\nAmmi is okay. Ammi said she "
             "wants to go home. Baji rang me and Imran bhai came. The aunties speak Pidgin. She would ring "
             "Rubina Baji in Leeds. Rubina said no.\n")
    _, out = deid_one(tmp_path, "otter.txt", otter)
    assert_gone(out, "Priya", "Raman", "Shazia", "Imran", "Rubina")
    assert_kept(out, "Ammi is okay. Ammi said", "Baji rang me", "speak Pidgin.", " Baji in ")


def test_a_name_said_as_a_person_and_as_a_place_gets_one_pseudonym(tmp_path, passphrase):
    """Regression (final12): NER read "Oxenholt" as a person in one sentence and a town in the
    next, and "Fearnley Lock" once as a person; the first linked decided, so the town had a
    person's pseudonym in the text and a town's inside its address, and "Oxenholt CMHT" (a
    body) gave it a surname's. The kind most mentions agree on, an address's town counting
    twice, is every mention's. An address after "address was" ran on past its postcode's full
    stop into the next sentence ("... WF16 9XZ. Fearnley Lock")."""
    text = ("Interviewer: Where?\n\nRespondent: He was found on the towpath near Fearnley Lock, Oxenholt. He lived "
            "at 27 Tenter Croft, Oxenholt. Care passed to the Oxenholt CMHT. He drowned at Fearnley Lock, "
            "Oxenholt. His address was 27 Tenter Croft, Oxenholt WF16 9XZ. Fearnley Lock is a quiet spot.\n")
    (tmp_path / "veil.toml").write_text('style = "bracket"\n')
    _, out = deid_one(tmp_path, "a.txt", text, "o", "--config", tmp_path / "veil.toml")
    assert_gone(out, "Oxenholt", "Fearnley", "Tenter")
    towns = re.findall(r"near (\[\w+ \d+\]), (\[\w+ \d+\])\.", out) + re.findall(r"drowned at (\[\w+ \d+\]), (\[\w+ \d+\])", out)
    assert len(towns) == 2 and towns[0] == towns[1] and towns[0][0].startswith("[PLACE") \
        and towns[0][1].startswith("[PLACE"), out
    assert "[PERSON" not in out.split("Care passed to the ")[1].split(".")[0], out
    assert re.search(r"address was \[PLACE \d+\]\. \[PLACE \d+\] is a quiet spot", out), out


def test_what_the_fourteenth_held_out_set_showed(tmp_path, passphrase):
    """Causes final14 showed: a header's "Recording ID: GCFF-0042" read as a speaker and its
    value, so the cue was never seen; Irish names' particles and initials ("D. Ní Fhlatharta",
    "PÓC", "Micheál Ó Briain rang"); Vietnamese, Welsh, Irish and Japanese kin terms and
    honorifics read as names ("Nhad", "Daidí", "Cô", "Hirano Sensei"); French
    words opening a sentence replaced ("Merci, everyone"); "Côte-des-Neiges" and an okina's
    "ʻAiea" never read; a name joined in a folder's name ("IfanMorgan"); "King's College
    Hospital" read as the vocabulary of courts; a body known by its initials left as ordinary
    words; "House" opening a note read as a body; a participant code ("P07") replaced."""
    text = ("ORAL HISTORY\nInterviewee: Ifan Morgan\nRecording ID: GCFF-0042\nAudio file: Sain/2024/IfanMorgan/tape1.wav\n\n"
            "Interviewer: Okay.\n\nIfan Morgan: Merci, everyone. Nhad and Mam farmed. Cô Hai and Hirano Sensei came. "
            "Deirdre Ní Fhlatharta (DNF) and Pádraig Ó Conchúir visited. Later D. Ní Fhlatharta wrote to PÓC. "
            "Micheál Ó Briain rang. Garda Cathal Mac Donncha called. I lived in ʻAiea and then Côte-des-Neiges. "
            "I trained at King's College Hospital. The Vietnamese Fishermen's Association of the Gulf, the VFAG, "
            "helped. House cold but tidy. Daidí was out. P07 said so. My licence, RN-31977, and my member number, "
            "40218, are old.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "GCFF", "IfanMorgan", "Ifan", "Fhlatharta", "Conchúir", "PÓC", "Ó Briain", "Donncha", "Aiea",
                "Côte", "King's College", "Fishermen", "VFAG", "31977", "40218")
    assert_kept(out, "Merci, everyone. Nhad and Mam farmed. Cô ", " Sensei came.", "House cold but tidy. "
                "Daidí was out. P07 said so.", " rang.")
    assert re.search(r"Sain/2024/\w+/tape1\.wav", out) and " Ní " not in out.split("Interviewer")[1], out


def test_what_a_review_of_the_fourteenth_sets_fixes_found(tmp_path, passphrase):
    """Faults a fresh-eyes review found in those fixes: a patient's answer under the label
    "Patient" read as a header's number; a name opening a sentence kept as a foreign word
    ("Graça brought food"); "Nic" alone kept as a particle; "FY-2023" and "the A-1000 form"
    read as licences; a Dublin district ("D08") kept as a study's code; "ʻOhana Day" replaced;
    "Independent Office for Police Conduct (IOPC)" replaced as a body known by its initials;
    and "IfanMorgan" kept where the key has "Ifan Rhys Morgan"."""
    text = ("Nurse: What was your blood sugar?\n\nPatient: 112\n\nNurse: And your weight?\n\nPatient: 168\n\n"
            "Nurse: Anything else?\n\nPatient: Graça brought food. My cousin Nic said so. Our budget for FY-2023 was cut "
            "and the A-1000 form was lost. She moved to D08 last year. Our ʻOhana Day was fun. We complained to "
            "the Independent Office for Police Conduct (IOPC).\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Graça", "Nic ", "D08")
    assert_kept(out, "Patient: 112", "Patient: 168", "FY-2023", "A-1000", "ʻOhana Day",
                "Independent Office for Police Conduct (IOPC)")
    # a folder's name joins the first and last words of a name with a middle one
    _, out = deid_one(tmp_path, "b.txt", "Audio file: Sain/2024/IfanMorgan/tape1.wav\nNarrator: Ifan Rhys Morgan\n\n"
                      "I: Hello.\n\nR: Hello.\n")
    assert_gone(out, "IfanMorgan", "Ifan")


def test_a_number_found_once_is_found_bare_in_another_file(tmp_path, passphrase):
    """Seen on final12: a collar number after its cue in an inquest record ("collar number
    4471") stayed bare in a handover note of the same study; a year that was an identifier's
    digits is no identifier elsewhere."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("PC Gemma Rowbotham, collar number 4471, found him by the lock.\n")
    (tmp_path / "in" / "b.txt").write_text("Police liaison: Gemma Rowbotham, 4471, coming at 14:00. "
                                          "Admitted in 2019 with 1200 ml of fluid.\n")
    res = run("deid", tmp_path / "in", "--study", tmp_path / "s", "--out", tmp_path / "o")
    assert res.exit_code == 0, res.output
    out = (tmp_path / "o" / "b.txt").read_text()
    assert_gone(out, "4471", "Rowbotham")
    assert_kept(out, "2019", "1200 ml", "14:00")


def test_people_named_together_are_parted(tmp_path, passphrase):
    """Seen on final5: NER read "Kacey-Leigh and Nevaeh" as one organisation, so the two
    girls got a body's pseudonym there ("North Deer Prairie and Wheatmont") and their own
    elsewhere. Names of people joined by "and" or a comma, each a person named in the batch,
    are one person each."""
    text = ("Child: Kacey-Leigh BURROWS      DOB: 14/03/2016\n"
            "Sibling: Nevaeh MAGUIRE (half-sister)\n\n"
            "Present: Shannon, Kacey-Leigh, Nevaeh. Shannon works at Marks and Spencer.\n\n"
            "Maureen: willing for Kacey-Leigh and Nevaeh to stay with her at weekends.\n")
    _, out = deid_one(tmp_path, "note.txt", text)
    assert_gone(out, "Kacey", "Nevaeh", "BURROWS", "MAGUIRE")
    lines = out.splitlines()
    kacey, nevaeh = lines[0].split("Child: ")[1].split()[0], lines[1].split("Sibling: ")[1].split()[0]
    assert f"willing for {kacey} and {nevaeh} to stay" in out, out


def test_a_known_name_inside_an_underscored_file_name_is_replaced(tmp_path, passphrase):
    """Seen on final10: a chat export's attachment "fg2_seating_bartek.png" kept the first
    name of Bartek Wisniewski (the matcher read "seating_bartek" as one word); a name
    joined so ("Wisniewski_notes") goes too, and an address's user name stays whole."""
    chat = ('{"user": "l.newton", "display_name": "Lauren Newton", "text": "Bartek Wisniewski sent the '
            'seating plan.", "attachments": [{"name": "fg2_seating_bartek.png"}, {"name": '
            '"Wisniewski_notes_final.docx"}]}\n')
    _, out = deid_one(tmp_path, "chat.txt", chat)
    assert_gone(out.lower(), "bartek", "wisniewski", "newton")
    assert_kept(out, "fg2_seating_", ".png", "_notes_final.docx")


def test_a_first_name_after_a_spanish_article_is_the_person(tmp_path, passphrase):
    """Seen on final11: in a quoted text message, "uno es el rigo" (NER: an organisation,
    "el rigo") gave Rigo a place's pseudonym there and his own everywhere else."""
    text = ("Field notes. Rigoberto Ortiz, called Rigo, picks on crew 4.\n\n"
            "- Text from Maribel: \"oye, uno es el rigo. no digas q yo te dije.\" [so Rigo is out.]\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out.lower(), "rigo", "ortiz")
    rigo = re.search(r"called (\w+),", out).group(1)
    assert f"uno es el {rigo}." in out and f"[so {rigo} is out" in out, out


def test_what_the_fifteenth_held_out_set_showed_in_a_roster(tmp_path, passphrase):
    """Causes final15 showed in a prison focus group's roster: prisoners' numbers
    ("A614-229") kept; a nickname in quotes ('Darnell "Slim" Hutchins') kept there and met
    alone later ("with Slim and Luis") as a body; a participant's code read into a name
    ("P2 Michael ..." became a name of three words); "post" of the field "Officer on post"
    taken for a name and replaced in "Post-session"."""
    text = ("Officer on post: CO Ramirez\n"
            "Participants (consent log):\n"
            "P1 Darnell \"Slim\" Hutchins, A614-229, Dogwood Unit\n"
            "P2 Michael Kowalczyk, A588-017, Dogwood Unit\n\n"
            "P1: I'll go. Slim. I came in at nineteen.\n\n"
            "P2: Mostly I'm in the dayroom with Slim and Luis going over essays.\n\n"
            "[Post-session note: CO Ramirez asked if her name would be used.]\n")
    _, out = deid_one(tmp_path, "fg.txt", text)
    assert_gone(out, "Slim", "Darnell", "Hutchins", "Kowalczyk", "A614-229", "A588-017", "Ramirez")
    assert_kept(out, "Officer on post:", "[Post-session note:", "\nP1 ", "\nP2 ", "P1: I'll go.")
    slim = re.search(r'P1 \w+ "(\w+)"', out).group(1)
    assert f"I'll go. {slim}." in out and f"dayroom with {slim} and" in out, out


def test_what_the_fifteenth_held_out_set_showed_in_a_coding_report(tmp_path, passphrase):
    """Causes final15 showed in an ATLAS.ti report from Kenya and Uganda: "Comment:" read as
    a speaker's name; the research's acronyms (IDI, FGD, KII, CHVs, VHT) given pseudonyms; a
    place before "sub-county" only flagged; "Nyahera Social Hall" a person; "Interviewer"
    and a language (Luganda) replaced with the interviewer's name."""
    text = ("Comment: IDI with a VHT, Bukeka village, Nakifuma sub-county, 24 Oct 2023. Interviewer Brian "
            "Ssemakula, Luganda, translated by Sarah Nakato.\n\n"
            "Comment: FGD with 8 CHVs, Nyahera Social Hall, Seme sub-county. KII with the focal person.\n")
    _, out = deid_one(tmp_path, "report.txt", text)
    assert_gone(out, "Bukeka", "Nakifuma", "Ssemakula", "Nakato", "Nyahera", "Seme ")
    assert_kept(out, "Comment: IDI with a VHT, ", " sub-county, 24 Oct 2023. Interviewer ", ", Luganda, translated by ",
                "Comment: FGD with 8 CHVs, ", ". KII with the focal person.")
    hall = re.search(r"CHVs, ([^,]+), ", out).group(1)   # a body's pseudonym, not a person's of three names
    assert len(hall.split()) < 3 or hall.endswith("Hall"), out


def test_what_the_fifteenth_held_out_set_showed_in_a_case_record(tmp_path, passphrase):
    """Causes final15 showed in a disability-support record and a pharmacist's interview:
    a cell's first word ("| TM | Intake appointment") taken for a body; an acronym written
    out in the record ("Academic Adjustment Plan" ... "AAP emailed to") taken for a person's
    initials; a suburb given a person's pseudonym, its address's state and postcode hiding it
    as the address's town; kin terms said as titles ("Chacha Rasheed", "Bhai Harjit")
    replaced with the name."""
    text = ("Home address: 4/27 Hallam Crescent, Sunshine West, VIC 3020\n"
            "Case manager: Tomasz Mazur (TM)\n\n"
            "14/02/2024 | TM | Intake appointment (Zoom, 50 min)\n"
            "Travels 75 minutes from Sunshine West by bus.\n\n"
            "21/02/2024 | TM | Documentation received\n"
            "Academic Adjustment Plan drafted.\n\n"
            "04/03/2024 | TM | AAP sent to faculty\n"
            "AAP emailed to course coordinator. AAP reviewed by Tomasz.\n\n"
            "11/03/2024 | TM | Pharmacy\n"
            "Chacha Rasheed ran the shop, and Bhai Harjit Singh from the gurdwara helped.\n\n"
            "Craigpark Academy). Tenancy is with Clydeholm Housing Association. Mobile\n\n"
            "22/01/2024 14:15  Telephone call from housing officer  (FB)\n"
            "Hodan Farah, Housing Officer, Clydeholm HA (tel 0141 496 0215), called re rent\n"
            "arrears of approx. £640 on Mrs MacLeod's tenancy. CHA aware of order (Mrs\n"
            "MacLeod gave consent to share).\n")
    _, out = deid_one(tmp_path, "record.txt", text)
    assert_gone(out, "Sunshine", "Hallam", "Tomasz", "Mazur", "Rasheed", "Harjit", "Clydeholm", "CHA")
    assert_kept(out, "| Intake appointment", "| Documentation received", "| AAP sent to faculty", "AAP emailed",
                "Chacha ", "Bhai ")
    town = re.search(r"Home address: [^,]+, ([^,]+), ", out).group(1)
    assert f"from {town} by bus" in out, out


def test_a_chat_sender_surname_first_is_a_person(tmp_path, passphrase):
    """Regression (final13): a Teams chat's sender "Begum, Sumaiya" (a given name no list
    holds), which NER read whole as a body, was given a body's pseudonym ("Wheatmont, Pebble
    Gardens"); one in a reaction's brackets too."""
    text = ("Recruitment (chat)\n\n[10:04] Raman, Priya (she/her)\nMorning! Nine of fourteen carers done.\n\n"
            "[10:07] Begum, Sumaiya\nI spoke to the sisters' circle last Friday and a couple of the women said "
            "their husbands do most of the caring.\n\U0001F44D 1 (Begum, Sumaiya)\n\n[10:11] Begum, Sumaiya\n"
            "Will do.\n")
    study, out = deid_one(tmp_path, "chat.txt", text)
    assert_gone(out, "Begum", "Sumaiya")
    from deid import names
    assert len(set(re.findall(r"\[10:(?:07|11)\] (.+)", out))) == 1, out
    given = re.search(r"\[10:07\] [\w\-]+, (\w+)\n", out).group(1)
    assert given in names.first_names() and f", {given})" in out, out   # a person's, in the brackets too


def test_a_name_written_surname_first_is_not_parted(tmp_path, passphrase):
    """Regression: parting people named together parted "NOWAK, Tomasz" into two people, and
    his initials "TN" were no longer known as his."""
    text = ('Child 1: ADEYEMI, Kemi\n'
            'DOB: 12/05/2015   NHS no.: 485 227 1093   UPN: K880214503117\n'
            'Child 2: NOWAK-ADEYEMI, Oskar\n'
            'DOB: 03/11/2021   NHS no.: 485 227 3381\n'
            'Mother: ADEYEMI, Folake Titilayo   DOB: 21/08/1989   NHS no.: 612-908-4472\n'
            "Mother's partner / father of Child 2: NOWAK, Tomasz   DOB: 07/02/1986\n"
            '14/11/2024 - Contact type: Strategy discussion (telephone)\n'
            "Participants: G. Lloyd-Evans (TM, chair), P. Raghunathan (SW), PC 4471 Lauren Sykes (West Yorkshire Police, Safeguarding Unit), Mrs Siobhán O'Sullivan (Designated Safeguarding Lead, St Theresa's Catholic Primary School), Niamh Ní Bhriain (Health Visitor, Leeds Community Healthcare).\n"
            'Referral received from school on 13/11/2024. Kemi (age 9) disclosed to her class teacher, Mr Faisal Ahmed, that "Tomasz shouted and threw the kettle" and that she had slept at a neighbour\'s flat. Mark on left forearm observed by Mrs O\'Sullivan (SO) and photographed per school policy. PC Sykes confirmed police attended the address on 10/11/2024 following a call from a neighbour (crime ref. 13240187765); no arrest, words of advice given to Mr Nowak (TN). Agreed threshold met for single-agency Section 47 enquiry led by CSC; police to share body-worn footage.\n'
            '15/11/2024 - Contact type: Home visit (announced)\n'
            'Present: mother (FA), Oskar (ONA), TN arrived part-way. KA at school.\n'
            'Mother (FA) said the incident was "a one-off" and that TN had been under pressure since losing hours at Aire Logistics in Cross Green. FA works three nights a week as a care assistant at Meadowcroft Lodge and said that on those nights the children are usually with the downstairs neighbour, Harpreet Kaur Bains (HKB), whom KA calls "Auntie Preet". Flat clean and warm; adequate food; damp in the children\'s bedroom, reported to Fairhaven twice, no repair yet.\n'
            'TN spoke with me in English; said he did not need an interpreter. He accepted he had "lost his temper" and said he did not throw the kettle but knocked it off the side. He said his mother, Halina Nowak, who lives in Bradford, could have Oskar if needed. He would consider a referral to the Caring Dads programme.\n')
    _, out = deid_one(tmp_path, "note.txt", text)
    assert_gone(out, "NOWAK", "Tomasz", "ADEYEMI", "Kemi", "TN", "KA")
    surname, given = re.search(r"father of Child 2: ([\w\-]+), (\w+)", out).groups()
    assert f"{given[0]}{surname[0]} arrived" in out, out
    assert not {"TN", "KA"} & open_flags(tmp_path, "note.txt")   # his initials, not a guess


def test_what_the_fifteenth_held_out_set_showed_in_an_interview(tmp_path, passphrase):
    """Causes final15 showed in a pharmacist's interview: "Ramadan I do a talk" a first name
    and an initial; "Girlington Pharmacy for Mr Chaudhry" one body, Mr Chaudhry given a
    place's pseudonym; "Pre-reg" opening a sentence a body; peoples ("Kashmiri") replaced
    ("Roma" is a first name too: replaced still)."""
    text = ("Interviewer: Tell me about the shop.\n\n"
            "Respondent: Every year before Ramadan I do a talk. I locum at Girlington Pharmacy for Mr Chaudhry "
            "when he's short. Pre-reg at St Luke's Hospital. Mostly Pakistani and Kashmiri families, some Roma "
            "families since 2015.\n")
    _, out = deid_one(tmp_path, "interview.txt", text)
    assert_gone(out, "Girlington", "Chaudhry", "Luke")
    assert_kept(out, "before Ramadan I do a talk", " for Mr ", "Pre-reg at St ", "Kashmiri families")
    mr = re.search(r" for Mr (\S+) when", out).group(1)
    assert mr.istitle() and " " not in mr, out


def test_a_study_file_name_keeps_its_document_words(tmp_path, passphrase):
    """Seen on final15: a coding report's file names ("Interview_P12_Kisumu", read with its
    words apart) were replaced whole as a place ("South_Clover_Corners") in one line and in
    parts in the next; an acronym anyone uses inside a body's name ("Nakifuma VHT",
    "Jirani Mwema SACCO") then replaced alone everywhere ("VHT" -> "HID")."""
    text = ("D3: Interview_P12_Kisumu.docx\n\n"
            "Comment: IDI with P12 in Kisumu, a VHT of the Nakifuma VHT register.\n\n"
            "Quote 3:4 My name is Awino (in Interview_P12_Kisumu)\n\n"
            "Quote 3:9 Our chama, Jirani Mwema SACCO, meets on Fridays. The SACCO lends to us. Every VHT knows it.\n")
    _, out = deid_one(tmp_path, "report.txt", text)
    assert_gone(out, "Kisumu", "Nakifuma", "Jirani")
    assert_kept(out, "D3: Interview_P12_", "(in Interview_P12_", "a VHT of the", "The SACCO lends", "Every VHT knows")
    town = re.search(r"Interview_P12_(\w+)\.docx", out).group(1)
    assert f"(in Interview_P12_{town})" in out, out


def test_what_a_fresh_eyes_review_of_the_fifteenth_sets_fixes_found(tmp_path, passphrase):
    """Faults the fixes for final15 caused at first, found by a review: first names that are
    peoples' or kin words ("Roma", "Babu") kept; initials that are an acronym too ("HC") or
    spell out two capitalised words ("CP" of a "Care Plan") kept; a postcode's district taken
    for a participant's code and kept ("BD8"); a body's capitals taken for a document's
    ("BRI"); a quote read as a nickname ('Kevin "are you coming" Michael') and replaced
    everywhere; "Lewis, Hannah" parted from Hannah Lewis; a sum ("4500 pounds") replaced as
    a locker's number; "the Crofting township" a place."""
    text = ("Interviewer: Who helped you?\n\n"
            "Respondent: My friend Roma did the counter. Roma said no. Babu Miah gave me my first job, and "
            "Babu was always late. I did two years at the BRI Maternity Unit. Then BD8 Girlington, near "
            "the park. So I asked Kevin \"are you coming\" Michael said no. Nobody asked me are you coming, "
            "ever. The Crofting township got a new pier.\n")
    _, out = deid_one(tmp_path, "interview.txt", text)
    assert_gone(out, "Roma", "Babu", "Miah", "BRI", "BD8", "Girlington", "Kevin", "Michael")
    assert_kept(out, "Nobody asked me are you coming, ever.", "The Crofting township")
    notes = ("Client: Lewis, Hannah\nReferrer: Lewis Carter\n\n"
             "Home visit with HC and CP. Care Plan reviewed and signed. CP said she feels safer. HC said "
             "she had not slept. HC agreed to a review. CP agreed too. Hannah Lewis attended. Locker number "
             "4471 and locker number 4500 issued; the grant paid 4500 pounds.\n")
    _, out = deid_one(tmp_path, "notes.txt", notes, "o2")
    assert_gone(out, "HC", "CP ", "Hannah", "4471")
    assert_kept(out, "Care Plan reviewed", "4500 pounds")
    surname = re.search(r"Client: (\w+), ", out).group(1)
    assert re.search(rf"\w+ {surname} attended", out), out


def test_a_surname_after_a_participants_code_is_the_persons(tmp_path, passphrase):
    """Seen on final10: an attachment "LC-04 Mistry consent.pdf" (NER: a body, "LC-04 Mistry")
    gave Hema Mistry a place's pseudonym there and her own elsewhere."""
    chat = ('{"user": "j.osei", "text": "Hema Mistry signed. @j.osei the Mistry consent has her mother on it.", '
            '"attachments": [{"name": "LC-04 Mistry consent.pdf", "size": 388040}]}\n')
    _, out = deid_one(tmp_path, "chat.txt", chat)
    assert_gone(out, "Mistry", "Hema")
    surname = re.search(r"the (\w+) consent has", out).group(1)
    assert f'"LC-04 {surname} consent.pdf"' in out, out


def test_a_south_african_chat_its_greetings_kin_terms_emoji_medicines_and_an_invented_domain(tmp_path, passphrase):
    """Regressions (final17, a WhatsApp group of community health workers and a REDCap
    export): greetings of South Africa's languages were given pseudonyms ("Sawubona", "Eish"),
    NER read a name through an emoji ("nobobaba 🙏🏾 Welcome"), a medicine before its
    strength was a person ("Symbicort 80/4.5"), NER took a number into a name ("gave Mary 10 mg"), and an address at a domain
    the public-suffix snapshot does not know was kept whole ("p.nkosi@khanyisa.example")."""
    text = ("[2024/03/14, 07:42:11] Thandi Mokoena: Sawubona bomama nobobaba 🙏🏾 Welcome to the new group. "
            "Eish the new one I don't understand it yet.\n"
            "[2024/03/14, 07:44:19] Gift Maseko: Dumelang. A small gift for Gogo Sithole from Bethesda Church. "
            "Her email if anyone needs p.nkosi@khanyisa.example\n"
            "[2024/03/15, 07:02:10] Gift Maseko: Gogo update: BP very high. The nurse gave Mary 10 mg at 2pm. "
            "Started Flovent HFA 110 mcg 2 puffs BID, and Symbicort 80/4.5 at night.\n")
    text += "Address: Joaquin Suarez 2906, Montevideo\n"   # (a street's number is the address's: replaced)
    _, out = deid_one(tmp_path, "chat.txt", text)
    assert_gone(out, "Thandi", "Mokoena", "Maseko", "Sithole", "Bethesda", "Mary", "nkosi", "khanyisa", "Suarez",
                "2906")
    assert_kept(out, "Sawubona bomama nobobaba 🙏🏾 Welcome to", "Eish the new", "Dumelang.", " 10 mg at 2pm",
                "Symbicort 80/4.5")
    # (failing closed: "Gogo" and "Flovent" are names in the name lists too, and are replaced)


def test_a_coding_reports_speakers_by_initials_are_the_same_letters_in_its_file_names(tmp_path, passphrase):
    """Regressions (final17, an NVivo coding report): the speaker labelled "BE:" was replaced,
    but not "BE" in the file name "INT05_BE_2023-07-02" nor "JD" in a memo; a first name with
    an initial written onto it ("MaricelO") was kept; the case attribute "Case:" was read as a
    speaker called Case."""
    said = ["The agency brought us to a small town.", "I still have the email from them.",
            "My mother sold the small lot.", "Every month I send money home."]
    turns = "".join(f"{'BE' if i % 2 == 0 else 'JD'}: {said[i % 4]}\n\n" for i in range(10))
    text = ("<Files\\\\Interviews\\\\INT05_BE_2023-07-02> - § 2 references coded  [2.97% Coverage]\n\n" + turns +
            "<Files\\\\Interviews\\\\INT07_MaricelO_2023-08-19> - § 1 reference coded  [1.77% Coverage]\n\n"
            "Memo: snowball chain is visible here (JD → BE). Check the consent.\n\n"
            "Case: INT05_BE_2023-07-02   Gender: M   Age: 46\n")
    _, out = deid_one(tmp_path, "report.txt", text)
    assert_gone(out, "BE:", "JD:", "_BE_", "JD →", "→ BE", "Maricel")
    assert_kept(out, "Case: INT05_", "Gender: M   Age: 46", "Memo: snowball")
    label = re.search(r"^([A-Z]{2}): The agency", out, re.M).group(1)
    assert f"INT05_{label}_2023-07-02" in out and f"→ {label})" in out, out


def test_a_scots_short_name_alone_is_the_persons(tmp_path, passphrase):
    """Regression (final17, Glasgow field notes): "Rab" of "Rab Haddow", an ordinary word to a
    dictionary, was kept wherever it stood alone."""
    text = ('Mr Haddow emails me the essay prompt from his school address. Signs off "Rab". (Rab Haddow - '
            'I did not know his first name before.) Later Rab came by the staffroom.\n')
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out, "Rab", "Haddow")


def test_speakers_labelled_by_letters_that_are_words_leave_those_words_alone(tmp_path, passphrase):
    """Review (final17's fix): with speakers labelled "US:" and "PT:", the words "the US" and
    "PT" (physical therapy) were replaced everywhere as the speakers' initials; and names that
    are a kin term or a greeting elsewhere ("Sisi", "Tito", the town "Molo"), or a rare name
    before a dose ("gave Hiwot 10 mg"), were kept."""
    said = ["I moved here from the US in 2019.", "I started in PT after that.", "PT is hard work.",
            "We go back to the US at Christmas."]
    turns = "".join(f"{'US' if i % 2 == 0 else 'PT'}: {said[i % 4]}\n\n" for i in range(8))
    _, out = deid_one(tmp_path, "t.txt", turns + "US: Sisi Dlamini runs the group with Joy Tito. Tito drives us "
                      "from Molo every week, Molo is far. The nurse gave Hiwot 10 mg at 2pm.\n")
    assert_kept(out, "from the US in 2019", "started in PT after", "PT is hard work")
    assert_gone(out, "Sisi", "Dlamini", "Tito", "Molo", "Hiwot")


def test_a_small_childs_places_are_bodies(tmp_path, passphrase):
    """Regression (final17): "Little Stars Educare" kept "Little Stars" and gave "Educare" a
    surname; "Sunshine Daycare" became a person."""
    text = ("This is in Bongweni, the sewage is running next to the creche, Little Stars Educare, the kids are "
            "playing right there. Her son goes to Sunshine Daycare on Main Road.\n")
    _, out = deid_one(tmp_path, "n.txt", text)
    assert_gone(out, "Little Stars", "Sunshine", "Bongweni")


def test_an_english_short_form_of_a_first_name_is_a_person(tmp_path, passphrase):
    """Faker lists first names only in full: "Seb" was kept and "Izzy" read as a place;
    short forms people are called by are first names ("Kev", "Izzy", "Seb")."""
    text = ("Interviewer: Who was on the team back then?\n"
            "Respondent: Kev and Steph did the nights, and Izzy covered weekends. Seb from the council "
            "came later.\n")
    _, out = deid_one(tmp_path, "team.txt", text + "Respondent: He had a tash then.\n")
    assert_gone(out, "Kev", "Steph", "Izzy", "Seb")
    assert "He had a tash then." in out   # (a short form that is a word is none of them)


def test_a_body_shown_after_a_display_name_is_replaced_as_in_the_text(tmp_path, passphrase):
    """Regression (final18, a Teams focus group): "(OSH)" after each nurse's name was kept,
    the leak check found the hospital's known acronym there, and the whole transcript was
    refused; "(NUS)" stayed in the labels and the text. The body is the text's body, with
    the text's pseudonym; "(Guest)" and "(she/her)" stay."""
    text = ("Wong Pei Shan (NUS)   0:03\nWelcome. I'm from the nursing research team at NUS.\n\n"
            "Siti Rahman (OSH)   0:11\nI work at Ong Seng Hock Hospital (OSH), on the night shift.\n\n"
            "Kavitha Ramasamy (OSH)   0:20\nSame, OSH for nine years.\n\n"
            "Frank Tan (Guest)   0:31\nSorry I'm late.\n\n"
            "Amir Khan (she/her)   0:40\nHello.\n")
    _, out = deid_one(tmp_path, "fgd.txt", text)
    assert_gone(out, "NUS", "OSH", "Ong Seng", "Wong", "Siti", "Kavitha")
    assert "(Guest)" in out and "(she/her)" in out
    labels = re.findall(r"^.*\(([^()]*)\)   0:\d\d$", out, re.M)
    assert len(set(labels[1:3])) == 1 and f"{labels[1]} for nine years" in out, out
    assert f"team at {labels[0]}." in out, out


def test_a_reference_in_capitals_among_capitals_stays_a_reference(tmp_path, passphrase):
    """Regression (final18, refugee case notes): a record whose fields are in capitals had
    its words written as names for NER ("OPEN" -> "Open"), "AVSP" of "AVSP-2291" too, and the
    client's number was no longer a number's shape: kept."""
    text = ("REFUGEE SUPPORT - CASE RECORD\nClient no.: AVSP-2291          Status: OPEN (Priority 2)\n"
            "Caseworker: Jane Potts\n\nPhotos on shared drive (AVSP-2291/housing).\n"
            "SEEN UNDER REF CSX-7781 BY SUPPORT WORKER\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out, "2291", "Potts", "7781")
    assert "Status: OPEN" in out


def test_two_words_of_the_vocabulary_together_are_no_name(tmp_path, passphrase):
    """Regression (final18, refugee case notes): NER read "Kurdish Sorani" (a language and its
    dialect) as a person; both words then went into the key and were replaced everywhere."""
    text = ("Languages: Kurdish Sorani (1st), Arabic (some), English (basic)\n"
            "Notes: the Kurdish is very good, said Dilshad Karim. Sorani interp booked.\n"
            "Shona French from the council rang; Hui Sheng came too.\n")   # (names whose words are vocabulary too)
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out, "Dilshad", "Karim", "Shona", "French", "Hui", "Sheng")
    assert "Kurdish Sorani (1st)" in out and "the Kurdish is" in out and "Sorani interp" in out


def test_what_the_nineteenth_held_out_set_showed(tmp_path, passphrase):
    """Regressions (final19): a city found alone beside a body named after it ("Glasgow" of
    "Glasgow Caledonian") and a masjid's name said without "Masjid" were kept wherever NER
    missed them, as one word of a longer name; "Hooyo" (mother, in Somali) became a first
    name; "Arrived" and "Tell" were read as part of the place and the name after them."""
    text = ("Interviewer: I'm Ruth, I'm at Glasgow Caledonian, and she's in Glasgow this week.\n"
            "Respondent: Friday at Masjid Ar-Rahmah, then the women went back to Ar-Rahmah for lunch. "
            "Hooyo Faadumo cooked, Faadumo always does.\n"
            "Respondent: Arrived Stratford Road about noon. Tell Glasgow I said hi.\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out, "Glasgow", "Ar-Rahmah", "Faadumo", "Stratford")
    assert "Hooyo " in out and "Arrived " in out and "Tell " in out
    faadumo = re.search(r"Hooyo (\S+) cooked, (\S+) always", out)
    assert faadumo and faadumo.group(1) == faadumo.group(2), out


@pytest.mark.parametrize("word, name, alone", [
    ("Puhinui", "Puhinui School", True), ("Ar-Rahmah", "Masjid Ar-Rahmah", True),   # no dictionary holds them
    ("Harehills", "Harehills Lane", True),
    ("Glasgow", "Glasgow Caledonian", False), ("Royal", "Royal Infirmary", False),   # words, kinds
    ("Street", "Tramroad Street", False),
    ("Pasifika", "Pasifika Health", False), ("Tongan", "Tongan Society", False),     # peoples the vocabulary holds
    ("Plotholders", "Plotholders Association", False),                               # words run together
    ("Homeowners", "Homeowners Club", False),
    ("Soar", "Capel Soar", True), ("Bethel", "Bethel Chapel", True),   # all the name but its kind word
    ("Hope", "Capel Hope", False), ("Soar", "Soar Valley Gymnastics", False),   # an everyday word; other words
])
def test_a_word_of_a_bodys_name_that_identifies_alone(word, name, alone):
    from deid.linker import distinctive
    assert distinctive(word, name) is alone


def test_a_chapels_name_a_dictionary_holds_is_found_alone(tmp_path, passphrase):
    """Regression (final20): "Capel Soar" was replaced, "Soar" alone ("the minister at Soar")
    kept, a dictionary holding "soar"; found where capitalised mid-sentence only, never in
    lower case ("the gulls soar"). "Welsh", the language, was taken for a surname; a place
    of three hyphened words, "Pen-y-cae", was never looked at."""
    text = ("Narrator: Welsh at home, Welsh in chapel. Capel Soar, Independents. Twice on a Sunday. The "
            "minister at Soar in my day was the Reverend Emrys ap Hywel. The deacons at Soar wanted him "
            "buried with his own people. The gulls soar over the tip. My son lives in Pen-y-cae now. "
            "Mother-in-law and all.\n")
    _, out = deid_one(tmp_path, "history.txt", text)
    assert_gone(out, "Capel Soar", "at Soar", "Pen-y-cae")
    assert "Mother-in-law and all" in out, out
    assert "Welsh at home, Welsh in chapel." in out and "The gulls soar over" in out, out
    # a language in someone's name is theirs wherever it is written
    (tmp_path / "named").mkdir()
    _, out = deid_one(tmp_path / "named", "ward.txt", "Respondent: Welsh was my supervisor then. I rang "
                      "Welsh every week. Sandra Welsh, she was called. At 1405 SPOKE TO ED HARRIS AT HOME. ED "
                      "STATED HE HAD NOT SEEN HIM.\n")
    assert_gone(out, "Welsh", "Sandra", "ED ")
    (tmp_path / "lower").mkdir()
    _, out = deid_one(tmp_path / "lower", "lower.txt", text.lower())
    assert "the gulls soar over" in out, out


def test_a_lower_case_transcripts_pronoun_and_verbs_are_no_part_of_a_name(tmp_path, passphrase):
    """Regression (final19, a Whisper focus group): "with aroha i do" took the pronoun for
    an initial, "i already said mikaere" took "said" (a first name too) for hers; te reo
    greetings were read as names ("kia ora koutou")."""
    turns = ["kia ora koutou thanks for coming in after school so let's go round name your kura",
             "hi i'm leanne also at puhinui with aroha i do the new entrants",
             "oh sorry i already said mikaere oops can you take that out",
             "we'll take all the names out don't worry leanne and aroha"]
    text = "".join(f"SPEAKER_0{i % 2}: {t}\n\n" for i, t in enumerate(turns * 3))
    _, out = deid_one(tmp_path, "fg.txt", text)
    assert_gone(out, "aroha", "mikaere", "leanne")
    assert out.count(" i do the new") == 3 and out.count("i already said ") == 3, out
    assert out.count("kia ora koutou thanks") == 3 and out.count("name your kura") == 3, out


def test_a_user_account_with_a_dot_is_an_account_name(tmp_path, passphrase):
    """Regression (final19, an HR report): "the user account gpritchard.hh" was kept."""
    text = ("5.3 The admin log shows fourteen manual exports by the user account gpritchard.hh in the period. "
            "The account statement.pdf was attached.\n")
    _, out = deid_one(tmp_path, "report.txt", text)
    assert_gone(out, "gpritchard")
    assert "statement.pdf" in out


def test_a_tables_column_of_workplaces_is_replaced_not_flagged(tmp_path, passphrase):
    """Regression (final18): "SJUH" in the OSCE export's "Site" column was flagged in every
    row and kept; a ward's code there ("MAU") stays a flag."""
    text = ("Exam,Station,Cand No,Student ID,Examiner,Site,Comments\n"
            'Y3 2024,1,2071,200745812,Dr A Okonkwo,SJUH,"Good, empathic"\n'
            'Y3 2024,2,2073,200738064,Dr B Lee,SJUH,"Better than the last"\n'
            'Y3 2024,3,2074,200749953,Dr B Lee,MAU,"Fine"\n'
            'Y3 2024,4,2076,200771304,Dr A Okonkwo,SJUH,"Fine"\n')
    _, out = deid_one(tmp_path, "osce.txt", text)
    assert_gone(out, "SJUH", "Okonkwo", "2071")
    assert ",MAU," in out and "Y3 2024" in out


def test_a_surname_in_capitals_before_given_names_is_the_persons(tmp_path, passphrase):
    """Regression (final18): "OOI Mei Lin", as Singapore and Malaysia write names, lost its
    given names and kept the surname, flagged as an acronym; "ICU" before a name stays."""
    text = ("Examiner notes\nStation 3 was examined by OOI Mei Lin (Dr) and TAN Wei Ming.\n"
            "Later LIM Siew Hoon joined. ICU Sister Mei Ling Wong came too, at 4:05 PM Grant Okafor.\n"
            "Reviewed on 03 MAR Ruth Adams by CNS Mary Jones. Afterwards Siew Hoon said it was fine.\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out, "OOI", "LIM", "Siew", "Wong", "Okafor", "Adams", "Jones")
    assert "ICU Sister" in out and "4:05 PM " in out and "03 MAR " in out and "by CNS " in out, out
    # (one entity: the given names said alone later share the whole name's pseudonym surname)
    whole = re.search(r"Later (\w+) (\w+) (\w+) joined", out)
    alone = re.search(r"Afterwards (\w+) (\w+) said", out)
    assert whole and alone and alone.group(2) in whole.groups(), out


def test_an_acronym_before_the_pronoun_stays_an_acronym(tmp_path, passphrase):
    """Regression (interviews2, final13): "UWM, I" was read as a run of words in capitals
    and written "Uwm" for NER, so the sweep's acronyms never saw it; "UNILAG" was taken for a
    nationality and kept without a flag."""
    text = ("Interviewer: Where did you study?\n"
            "Respondent: Honestly kind of by accident? I did undergrad at UWM, I was a poli sci major, "
            "and later UNILAG lent us a room.\n")
    output, out = deid_one(tmp_path, "i.txt", text)
    assert_gone(out, "UWM")
    assert "1 decision(s) waiting" in output or "UNILAG" not in out, (output, out)


def test_what_the_twenty_first_held_out_set_showed_in_a_grievance_hearing(tmp_path, passphrase):
    """Regression (final21, a union's notes of a grievance hearing): a union's branch
    ("Local 2417") and a company with a comma before its legal form were left, with the
    company's acronym; a badge's code of one letter was replaced once and left in brackets
    later; a role labelled at a line's start ("Grievant:"), which the notes write in lower case
    too, became a person replaced in every line; "Art. 14" was a person; "the Company" a body;
    "north breakroom" a lower-case name."""
    text = ("UNITED WAREHOUSE & LOGISTICS WORKERS, LOCAL 2417\n\nPRESENT:\n"
            "Grievant: Dana Morales - Associate II. Badge #B-2291.\n"
            "Chief Steward: Terrence Whitlock - Local 2417.\n"
            'Employer: Pacific Crest Distribution, LLC ("PCD" / "the Company")\n\n'
            "Grievance filed under Art. 14 of the CBA. The Company said the grievant's badge (B-2291) shows "
            "a swipe at Door 7 (north breakroom). Whitlock said the grievant was unwell and PCD knew.\n")
    _, out = deid_one(tmp_path, "notes.txt", text)
    assert_gone(out, "Morales", "B-2291", "2417", "Pacific Crest", "PCD", "Whitlock")
    assert_kept(out, "Grievance filed under Art. 14 of the CBA. The Company said the grievant's badge (",
                "(north breakroom).", "said the grievant was unwell")


def test_what_the_twenty_first_held_out_set_showed_in_a_french_chat(tmp_path, passphrase):
    """Regression (final21, a residents' group chat in French and English): a town with an
    accent was no town to the name lists (the gazetteer's escaped letters were never read),
    and a town inside a French sentence was taken for a word of it ("je reste à Longueuil");
    a greeting ("Bienvenue Priya"), words NER read into a name ("Ton numéro de pagette") and
    the thanks after a name became people, replaced in every line; a hospital named in French
    ("Centre hospitalier Delorme-Vachon (CHDV)") lost its acronym; "JF" of "Jean-François",
    and "SNL" of "Seonag NicLeòid (SNL)", were left."""
    text = ('{"author": "Amara Diallo", "text": "Bienvenue Priya! Je t\'ajoute. Ton numéro de pagette interne '
            'va être 4-2300."}\n'
            '{"author": "Anne-Sophie Côté", "text": "Par contre je reste à Longueuil chez ma sœur. Bienvenue à '
            'Montréal en février, merci pour le café."}\n'
            '{"author": "Jean-François Tremblay", "text": "Garde de nuit au Centre hospitalier Delorme-Vachon '
            '(CHDV). Le CHDV est plein."}\n'
            '{"author": "JF", "text": "Merci Amara, je note ton numéro."}\n\n'
            "PRESENT\nMrs Seonag NicLeòid (SNL) - Class Teacher, Gaelic Medium\n\nAction: SNL to forward.\n")
    _, out = deid_one(tmp_path, "chat.txt", text)
    assert_gone(out, "Priya", "Longueuil", "Montréal", "Delorme", "CHDV", "Jean-François", '"JF"', "SNL",
                 "NicLeòid")
    assert_kept(out, '"Bienvenue ', "Ton numéro de pagette interne", "merci pour le café", "je note ton numéro")


def test_what_a_review_of_the_twenty_first_sets_fixes_found(tmp_path, passphrase):
    """Regressions a fresh-eyes review of those fixes found, each fixed before landing: a
    first name that is a word of its language ("Öykü" is a story in Turkish) was cut from the
    surname NER found; a surname a dictionary has, in lower case ("Ahmed khan"), and names with
    particles were cut short; a name that is a word of its language was looked for only where
    capitalised ("i told ayşe"); a neighbour called Art before a number was taken for an article;
    a name a chat writes in lower case too was only flagged; the letters of a hyphenated first
    name took a time of day, a city and a unit ("AM", "LA", "PH"); "Local" before a small
    number is no union's branch."""
    text = ("Interviewer: Who came?\nParticipant: Öykü Demir left early. Luz María did most of it. "
            "Ahmed khan, the porter, helped us. Anna van den Berg ran the ward.\n"
            "Participant: I rang my neighbour Art. 2 days later he came round.\n"
            "Participant: Anne-Marie Smith starts at 7 AM. Lou-Ann Baker covers the LA visits. "
            "Pierre-Henri Dubois checks the PH of the pool.\n"
            "Participant: Local 24 hour shops were shut. Ayşe Çelik was my supervisor, i told ayşe first.\n\n"
            "[10:06] Mele: Tamatea is covering Friday, ask tamatea.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Öykü", "Demir", "Luz", "khan", "Berg", "neighbour Art", "Tamatea", "tamatea", "Anne-Marie",
                "Ayşe", "ayşe", "Çelik")
    assert_kept(out, "at 7 AM.", "the LA visits", "the PH of the pool", "Local 24 hour shops were shut.")


def test_who_wrote_a_chat_line_is_a_person(tmp_path, passphrase):
    """Regression: the author of a line of a chat's JSON export whose name is a word too
    ("author": "Hope") was read as a word opening a sentence, flagged and left; a chat's
    line quoted in another layout ("[10:06] Mele: ...") kept its sender's unlisted name."""
    text = ('{"ts": "10:02", "author": "Wren Talbot", "text": "Morning all"}\n'
            '{"ts": "10:04", "author": "Hope", "text": "Morning! Will do."}\n'
            "Interviewer: And the group chat?\nParticipant: It said this:\n"
            "[10:06] Mele: Sorry, running late.\n[10:07] Interviewer: ok\n")
    _, out = deid_one(tmp_path, "chat.txt", text)
    assert_gone(out, "Wren", '"Hope"', "Mele")
    assert_kept(out, '"text": "Morning! Will do."', "[10:07] Interviewer: ok", "Participant: It said this:")
    assert not open_flags(tmp_path, "chat.txt") & {"Hope", "Mele"}


def test_a_year_of_school_is_no_name(tmp_path, passphrase):
    """Regression (final18, final21): NER read a year of school or an exam's code as a person
    or a body ("Y3 SUMMATIVE" of an OSCE export's rows, "P7" of a school's minutes, "Dilan Y2"
    of a caseworker's note), and each was given a pseudonym wherever it stood."""
    rows = "".join(f'Y3 SUMMATIVE 2024,{i},History: chest pain,A,AM1,20{40 + i},17,20,Good,"Fine."\n'
                   for i in range(1, 6))
    text = ("Exam,Station,Station Title,Circuit,Session,Cand No,Score,Max,Global,Comments\n" + rows + "\n"
            "9.1 P7 residential. Several parents asked about the P7 leavers' hoodies.\n"
            "School: Bankside Primary (Rezan Y5, Dilan Y2) - FLO Mrs Sadia Iqbal\n")
    _, out = deid_one(tmp_path, "osce.txt", text)
    assert_gone(out, "Dilan", "Rezan", "Bankside", "Iqbal")
    assert_kept(out, "\nY3 ", "9.1 P7 residential", "the P7 leavers", " Y2)")


def test_what_the_twenty_second_held_out_set_showed(tmp_path, passphrase):
    """Regression (final22): an interview's Spanish roles and header fields were taken for
    people's names ("ENTREVISTADORA:", "Proyecto:"), and so was a Spanish word of grammar
    opening a sentence before a name ("Para Lupita"); a Malay or Tamil name with its father's
    ("Siti Hajar binti Rahmat") became two people, so its initials were left ("SHR"), and
    "s/o" became two names; initials written without the name's accent ("ARJ" of "Ánne
    Risten Juuso") were left; so were a wife named after her husband ("Daniel's wife Sora"),
    a user name after "account," (its underscore read as a space), a site's code of two groups
    of letters and a DECT extension."""
    text = ("Proyecto: Trabajo agrícola\nEntrevistadora: Ana Lucía Herrera (ALH)\n\n"
            "ENTREVISTADORA: Para empezar, ¿de dónde es usted?\n\n"
            "PARTICIPANTE: De Chilchota. Para Lupita, quiero que sea enfermera. Lupita tiene dieciocho.\n\n"
            "ENTREVISTADORA: Minutes: Dr Siti Hajar binti Rahmat (SHR), Medical Officer. Dr Rajesh s/o Krishnan "
            "(RK) agreed. Ánne Risten Juuso (ARJ) recorded it. SHR, RK and ARJ will write to Mr Lee.\n\n"
            "PARTICIPANTE: Daniel's wife Sora runs it. Her daughter messages me from her account, sunnymom_0412. "
            "Our site number on the application was LAC-PL-0317. Call me on DECT 8841.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Lupita", "Herrera", "Siti", "Rahmat", "SHR", "RK", "ARJ", "Rajesh", "Krishnan",
                "Sora", "sunnymom", "LAC-PL-0317", "8841", "Chilchota")
    assert_kept(out, "Proyecto: Trabajo agrícola\nEntrevistadora: ", "ENTREVISTADORA: Para empezar",
                ". Para ", "'s wife ")


def test_a_spanish_preposition_is_no_part_of_a_name(tmp_path, passphrase):
    """Regression (final22, an interview in Spanish and English): NER read "de" ("from", "of")
    into the town after it ("en el hospital de Toppenish"), and its pseudonym gave the word a
    place's name of its own, "South Cedarbridge", in every such line; two towns joined by
    "y" ("Zillah y Granger") became one person. A particle after a first name or a title stays
    the name's ("Florence de Souza", "Dr de Souza")."""
    text = ("ENTREVISTADORA: ¿Y sus hijos?\n\nPARTICIPANTE: A la Clínica Campesina del Valle, la de Wapato. "
            "Salió en Radio Sembrador, la estación de Granger, en el programa de la mañana. El padre Anselmo dio "
            "la misa en la capilla de Tanaquillo, y la banda de Carapan tocó. Mi tío tenía "
            "sus cuadrillas en Sunnyside y Chilchota. Yo soy de Carapan, un pueblito.\n\n"
            "ENTREVISTADORA: ¿Y la doctora?\n\nPARTICIPANTE: Florence de Souza. Dr de Souza es muy buena.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Wapato", "Tanaquillo", "Sunnyside", "Chilchota", "Carapan", "Souza")
    assert_kept(out, " soy de ", "la de ", "la banda de ")
    assert "Florence de" not in out and "Dr de" not in out, out


def test_a_bodys_particle_is_no_place(tmp_path, passphrase):
    """Regression (final22): inside a body's name the word "de" was given a place's pseudonym
    of its own ("la capilla de Tanaquillo" -> "la Wheathill South Rush Oaks Salt"), the same
    in every name it joined. A body's "de" stays."""
    text = ("ENTREVISTADORA: ¿Y la fiesta?\n\nPARTICIPANTE: El padre Anselmo dio la misa en la capilla de "
            "Tanaquillo. Vamos a la Clínica Campesina del Valle, en Wapato.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Tanaquillo", "Campesina", "Valle")
    assert re.search(r"la misa en la \w+ de \w+\.", out), out


def test_a_contraction_is_no_name(tmp_path, passphrase):
    """Regression (seen while trying final22's titles): a person called Don made every
    "Don't" of the text "Johnny't", and one called Won every "Won't"; "Mdm" (Madam, as
    Singapore writes it) is a title, not a name."""
    text = ("Interviewer: Who helped?\nParticipant: Don Efra was strict. Don said no. Don't go, I told him. "
            "Won Park agreed, but Won't is what Won said. Mdm Goh raised a concern about the bill. DON'T.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Efra", "Don said", "Won Park", "Won said", "Goh")
    assert_kept(out, "Don't go, I told him.", "but Won't is what", "Mdm ", "DON'T.")


def test_the_vocabulary_the_twenty_second_held_out_set_showed(tmp_path, passphrase):
    """Regression (final22): Korean kin terms said as names ("For Appa the pharmacy is",
    "My Halmeoni came") were given pseudonyms."""
    text = ("Interviewer: Tell me more.\nParticipant: Definitely. For Appa the pharmacy is like the old village "
            "doctor. My Halmeoni came in 1994. Appa says Oppa works at Hanbit Pharmacy.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Hanbit")
    assert_kept(out, "For Appa the pharmacy", "My Halmeoni came", "Appa says Oppa works at ")


def test_what_a_review_of_the_twenty_second_sets_fixes_found(tmp_path, passphrase):
    """Regressions a fresh-eyes review of those fixes found, each fixed before landing: a
    surname that is some language's grammar word was cut from its name ("Pang Wei Ling",
    "Ko Eun-ji", "Des Kelly", "Da Silva"); a Dutch particle opening a surname dropped it ("to de
    Bruin"); "Hyung", a given name, was taken for a kin term; "X's patient Group" made a
    person; "into account, COVID19" a user name; a standard's code an identifier; "9 AM" the
    initials of "Ángela Murphy"; a chat's "System" or "Deleted User" a person; a French
    sentence's first words a name once their first was cut ("Mais l'hiver")."""
    text = ("Interviewer: Who presented?\nParticipant: Pang Wei Ling disagreed. Ko Eun-ji runs the pharmacy. "
            "Des Kelly rang the ward. Da Silva was there.\n"
            "Participant: The farm went to de Bruin. My manager Hyung Min Lee called.\n"
            "Participant: The Alzheimer's patient Group meets. Taking into account, COVID19 changed everything. "
            "MIL-STD-810 applies. Ángela Murphy came at 9 AM.\n"
            "Participant: Océane à l'école. Mais l'hiver, avec la neige sur la 11, t'es pas sûre.\n"
            '{"from": "System", "text": "joined"}\n{"user": "Deleted User", "text": "x"}\n')
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Pang", "Ko ", "Eun-ji", "Des ", "Kelly", "Da ", "Silva", "Bruin", "Hyung", "Ángela")
    assert_kept(out, "patient Group meets", "account, COVID19 changed", "MIL-STD-810 applies", "at 9 AM.",
                "Mais l'hiver, avec la neige", '"from": "System"', '"user": "Deleted User"')


def test_surnames_as_singapore_writes_them(tmp_path, passphrase):
    """Regression (final22, Singapore M&M minutes): Chinese surnames as Singapore, Malaysia
    and Hong Kong spell them were in no name list, and those that are words somewhere too
    were left ("Seah", "Heng")."""
    text = "Interviewer: Who came?\nParticipant: Lim and Seah said the ward was short. Later Heng agreed.\n"
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Seah", "Heng")


def test_a_user_name_label_and_its_mention_agree(tmp_path, passphrase):
    """Regression (final18, caught measuring every set again): a guest's user name that
    labels a Teams turn and that the text says ("your name shows as raj_subra87") was given
    two pseudonyms once a name a file's name joins with underscores was read with spaces."""
    text = ("Wong Pei Shan (NUS)   0:05\nWelcome everyone.\n\n"
            "raj_subra87 (Guest)   2:46\nHello hello, sorry I'm late. This is Rajesh.\n\n"
            "Wong Pei Shan (NUS)   2:55\nNo worries, Rajesh. Your name shows as raj_subra87. Can I put you as "
            "Rajesh Subramaniam?\n\nraj_subra87 (Guest)   3:08\nYes, can.\n")
    _, out = deid_one(tmp_path, "teams.txt", text)
    assert_gone(out, "raj_subra87", "Rajesh", "Subramaniam")
    handles = set(re.findall(r"^(\S+) \(Guest\)", out, re.M)) | set(re.findall(r"shows as (\S+?)\.", out))
    assert len(handles) == 1, out


def test_a_tables_column_names_and_ranges_are_no_identifiers(tmp_path, passphrase):
    """Regression (final16): a CSV export's column names were given a body's pseudonym
    ("Media Title") and a Dedoose excerpt's range of characters
    ("1472-2210") was taken for a phone number; a table written without its header keeps its
    first row's names found."""
    rows = "".join(f'"EX-04{i}","Interview P0{i}.docx","{1472 + i}-{2210 + i}","2023-06-14","{20 - i}","Fine."\n'
                   for i in range(1, 6))
    text = ('"Excerpt ID","Media Title","Excerpt Range","Excerpt Date","Score","Excerpt Copy"\n' + rows)
    _, out = deid_one(tmp_path, "excerpts.txt", text)
    assert_kept(out, '"Excerpt ID","Media Title","Excerpt Range","Excerpt Date","Score","Excerpt Copy"', '"1473-2211"')
    roster = "".join(f"{n},{a},nurse,{t}\n" for n, a, t in (("Jane Whitfield", 44, "Leeds"), ("Tom Okafor", 38, "York"),
                                                           ("Sara Lindqvist", 51, "Hull"), ("Ben Adeyemi", 29, "Bath"),
                                                           ("Ann Kowalczyk", 47, "Ripon")))
    _, out = deid_one(tmp_path, "roster.txt", roster, "o2")
    assert_gone(out, "Whitfield", "Okafor", "Lindqvist")


def test_a_name_in_a_file_name_is_one_person_wherever_it_stands(tmp_path, passphrase):
    """Regression (final22, an ATLAS.ti quotation report): a document's name holding a
    person's ("Interview_Ingrid_Kautokeino") was, where the key's name was found again, a
    new entity of one word: "Interview_Pierce.docx" in one line, "Interview_Tabitha_Middleton"
    in the others."""
    text = ("D 3: Interview_Ingrid_Kautokeino.docx\n\n3:14 ¶ 22 in Interview_Ingrid_Kautokeino\n"
            "Ingrid said the reindeer were fine.\n\n3:17 ¶ 31 in Interview_Ingrid_Kautokeino\nShe laughed.\n")
    _, out = deid_one(tmp_path, "report.txt", text)
    assert_gone(out, "Ingrid", "Kautokeino")
    docs = re.findall(r"Interview_(\w+?)(?:\.docx|\n)", out)
    assert len(docs) == 3 and len(set(docs)) == 1, out


def test_the_vocabulary_the_twenty_first_held_out_set_showed(tmp_path, passphrase):
    """Regression (final21): "Aboriginal" alone (NER: a body) was given a place's pseudonym
    in every line; a Scottish school's "Parent Council", a Gaelic festival ("Fèis") and the
    French title "Dre" were replaced; "ID" after "Employee" went with the number."""
    text = ("Interviewer: And the service?\n"
            "Participant: I did a locum at Gindaali Aboriginal Medical Service in Walgett. The Aboriginal "
            "health workers are the backbone. On m'a dit Dre Laval mais bon. Employee ID 40718863 on the badge.\n"
            "Participant: The Parent Council met after the Fèis in Dingwall.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Gindaali", "Walgett", "Laval", "40718863", "Dingwall")
    assert_kept(out, "The Aboriginal health workers", " Dre ", "Employee ID ", "The Parent Council met after the Fèis in ")


def test_a_legal_formula_in_capitals_is_no_name(tmp_path, passphrase):
    """Regression (final16, a deposition): NER read the formula of a reporter's certificate in
    capitals, "IN WITNESS WHEREOF", as a person and it was given a pseudonym. Capitals with no
    name among them are flagged and kept; the reporter's and the witness's names in capitals
    are replaced."""
    text = ("        I, KIMBERLY A. STRAND, a Certified Shorthand Reporter\n  in and for the State of Illinois, do "
            "hereby certify that\n  GORDON W. KSIAZEK was by me first duly sworn to testify to\n  the truth.\n"
            "        IN WITNESS WHEREOF, I have hereunto set my hand this\n  20th day of May, 2024.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "KIMBERLY", "STRAND", "GORDON", "KSIAZEK")
    assert_kept(out, "IN WITNESS WHEREOF, I have")


def test_a_first_name_alone_is_this_files_person(tmp_path, passphrase):
    """Regression (measuring every set again, final6): "Brook" alone, in the e-mails of Brook
    Jenkins, was linked to "Mr A Brook" of a tribunal's other file, whose surname the key
    held, and given his pseudonym: one person named two ways. A first name alone is the person
    of its own file; and a person NER read into a body's name after "with" ("a team leader at
    Fosse View with Preet") is that person, not the body's word."""
    deid_one(tmp_path, "a.txt", "Employment Tribunal\nMembers: Mrs J Hollis and Mr A Brook\n\nThe claim fails.\n")
    text = ("From: Brook Jenkins <b.jenkins@example.org>\n\nHi all, can we have the eight trestles again? "
            "Brook can collect on the Friday evening.\n\nTunde: I'm a team leader at Fosse View with Preet.\n"
            "Preet: Yes.\n")
    _, out = deid_one(tmp_path, "b.txt", text)
    assert_gone(out, "Brook", "Jenkins", "Preet", "Fosse")
    first = re.search(r"From: (\w+) \w+ <", out).group(1)
    assert f"again? {first} can collect" in out, out
    label = re.search(r"\n(\w+): Yes", out).group(1)
    assert re.search(rf"at \w+ \w+ with {label}\.", out), out


def test_what_the_twenty_third_held_out_set_showed(tmp_path, passphrase):
    """Regression (final23, scored once: 0.702 automatic, one transcript refused): an ethics
    amendment's "IRB" was read as a body and put in the key, so the protocol number's "IRB-23-"
    left beside an "address" ("06-5821 Amendment 4") made the leak check refuse the file; "Grant
    No." and "Add" of "Add Dalia Yousif" given pseudonyms as people, "Best," of a letter's close
    read as a surname before "Noor"; "Manchester University NHS Foundation Trust" kept as words of
    a town; a nurse's PIN and a share code ("11A0392O", "W7X 4KP 2QJ") kept; "Northland DHB";
    "Unassigned" of a sheet's empty cells and "Cases" of an NVivo path given pseudonyms."""
    text = ("Protocol No.: IRB-23-06-5821\nSponsor: National Institute on Aging (NIA), Grant No. R01AG079315\n"
            "Personnel changes:\n- Remove Kevin Okafor (research assistant)\n- Add Dalia Yousif (Research "
            "Associate)\nI confirm the changes will not be implemented until IRB approval is granted.\n\n"
            "Subject: RE: IRB-23-06-5821 Amendment 4 - Stipulations\n\nIt is all Manchester University NHS "
            "Foundation Trust now. I can still tell you the number, 11A0392O. The share code, W7X 4KP 2QJ, I know "
            "it by heart. I was with Northland DHB for six years.\n\nBest,\nNoor\n")
    _, out = deid_one(tmp_path, "irb_amendment.txt", text)
    assert_gone(out, "5821", "Okafor", "Dalia", "Yousif", "Manchester", "11A0392O", "W7X", "Northland", "Noor")
    assert_kept(out, "Grant No. ", "- Add ", "until IRB approval", "Amendment 4 - Stipulations", "\nBest,\n")
    table = "Case\tPseudonym\tGender\tHapu\tIwi\tMarae\tRole\n" + "".join(
        f"Cases\\{n}\tGP0{i}\tFemale\tUnassigned\tUnassigned\tUnassigned\tGP partner\n"
        for i, n in enumerate(["Fiona McAllister", "Sarah Lindqvist", "Graham Pettigrew", "Mere Tipene"], 1))
    _, out = deid_one(tmp_path, "sheet.txt", table)
    assert_gone(out, "McAllister", "Lindqvist", "Pettigrew", "Tipene")
    assert out.count("\tUnassigned\tUnassigned\tUnassigned\t") == 4 and out.count("Cases\\") == 4, out


def test_names_as_speech_recognition_writes_them_in_a_german_city(tmp_path, passphrase):
    """Regression (final23, a lower-case transcript of parents in Leipzig): a kunya lost its
    "abu" ("abu Brent"), and "my son ali" became one person. In lower case "um" and "umm" are
    pauses, no part of the name after them (a review found "um Sarah" made a second person)."""
    text = ("speaker a: who helps you\nspeaker b: abu khalil from the mosque helps and um sarah brings food. my son "
            "ali goes to the kita every day and umm yusuf said so\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "abu", "khalil", "sarah", "yusuf", "ali ", lower=True)
    assert_kept(out, "my son ", " goes to the ", "helps and um ", " every day and umm ")


def test_scots_street_words(tmp_path, passphrase):
    """Regression (final23, a care worker in Aberdeen): "Sinclair Brae" and "41/2 Balmoral
    Gait" kept; "gait" in a clinical sentence is a word."""
    text = ("Speaker 1 (00:03:12):\nI go to the deli on Sinclair Brae for bread. My flat is 41/2 Balmoral Gait. "
            "The doctor said her gait was slow.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Sinclair", "Balmoral")
    assert_kept(out, "said her gait was slow")


def test_an_acronym_said_beside_its_body(tmp_path, passphrase):
    """Regression (final23): a body's acronym said between commas after its name, not in
    brackets ("North East Scotland College, NESCol, evening classes"; "Manchester University
    NHS Foundation Trust, MFT, one big family"), was kept wherever it was said; so was a church's,
    its long name read as a place; an acronym anyone uses beside a body is no name of it
    ("Leeds General Infirmary, ICU, ...")."""
    text = ("Speaker 1 (00:01:00):\nI learned at North East Scotland College, NESCol, evening classes. Now it is "
            "all Manchester University NHS Foundation Trust, MFT, one big family. NESCol was good and MFT is big. "
            "I was at Leeds General Infirmary, ICU, for a year. My church is Abundant Harvest Apostolic "
            "Pentecostal Ministries International. AHAPMI. It is a mouthful.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "NESCol", "MFT", "Scotland", "Manchester", "Leeds", "Abundant", "AHAPMI")
    assert_kept(out, ", ICU, for a year")


def test_nothing_read_across_a_tab(tmp_path, passphrase):
    """Regression (final23, an NVivo classification sheet): an address read on into the next
    cells ("Tōtara Street Medical<tab>Private (corporate)<tab>Kaikohe") gave "Private
    (corporate)" a place's pseudonym; names found apart in cells side by side were joined into
    one ("Māori<tab>Ngāti Kurukahu"), and "Cases" of the path "Cases\\\\Sarah Lindqvist" became a
    person's name."""
    text = ("Case\tRole\tPractice\tPractice type\tTown\tScore\n"
            "Cases\\Sarah Lindqvist\tSalaried GP\tTōtara Street Medical\tPrivate (corporate)\tKaikohe\t78\n"
            "Cases\\Fiona McAllister\tGP partner\tTwizel Lakes Medical Centre\tPrivate partnership\tTwizel\t72\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Lindqvist", "McAllister", "Tōtara", "Twizel")
    assert out.count("Cases\\") == 2 and "\tPrivate (corporate)\t" in out, out


def test_a_placement_panels_record(tmp_path, passphrase):
    """Regression (final16, a nursing student's fitness-to-practise record, measuring again):
    "KB", which NER read as a person, was given a surname, not the initials of "Kwame Boateng
    (KB)"; "IVHT" of "Irwell Vale Hospitals NHS Foundation Trust (IVHT)" (a letter for some
    words only) stayed a possible miss with a surname; "(Hons)", "Practice Assessor", "Student Casework Office", a faculty's "Midwifery and
    Allied Health", the regulator, and "Occupational Health" broken over a line were given
    pseudonyms."""
    text = ("School of Nursing, Midwifery and Allied Health\n"
            "Programme:  BSc (Hons) Nursing (Adult), Year 2\n"
            "Placement:  Aspinall Ward, Hollinbrook General\n"
            "            Hospital, Irwell Vale Hospitals NHS Foundation Trust (IVHT)\n"
            "Present:\n"
            "  Rajesh Parmar (RP)               Practice Assessor, IVHT\n"
            "  Kwame Boateng (KB)               Student's representative (RCN)\n"
            "  Amy Roe (AR)                     Note-taker, Student Casework Office\n\n"
            "KB said that the student had felt isolated. RP agreed. An Occupational\n"
            "Health referral has been made. The Nursing and Midwifery Council was told.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Kwame", "Boateng", "KB", "IVHT", "Irwell", "Hollinbrook", "Aspinall", "Parmar")
    assert_kept(out, "School of Nursing, Midwifery and Allied Health\n", "BSc (Hons) Nursing",
                "Practice Assessor, ", "Note-taker, Student Casework Office", "An Occupational\nHealth referral",
                "The Nursing and Midwifery Council was told")
    ini = re.search(r"\n  (\w)\w* (\w)\w* \((\w\w)\)\s+Student's", out)
    assert ini and ini.group(3) == ini.group(1) + ini.group(2), out
    assert out.count(f"{ini.group(3)} said that") == 1, out
    acr = re.search(r"Trust \((\w+)\)|\((\w{4})\)\n", out)
    assert acr and out.count(f"Practice Assessor, {acr.group(1) or acr.group(2)}") == 1, out


def test_an_exam_export_in_capitals_and_british_spelling(tmp_path, passphrase):
    """Regression (final18, an OSCE examiners' export): "SUMMATIVE" of every row's exam name
    and "Paediatric" (the British spelling of a word the dictionary has) were replaced as
    possible names; surnames and places in capitals still go, a dictionary's words among them
    ("ARROWSMITH", "SPRINGWOOD": a review found a first fix let them through)."""
    text = ("Exam,Station,Site,Examiner,Assessor,Comments\n"
            "Y3 SUMMATIVE 2024,1,SPRINGWOOD,\"OKONKWO, Ada\",ARROWSMITH,\"Good history. Paediatric station next.\"\n"
            "Y3 SUMMATIVE 2024,2,SPRINGWOOD,\"HUSSAIN, Tariq\",ARROWSMITH,\"Missed the cues.\"\n")
    _, out = deid_one(tmp_path, "a.csv.txt", text)
    assert_gone(out, "OKONKWO", "Okonkwo", "HUSSAIN", "Tariq", "ARROWSMITH", "SPRINGWOOD")
    assert out.count("Y3 SUMMATIVE 2024,") == 2 and "Paediatric station next" in out, out


def test_what_the_twenty_fourth_held_out_set_showed_in_a_welsh_oral_history(tmp_path, passphrase):
    """Regression (final24, scored once: 0.955, a WebVTT oral history from the valleys): a man
    called by his trade ("Jones the Milk", "Evans the Coffins") kept his trade; "the Workmen's
    Hall" and a house numbered in words on a Welsh street ("Seven Heol y Capel", "3 Maes yr
    Eglwys") were left; a surname said first ("Pritchard G" of the file's name, "Jenkins
    Bethesda" of the Reverend Emrys Jenkins) was given a first name, and "My" of "My Siân" (a
    first name too) was read into hers; "Oral history" at a line's start was a Kazakh town. A
    review found "My Tran" (a first name "My") let through by the first fix, and two men of two
    trades able to share a pseudonym."""
    text = ("WEBVTT\n\nNOTE\nOral history collection, item 47. Interviewee: Gwenllian Pritchard\n"
            "Source file: Pritchard G - 14.06.2019.wav\nRecorded at her home, 3 Maes yr Eglwys, Whitchurch.\n\n"
            "1\n00:00:01.000 --> 00:00:05.000\n<v Gwenllian Pritchard>Seven Heol y Capel, that was us. Jones the Milk "
            "came every morning and Evans the Coffins lived by the chapel.\n\n"
            "2\n00:00:05.000 --> 00:00:09.000\nThe minister was the Reverend Emrys Jenkins, Jenkins Bethesda they "
            "called him. And the men stood outside the Workmen's Hall. Yes. My Siân was in the infants.\n\n"
            "3\n00:00:09.000 --> 00:00:12.000\nJones the Milk was kind. The salon of My Tran opened, and Jones the "
            "Coal said so.\n")
    _, out = deid_one(tmp_path, "a.vtt", text)
    assert_gone(out, "Pritchard", "Gwenllian", "Maes", "Eglwys", "Seven Heol", "Capel,", "Milk", "Coffins",
                "Jones", "Evans", "Jenkins", "Emrys", "Workmen", "Siân", "Tran", "My Tran", "Coal")
    milk = re.search(r"(\w+ the \w+) came every", out).group(1)
    assert f"{milk} was kind" in out and f"{milk} said so" not in out, out   # one man, and not the other
    assert_kept(out, "Oral history collection, item", "Yes. My ", " was in the infants")
    surname = re.search(r"Interviewee: \w+ (\w+)", out).group(1)
    assert f"Source file: {surname} " in out, out
    minister = re.search(r"Reverend \w+ (\w+),", out).group(1)
    assert f", {minister} " in out and re.search(r"(\w+) the (\w+) came every", out), out


def test_what_the_twenty_fourth_held_out_set_showed_in_records_and_speech(tmp_path, passphrase):
    """Regression (final24): a child's record, "Known as: KJ" (initials, given a surname when
    found); "Thornfield Lane Primary School" read as a street, so "Thornfield Lane Primary"
    alone had another pseudonym; "Maisie 2-yr review" gave "2-yr" a surname; an ethics
    reference "2087/23" read as a year and month; "more like Jun. Ha!" one name; "U of H";
    a handle said aloud ("lotus nails underscore bellaire"); "AH&MRC" not even flagged."""
    text = ("Surname: WHITWORTH   Forename(s): Kayden Lee   Known as: KJ\n"
            "School: Thornfield Lane Primary School, Year 2\nDSL: Aisha Rahman, Thornfield Lane Primary\n"
            "12/12/2023 HV Maisie 2-yr review: Was Not Brought.\nEthics: AH&MRC HREC ref. 2087/23\n"
            "P2: They call me Kuya Jun in the unit. She told the agency, bring me more like Jun. Ha! "
            "Kevin is still at U of H, engineering. The Instagram is at lotus nails underscore bellaire, all small.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "WHITWORTH", "Kayden", "KJ", "Thornfield", "Maisie", "2087", "Jun", "U of H", "lotus",
                "underscore", "bellaire")
    assert_kept(out, " 2-yr review: Was Not Brought.", "HREC ref. ", ". Ha! ")
    school = re.search(r"School: (.+) School, Year", out).group(1)
    assert re.search(r"DSL: \w+ \w+, " + re.escape(school) + "\n", out), out
    assert "AH&MRC" in open_flags(tmp_path, "a.txt"), open_flags(tmp_path, "a.txt")


def test_what_a_review_of_the_twenty_fourth_sets_fixes_found(tmp_path, passphrase):
    """Regression (a fresh-eyes review of the final24 fixes): a body named by a language and a
    phrase of the vocabulary ("Punjabi Community Health") was dropped as a field of study; a
    phrase matched across a line break swallowed a name ("Kia\nOra"); a short surname in
    capitals after a rank was given letters, not a surname ("PC 1174 COX"); "underscore" as a
    verb was read as a handle said aloud, and academic years as references."""
    text = ("I volunteered at Punjabi Community Health for two years. We met at the salon, me and Kia\n"
            "Ora was there too. Statement taken by PC 1174 COX at the station.\n"
            "These results underscore how hard it was. In the 2023/24 academic year the 2019/20 cohort left.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Punjabi Community", "Kia", "COX")
    assert_kept(out, "These results underscore how hard it was. In the 2023/24 academic year the 2019/20 cohort")
    assert re.search(r"PC \d{4} [A-Z][a-z]+ at the station", out), out


def test_a_survey_exports_column_names_and_every_flag_accepted(tmp_path, passphrase):
    """Regression (final25, scored once: export refused a Qualtrics export after every flag was
    accepted): its column names in CamelCase ("RecipientLastName", "EndDate") and the JSON of
    its third row ('{"ImportId":"recipientLastName"}', "America/Detroit") were replaced as
    names; "Last Name" of its second row, flagged and accepted as a body, was given
    "<place> Last Name", and the leak check then found "Last Name" inside that pseudonym in
    the file as written, and refused it."""
    from review import actions
    head = ("StartDate,EndDate,ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,Q1,Q2\n"
            "Start Date,End Date,Response ID,Recipient Last Name,Recipient First Name,Recipient Email,"
            "In which state do you teach?,What wears you down?\n"
            '"{""ImportId"":""startDate"",""timezone"":""America/Detroit""}","{""ImportId"":""endDate""}",'
            '"{""ImportId"":""_recordId""}","{""ImportId"":""recipientLastName""}",'
            '"{""ImportId"":""recipientFirstName""}","{""ImportId"":""recipientEmail""}",'
            '"{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"\n')
    rows = "".join(f"2024-03-0{i} 10:00,2024-03-0{i} 10:20,R_{i}xYz,{last},{first},{first.lower()}@mail.test,Ohio,"
                   f"\"Our principal at {school} never listens. Last Name on the form was wrong.\"\n"
                   for i, (first, last, school) in enumerate([("Dana", "Kessler", "Tallgrass High"),
                                                             ("Megan", "Orr", "Birchwood Elementary"),
                                                             ("Luis", "Ybarra", "Kent Hollow Middle School")], 1))
    _, out = deid_one(tmp_path, "survey.csv.txt", head + rows)
    assert out.startswith(head.split("\n")[0] + "\n" + head.split("\n")[1] + "\n"), out
    assert "America/Detroit" in out and '""ImportId"":""recipientLastName""' in out, out
    assert_gone(out, "Kessler", "Ybarra", "Tallgrass", "Birchwood", "Kent Hollow")
    from deid.study import open_study
    with open_study(tmp_path / "s") as s:
        for it in [i for i in s.items.of("survey.csv.txt") if i.status == "open"]:
            actions.apply(s, "accept", {"item": it.id, "seen": "open"}, "tester")
    res = run("export", "--study", tmp_path / "s", "--out", tmp_path / "x", "--allow-unreviewed")
    assert res.exit_code == 0 and "refused" not in res.output, res.output




def test_a_body_named_by_kind_words_alone_is_given_none_of_them():
    """Regression (final25, and a fresh-eyes review): a body whose words a pseudonym keeps
    ("Last Name" of a survey's column, accepted as a body; "Move On", a charity) was given
    "<place> Last Name": the real words stayed in the output, and the leak check of the file as
    written refused it (an excuse for a form inside its own pseudonym let "Move On" through)."""
    from deid.pseudonym import Pseudonyms
    ps = Pseudonyms([], seed=1)
    for real in ("Last Name", "Move On", "All Together", "Each Other"):
        p = ps.pseudonym(real, "institution")
        assert not set(real.lower().split()) & set(p.lower().split()), (real, p)


def test_what_the_twenty_fifth_held_out_set_showed(tmp_path, passphrase):
    """Regression (final25, scored once: 0.886 automatic): a Teams transcript's speaker written
    surname first with a comma ("HOLLIS, Gareth (YORKSHIRE AMBULANCE SERVICE NHS TRUST)") kept
    its surname in capitals, and "YAS" (the trust's first words) was not the trust's acronym; a Slack export's profile fields were never read as names (detection
    reads "real_name" as "real name"), so a name JSON escapes ("Ren\\u00e9e Lafreni\\u00e8re"), a
    display name in lower case ("jesse") and a login ("rlafreniere") were left, a member tagged
    ("<@U03HK2M9TPL>") had another pseudonym than the member's ID, and the bar of a link ("<mailto:
    a@b.ca|a@b.ca>") was read into the address; a survey's
    answer typed in lower case in its quoted cell ("the social worker at birchwood elementary")
    was never read as an uncased text is, the rest of its row being cased."""
    teams = ("Nkem Adeyemi\n0:00:03.2 --> 0:00:24.9\nCan we go round and say who you are?\n\n"
             "HOLLIS, Gareth (YORKSHIRE AMBULANCE SERVICE NHS TRUST)\n0:00:27.1 --> 0:00:52.6\n"
             "Gareth, paramedic, fourteen years this June, all of it with YAS.\n")
    _, out = deid_one(tmp_path, "teams.txt", teams)
    assert_gone(out, "HOLLIS", "Gareth", "YORKSHIRE", "YAS")
    trust = re.search(r"\n[A-Z][a-z]+, [A-Z][a-z]+ \((.+)\)\n", out)
    assert trust and f"with {''.join(w[0] for w in trust.group(1).split()[:3]).upper()}." in out, out
    slack = ('[\n {\n  "text": "Thanks Hannah, all logged. <@U03HK2M9TPL> has it: <mailto:stoews@isbisterclinic.ca|'
             'stoews@isbisterclinic.ca>",\n  "user": "U03HK2M9TPL",\n  "user_profile": {\n'
             '   "real_name": "Ren\\u00e9e Lafreni\\u00e8re",\n   "display_name": "jesse",\n   "name": "rlafreniere"\n'
             '  }\n }\n]\n')
    _, out = deid_one(tmp_path, "slack.json.txt", slack)
    assert_gone(out, "Hannah", "Ren\\u00e9e", "Lafreni", "jesse", "rlafreniere", "U03HK2M9TPL", "stoews")
    assert_kept(out, '"user_profile": {', '"display_name": "', '"name": "')
    member = re.search(r'"user": "(\w+)"', out).group(1)   # a member tagged is the member of the "user" field
    assert f"<@{member}> has it" in out and re.search(r"<mailto:([\w.]+@[\w.]+)\|\1>", out), out
    survey = ("ResponseId,IPAddress,State,Grade,Q1\n" + "".join(
        f'R_{i},198.51.100.{i},Ohio,{g},"{a}"\n' for i, (g, a) in enumerate([
            ("K-5", "the social worker at birchwood elementary is shared with two other buildings"),
            ("9-12", "my church. greater new hope on belmont ave, pastor willis prays for us, thats toledo"),
            ("6-8", "We have a group chat and it helps a lot, honestly it does")], 1)))
    _, out = deid_one(tmp_path, "survey.csv.txt", survey)
    assert_gone(out, "birchwood", "belmont", "willis", "toledo")
    assert out.startswith("ResponseId,IPAddress,State,Grade,Q1\n"), out


def test_what_a_review_of_the_twenty_fifth_sets_fixes_found(tmp_path, passphrase):
    """Regression (a fresh-eyes review of the final25 fixes): names in CamelCase in a header or
    a JSON key ("JaneSmith", "HopeWell") were taken for fields' names; a table written without
    its header had its first row of values read as one ("St Gemma's Hospice" left); "ACORN,
    Sarah" made a body the surname of the name after it."""
    table = "Week,JaneSmith,MarkBrown,GraceHill,Total\n" + "".join(f"{w},1,0,1,2\n" for w in range(1, 5))
    _, out = deid_one(tmp_path, "a.csv.txt", table)
    assert_gone(out, "JaneSmith", "MarkBrown", "GraceHill")
    _, out = deid_one(tmp_path, "b.json.txt", '{"attendance": {"JaneSmith": true, "HopeWell": false}, "EndDate": 1}\n')
    assert_gone(out, "JaneSmith", "HopeWell")
    assert '"EndDate": 1' in out, out
    rows = "".join(f"P0{i},44,St Gemma's Hospice,Meanwood,Yorkshire,nurse\n" for i in range(1, 6))
    _, out = deid_one(tmp_path, "c.csv.txt", rows)
    assert_gone(out, "Gemma", "Meanwood")
    _, out = deid_one(tmp_path, "d.txt", "Speaker 1: ACORN, Sarah rang me. I told ACORN no.\n")
    assert_gone(out, "Sarah")
    assert out.count("ACORN") == 2, out


def test_an_elder_is_a_title_and_a_surname_after_mr(tmp_path, passphrase):
    """"Elder" before a name is the title a community gives ("Elder Agnes Williams" was
    "Damon McCarthy Spencer", her first name "Agnes" alone another); after "Mr", or alone once
    someone named Elder is known, it is a surname, replaced."""
    text = ("Interviewer: I'm here with Elder Agnes Williams. Agnes, do you want to introduce yourself?\n"
            "Respondent: My English name is Agnes, Agnes Williams. Elder Marvin told me. My elder brother drove.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Agnes", "Williams", "Marvin")
    first = re.search(r"with Elder (\w+) \w+\. (\w+), do", out)
    assert first and first.group(1) == first.group(2), out
    assert_kept(out, "My elder brother")
    _, out = deid_one(tmp_path, "b.txt", "Speaker 1: Larry Elder came to the meeting. Elder said we should wait. "
                      "Mr Elder rang later.\n", "o2")
    assert_gone(out, "Larry", "Elder")


@pytest.mark.parametrize("text, terms", [
    ("she needed enhanced therapeutic observation (ETO) but the ETO was not in place", ["ETO", "ETO"]),
    ("a deprivation of liberty safeguards (DoLS) form; DoLS granted", ["DoLS", "DoLS"]),
    ("we went to te puna rangahau (TPR) and TPR said", []),                   # no dictionary's words
    ("Northfield State University (NSU) and NSU", []),                        # a name: capitalised
    ("the patient had a urinary tract infection (UTI)", ["UTI"]),
])
def test_an_acronym_a_text_defines_by_ordinary_words_is_a_term(text, terms):
    from deid.abbrev import defined_terms
    assert [text[s.start:s.end] for s in defined_terms(text)] == terms


def test_what_the_twenty_sixth_held_out_set_showed(tmp_path, passphrase):
    """final26 (held out): a surname that is a rare dictionary word opening a sentence
    ("Tranter was rough") was left; "Selly Oak" lost only "Selly"; a term's acronym, clinical
    scales, policies, a university's offices and academic years, and hospital systems
    were replaced as names; a Māori greeting before a name, a grandmother called "nanny", and
    the article of a Māori name ("te manawa ora") were taken into or left out of names."""
    text = ("[00:02:34] Ephraim Small: The foreman was a Black Country man, Alf Tranter. Tranter was rough, "
            "you know. My nephew worked at a takeaway on Tiverton Parade in Selly Oak, because of the fees.\n"
            "[00:03:10] Ephraim Small: She needed enhanced therapeutic observation (ETO) but the ETO for bay 3 "
            "was not in place. Add ETO flag to SafeCare. Morse Falls Scale 65, see the Trust Falls Policy and the Datix record. The "
            "Academic Registry wrote under the Academic Integrity Regulations 2023-24. The Waterlow Score was 12.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Tranter", "Selly", "Tiverton")
    assert re.search(r"in \w+ Oak,", out) is None, out
    assert_kept(out, "(ETO) but the ETO for bay 3", "Add ETO flag to SafeCare", "Morse Falls Scale 65", "Trust Falls Policy", "the Datix record",
                "Academic Registry", "Academic Integrity Regulations 2023-24", "The Waterlow Score was 12")
    asr = ("speaker 1: okay its recording um kia ora so just for the recording can you say your name\n\n"
           "speaker 2: kia ora aroha no its all good so im born here in rotorua grew up in ngongotaha with my nanny "
           "huia mostly because mum was working\n\nspeaker 1: and the clinic\n\n"
           "speaker 2: yeah at te manawa ora they start with a karakia and they ask about your whanau first\n")
    _, out = deid_one(tmp_path, "b.txt", asr, "o2")
    assert_gone(out, "aroha", "huia", "ngongotaha", "te manawa", lower=True)
    assert_kept(out, "um kia ora so", ": kia ora ", "with my nanny ", "with a karakia")


def test_what_the_twenty_seventh_held_out_set_showed(tmp_path, passphrase):
    """final27 (held out): a Zoom chat saved as text named its writers in display names of
    ordinary words and initials ("Lovely T.", "Baby DC") or by their phone ("Maria's iPhone"),
    all left; a case note's entries signed with an adviser's initials that are a credential
    too ("RN") were left."""
    chat = ("20:01:17 From Lovely T. to Everyone:\n\tGood evening ma'am and ate Joanna!!\n"
            "20:02:02 From Baby DC to Everyone:\n\tHi everyone, sorry late\n"
            "20:03:00 From Maria’s iPhone to Everyone:\n\thi po good evening\n"
            "20:04:00 From Joanna Cruz to Baby DC(Direct Message):\n\tok I will call you\n")
    _, out = deid_one(tmp_path, "chat.txt", chat)
    assert_gone(out, "Lovely", "Baby", " DC", "Maria", "Joanna")
    assert_kept(out, "’s iPhone to Everyone:", "to Everyone:\n\tHi everyone", "(Direct Message):")
    notes = ("Client:   Ms Jolene McAteer\nAdviser:  Ruaridh Nkemelu (trainee solicitor)\n\n"
             "03/10/23  Tel call in from client (14 mins)\nJM called re dampness. The RN at the surgery saw her son.\n"
             "Action: open file; A&A form signed by text link. RN\n\n"
             "05/10/23  Letter to landlord re repairs. RN\n")
    _, out = deid_one(tmp_path, "notes.txt", notes, "o2")
    assert_gone(out, "Ruaridh", "Nkemelu", "link. RN", "repairs. RN")
    assert_kept(out, "The RN at the surgery")


def test_what_a_review_of_the_twenty_sixth_and_seventh_sets_fixes_found(tmp_path, passphrase):
    """Regression (a fresh-eyes review of the final26/final27 fixes): a name in brackets after a
    word of its letter was read as a term's acronym ("my mum (Mary)") and kept everywhere; any
    "2022-17" was taken for an academic year; a body's checklist or policy was kept whole;
    lines opening "From ... to ...:" were read as a chat's; "Cross" made "2019 British Red
    Cross" an address; te reo words that are names too ("Mana") were kept; a study's coded
    labels ("Person A") were read as display names."""
    text = ("Speaker 1: Mostly my mum (Mary). Mary comes every day. Our teacher (Tom) knows. Tom Baxter rang.\n"
            "Speaker 1: Ethics approval number: 2022-17. Regulations 2023-24 apply.\n"
            "Speaker 1: See the Leeds Teaching Hospitals Checklist. The Riverside Lodge Policy says no.\n"
            "Speaker 1: From the start to the end of the visit: nobody asked. From home to work: two buses.\n"
            "Speaker 1: In 2019 British Red Cross volunteers came. My cousin Mana drove us. Mana is a good driver.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Mary", "Tom", "Baxter", "2022-17", "Leeds", "Riverside", "Mana")
    assert_kept(out, "Regulations 2023-24 apply", "From the start to the end of the visit:",
                "From home to work:", "In 2019 ")
    from deid.labels import is_role
    assert [is_role(x) for x in ("Person A", "Mum B", "Team A", "Lovely T.", "Baby DC")] == \
        [True, True, True, False, False]


def test_a_known_form_beside_a_longer_name_it_gave_way_to_is_found(tmp_path, passphrase):
    """final27's SMS export was refused: the known form "ama Kwa" gave way to the longer
    "Kwa Wairimu Shop" it overlaps, and "ama" (a form of the same person), left standing
    beside that shop's pseudonym, was what the leak check found. It is replaced now."""
    from deid import known
    from deid.detect import Doc
    from deid.model import Mention
    from deid.pipeline import Run
    from deid.plan import FilePlan
    from deid.study import open_study
    from transcript import Transcript, Turn
    with open_study(tmp_path / "s", create=True, secret=passphrase) as study:
        run = Run.start(study, None)
        person = run.index.add_entity("Ama Kwa", Kind.PERSON)
        run.index.add_form("Ama", person)
        doc = Doc.of(0, Transcript([Turn(text="I sent him to the KCB agent ama Kwa Wairimu Shop near the stage.")]))
        s = doc.text.index("Kwa Wairimu")
        shop = Mention(0, 0, s, s + len("Kwa Wairimu Shop"), Kind.INSTITUTION, 0.9, "SpacyRecognizer", "Kwa Wairimu Shop")
        run.linker.link(shop)
        plan = FilePlan(0, [shop])
        plan.set(shop, run.planner.pseudonym(shop, doc.text))
        known.find_again(doc, plan, run.matcher(), run.linker, run.planner)
        replaced = {p.mention.text for p in plan.replaced()}
        assert replaced == {"Kwa Wairimu Shop", "ama"}, replaced


def test_a_street_ner_found_is_replaced_with_its_house_number(tmp_path, passphrase):
    """final27: "address for service 212 Garscube Cross" kept "212" beside the street's
    pseudonym (NER read the street as a body; the address pattern knows no "Cross"). A year
    before a place stays."""
    text = ("Client: Mr I. G. Lennox, c/o agent, address for service 212 Garscube Cross, Glasgow.\n"
            "In 2019 Garscube Cross flooded, and she had 2 loans.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Garscube", " 212 ")
    assert_kept(out, "In 2019 ", "she had 2 loans")


def test_an_acronym_in_brackets_after_a_persons_name_is_her_body(tmp_path, passphrase):
    """final27: a chat's display name "Mairi Dunleavy (SKU)" carried her university's acronym,
    never defined; it was only flagged, and kept in every line that said it. In brackets after
    a person's name, an acronym that is not her initials (nor a role veil knows) is a body."""
    text = ("Present: Dr Jane Okafor (JO), Prof. Alan Rudd (KMU), Mairi Dunleavy (SKU), Ruth Vale (PI), "
            "Sam Ode (CNS), Ann Cole (AHP).\n"
            "10:02:33 From Mairi Dunleavy (SKU) to Everyone:\n\twelcome all, the SKU team will record\n"
            "Action: KMU to circulate the protocol. SKU to send the consent forms.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "KMU", "SKU", "(JO)", "Okafor")
    assert_kept(out, "(PI)", "(CNS)", "(AHP)")


def test_what_the_twenty_eighth_and_ninth_held_out_sets_showed(tmp_path, passphrase):
    """final28 and final29 (held out): a word NER missed was replaced without the team, youth
    group or place word after it ("Puhinui Rams", "Saione Youth", "Rushey Mead"); a salon of
    ordinary words was kept as a title; a school year's number went into the school's name
    ("year 7 Kirkhaven College" became "year 6 ..."); "Son Ermias" and "my son aram" lost
    the relation to the name; a street written "Ln" with no number was missed; a survey's
    lower-case "Name" cell was kept; a transcript key's speaker codes ("MAG = Mrs Margaret
    Docherty") were kept; "Cork" and "Bangalore" were kept as ordinary words or no town;
    a catalogue's summary line was read as a speaker's label."""
    text = ("I play for the Puhinui Rams. Saione Youth used to be like a family, in Belgrave and Rushey Mead.\n"
            "She went to Lotus Nails & Spa, near the corner of Tanglebriar Rd & Dairy Crest Ln.\n"
            "My daughter Selam in year 7 Kirkhaven College, son Robel year 4 Ferham Park Primary.\n"
            "Son Ermias in year 5 at Rushby Park. Next time you come to Cork, or my agency in Bangalore, tell me.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Puhinui", "Rams", "Saione", "Rushey", "Mead", "Lotus", "Dairy Crest", "Kirkhaven", "Ermias",
                "Cork", "Bangalore")
    assert_kept(out, "in year 7 ", "in year 5 at ", "Son ", "year 4 ", "come to ")
    survey = ('"ID","Start time","Email","Name","1. Tell us about your child\'s school. How are they settling in?"\n'
              '1,08/01/2024 19:02,r.k@example.com,Rasha Khatib,"My two children are at Carbrook Vale Primary."\n'
              '2,08/01/2024 21:15,anonymous,,"My son is at Ellesmere Green Academy in year 8."\n'
              '3,09/01/2024 10:22,d.t@example.com,Senait Tesfay,"Miss Reeves says she can go to a good secondary."\n'
              '4,09/01/2024 13:07,s.r@example.com,shilan rasul,"my son aram is in year 3 at eastdene academy."\n'
              '5,09/01/2024 18:44,a.n@example.com,Abdul Noori,"Two children, at Brinsworth Lane Primary."\n')
    _, out = deid_one(tmp_path, "b.txt", survey, "o2")
    assert_gone(out, "shilan", "rasul", "aram")
    assert_kept(out, "my son ", ",anonymous,,")
    key = ("Speakers:   DOC = Dr Aileen McGarvey, GP\n"
           "            MAG = Mrs Margaret Docherty (\"Maggie\"), patient\n"
           "            PAT = Mr Tariq Iqbal, patient\n\n"
           "01  DOC:  come in Mrs Docherty (0.3) have a seat there\n"
           "02  MAG:  .hhh aw thanks hen (.) that stair's a killer\n"
           "03  PAT:  aye\n"
           "[00:27:05] First lodging at 41 Brasshouse Row: twelve men in a house.\n")
    _, out = deid_one(tmp_path, "c.txt", key, "o3")
    assert_gone(out, "MAG", "Docherty", "Brasshouse", " 41 ")
    assert_kept(out, "DOC:  come in", "03  PAT:  aye", "First lodging at ")


def test_what_a_review_of_the_twenty_eighth_and_ninth_sets_fixes_found(tmp_path, passphrase):
    """A fresh-eyes review of those fixes found: a speaker's label of a name with particles read
    as a summary's sentence ("Ana Maria dos Santos"); a chat's turn read as a transcript key
    ("DOC: Come in Mrs Docherty" made "DOC" her code); role acronyms after a name replaced as
    bodies ("(RA)"); "the Computer Lab" replaced as a body; an NVivo codebook's "Name" column
    (codes, not people) replaced as people's names."""
    text = ("[00:00:09] Ana Maria dos Santos: Ana Maria dos Santos, I work at the clinic.\n"
            "[00:00:15] Participant 2 (the mum): I brought Jesse with me today.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Ana", "Maria", "Santos", "Jesse")
    assert_kept(out, "Participant 2 (the mum): ")
    turns = ("Focus group 3, carers\nINT: So can you tell me who helps you at home?\n"
             "DOC: Come in Mrs Docherty, have a seat.\nMUM: Mumtaz does the school run.\n"
             "DOC: And Bill Evans (RA) will call. RA to contact the family.\n"
             "MUM: I used the Computer Lab and the Language Lab at school.\nINT: Thank you.\n")
    _, out = deid_one(tmp_path, "b.txt", turns, "o2")
    assert_gone(out, "Docherty", "Mumtaz", "Evans")
    assert_kept(out, "DOC: Come in", "MUM: ", "(RA) will call. RA to contact", "the Computer Lab and the Language Lab")
    codebook = ("Name,Description,Files,References,Created On,Created By\n"
                "Barriers to access,Things that stop families using services,4,12,2024-03-01,HM\n"
                "Family support,Who helps,5,20,2024-03-01,HM\n"
                "Trust in services,How far services are trusted,3,9,2024-03-02,HM\n"
                "Cost of living,Money worries,5,17,2024-03-02,HM\n")
    _, out = deid_one(tmp_path, "c.txt", codebook, "o3")
    assert_kept(out, "Barriers to access,", "Family support,", "Trust in services,", "Cost of living,")


def test_two_owners_of_an_action_apart_at_a_slash(tmp_path, passphrase):
    """final29: "N. Hopkin / S. Pugh", an action's two owners, was read as one name, and "S."
    got another letter there than in "S. Pugh" alone (one entity, two pseudonyms)."""
    text = ("| A2 | Perpetrator programme referral | S. Pugh | 24/11/2023 |\n"
            "| A4 | Young carers assessment | N. Hopkin / S. Pugh | 15/12/2023 |\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Pugh", "Hopkin")
    alone = re.search(r"\| (\S+ \S+) \| 24/11", out).group(1)
    assert f"/ {alone} |" in out, out
    from deid.select import FIELD_GAP
    assert FIELD_GAP.search("N. Hopkin / S. Pugh") and not FIELD_GAP.search("24/11/2023 and/or Mary")


def test_a_body_named_with_a_kin_term_and_streets_said_without_a_number(tmp_path, passphrase):
    """final29: "Hooyo Hub Cymru (HHC)" lost only "Hub Cymru" ("Hooyo", mother, was cut off as
    a kin term said as a title), so "HHC" was kept everywhere; "the packhouse at Cawby Drove"
    and "on Wold View" kept their street words or the whole street."""
    text = ("Nur asked that Ms Farah from Hooyo Hub Cymru (HHC) stay. HHC also runs a Friday session. "
            "Hooyo Faadumo came too.\n"
            "He goes to the packhouse at Cawby Drove. We did the key safe at Mrs Baker's on Wold View.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Hub Cymru", "HHC", "Cawby", "Drove", "Wold", "Faadumo")
    assert_kept(out, "Hooyo ")


def test_lower_case_words_ner_reads_where_the_writer_capitalises(tmp_path, passphrase):
    """final27: spaCy reads a Swahili message's lower-case words as bodies ("iliisha nikaenda
    kurebalance kwa super agent"): where the sentence opens with a capital, its writer writes
    names so, and lower-case words are another language's, not names."""
    text = ('participant_id,phone,timestamp,direction,message\n'
            'PD-02,+254733902117,2023-03-06 20:15,in,"Commission ya leo around 640. Shida ni float, saa nane '
            'e-float iliisha nikaenda kurebalance kwa super agent Nuru Communications pale Mawe Tatu shopping '
            'centre, nikapoteza 1 hour."\n')
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Nuru", "Mawe", "254733902117")
    assert_kept(out, "e-float iliisha nikaenda ")
    places = "I grew up in kibera, then moved to town.\n"   # (a place written small amid English stays found)
    _, out = deid_one(tmp_path, "b.txt", places, "o2")
    assert_gone(out, "kibera")


def test_a_conversation_analysts_role_codes_are_no_names(tmp_path, passphrase):
    """final29: a Jefferson transcript's "PAT" (the patient) was read as the name Pat, and given
    a pseudonym in 17 turns; "DOC", "PAT", "DAU" are roles, "JIM" of a key is a name."""
    text = ("Speakers:       DOC = Dr Aileen McGarvey, GP\n"
            "                JIM = Mr James Docherty, her son\n"
            "                PAT = Mr Tariq Iqbal, patient\n\n"
            "01  DOC:  Mr Iqbal (.) come on through\n"
            "02  PAT:  thank you doctor (.) this is ma daughter (.) [Zainab\n"
            "03  DAU:  ((to PAT, Punjabi)) abbu (.) it's the back\n"
            "04  PAT:  it's the back (.) since the Friday\n"
            "05  JIM:  she's no been right since\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "Iqbal", "Zainab", "JIM", "McGarvey", "Tariq")
    assert_kept(out, "02  PAT:  thank", "((to PAT, Punjabi))", "04  PAT:  it's", "03  DAU:  ", "01  DOC:  Mr ")


def test_what_the_thirtieth_and_thirty_first_sets_found(tmp_path, passphrase):
    """final30/31: a Teams guest who typed her name small ("jun jun lopez (Guest)") was kept as
    a label and the whole transcript refused; a body NER read on into its street lost its name
    to the street ("Holy Rosary Villa on Dunmallow Crescent"); a car's make and model were
    replaced as a place and a person, its plate kept; a police reference with spaced slashes
    lost only its first number; a pupil's initials in a file's name, an initial glued onto a
    surname ("CNwachukwu") and an author's initials written after the sweep found her were kept."""
    text = ("Maricel Ocampo   0:00:04\nOK, I think it's recording na. Good evening everyone.\n\n"
            "jun jun lopez (Guest)   0:02:08\nHello, hello? I'm Jun-Jun, from Quezon City.\n\n"
            "Teresita Villanueva   0:02:31\nI work nights at Holy Rosary Villa on Dunmallow Crescent, "
            "and weekends I have a private client.\n\n"
            "Maricel Ocampo   0:03:01\nSalamat. Jun-Jun, you saw him?\n\n"
            "jun jun lopez (Guest)   0:03:12\nYes, in a silver Skoda Octavia MX68 KXE, I gave the police "
            "the URN:  20 / HH / 0483 / 24\n")
    res, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "lopez", "Villanueva", "Holy Rosary", "Villa", "Dunmallow", "MX68", "0483", "Maricel")
    assert_kept(out, "silver Skoda Octavia ", " (Guest)   0:02:08")
    notes = ("Results_v3_CNwachukwu_tracked.docx\n\n"
             "C. Nwachukwu(1), F. Adeyinka-Ross(2), O. Adewale(1)\n"
             "[Reply CN: noted, will do after Prof. Adewale's comments.]\n\n"
             "Student: Zainab Hussain (UPN H823419207014)\nDescription: Zainab said she was going.\n"
             "Files: ZH_leave_request_Jan24.pdf; LADO_referral_form.pdf\n")
    _, out = deid_one(tmp_path, "b.txt", notes, "o2")
    assert_gone(out, "Nwachukwu", "CN:", "ZH_", "Zainab", "Adewale")
    assert_kept(out, "LADO_referral_form.pdf", "_tracked.docx", "_leave_request_Jan24.pdf")


def test_korean_names_in_hangul(tmp_path, passphrase):
    """final31: a bilingual church interview's Hangul names were all kept: the English model
    reads no Korean (what it calls a name in Hangul is still replaced: it may be one)."""
    text = ("GRACE LIM (Interviewer): OK, we're recording. 장로님, 감사합니다. [Elder, thank you.]\n"
            "JEONG CHANG-SOO (Elder): 제 이름은 정창수입니다. [My name is Jeong Chang-soo.] 그날 밤에 최 집사님하고, "
            "지금 최목사님 아버님이요, 같이 옥상에 있었어요. 우리 목사님도 왔어요.\n"
            "JEONG CHANG-SOO (Elder): (long pause) 사이구. [Sa-i-gu.] 먹었어, 먹었어. 부산 한빛교회, they send money. "
            "Saturday, 새빛한국학교, in this building. 김영자 권사, my wife.\n")
    _, out = deid_one(tmp_path, "a.txt", text)
    assert_gone(out, "정창수", "최 집사님", "최목사님", "한빛교회", "새빛한국학교", "김영자", "Jeong", "GRACE")
    assert_kept(out, "장로님, 감사합니다.", "제 이름은 ", " 권사, my wife")
