"""veil transcribe with the real bundled model (tiny.en), no network."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AUDIO = ROOT.parent / "shared" / "audio"
if not AUDIO.is_dir():
    AUDIO = Path("/work/shared/audio")

from click.testing import CliRunner  # noqa: E402

import transcript  # noqa: E402
from transcribe import pipeline, speaker, verbatim, whisper  # noqa: E402
from transcribe.cli import run_cmd, transcribe_cmd  # noqa: E402
from transcript import Word  # noqa: E402


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("network connection attempted")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def model():
    return whisper.load()


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", verbatim.plain(text).lower())


def run_cli(cmd, args):
    return CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)


# ---------------------------------------------------------------- recognition
def test_jfk_words(model):
    tr = pipeline.transcribe_file(AUDIO / "jfk.flac", model, pipeline.Options())
    got = words_of(tr.text())
    ref = words_of((AUDIO / "jfk.txt").read_text())
    assert len(set(got) & set(ref)) >= len(set(ref)) - 1
    assert tr.meta["speakers"] == 1
    w = tr.turns[0].words
    assert all(a.start <= a.end for a in w) and w[0].start < 1.0 and w[-1].end > 9


def test_sample_two_speakers(model):
    tr = pipeline.transcribe_file(AUDIO / "sample.wav", model, pipeline.Options())
    assert tr.meta["speakers"] == 2
    # Diane and Sheila introduce themselves: different speakers
    who = {}
    for t in tr.turns:
        for w in t.words:
            key = w.text.strip(" ,.").lower()
            if key in ("diane", "sheila") and key not in who:
                who[key] = t.speaker
    assert who.get("diane") and who.get("sheila") and who["diane"] != who["sheila"]


def test_stereo_by_channel(model):
    tr = pipeline.transcribe_file(AUDIO / "stereo_diarization.wav", model, pipeline.Options())
    assert tr.meta["diarization"] == "channel"
    by = {t.speaker: " ".join(words_of(t.text)) for t in tr.turns}
    assert "curtain" in by["S1"] and "horizon" in by["S2"]


# ---------------------------------------------------------------- verbatim marks
def w(text, start, end, p=0.9):
    return Word(start, end, text, p)


def test_marks_pause_unsure_inaudible():
    words = [w(" Hello", 0, 0.5), w(" Diane,", 0.6, 1.0, 0.1), w(" mm", 4.0, 4.2, 0.05),
             w(" gr", 4.2, 4.4, 0.02), w(" zz", 4.4, 4.6, 0.01), w(" yes.", 4.7, 5.0)]
    text, kept = verbatim.render(words, verbatim.Options())
    assert text == "Hello [Diane?], (pause 3s) [inaudible 00:00:04] yes."
    assert [k.text for k in kept] == [" Hello", " Diane,", " yes."]


def test_repetition_loop_cut():
    words = [w(" I", 0, 1), w(" I", 1, 2), w(" think", 2, 3)]
    words += [w(t, 3 + i, 4 + i) for i, t in enumerate([" thank", " you."] * 6)]
    kept, cut = verbatim.cut_loops(words)
    assert [k.text for k in kept] == [" I", " I", " think", " thank", " you."] and cut == 10


def test_speaker_names_and_turn_split():
    words = [w(" Hi", 0, 0.5), w(" there.", 0.5, 1), w(" Hello.", 1.2, 1.6), w(" Bye.", 2, 2.4)]
    turns = pipeline.build_turns(words, [5, 5, 3, 5], ["Interviewer", "Respondent"],
                                 verbatim.Options())
    assert [(t.speaker, t.text) for t in turns] == [
        ("Interviewer", "Hi there."), ("Respondent", "Hello."), ("Interviewer", "Bye.")]


def test_cluster_estimates_count():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=64), rng.normal(size=64)
    x = np.vstack([a + 0.3 * rng.normal(size=(40, 64)), b + 0.3 * rng.normal(size=(40, 64))])
    lab = speaker.cluster(x)
    assert len(set(lab[:40])) == 1 and len(set(lab[40:])) == 1 and lab[0] != lab[-1]
    assert set(speaker.cluster(a + 0.3 * rng.normal(size=(40, 64)))) == {0}


# ---------------------------------------------------------------- command line
@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One batch run: a good file in every format, and broken files beside it."""
    d = tmp_path_factory.mktemp("batch")
    (d / "corrupt.wav").write_bytes(b"RIFF\x00\x00garbage" * 10)
    (d / "empty.mp3").write_bytes(b"")
    (d / "notes.txt").write_text("not audio")
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(d / "silent.wav"), "trim", "0", "2"],
                   check=True)
    out = d / "out"
    files = [AUDIO / "sample.wav", d / "corrupt.wav", d / "empty.mp3", d / "notes.txt",
             d / "silent.wav"]
    res = run_cli(transcribe_cmd, [*files, "--out", out, "--format", "txt,docx,vtt,srt,json"])
    return d, out, files, res


def test_failing_files_reported_in_one_line(batch):
    d, out, files, res = batch
    assert res.exit_code == 1
    lines = [l for l in res.output.splitlines() if l.startswith("veil:")]
    assert len(lines) == 4 and "Traceback" not in res.output
    assert all(l.endswith("skipped") for l in lines)
    assert "1 transcribed" in res.output and "4 failed" in res.output


def test_formats_read_back_without_loss(batch):
    d, out, files, res = batch
    j = transcript.read(out / "sample.json")
    assert j.turns and all(t.words for t in j.turns)
    for fmt in ("txt", "docx", "vtt", "srt"):
        back = transcript.read(out / f"sample.{fmt}")
        turns = back.turns[1:] if fmt == "docx" else back.turns  # the Word title: a preamble
        assert [t.speaker for t in turns] == [t.speaker for t in j.turns], fmt
        assert [t.text for t in turns] == [t.text for t in j.turns], fmt
        assert [int(t.start) for t in turns] == [int(t.start) for t in j.turns], fmt
    assert "<v S1>" in (out / "sample.vtt").read_text()
    assert re.match(r"\[00:00:0\d\] S1: ", (out / "sample.txt").read_text())


def test_resume_skips_done_files(batch):
    d, out, files, res = batch
    before = (out / "sample.json").stat().st_mtime_ns
    again = run_cli(transcribe_cmd, [AUDIO / "sample.wav", "--out", out, "--format",
                                     "txt,docx,vtt,srt,json"])
    assert again.exit_code == 0 and "1 already done" in again.output
    assert (out / "sample.json").stat().st_mtime_ns == before


def test_video_container(tmp_path, model):
    """The audio track of a video file (mp4, made here with PyAV)."""
    import av
    from transcribe import audio
    clip = audio.load(AUDIO / "jfk.flac").mono
    path = tmp_path / "clip.mp4"
    with av.open(str(path), "w") as c:
        s = c.add_stream("aac", rate=16000)
        s.layout = "mono"
        pcm = (clip * 32767).astype(np.int16)[None, :]
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = 16000
        for p in s.encode(frame):
            c.mux(p)
        for p in s.encode(None):
            c.mux(p)
    tr = pipeline.transcribe_file(path, model, pipeline.Options(diarize=False))
    assert "country" in words_of(tr.text())


def test_chunked_decoding_matches_whole():
    from transcribe import audio
    whole = audio.load(AUDIO / "sample.wav").mono
    parts = list(audio.chunks(AUDIO / "sample.wav", chunk_seconds=8))
    assert len(parts) >= 3
    assert np.allclose(np.concatenate([p.mono for p in parts]), whole)
    assert abs(parts[1].start - len(parts[0].mono) / 16000) < 1e-9


def test_run_deidentifies(tmp_path, monkeypatch):
    pytest.importorskip("deid.pipeline")
    monkeypatch.setenv("VEIL_PASSPHRASE", "test passphrase")
    out, study = tmp_path / "out", tmp_path / "study"
    res = run_cli(run_cmd, [AUDIO / "sample.wav", "--study", study, "--out", out])
    assert res.exit_code == 0, res.output
    text = (out / "sample.txt").read_text()
    for real in ("Diane", "Sheila", "Chicago"):
        assert real not in text and real not in (out / "sample.json").read_text()
    assert {t.speaker for t in transcript.read(out / "sample.txt").turns} == {"S1", "S2"}
    assert list(study.iterdir())


# ---------------------------------------------------------------- words on the right side
def test_turn_changes_are_drawn_to_sentence_ends():
    # "...where you work? Sure. My name": the voice of a short "Sure." leans the wrong way a
    # little; a question is where turns change
    words = [w(" you", 0, 0.3), w(" work?", 0.3, 0.8), w(" Sure.", 1.4, 1.8), w(" My", 2.0, 2.2),
             w(" name", 2.2, 2.6)]
    ev = np.array([[0.05, 0], [0.08, 0], [0.004, 0], [0, 0.05], [0, 0.07]])
    costs = speaker.switch_costs(words)
    assert list(costs) == [0, speaker.SWITCH_WORD, speaker.SWITCH_QUESTION, speaker.SWITCH_SENTENCE,
                           speaker.SWITCH_WORD]
    assert speaker._best_path(ev, costs) == [0, 0, 1, 1, 1]
    # "...Hospital in Millbrook. How long": the last word sounds a little like the next
    # speaker (its timing runs into the pause), but a sentence is not cut for that
    words = [w(" Hospital", 0, 0.5), w(" in", 0.5, 0.7), w(" Millbrook.", 0.7, 1.9), w(" How", 2.1, 2.3),
             w(" long", 2.3, 2.6)]
    ev = np.array([[0.08, 0], [0.03, 0], [0, 0.03], [0, 0.05], [0, 0.05]])
    assert speaker._best_path(ev, speaker.switch_costs(words)) == [0, 0, 0, 1, 1]
    # clear evidence moves a turn change inside a sentence too
    ev[2] = [0, 0.12]
    assert speaker._best_path(ev, speaker.switch_costs(words)) == [0, 0, 1, 1, 1]
    # one word that sounds like the other speaker mid-sentence does not make a turn
    ev2 = np.array([[0.05, 0], [0.05, 0], [0, 0.03], [0.05, 0], [0.05, 0]])
    assert speaker._best_path(ev2, [0] + [speaker.SWITCH_WORD] * 4) == [0] * 5


def test_voices_are_taken_from_windows_that_hear_one_voice():
    # two voices taking turns of 5 s, a window every 0.5 s; the windows whose audio holds a
    # turn change hear both voices; each voice's centroid is taken from the windows whose
    # neighbours (the windows that share audio with them) all sound like the same speaker
    rng = np.random.default_rng(1)
    a, b = np.eye(16)[0], np.eye(16)[1]
    times = np.arange(0.25, 30, 0.5)
    turn = (times // 5).astype(int) % 2
    near_change = np.abs(times - 5 * np.round(times / 5)) < speaker.WINDOW / 2
    vecs = np.array([(0.55 * a + 0.45 * b) if c else (b if t else a) for t, c in zip(turn, near_change)])
    vecs = vecs + 0.03 * rng.normal(size=vecs.shape)
    wins = speaker.Windows(times, vecs.astype(np.float32))
    plain = speaker.centroids(vecs, np.argmax(speaker._normalise(vecs) @ np.stack([a, b]).T, axis=1))
    clear = speaker.clear_centroids(wins, plain)
    assert clear[0] @ a > plain[0] @ a + 0.02 and clear[1] @ b > plain[1] @ b - 1e-3
    assert clear[0] @ clear[1] < plain[0] @ plain[1]
    # one speaker, or too few windows: nothing to refine
    assert np.allclose(speaker.clear_centroids(wins, plain[:1]), plain[:1])
    one = speaker.Windows(times[:1], vecs[:1].astype(np.float32))
    assert np.allclose(speaker.clear_centroids(one, plain), plain)


def test_short_stretches_are_heard_alone():
    _, sources = speaker.window_centres([(1.0, 1.5), (3.0, 6.0)], 0.0, 10.0)
    assert [tuple(s) for s in sources[:1]] == [(1.0, 1.5)]           # not the 1.6 s around it
    assert all(3.0 <= a and b <= 6.0 and b - a == pytest.approx(speaker.WINDOW) for a, b in sources[1:])
    _, old = speaker.window_centres([(1.0, 1.5)], 0.0, 10.0, alone=False)
    assert tuple(old[0]) == pytest.approx((1.25 - speaker.WINDOW / 2, 1.25 + speaker.WINDOW / 2))
    feats = np.arange(1000, dtype=float)[:, None]
    [frames] = speaker._frames(feats, np.array([[1.0, 1.5]]), 0.0, 160)
    assert len(frames) == 160 and set(frames[:, 0]) == set(range(100, 150))


def test_pieces_cut_at_quiet_moments():
    from transcribe import audio
    x = np.random.default_rng(0).normal(size=16000 * 70).astype(np.float32)
    x[16000 * 25: 16000 * 26] = 0     # a quiet second in the last 8 s of the first piece
    cuts = audio.pieces(x, 28, 8)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(x)
    assert all(b == c for (_, b), (c, _) in zip(cuts, cuts[1:]))
    assert all(b - a <= 28 * 16000 for a, b in cuts)
    assert 25 * 16000 <= cuts[0][1] <= 26 * 16000


def test_coverage_of_speech_by_words():
    seg = whisper.Segment(0, 0, "", [w(" a", 10.0, 11.0), w(" b", 11.0, 12.0)])
    assert whisper.coverage([seg], [(0.0, 2.0)], 10.0) == pytest.approx(1.0)
    assert whisper.coverage([seg], [(0.0, 2.0), (5.0, 9.0)], 10.0) == pytest.approx(2 / 6)
    assert whisper.coverage([], [(0.0, 0.5)], 0.0) == 1.0      # too little speech to judge


def test_one_status_line_per_file_without_a_terminal(batch):
    d, out, files, res = batch
    assert re.search(r"^\[1/2\] sample\.wav: 0:30 of audio in \d+:\d\d; 2 speaker\(s\), \d+ turn\(s\)",
                     res.output, re.M), res.output


def test_bundled_sample_no_word_on_the_wrong_side(model):
    """Each sentence of the bundled interview (the lines of make_sample.sh) is printed in its
    own speaker's turn, and fillers are asked for without losing words."""
    from bench.refs import SAMPLES, script_reference
    from bench.word_attribution import score
    tr = pipeline.transcribe_file(SAMPLES / "interview.flac", model, pipeline.Options())
    s = score(script_reference(SAMPLES / "make_sample.sh"), tr)
    assert s["matched"] >= 90 and s["wrong"] == 0, s["wrong_words"]
    assert tr.meta["fillers"] == "guarded" and tr.meta["attribution"] == "sentences"
