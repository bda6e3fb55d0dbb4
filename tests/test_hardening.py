"""Issue 10, regression tests: nothing lost, nothing leaked, no traceback (the study and its
key, configuration, readers, command-line inputs, `veil transcribe` name clashes).

Opening a study with its passphrase costs scrypt (seconds): one template study is made with
the passphrase and a team member's identity, and each test opens a copy with that identity."""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyrage import x25519

import cli
from deid import config as cfgmod
from deid import key as keyfile
from deid.study import StudyError, open_study
from transcript import UnreadableTranscript
from transcript import layouts as T

PASS = "hardening pass"
TEAM = x25519.Identity.generate()
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    d = tmp_path_factory.mktemp("template") / "study"
    with open_study(d, create=True, secret=PASS, recipients=[str(TEAM.to_public())]) as s:
        s.add_entity("person", "Helen Marsh", "Carol Dunn")
        s.save()
    return d


@pytest.fixture
def study_dir(template, tmp_path):
    d = tmp_path / "study"
    shutil.copytree(template, d)
    return d


def reals(folder: Path, secret: str = str(TEAM)) -> list[str]:
    with open_study(folder, secret=secret) as s:
        return [e.real for e in s.entities()]


def one_line_failure(res) -> str:
    """The output of a command that must fail with exactly one line and no traceback."""
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("veil: ") and "Traceback" not in res.output, res.output
    return lines[0]


# ---------------------------------------------------------------- 1: the key is never lost
def test_missing_key_is_restored_from_the_backup_never_opened_empty(study_dir, capsys):
    with open_study(study_dir, secret=str(TEAM)) as s:
        s.add_entity("person", "Tom Reilly", "Ben Cole")
        s.save()
    (study_dir / "key.age").unlink()
    assert reals(study_dir) == ["Helen Marsh"]          # the previous save, not an empty key
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "restored the previous version from key.age.bak" in err[0]
    assert (study_dir / "key.age").is_file()
    assert reals(study_dir) == ["Helen Marsh"]
    assert capsys.readouterr().err == ""


def test_study_without_key_or_backup_is_refused(study_dir, monkeypatch):
    for f in ("key.age", "key.age.bak"):
        (study_dir / f).unlink(missing_ok=True)
    with pytest.raises(StudyError, match="key.age. is missing"):
        reals(study_dir)
    monkeypatch.setenv("VEIL_IDENTITY", str(_identity_file(study_dir.parent)))
    line = one_line_failure(CliRunner().invoke(cli.main, ["key", "show", "--study", str(study_dir)]))
    assert "missing" in line and not (study_dir / "key.age").exists()


def _identity_file(folder: Path) -> Path:
    p = folder / "team-identity.txt"
    p.write_text(f"# created: now\n# public key: {TEAM.to_public()}\n{TEAM}\n")
    return p


def test_backup_is_a_whole_previous_version(study_dir):
    """The .bak is made by a link renamed over the old one: key.age is never renamed away."""
    with open_study(study_dir, secret=str(TEAM)) as s:
        s.add_entity("place", "Tarrowby", "Fenwick")
        s.save()
    shutil.copy(study_dir / "key.age.bak", study_dir / "key.age")
    assert reals(study_dir) == ["Helen Marsh"]


@pytest.mark.parametrize("name", ["key.age", "lock"])
def test_key_or_lock_replaced_by_a_folder(study_dir, name, monkeypatch):
    (study_dir / name).unlink()
    (study_dir / name).mkdir()
    with pytest.raises(StudyError):
        reals(study_dir)
    monkeypatch.setenv("VEIL_IDENTITY", str(_identity_file(study_dir.parent)))
    line = one_line_failure(CliRunner().invoke(cli.main, ["key", "show", "--study", str(study_dir)]))
    assert name in line


# ---------------------------------------------------------------- 15, 21: creation and recipients
def test_bad_recipient_on_a_new_study_writes_nothing(tmp_path):
    with pytest.raises(StudyError, match="recipient 2 is not an age public key"):
        with open_study(tmp_path / "new", create=True, secret=PASS,
                        recipients=[str(TEAM.to_public()), "age1typo"]):
            pass
    assert not (tmp_path / "new").exists() and os.listdir(tmp_path) == []


def test_recipient_given_for_an_existing_study_is_added(study_dir, capsys):
    other = x25519.Identity.generate()
    with open_study(study_dir, secret=str(TEAM), recipients=[str(other.to_public())]):
        pass
    err = capsys.readouterr().err
    assert "1 recipient(s) added" in err
    assert str(other.to_public()) in (study_dir / "recipients.txt").read_text()
    assert reals(study_dir, str(other)) == ["Helen Marsh"]   # the key is encrypted to them now


def test_identity_that_is_not_a_recipient_is_told_so(study_dir):
    with pytest.raises(StudyError, match="not encrypted to this identity.*--recipient"):
        reals(study_dir, str(x25519.Identity.generate()))


def test_bad_recipients_file_names_the_line(study_dir):
    with open(study_dir / "recipients.txt", "a") as f:
        f.write("age1typo\n")
    with pytest.raises(StudyError, match="recipients.txt line 3 is not an age public key"):
        reals(study_dir)


def test_damaged_identity_is_not_a_wrong_passphrase(study_dir):
    good = (study_dir / "identity.age").read_bytes()
    with pytest.raises(StudyError, match="wrong passphrase"):
        reals(study_dir, "not the passphrase")
    (study_dir / "identity.age").write_bytes(good[: len(good) // 3])
    with pytest.raises(StudyError, match="identity.age is damaged"):
        reals(study_dir, PASS)
    (study_dir / "identity.age").write_bytes(good[:-3] + bytes(b ^ 0xFF for b in good[-3:]))
    with pytest.raises(StudyError, match="identity.age is damaged"):
        reals(study_dir, PASS)


def test_lost_recipients_file_is_made_again(study_dir, capsys):
    (study_dir / "recipients.txt").unlink()
    with pytest.raises(StudyError, match="recipients.txt is missing"):
        reals(study_dir)                                   # a team member cannot remake it
    assert reals(study_dir, PASS) == ["Helen Marsh"]       # the passphrase can
    assert "recipients.txt was missing" in capsys.readouterr().err
    with open_study(study_dir, secret=PASS) as s:
        s.save()


def test_a_new_study_needs_a_passphrase_not_an_identity(tmp_path, monkeypatch):
    monkeypatch.delenv("VEIL_PASSPHRASE", raising=False)
    monkeypatch.setenv("VEIL_IDENTITY", str(_identity_file(tmp_path)))
    with pytest.raises(StudyError, match="a new study needs a passphrase"):
        with open_study(tmp_path / "new", create=True):
            pass
    assert not (tmp_path / "new").exists()


# ---------------------------------------------------------------- 14: configuration
@pytest.mark.parametrize("toml, message", [
    ('style = "brackets"', 'style must be one of "natural", "bracket"'),
    ("dates = 3", 'dates must be one of "keep", "generalise", "generalize", "replace" (found a number)'),
    ('allow = "Zoom"', "allow must be a list of text"),
    ('names = ["Quentin", 4]', "names must be a list of text"),
    ('stlye = "bracket"', "unknown setting 'stlye' (did you mean style?)"),
    ('"Helen Marsh" = "Carol Dunn"', "unknown setting (not shown: it may be a name)"),
    ('[kinds]\n"Feinberg School" = "institution"\n"Mizzou" = "instituton"', "[kinds] entry 2 must be one of person, place"),
    ('[pseudonyms]\n"Helen Marsh" = 3', "[pseudonyms] entry 1 must be"),
    ('pseudonyms = ["Helen Marsh"]', "[pseudonyms] must be a table"),
    ('[aliases]\n"Mizzou" = " "', "[aliases] entry 1 has an empty value"),
    ('style = ', "is not valid TOML"),
])
def test_configuration_errors_are_one_line_naming_the_key(tmp_path, toml, message):
    path = tmp_path / "veil.toml"
    path.write_text(toml + "\n")
    with pytest.raises(cfgmod.ConfigError) as e:
        cfgmod.load(path)
    text = str(e.value)
    assert message in text and "\n" not in text
    for name in ("Helen", "Marsh", "Feinberg", "Mizzou"):
        assert name not in text


def test_configuration_is_checked_before_the_study_or_the_models(tmp_path, monkeypatch):
    monkeypatch.delenv("VEIL_PASSPHRASE", raising=False)  # a prompt would fail differently
    (tmp_path / "veil.toml").write_text('[kinds]\n"Mizzou" = "school"\n')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Interviewer: hello\n")
    res = CliRunner().invoke(cli.main, ["deid", str(tmp_path / "in" / "a.txt"), "--study", str(tmp_path / "s"),
                                        "--out", str(tmp_path / "o"), "--config", str(tmp_path / "veil.toml")])
    assert "[kinds] entry 1 must be one of" in one_line_failure(res)
    assert not (tmp_path / "s").exists()


# ---------------------------------------------------------------- 6, 22: readers
TEXT = ("Interviewer: Thank you. Who trained you?\n\nRespondent: Helen Marsh did, at Mercy "
        "Hospital in Tarrowby. She was kind.\n")


def test_utf16_without_byte_order_mark_is_read_as_text(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        (tmp_path / "a.txt").write_bytes(TEXT.encode(codec))
        tr = T.read(tmp_path / "a.txt")
        assert tr.layout == "turns" and "Helen Marsh did" in tr.turns[1].text


def test_random_bytes_are_not_text(tmp_path):
    import random
    rnd = random.Random(10)
    data = bytes(rnd.choice(range(1, 256)) for _ in range(3000))   # no NUL in it
    (tmp_path / "r.txt").write_bytes(data)
    with pytest.raises(UnreadableTranscript, match="not a text transcript|cannot be told"):
        T.read(tmp_path / "r.txt")


def test_unknown_single_byte_encoding_is_refused_not_guessed(tmp_path):
    (tmp_path / "mixed.txt").write_bytes("Respondent: Renée and José".encode() + b" went to the caf\xe9.\n")
    with pytest.raises(UnreadableTranscript, match="mixes UTF-8"):
        T.read(tmp_path / "mixed.txt")


def test_a_pipe_is_refused_at_once_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = []
    t = threading.Thread(target=lambda: result.append(_read_error(fifo)), daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():  # unblock the reader so the test run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert "not a regular file" in result[0]


def _read_error(path) -> str:
    try:
        T.read(path)
    except UnreadableTranscript as e:
        return str(e)
    return "read"


def test_deid_missing_input_and_pipe_exit_1_and_the_rest_is_done(tmp_path, monkeypatch):
    """One real `veil deid` run: a UTF-16 file without BOM is de-identified (no name left in
    it), a missing input and a named pipe are each one line, and the exit status is 1."""
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "utf16.txt").write_bytes(TEXT.encode("utf-16-le"))
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    res = CliRunner().invoke(cli.main, ["deid", str(tmp_path / "in" / "utf16.txt"), str(tmp_path / "in" / "gone.txt"),
                                        str(tmp_path / "in" / "pipe.txt"), "--study", str(tmp_path / "s"),
                                        "--out", str(tmp_path / "out")])
    assert res.exit_code == 1 and res.exception is None or isinstance(res.exception, SystemExit)
    assert "Traceback" not in res.output
    assert "gone.txt: no such file or folder; skipped" in res.output
    assert "pipe.txt: not a regular file (a pipe or device); skipped" in res.output
    assert "1 written" in res.output
    out = (tmp_path / "out" / "utf16.txt").read_bytes()
    text = out.decode("utf-8")
    assert "Respondent:" in text and "Helen" not in text and "Marsh" not in text
    assert "Helen".encode("utf-16-le") not in out


# ---------------------------------------------------------------- 5: recordings sharing a name
def _speech(path: Path, seconds: float = 3.0) -> Path:
    """The first seconds of the bundled sample interview."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["sox", str(SAMPLES / "audio" / "interview.flac"), "-r", "16000", "-c", "1", str(path),
                    "trim", "0", str(seconds)], check=True)
    return path


def test_recordings_sharing_a_name_are_not_written_over_each_other(tmp_path):
    from transcribe.cli import transcribe_cmd
    files = [_speech(tmp_path / "a" / "x.wav"), _speech(tmp_path / "b" / "x.wav"),
             _speech(tmp_path / "y.wav"), _speech(tmp_path / "y.flac")]
    out = tmp_path / "out"
    run = lambda *args: CliRunner().invoke(transcribe_cmd, [*map(str, args), "--out", str(out),  # noqa: E731
                                                            "--no-speakers"])
    res = run(*files)
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "2 transcribed" in res.output and "2 failed" in res.output
    assert f"{files[1]}: skipped: {files[0]} has the same name" in res.output
    assert f"{files[3]}: skipped: {files[2]} has the same name" in res.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == \
        ["x.json", "x.txt", "y.json", "y.txt"]
    assert T.read(out / "x.json").media == str(files[0])
    # a later run: the same recording is done; another one of that name is refused, not "done"
    res = run(files[0])
    assert res.exit_code == 0 and "0 transcribed" in res.output and "1 already done" in res.output
    res = run(files[1])
    assert res.exit_code == 1 and "made from another recording" in res.output
    assert "0 already done, 1 failed" in res.output
