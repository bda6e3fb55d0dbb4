"""`--ray`: on a local Ray started here, the outputs and the key are byte-identical to a
run on one machine, also when an actor is killed mid-batch; without `--ray`, Ray is
never imported."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
import cluster
from transcribe import cli as tcli

ray = pytest.importorskip("ray")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
AUDIO = ROOT.parent / "shared" / "audio"
if not AUDIO.is_dir():
    AUDIO = Path("/work/shared/audio")


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    # the workers import this checkout, as the driver does, with its OpenMP threads
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": cluster.local_env()})
    yield
    ray.shutdown()


@pytest.fixture(autouse=True)
def seeded(monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", "x")
    monkeypatch.setenv("VEIL_SEED", "1")


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def outputs(study: Path, out: Path) -> dict[str, bytes]:
    """Every output file, and the key as CSV."""
    key = out.parent / f"{out.name}.key.csv"
    assert run("key", "export", "--study", study, "--out", key).exit_code == 0
    files = {f.name: f.read_bytes() for f in sorted(out.iterdir()) if not f.name.startswith(".")}
    return files | {"key": key.read_bytes()}


@pytest.fixture(scope="module")
def deid_here(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("here")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", "x")
    mp.setenv("VEIL_SEED", "1")
    res = run("deid", SAMPLES, "--study", tmp / "s", "--out", tmp / "o")
    assert res.exit_code == 0, res.output
    yield outputs(tmp / "s", tmp / "o")
    mp.undo()


def test_deid_on_ray_is_byte_identical(tmp_path, deid_here):
    res = run("deid", SAMPLES, "--study", tmp_path / "s", "--out", tmp_path / "o", "--ray", "auto",
              "--ray-workers", "2")
    assert res.exit_code == 0, res.output
    assert outputs(tmp_path / "s", tmp_path / "o") == deid_here
    again = run("deid", SAMPLES, "--study", tmp_path / "s", "--out", tmp_path / "o", "--ray", "auto")
    assert "0 written to" in again.output and "5 already done" in again.output   # resumed from the study


@pytest.fixture
def killed(monkeypatch):
    """Every actor of the pool killed (to be restarted) one second into the first call."""
    from cluster.pool import Pool
    call, methods, once = Pool.call, [], threading.Lock()

    def call_then_kill(self, method, *args):
        future = call(self, method, *args)
        if once.acquire(blocking=False):  # the first call loads Presidio, or recognises: killed there
            time.sleep(1.0)
            for a in self.actors:
                ray.kill(a, no_restart=False)
            methods.append(method)
        return future
    monkeypatch.setattr(Pool, "call", call_then_kill)
    return methods


def test_an_actor_killed_mid_batch_is_restarted_and_its_call_retried(tmp_path, deid_here, killed):
    res = run("deid", SAMPLES, "--study", tmp_path / "s", "--out", tmp_path / "o", "--ray", "auto")
    assert res.exit_code == 0, res.output
    assert killed == ["analyze"]
    assert outputs(tmp_path / "s", tmp_path / "o") == deid_here


def test_transcribe_on_ray_with_actors_killed_is_byte_identical(tmp_path, killed):
    files = [AUDIO / "jfk.flac", AUDIO / "stereo_diarization.wav"]   # mono, and one voice per channel
    got = {}
    for where, extra in (("here", []), ("ray", ["--ray", "auto"])):
        res = run("transcribe", *files, "--out", tmp_path / where, *extra)
        assert res.exit_code == 0, res.output
        got[where] = {f.name: f.read_bytes() for f in sorted((tmp_path / where).glob("*.*"))}
    assert killed == ["recognise"]
    assert got["ray"] == got["here"] and len(got["here"]) == 5   # txt and json of each, the manifest


def test_run_on_ray_is_byte_identical_with_chunks_recognised_at_once(tmp_path, monkeypatch):
    """10 s chunks, so the 30 s recording is split into parts recognised on both actors
    and joined; a silent recording fails on its own, in one line, and the rest go on."""
    options = tcli._options
    monkeypatch.setattr(tcli, "_options", lambda *a: dataclasses.replace(options(*a), chunk_seconds=10))
    silent = tmp_path / "silent.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(b"\0\0" * 32000)
    files = [AUDIO / "jfk.flac", silent, AUDIO / "sample.wav"]
    got = {}
    for where, extra in (("here", []), ("ray", ["--ray", "auto", "--ray-workers", "2"])):
        res = run("run", *files, "--study", tmp_path / f"s-{where}", "--out", tmp_path / f"o-{where}", *extra)
        assert res.exit_code == 1, res.output
        assert "veil: silent.wav: silent recording; skipped\n" in res.output
        assert "2 transcribed and de-identified" in res.output
        got[where] = outputs(tmp_path / f"s-{where}", tmp_path / f"o-{where}")
    assert got["ray"] == got["here"]
    assert len(got["here"]) == 5   # txt and json of each, and the key


def test_without_ray_installed_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)   # import ray fails
    res = CliRunner().invoke(
        cli.main, ["deid", str(SAMPLES), "--study", str(tmp_path / "s"), "--out", str(tmp_path / "o"),
                   "--ray", "local"])
    assert res.exit_code == 1
    assert res.stderr == "veil: --ray needs Ray: pip install 'veil[cluster]'\n"


def test_deid_without_ray_never_imports_it(tmp_path):
    code = ("import sys; from click.testing import CliRunner; import cli; "
            f"r = CliRunner().invoke(cli.main, ['deid', {str(SAMPLES / 'interview_01.txt')!r}, "
            f"'--study', {str(tmp_path / 's')!r}, '--out', {str(tmp_path / 'o')!r}]); "
            "assert r.exit_code == 0, r.output; print('ray' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"VEIL_PASSPHRASE": "x", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "False"
