"""`veil participants`: codes listed and set without showing a real name, refused when
they are not codes, and used to name exports (`--name-by participant`)."""
from click.testing import CliRunner

import cli

INTERVIEW = "Interviewer: Thanks for coming.\n\nRespondent: I am Margaret Okafor, a nurse in Dayton.\n"


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def test_participant_codes(tmp_path, passphrase):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "Okafor_Margaret_interview1.txt").write_text(INTERVIEW)
    (tmp_path / "in" / "Okafor_Margaret_interview2.txt").write_text(INTERVIEW)
    (tmp_path / "in" / "group.txt").write_text("Interviewer: Hello.\n\nRespondent: Hi, I am Tobias Grunwald.\n")
    study = tmp_path / "s"
    assert run("deid", tmp_path / "in", "--study", study, "--out", tmp_path / "o").exit_code == 0
    listed = run("participants", "--study", study)
    assert listed.exit_code == 0, listed.output
    assert "Okafor" not in listed.output and "Margaret" not in listed.output
    shown = [line.split(None, 1)[1] for line in listed.output.splitlines()]
    assert len(shown) == 3 and "group.txt" in shown
    first, second = sorted(n for n in shown if n.endswith("interview1.txt") or n.endswith("interview2.txt"))
    res = run("participants", "--study", study, "--set", first, "P07", "--set", second, "P07",
              "--set", "group.txt", "M1-04")
    assert res.exit_code == 0, res.output
    bad = run("participants", "--study", study, "--set", "group.txt", "Margaret Okafor")
    assert bad.exit_code == 1 and "not a participant code" in bad.output and "Margaret" not in bad.output
    missing = run("participants", "--study", study, "--set", "Okafor_Margaret.txt", "P01")
    assert missing.exit_code == 1 and "Okafor" not in missing.output
    listed = run("participants", "--study", study).output
    assert {line.split()[0] for line in listed.splitlines()} == {"P07", "M1-04"}
    ex = run("export", "--study", study, "--out", tmp_path / "x", "--allow-unreviewed", "--name-by", "participant")
    assert ex.exit_code == 0, ex.output
    names = sorted(p.name for p in (tmp_path / "x").iterdir() if p.suffix == ".txt")
    assert names == ["M1-04.txt", "P07_1.txt", "P07_2.txt"]
    assert run("participants", "--study", study, "--clear", "group.txt").exit_code == 0
    assert "-" in run("participants", "--study", study).output.split()
