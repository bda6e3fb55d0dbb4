"""Every place a name hides (issue: speaker labels, file names, document properties,
word-level JSON, reports, veil's own output given back): `veil deid` and `veil export` in
every format, and a scan of the bytes of every file written, file names and the members
of Word documents and the REFI-QDA project included."""
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli

DATA = Path(__file__).resolve().parent / "data" / "hiding"
PASS = "hiding-places"
REAL = ["Jessica", "Alvarez", "Thomas Whitfield", "Whitfield", "Dana", "Priya", "Raman", "Helen", "Marsh",
        "Truman", "Okafor", "Margaret", "Dayton", "Jess", "Ellery", "Quarrington"]


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def json_transcript() -> dict:
    """veil JSON whose metadata and media path hold names, with word timings."""
    words = [(" Ellery", 0.0, 0.4), (" Quarrington", 0.4, 1.0), (" works", 1.0, 1.3), (" in", 1.3, 1.4),
             (" Dayton.", 1.4, 2.0)]
    return {"format": "veil-transcript", "version": 1, "name": "x", "media": "/data/Ellery Quarrington.wav",
            "meta": {"participant": "Ellery Quarrington", "town": "Dayton", "duration": 2.0},
            "segments": [{"start": 0.0, "end": 2.0, "speaker": "S1", "text": "Ellery Quarrington works in Dayton.",
                          "words": [{"start": a, "end": b, "word": w, "probability": 0.9} for w, a, b in words]}]}


@pytest.fixture(scope="module")
def done(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hiding")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    mp.setenv("VEIL_SEED", "7")   # the same pseudonyms each run, so that a failure repeats
    inputs = tmp / "in"
    shutil.copytree(DATA, inputs)
    (inputs / "Quarrington_Ellery_notes.json").write_text(json.dumps(json_transcript()))
    res = run("deid", inputs, "--study", tmp / "study", "--out", tmp / "out")
    # its own output given back: an output named as a source the study holds is refused
    # (it would write over that source); renamed as the message asks, its pseudonyms are kept
    back = tmp / "back"
    back.mkdir()
    for p in (tmp / "out").iterdir():
        shutil.copy(p, back / (f"returned_{p.name}" if (inputs / p.name).exists() else p.name))
    again = run("deid", back, "--study", tmp / "study", "--out", tmp / "again")
    same = run("deid", tmp / "out", "--study", tmp / "study", "--out", tmp / "same")
    again.same = same
    ex = run("export", "--study", tmp / "study", "--out", tmp / "export", "--allow-unreviewed",
             "--format", "txt,docx,vtt,srt,json,nvivo,maxqda,qdpx")
    yield tmp, res, again, ex
    mp.undo()


def contents(path: Path) -> list[tuple[str, str]]:
    """(where, text) of everything a file holds: a zip's member names and members."""
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(path) as z:
            return [(f"{path.name}:{m}", m) for m in z.namelist()] + \
                   [(f"{path.name}/{m}", z.read(m).decode("utf-8", "replace")) for m in z.namelist()]
    return [(path.name, data.decode("utf-8", "replace"))]


def scanned(folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        for where, text in [(path.name, path.name)] + contents(path):
            for real in REAL:
                assert not re.search(rf"(?<![\w]){re.escape(real)}(?![\w])", text), (where, real)


def test_every_output_holds_no_real_name(done):
    tmp, res, _, ex = done
    assert res.exit_code == 0, res.output
    assert ex.exit_code == 0, ex.output
    scanned(tmp / "out")
    scanned(tmp / "export")
    for real in REAL:   # nor what veil said
        assert real not in res.output + ex.output


def test_named_speakers_take_the_pseudonym_of_their_name_in_the_text(done):
    tmp, _, _, _ = done
    zoom = (tmp / "out").glob("*.vtt")
    texts = {p.name: p.read_text() for p in zoom}
    z = next(t for t in texts.values() if "Thanks for joining" in t)
    speaker = re.search(r"\n(.+): Thanks for joining", z).group(1)
    assert speaker != "Jessica Alvarez" and len(speaker.split()) == 2
    teams = next(t for t in texts.values() if "asked me about it" in t)
    other = re.search(r"<v ([^>]+)>So (.+) asked me", teams)
    initials = re.search(r"<v ([A-Z]{2})>Yes I did", teams).group(1)
    assert initials == "".join(w[0] for w in other.group(2).split())   # "DW" -> the pseudonym's initials
    otter = next((tmp / "out").glob("*.txt"), None)
    assert otter is not None


def test_file_names_metadata_and_words(done):
    tmp, _, _, _ = done
    names = [p.name for p in (tmp / "out").iterdir()]
    assert not any("Okafor" in n or "Quarrington" in n for n in names)
    assert any(n.endswith("_interview1.txt") for n in names)
    doc = json.loads(next((tmp / "out").glob("*notes.json")).read_text())
    assert doc["media"] is None and set(doc["meta"]) <= {"duration"}
    assert all(w["word"].strip() not in ("Ellery", "Quarrington", "Dayton.") for s in doc["segments"]
               for w in s.get("words", []))


def test_word_document_parts_and_properties(done):
    tmp, _, _, _ = done
    import docx
    d = docx.Document(str(tmp / "out" / "interview_props.docx"))
    cp = d.core_properties
    assert (cp.author, cp.title, cp.last_modified_by) == ("", "", "")
    assert "Participant" in d.tables[0].cell(0, 0).text and d.tables[0].cell(0, 1).text.strip()


def test_own_output_given_back_is_left_alone(done):
    tmp, _, again, _ = done
    assert again.same.exit_code == 1 and "another transcript of this name" in again.same.output
    assert not (tmp / "same").exists() or not any((tmp / "same").glob("*.vtt"))
    assert again.exit_code == 0, again.output
    assert "looks like veil's own output" in again.output
    for p in (tmp / "out").iterdir():
        if p.suffix in (".txt", ".vtt"):
            name = f"returned_{p.name}" if (tmp / "in" / p.name).exists() else p.name
            assert (tmp / "again" / name).read_text() == p.read_text(), p.name
