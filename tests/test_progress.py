"""Progress that tells the truth (transcribe/progress.py), on a clock the test moves."""
import pytest

from transcribe import progress as P


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(P.time, "monotonic", lambda: now[0])
    return now


def test_one_line_per_file_with_the_time_left(clock, capsys):
    prog = P.Progress([60.0, 120.0], bars=False, lines=True)
    prog.begin("a.wav", 60.0)
    assert prog.left() is None                    # no speed measured yet: no guess
    clock[0] += 30
    prog.decoded(30.0)                            # 1 s of work per second of audio
    left = prog.left()
    # the rest of a.wav (30 s decoding, then speakers at the assumed share) and all of b.wav
    assert left == pytest.approx(30 + 60 * P.AFTER_DECODING_SHARE + 120 * (1 + P.AFTER_DECODING_SHARE))
    clock[0] += 10                                # no news for 10 s: the estimate counts down
    assert prog.left() == pytest.approx(left - 10)
    clock[0] += 20
    prog.stage(P.Stage.SPEAKERS)
    clock[0] += 12
    line = prog.end("2 speaker(s)")
    # after one file the batch's own figure replaces the assumed share: 12 s for 60 s
    assert prog.rate.after_decoding() == pytest.approx(0.2)
    assert line == "[1/2] a.wav: 1:00 of audio in 1:12; 2 speaker(s); about 2:24 left"
    assert capsys.readouterr().out == line + "\n"


def test_a_failed_file_no_longer_counts(clock, capsys):
    prog = P.Progress([60.0, 60.0], bars=False, lines=True)
    prog.begin("bad.wav", 60.0)
    prog.fail("veil: bad.wav: damaged or unreadable audio; skipped")
    assert prog.total == 60.0
    assert "bad.wav" in capsys.readouterr().err


def test_no_lines_in_a_terminal_without_bars(clock, capsys):
    prog = P.Progress([10.0], bars=False, lines=False)
    prog.begin("a.wav", 10.0)
    clock[0] += 5
    prog.end()
    assert capsys.readouterr().out == ""
