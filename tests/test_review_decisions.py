"""The decision API under the review page (deid/decisions.py), on a real study made by
`veil deid` on the samples: a new kind brings a pseudonym of that kind, merges keep one
pseudonym per word, a marked miss takes over the open flags on its words, and transcripts
with open possible-miss flags are exported."""
import json
import re
import shutil

import pytest
from click.testing import CliRunner

import cli
from deid import decisions as D
from deid import entity as ent
from deid import pseudonym as P
from deid.study import StudyError, open_study
from review import actions
from test_review_support import make_inputs

PASS = "decisions-pass"
NAMES = """Interviewer: Who trained you when you started?

Respondent: Elizabeth Shaw did, on the night shift.

Interviewer: Anyone else?

Respondent: Snaffit, mostly. Brackwater too. I still think of Snaffit when we do handover.
"""
# a nickname in another transcript than its full name: an entity of its own until merged
# (in the same transcript it joins the full name's person by itself)
LIZ = "Interviewer: And on days?\n\nRespondent: Liz was patient with everyone, even me.\n"
PERSON_WORDS = {n.lower() for n in P.FEMALE + P.MALE + P.LAST}


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A study as `veil deid` leaves it (nothing reviewed): copy it before changing it."""
    tmp = tmp_path_factory.mktemp("decisions")
    inputs = make_inputs(tmp / "in")
    (inputs / "names_08.txt").write_text(NAMES)
    (inputs / "names_09.txt").write_text(LIZ)
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    res = run("deid", inputs, "--study", tmp / "study", "--out", tmp / "out")
    mp.undo()
    assert res.exit_code == 0, res.output
    return tmp / "study"


@pytest.fixture(scope="module")
def study(made, tmp_path_factory):
    """One open copy shared by the decision tests (each works on its own entities)."""
    work = tmp_path_factory.mktemp("decided") / "study"
    shutil.copytree(made, work, ignore=shutil.ignore_patterns("lock"))
    with open_study(work, secret=PASS) as s:
        yield s


def entity_named(s, real):
    hits = [e for e in s.entities() if e.real == real]
    assert hits, f"veil deid found no entity {real!r} in the samples"
    return hits[-1]


def forms(s, eid):
    return {real: p for e, real, p in s.variants() if e == eid}


def text_of(s, name):
    tr, leaks = D.deidentified(s, name)
    assert leaks == 0
    return "\n".join(t.text for t in tr.turns)


def audits(s, action):
    return [json.loads(d or "{}") for d, in s.db.execute("SELECT detail FROM audit WHERE action=?", (action,))]


def is_person_name(p):  # en_US's lists write "Obrien" for "O'Brien"
    return all(w.lower().replace("'", "") in PERSON_WORDS for w in p.split())


# ---------------------------------------------------------------------------- 1. kind
def test_a_person_made_a_place_gets_a_place_pseudonym(study):
    s = study
    e = entity_named(s, "Priya Raman")
    assert e.kind == "person" and is_person_name(e.pseudonym)
    names = {n for n, in s.db.execute("SELECT transcript FROM item WHERE entity=?", (e.id,))}
    D.set_kind(s, e.id, "place", "tester")
    after = s.entity(e.id)
    assert after.kind == "place" and after.pseudonym != e.pseudonym
    assert not is_person_name(after.pseudonym), after.pseudonym
    fs = forms(s, e.id)
    assert fs["Priya Raman"] == after.pseudonym
    # every word follows the whole name: "Priya" is the first word of the place pseudonym
    assert fs["Priya"] == after.pseudonym.split()[0] and fs["Raman"] == after.pseudonym.split()[-1]
    assert not any(is_person_name(p) for p in fs.values())
    assert {k for k, in s.db.execute("SELECT DISTINCT kind FROM item WHERE entity=?", (e.id,))} == {"place"}
    for name in names:
        text = text_of(s, name)
        assert after.pseudonym in text or fs["Priya"] in text
        assert e.pseudonym not in text and "Priya" not in text
    assert {"entity": e.id, "kind": "place", "was": "person"} in audits(s, "kind")


def test_a_new_kind_in_a_bracket_study_is_a_new_label(study):
    s = study
    e = entity_named(s, "Samuel Okafor")
    s.set_setting("style", "bracket")
    try:
        D.set_kind(s, e.id, "institution", "tester")
    finally:
        s.set_setting("style", "natural")
    after = s.entity(e.id)
    assert re.fullmatch(r"\[INSTITUTION \d+\]", after.pseudonym)
    assert set(forms(s, e.id).values()) == {after.pseudonym}
    with pytest.raises(StudyError):
        D.set_kind(s, e.id, "planet", "tester")


# ---------------------------------------------------------------------------- 2. merge
def test_merging_a_nickname_gives_it_the_kept_first_name(study):
    s = study
    keep, other = entity_named(s, "Elizabeth Shaw"), entity_named(s, "Liz")
    first = forms(s, keep.id)["Elizabeth"]
    (liz_item,) = s.db.execute("SELECT id FROM item WHERE text='Liz' AND transcript='names_09.txt'").fetchone()
    msg = actions.apply(s, "merge", {"item": liz_item, "into": keep.id}, "tester")
    assert msg.startswith("merged")
    assert s.entity(other.id) is None
    fs = forms(s, keep.id)
    assert fs["Liz"] == first and fs["Elizabeth Shaw"] == keep.pseudonym
    assert s.db.execute("SELECT entity FROM item WHERE id=?", (liz_item,)).fetchone()[0] == keep.id
    assert not s.db.execute("SELECT 1 FROM variant WHERE entity=?", (other.id,)).fetchall()
    assert f"{first} was patient" in text_of(s, "names_09.txt")
    assert any(a.get("keep") == keep.id and a.get("other") == other.id for a in audits(s, "merge"))


def test_a_merge_drops_forms_the_kept_entity_already_has(study):
    s = study
    keep, other = entity_named(s, "Faith Okonkwo"), entity_named(s, "Faith Delgado")
    kf = forms(s, keep.id)
    # a form both entities hold (as an earlier review step can leave it): UNIQUE(entity, real)
    s.add_variant(other.id, "Okonkwo", "Someone")
    items_of_other = [i for i, in s.db.execute("SELECT id FROM item WHERE entity=?", (other.id,))]
    assert items_of_other
    D.merge(s, keep.id, other.id, "tester")
    s.save()
    fs = forms(s, keep.id)
    assert fs["Okonkwo"] == kf["Okonkwo"]                    # the kept entity's own form wins
    assert fs["Faith Delgado"] == keep.pseudonym             # whole name for whole name
    assert fs["Delgado"] == keep.pseudonym.split()[-1]       # surname for surname
    assert s.entity(other.id) is None
    assert all(s.db.execute("SELECT entity FROM item WHERE id=?", (i,)).fetchone()[0] == keep.id
               for i in items_of_other)
    name = s.db.execute("SELECT transcript FROM item WHERE id=?", (items_of_other[0],)).fetchone()[0]
    assert keep.pseudonym.split()[-1] in text_of(s, name)
    with pytest.raises(StudyError):
        D.merge(s, keep.id, keep.id, "tester")


def test_a_split_mention_merged_back_takes_the_kept_pseudonym_again(study):
    s = study
    keep = entity_named(s, "Bill Hartley")
    (iid,) = s.db.execute("SELECT id FROM item WHERE text='Bill' AND entity=?", (keep.id,)).fetchone()
    new = D.split(s, iid, "tester")
    own = s.entity(new).pseudonym
    assert own != forms(s, keep.id)["Bill"]
    D.merge(s, keep.id, new, "tester")
    assert s.entity(new) is None
    assert "Bill" in forms(s, keep.id)
    text = text_of(s, "ward_06.txt")
    assert own not in text and f"{forms(s, keep.id)['Bill']}, mostly" in text


# ---------------------------------------------------------------------------- 3. missed
def open_flags(s, text):
    return [i.id for n in s.transcript_names() for i in s.items.of(n)
            if i.text == text and i.status == "open" and i.is_possible_miss]


def test_a_marked_miss_accepts_the_open_flags_on_its_words(study):
    s = study
    flags = open_flags(s, "Snaffit")
    assert flags, "veil deid no longer flags the word as a possible miss"
    before = s.db.execute("SELECT count(*) FROM item WHERE transcript='names_08.txt'").fetchone()[0]
    n = D.add_missed(s, "Snaffit", "person", "tester")
    assert n == len(flags)
    eid = next(e.id for e in s.entities() if e.real == "Snaffit")
    rows = s.db.execute(f"SELECT entity, status, kind, reviewer FROM item WHERE id IN ({','.join('?' * len(flags))})",
                        flags).fetchall()
    assert rows == [(eid, "accepted", "person", "tester")] * len(flags)
    # linked, not doubled
    assert s.db.execute("SELECT count(*) FROM item WHERE transcript='names_08.txt'").fetchone()[0] == before
    assert "Snaffit" not in text_of(s, "names_08.txt")
    assert {"entity": eid, "mentions": 0, "flags": len(flags)} in audits(s, "missed")


def test_a_flag_with_no_entity_is_linked_when_accepted_on_the_page(study):
    s = study
    (iid,) = open_flags(s, "Brackwater")
    # a possible miss stored with no entity (as `veil deid` stored those it did not replace)
    s.db.execute("UPDATE item SET entity=NULL, kind='person' WHERE id=?", (iid,))
    msg = actions.apply(s, "accept", {"item": iid, "seen": "open"}, "tester")
    assert msg == "marked as person: 1 mention(s) in the study now replaced"
    entity, status = s.db.execute("SELECT entity, status FROM item WHERE id=?", (iid,)).fetchone()
    assert status == "accepted" and entity is not None
    assert "brackwater" in {ent.key_of(r) for r in forms(s, entity)}
    assert s.db.execute("SELECT count(*) FROM item WHERE text='Brackwater'").fetchone()[0] == 1
    assert "Brackwater" not in text_of(s, "names_08.txt")


def test_a_kept_mention_marked_as_missed_is_replaced_again(study):
    s = study
    (iid,) = s.db.execute("SELECT id FROM item WHERE text='Tarrowby' AND transcript='ward_06.txt'").fetchone()
    D.decide(s, iid, "rejected", "tester")
    assert "Tarrowby" in D.deidentified(s, "ward_06.txt")[0].turns[3].text
    assert D.add_missed(s, "Tarrowby", "place", "tester") == 1
    assert s.db.execute("SELECT status FROM item WHERE id=?", (iid,)).fetchone()[0] == "accepted"
    assert s.db.execute("SELECT count(*) FROM item WHERE text='Tarrowby'").fetchone()[0] == 1
    assert "Tarrowby" not in text_of(s, "ward_06.txt")


def test_marked_words_across_the_end_of_another_item_are_all_replaced(study):
    """Regression (final16): "Practice Learning" accepted where "Learning Cause for Concern"
    was an item: the two items overlapped, only the first was applied, and the other's real
    words were left (and export refused the file)."""
    s = study
    assert "Elizabeth Shaw did" in "\n".join(t.text for t in D.source_transcript(s, "names_08.txt").turns)
    D.add_missed(s, "Shaw did", "person", "tester")
    live = [i for i in s.items.of("names_08.txt") if i.replaced]
    for a in live:
        for b in live:
            assert a is b or (a.turn, a.field) != (b.turn, b.field) or a.end <= b.start or b.end <= a.start, (a, b)
    assert any(i.text == "did" for i in live)   # the marked words outside "Elizabeth Shaw"
    text = text_of(s, "names_08.txt")
    assert "Shaw" not in text and "Elizabeth" not in text, text


# ---------------------------------------------------------------------------- 4. export
def test_open_possible_misses_do_not_stop_an_unreviewed_export(made, tmp_path, monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)
    work = tmp_path / "study"
    shutil.copytree(made, work, ignore=shutil.ignore_patterns("lock"))
    with open_study(work, secret=PASS) as s:
        flags = [i for i in s.items.of("names_08.txt") if i.status == "open" and i.is_possible_miss]
        assert flags, "veil deid no longer flags possible misses in the sample"
        auto = {i.id for i in flags if i.auto_replace}
        replaced_words = {i.text for i in flags if i.id in auto}
        for name in s.transcript_names():
            assert D.deidentified(s, name)[1] == 0, name
        from review import queue
        view = {i["id"]: i for i in queue.transcript_view(s, "names_08.txt")["items"]}
        assert all(view[i.id]["replaced"] == (i.id in auto) for i in flags)
    res = run("export", "--study", work, "--out", tmp_path / "out", "--allow-unreviewed")
    assert res.exit_code == 0, res.output
    assert "refused" not in res.output
    txt = (tmp_path / "out" / "names_08.txt").read_text()
    assert txt.startswith("[UNREVIEWED - ")
    for word in replaced_words | {"Elizabeth", "Shaw", "Liz"}:
        assert not re.search(rf"\b{word}\b", txt), word
    # without --allow-unreviewed it is held back, not refused
    res = run("export", "--study", work, "--out", tmp_path / "held")
    assert res.exit_code == 1 and "names_08.txt: " in res.output and "not exported" in res.output
    assert not (tmp_path / "held" / "names_08.txt").exists()
