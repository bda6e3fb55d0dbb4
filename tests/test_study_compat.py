"""A study written by an earlier veil (tests/fixtures/study-v1: `veil deid samples` with
VEIL_SEED=1 and passphrase "x", at commit c33ac3c, before flags were stored as codes)
opens with this veil and gives byte-identical output: its export, and a forced re-run of
`veil deid` on the same samples."""
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


def same_files(a: Path, b: Path, skip=()) -> None:
    names = sorted(p.name for p in a.iterdir() if p.name not in skip)
    assert names == sorted(p.name for p in b.iterdir() if p.name not in skip)
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n


def test_an_old_study_exports_the_same_bytes(old_study, tmp_path):
    res = run("export", "--study", old_study, "--out", tmp_path / "export", "--allow-unreviewed")
    assert res.exit_code == 0, res.output
    same_files(tmp_path / "export", FIXTURE / "export")


def test_an_old_study_gives_the_same_pseudonyms_again(old_study, tmp_path):
    res = run("deid", ROOT / "samples", "--study", old_study, "--out", tmp_path / "out", "--force")
    assert res.exit_code == 0, res.output
    same_files(tmp_path / "out", FIXTURE / "deid-out", skip={"audio"})
