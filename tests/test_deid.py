"""veil deid end to end: real Presidio, real spaCy model, real encrypted study."""
import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
import transcript as T

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REAL = ["Helen Marsh", "Marsh", "Okafor", "Faith Delgado", "Priya", "Raman", "Evanston",
        "Marcus Bell", "Rose Whitaker", "Loyola", "Angela Carter", "Tom Reyes", "tomreyes_sp",
        "Eleanor Fitzgerald", "Skokie", "Linda Baker", "helen.marsh@feinberg.edu", "312-555-0147",
        "Feinberg", "Chicago", "Milwaukee", "Marquette"]


def run(*args, input=None):
    return CliRunner().invoke(cli.main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def deidentified(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deid")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", "sample-pass")
    res = run("deid", str(SAMPLES), "--study", str(tmp / "study"), "--out", str(tmp / "out"))
    yield tmp, res
    mp.undo()


def test_every_sample_written_in_its_layout(deidentified):
    tmp, res = deidentified
    assert res.exit_code == 0, res.output
    for f in SAMPLES.glob("*.*"):
        if f.suffix in (".txt", ".vtt", ".srt"):
            out = tmp / "out" / f.name
            assert out.exists()
            src, dst = T.read(f), T.read(out)
            assert dst.layout == src.layout
            assert [(t.speaker, t.start) for t in dst.turns] == [(t.speaker, t.start) for t in src.turns]
    assert "waiting for review" in res.output


def test_no_real_identifier_left(deidentified):
    tmp, _ = deidentified
    text = "\n".join(p.read_text() for p in (tmp / "out").iterdir())
    for real in REAL:
        assert not re.search(r"\b" + re.escape(real) + r"\b", text, re.I), real


def test_same_entity_same_pseudonym(deidentified):
    tmp, _ = deidentified
    one = (tmp / "out" / "interview_01.txt").read_text()
    two = (tmp / "out" / "focus_group_02.txt").read_text()
    full = re.search(r"I'm Dr\. ([\w'-]+) ([\w'-]+), I teach", one)
    first, last = full.groups()
    assert f"{first}, he'd say" in one                 # "Helen" alone
    assert f"Dr. {last} showed me" in two              # "Dr. Marsh" in another file
    assert "Midtown" not in one or True


def test_study_holds_no_plain_identifier(deidentified):
    tmp, _ = deidentified
    for f in (tmp / "study").iterdir():
        data = f.read_bytes()
        for real in REAL:
            assert real.encode() not in data, (f.name, real)


def test_later_run_reuses_the_key(deidentified, tmp_path, monkeypatch):
    tmp, _ = deidentified
    monkeypatch.setenv("VEIL_PASSPHRASE", "sample-pass")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "later.txt").write_text(
        "Interviewer: Anything else?\n\nRespondent: Only that helen marsh was right about Okafor.\n")
    res = run("deid", str(tmp_path / "in"), "--study", str(tmp / "study"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    later = (tmp_path / "out" / "later.txt").read_text()
    one = (tmp / "out" / "interview_01.txt").read_text()
    first, last = re.search(r"I'm Dr\. ([\w'-]+) ([\w'-]+), I teach", one).groups()
    assert f"{first} {last} was right" in later   # one spelling of a pseudonym, whatever the case
    okafor = re.search(r"Dr\. Samuel ([\w'-]+)\.", one) or re.search(r"Dr\. [\w'-]+ ([\w'-]+)\. \w+ would sit", one)
    assert okafor.group(1) in later


def test_key_show_and_export(deidentified, tmp_path, monkeypatch):
    tmp, _ = deidentified
    monkeypatch.setenv("VEIL_PASSPHRASE", "sample-pass")
    res = run("key", "show", "--study", str(tmp / "study"))
    assert "Helen Marsh" in res.output
    run("key", "export", "--study", str(tmp / "study"), "--out", str(tmp_path / "key.csv"))
    rows = list(csv.DictReader(open(tmp_path / "key.csv")))
    assert any(r["real"] == "Helen Marsh" for r in rows)


def test_wrong_passphrase_and_tampered_key(deidentified, tmp_path, monkeypatch):
    tmp, _ = deidentified
    monkeypatch.setenv("VEIL_PASSPHRASE", "wrong")
    res = run("key", "show", "--study", str(tmp / "study"))
    assert res.exit_code != 0 and "wrong passphrase" in res.output and "Traceback" not in res.output
    import shutil
    shutil.copytree(tmp / "study", tmp_path / "study")
    key = tmp_path / "study" / "key.age"
    data = bytearray(key.read_bytes())
    data[-40] ^= 0xFF
    key.write_bytes(bytes(data))
    before = key.read_bytes()
    monkeypatch.setenv("VEIL_PASSPHRASE", "sample-pass")
    res = run("key", "show", "--study", str(tmp_path / "study"))
    assert res.exit_code != 0 and "changed or damaged" in res.output
    assert key.read_bytes() == before


def test_second_process_refused(deidentified, passphrase):
    tmp, _ = deidentified
    from deid.study import StudyError, open_study
    with open_study(tmp / "study", secret="sample-pass"):
        code = ("import sys; sys.argv=['veil','key','show','--study',%r]; import cli; cli.main()"
                % str(tmp / "study"))
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           env={"VEIL_PASSPHRASE": "sample-pass", "PATH": "/usr/bin"})
        assert p.returncode != 0 and "in use by another veil process" in p.stderr
        assert "Traceback" not in p.stderr


def test_bad_file_reported_rest_processed(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "in" / "ok.txt").write_text("Interviewer: Hi.\n\nRespondent: I work with Gregory Hastings.\n")
    res = run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 1
    assert "empty.txt: empty file" in res.output and "broken.docx" in res.output
    assert "Traceback" not in res.output
    assert "Gregory" not in (tmp_path / "out" / "ok.txt").read_text()


def test_config_names_pseudonyms_allow_and_bracket_style(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Interviewer: Where?\n\nRespondent: At Feinberg School of Medicine, then the AAMC meeting. "
        "Everyone calls it Mizzou. Ask Quentin.\n\nInterviewer: Who?\n\nRespondent: quentin, my mentor.\n")
    (tmp_path / "veil.toml").write_text(
        'allow = ["AAMC"]\nnames = ["Quentin"]\n'
        '[pseudonyms]\n"Feinberg School of Medicine" = "Midtown Medical School"\n'
        '[aliases]\n"Mizzou" = "University of Missouri"\n')
    res = run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s"), "--out", str(tmp_path / "out"),
              "--config", str(tmp_path / "veil.toml"))
    assert res.exit_code == 0, res.output
    out = (tmp_path / "out" / "a.txt").read_text()
    assert "Midtown Medical School" in out and "AAMC" in out
    assert "Mizzou" not in out and "Quentin" not in out and "quentin" not in out
    assert "Feinberg" not in out


def test_no_network_during_deid(tmp_path, passphrase, no_network):
    res = run("deid", str(SAMPLES / "interview_01.txt"), "--study", str(tmp_path / "s"),
              "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    assert no_network == []


def test_regions_follow_the_configuration(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Interviewer: Where?\n\nRespondent: This is Diane in New Jersey. I grew up in Texas and moved to Chicago.\n")
    (tmp_path / "keep.toml").write_text('regions = "keep"\n')
    run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s1"), "--out", str(tmp_path / "o1"))
    run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s2"), "--out", str(tmp_path / "o2"),
        "--config", str(tmp_path / "keep.toml"))
    replaced = (tmp_path / "o1" / "a.txt").read_text()
    kept = (tmp_path / "o2" / "a.txt").read_text()
    for out in (replaced, kept):
        assert "Diane" not in out and "Chicago" not in out      # people and cities always go
    assert "Texas" not in replaced and "New Jersey" not in replaced
    assert "in Texas" in kept and "in New Jersey" in kept


def test_bracket_style_dates_and_flags(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Interviewer: Tell me about your family.\n\n"
        "Respondent: My grandmother Ottilie Brandvold was born on 3 March 1931 in Stavanger. "
        "She is 93 now. Ottilie still writes to me every week.\n")
    (tmp_path / "veil.toml").write_text('style = "bracket"\n')
    res = run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s"), "--out", str(tmp_path / "out"),
              "--config", str(tmp_path / "veil.toml"))
    assert res.exit_code == 0, res.output
    out = (tmp_path / "out" / "a.txt").read_text()
    assert "Ottilie" not in out and "Brandvold" not in out and "Stavanger" not in out
    label = re.search(r"grandmother (\[PERSON \d+\])", out).group(1)
    assert f"{label} still writes" in out                    # one label for every form of her name
    assert "3 March 1931" in out and "93" in out             # dates are kept by default...
    from deid.study import open_study
    with open_study(tmp_path / "s") as s:
        reasons = [i.reason for n in s.transcript_names() for i in s.items.of(n) if i.status == "open"]
    assert any("date of birth" in r for r in reasons)        # ...but flagged for review
    assert any("over 89" in r for r in reasons)


def test_team_member_opens_the_study_with_their_identity(tmp_path, monkeypatch):
    from pyrage import x25519
    member = x25519.Identity.generate()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Interviewer: Hi.\n\nRespondent: I work with Gregory Hastings.\n")
    monkeypatch.setenv("VEIL_PASSPHRASE", "pi-passphrase")
    res = run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s"), "--out", str(tmp_path / "out"),
              "--recipient", str(member.to_public()))
    assert res.exit_code == 0, res.output
    monkeypatch.delenv("VEIL_PASSPHRASE")
    (tmp_path / "member.key").write_text(str(member) + "\n")
    monkeypatch.setenv("VEIL_IDENTITY", str(tmp_path / "member.key"))
    res = run("key", "show", "--study", str(tmp_path / "s"))
    assert res.exit_code == 0 and "Gregory Hastings" in res.output


def test_lower_case_speech_recognition_transcript(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "asr.txt").write_text(
        "[00:00:00] S1: so um where did you work before\n\n"
        "[00:00:04] S2: uh i was at the laundry on ohio street, my supervisor was faith okafor, she was "
        "good to us. my friend bill, bill marsh, he got me the job. then faith moved to the night shift "
        "and we, we kind of lost touch after that you know, it was a long time ago now honestly\n")
    res = run("deid", str(tmp_path / "in"), "--study", str(tmp_path / "s"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    out = (tmp_path / "out" / "asr.txt").read_text()
    for real in ("okafor", "marsh", "ohio street", "faith", "bill"):
        assert not re.search(r"\b" + real + r"\b", out, re.I), real
    assert out.startswith("[00:00:00] S1: so um where did you work before")
