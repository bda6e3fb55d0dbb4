"""A study written by an earlier veil (tests/fixtures/study-v1: `veil deid samples` with
VEIL_SEED=1 and passphrase "x", at commit c33ac3c, before flags were stored as codes)
opens with this veil and gives byte-identical output: its export, and a forced re-run of
`veil deid` on the same samples."""
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "study-v1"


@pytest.fixture
def old_study(tmp_path, monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", "x")
    monkeypatch.setenv("VEIL_SEED", "1")
    shutil.copytree(FIXTURE / "study", tmp_path / "study")
    return tmp_path / "study"


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def same_files(a: Path, b: Path, skip=(), unmark=False) -> None:
    names = sorted(p.name for p in a.iterdir() if p.name not in skip)
    assert names == sorted(p.name for p in b.iterdir() if p.name not in skip)
    for n in names:
        assert body(a / n, unmark) == body(b / n, unmark), n


def body(path: Path, unmark: bool) -> bytes:
    """A file's bytes, without the UNREVIEWED mark an export puts first (nobody approved
    the old study's transcripts: approval came after it was written)."""
    data = path.read_bytes()
    if not unmark:
        return data
    text = data.decode()
    text = re.sub(r"^\[UNREVIEWED - [^\n]*\n\n", "", text)                 # txt
    text = re.sub(r"^(WEBVTT\n\n)NOTE \[UNREVIEWED - [^\n]*\n\n", r"\1", text)   # vtt
    text = re.sub(r"^0\n00:00:00,000 --> 00:00:00,000\n\[UNREVIEWED - [^\n]*\n\n", "", text)   # srt
    return text.encode()


def test_an_old_study_exports_the_same_bytes(old_study, tmp_path):
    res = run("export", "--study", old_study, "--out", tmp_path / "export", "--allow-unreviewed")
    assert res.exit_code == 0, res.output
    same_files(tmp_path / "export", FIXTURE / "export", skip={"review_report.csv"}, unmark=True)


def test_an_old_study_gives_the_same_pseudonyms_again(old_study, tmp_path):
    res = run("deid", ROOT / "samples", "--study", old_study, "--out", tmp_path / "out", "--force")
    assert res.exit_code == 0, res.output
    same_files(tmp_path / "out", FIXTURE / "deid-out", skip={"audio"})
