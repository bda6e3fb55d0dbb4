"""veil export: reviewed transcripts leave the study, held back while flags are open,
marked when exported unreviewed, leak-checked again file by file, with a review report."""
import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
import transcript as T
from test_review_support import approve_clean, make_inputs

PASS = "export-pass"
REAL = ["Helen Marsh", "Okafor", "Priya", "Evanston", "Faith Okonkwo", "Quennell", "Tarrowby", "Whitcombe",
        "Hartley", "Margaret", "Millbrook", "Riverside General", "Mercy Hospital"]


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    res = run("deid", make_inputs(tmp / "in"), "--study", tmp / "study", "--out", tmp / "out")
    assert res.exit_code == 0, res.output
    yield tmp / "study"
    mp.undo()


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)


def no_real(text):
    for real in REAL:
        assert not re.search(r"\b" + re.escape(real) + r"\b", text, re.I), "a real identifier was exported"


def test_open_flags_hold_a_transcript_back(study, env, tmp_path):
    work = tmp_path / "study"
    shutil.copytree(study, work, ignore=shutil.ignore_patterns("lock"))
    approve_clean(work, PASS)
    tmp_path = tmp_path / "out"
    res = run("export", "--study", work, "--out", tmp_path)
    assert res.exit_code == 1, res.output                    # it held something back
    assert (tmp_path / "interview_01.txt").exists()          # no flags: exported in its own layout
    assert (tmp_path / "interview_04.vtt").exists() and (tmp_path / "recording_07.json").exists()
    assert not (tmp_path / "ward_06.txt").exists()
    assert re.search(r"ward_06\.txt: [1-9]\d* flag\(s\) open; not exported", res.output)
    assert "held back: open flags or not approved" in res.output
    src = T.read(study.parent / "in" / "interview_01.txt")
    out = T.read(tmp_path / "interview_01.txt")
    assert [(t.speaker, t.start) for t in out.turns] == [(t.speaker, t.start) for t in src.turns]
    assert json.loads((tmp_path / "recording_07.json").read_text())["media"] is None
    no_real("\n".join(p.read_text() for p in tmp_path.glob("*.*") if p.suffix != ".docx"))


def test_unreviewed_export_is_marked_in_every_format(study, env, tmp_path):
    from deid.study import open_study
    from review import actions
    work = tmp_path / "study"
    shutil.copytree(study, work, ignore=shutil.ignore_patterns("lock"))
    with open_study(work, secret=PASS) as s:
        # a weekday flagged as a possible name would be kept: the other flags stay open
        for (iid,) in s.db.execute("SELECT id FROM item WHERE text='Sundays'").fetchall():
            actions.apply(s, "reject", {"item": iid}, "tester")
        still_open = s.open_items("ward_06.txt")
    assert still_open > 0
    approve_clean(work, PASS)
    tmp_path = tmp_path / "out"
    res = run("export", "--study", work, "--out", tmp_path, "--allow-unreviewed",
              "--format", "txt,vtt,srt,json,docx")
    assert res.exit_code == 0, res.output
    assert "marked UNREVIEWED" in res.output
    txt = (tmp_path / "ward_06.txt").read_text()
    assert txt.startswith(f"[UNREVIEWED - {still_open} review flag(s) still open")
    back = T.read(tmp_path / "ward_06.txt")
    assert back.layout == "turns" and [t.speaker for t in back.turns[:3]] == [None, "Interviewer", "Respondent"]
    vtt = (tmp_path / "ward_06.vtt").read_text()
    assert vtt.startswith("WEBVTT\n\nNOTE [UNREVIEWED - ")
    assert len(T.read(tmp_path / "ward_06.vtt").turns) == 6        # the NOTE is not a cue
    srt = (tmp_path / "ward_06.srt").read_text()
    assert srt.startswith("0\n00:00:00,000 --> 00:00:00,000\n[UNREVIEWED - ")
    assert json.loads((tmp_path / "ward_06.json").read_text())["review"] == {
        "status": "unreviewed", "open_flags": still_open, "approved": False}
    import docx
    first = docx.Document(str(tmp_path / "ward_06.docx")).paragraphs[0].text
    assert first.startswith("[UNREVIEWED - ")
    # reviewed transcripts carry no mark
    assert not (tmp_path / "interview_01.txt").read_text().startswith("[UNREVIEWED")
    texts = [p.read_text() for p in tmp_path.glob("*.*") if p.suffix != ".docx"]
    texts += ["\n".join(par.text for par in docx.Document(str(p)).paragraphs) for p in tmp_path.glob("*.docx")]
    no_real("\n".join(texts))


def test_review_report_counts_and_reviewers_without_identifiers(study, env, tmp_path):
    from deid.study import open_study
    from review import actions
    work = tmp_path / "study"
    shutil.copytree(study, work, ignore=shutil.ignore_patterns("lock"))
    with open_study(work, secret=PASS) as s:
        flagged = s.db.execute("SELECT id FROM item WHERE status='open' AND transcript='ward_06.txt'").fetchall()
        for (iid,) in flagged:
            actions.apply(s, "accept", {"item": iid}, "Dr Reviewer One")
        actions.apply(s, "approve", {"name": "ward_06.txt"}, "Dr Reviewer One")
    assert flagged
    res = run("export", "--study", work, "--out", tmp_path / "out")
    assert res.exit_code == 1, res.output                     # focus_group_02.txt is held back
    assert (tmp_path / "out" / "ward_06.txt").exists()
    report = (tmp_path / "out" / "review_report.csv").read_text()
    no_real(report)
    rows = {r["transcript"]: r for r in csv.DictReader(report.splitlines())}
    ward = rows["ward_06.txt"]
    assert ward["export"] == "exported" and ward["open_flags"] == "0" and ward["flags"] == str(len(flagged))
    assert ward["reviewers"] == "Dr Reviewer One" and ward["last_decision"]
    assert ward["approved_by"] == "Dr Reviewer One" and ward["approved_at"]
    assert int(ward["replaced_person"]) >= 6 and int(ward["replaced_institution"]) >= 1
    assert rows["focus_group_02.txt"]["export"] == "held"


def test_leak_check_refuses_a_file(study, env, tmp_path):
    from deid.study import open_study
    work = tmp_path / "study"
    shutil.copytree(study, work, ignore=shutil.ignore_patterns("lock"))
    with open_study(work, secret=PASS) as s:
        # a name the key knows but that no item replaces in this transcript
        eid = s.add_entity("institution", "tavolino", "Ristorante Uno")
        s.add_variant(eid, "tavolino", "Ristorante Uno")
        s.save()
    res = run("export", "--study", work, "--out", tmp_path / "out", "--allow-unreviewed")
    assert res.exit_code == 1
    assert "ward_06.txt: refused, real identifiers would remain" in res.output
    assert "tavolino" not in res.output.replace("ward_06.txt: refused", "")
    assert not (tmp_path / "out" / "ward_06.txt").exists()
    assert (tmp_path / "out" / "interview_01.txt").exists()
    assert not list((tmp_path / "out").glob(".veil-*"))


def test_user_mistakes_are_one_line_errors(study, tmp_path, monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", "wrong")
    res = run("export", "--study", study, "--out", tmp_path)
    assert res.exit_code == 1 and res.output.strip() == "veil: wrong passphrase for this study"
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)
    res = run("export", "--study", study, "--out", tmp_path, "--format", "pdf")
    assert res.exit_code == 1 and "unknown format 'pdf'" in res.output and "Traceback" not in res.output
    res = run("export", "--study", tmp_path / "nothing", "--out", tmp_path)
    assert res.exit_code == 1 and res.output.count("\n") == 1


def test_review_command_refuses_a_study_in_use(study, tmp_path, monkeypatch):
    from deid.study import open_study
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)
    with open_study(study, secret=PASS):
        res = run("review", "--study", study, "--no-browser")
    assert res.exit_code == 1 and "in use by another veil process" in res.output


def test_every_file_is_read_back_and_checked_before_it_is_kept(tmp_path):
    from review.export import write_checked
    check = lambda tr: sum("Quennell" in t.text for t in tr.turns)  # noqa: E731
    assert write_checked(b"Interviewer: hello Quennell\n", tmp_path / "a.txt", check) == 1
    assert not list(tmp_path.iterdir())
    assert write_checked(b"Interviewer: hello Trevino\n", tmp_path / "a.txt", check) == 0
    assert (tmp_path / "a.txt").read_text() == "Interviewer: hello Trevino\n"
