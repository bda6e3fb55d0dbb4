"""Crash injection (issue 10): a subprocess saving or creating a study is stopped dead
(os._exit, no cleanup, as on a power cut) right after each write step, through the fault
hook in deid/key.py (VEIL_FAULT=step); the study then opens with the last saved state, and
a half-made study never exists."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from deid import key as keyfile
from deid.study import StudyError, open_study

ROOT = Path(__file__).resolve().parent.parent
PASS = "crash pass"
TEAM = x25519.Identity.generate()
SAVE_STEPS = ["key.age:written", "key.age:backup", "key.age:renamed", "key.age:synced"]
CREATE_STEPS = ["identity.age:renamed", "recipients.txt:synced", "create:key", "create:renamed"]

# open (or create) the study, remember a mark, save: the fault hook stops it on the way
SCRIPT = """
import sys
from deid.study import open_study
folder, secret, mark, *team = sys.argv[1:]
with open_study(folder, create=True, secret=secret, recipients=team) as s:
    s.set_setting("mark", int(mark))
    s.save()
print("finished")
"""


def run(folder: Path, secret: str, mark: int, fault: str, *team: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, VEIL_FAULT=fault, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", SCRIPT, str(folder), secret, str(mark), *team],
                          env=env, capture_output=True, text=True, timeout=300)


def mark(folder: Path):
    with open_study(folder, secret=str(TEAM)) as s:
        return s.setting("mark")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    d = tmp_path_factory.mktemp("crash") / "study"
    with open_study(d, create=True, secret=PASS, recipients=[str(TEAM.to_public())]) as s:
        s.set_setting("mark", 1)
        s.save()
    return d


@pytest.mark.parametrize("step", SAVE_STEPS)
def test_a_save_stopped_at_any_step_leaves_the_last_saved_state(template, tmp_path, step):
    study = tmp_path / "study"
    shutil.copytree(template, study)
    res = run(study, str(TEAM), 2, step)
    assert res.returncode == 1 and "finished" not in res.stdout, res.stderr   # it did stop there
    renamed = SAVE_STEPS.index(step) >= SAVE_STEPS.index("key.age:renamed")
    assert mark(study) == (2 if renamed else 1)
    assert not list(study.glob(".tmp-*"))              # what the dead process left is cleared
    back = pyrage.decrypt((study / "key.age.bak").read_bytes(), [TEAM])  # the backup is whole
    assert back.startswith(b"SQLite format 3")


@pytest.mark.parametrize("step", CREATE_STEPS)
def test_a_creation_stopped_at_any_step_leaves_no_half_study(tmp_path, step):
    study = tmp_path / "new"
    res = run(study, PASS, 1, step, str(TEAM.to_public()))
    assert res.returncode == 1 and "finished" not in res.stdout, res.stderr
    if step == "create:renamed":
        assert mark(study) is None                     # whole, with nothing saved in it yet
        return
    assert not study.exists()
    with pytest.raises(StudyError, match="no veil study"):
        mark(study)
    if step == CREATE_STEPS[0]:   # a later creation goes ahead and clears the abandoned one
        with open_study(study, create=True, secret=PASS, recipients=[str(TEAM.to_public())]):
            pass
        assert mark(study) is None
        assert [p.name for p in tmp_path.iterdir()] == ["new"]


def test_the_fault_hook_is_silent_without_its_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(keyfile.FAULT_ENV, raising=False)
    keyfile.fault_point("key.age:written")   # nothing happens
    keyfile.atomic_write(tmp_path / "f", b"x", backup=True)
    keyfile.atomic_write(tmp_path / "f", b"y", backup=True)
    assert (tmp_path / "f").read_bytes() == b"y" and (tmp_path / "f.bak").read_bytes() == b"x"
