"""veil export for QDA programs: a REFI-QDA project validated against the schema and read
back (sources, sync points, text equal to the .txt export, cases, no identifier anywhere
in the zip), NVivo's and MAXQDA's transcript layouts, and a Word transcript."""
import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import cli
import transcript as T
from test_export import PASS, REAL
from test_review_support import approve_clean, make_inputs, recording_json

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT.parent / "shared" / "qda" / "Project-mrt2019.xsd"
Q = "{urn:QDA-XML:project:1.0}"
GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# a transcript whose file name holds a name the key knows
NAMED = "quennell_notes.txt"
NAMED_TEXT = "Interviewer: How is Quennell doing?\n\nRespondent: Quennell is well, thank you.\n"


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("qda")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    inputs = make_inputs(tmp / "in")
    (inputs / NAMED).write_text(NAMED_TEXT)
    res = run("deid", inputs, "--study", tmp / "study", "--out", tmp / "out")
    assert res.exit_code == 0, res.output
    approve_clean(tmp / "study", PASS)   # a reviewer approved those with no open flag
    yield tmp / "study"
    mp.undo()


@pytest.fixture(scope="module")
def exported(study, tmp_path_factory):
    out = tmp_path_factory.mktemp("qda-out")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    res = run("export", "--study", study, "--out", out, "--allow-unreviewed", "--audio",
              "--format", "txt,docx,nvivo,maxqda,qdpx")
    mp.undo()
    assert res.exit_code == 0, res.output
    assert "project: project.qdpx" in res.output
    return out, res.output


def no_real(text: str, extra=("Quennell",)):
    for real in list(REAL) + list(extra):
        assert not re.search(r"(?<![^\W_])" + re.escape(real) + r"(?![^\W_])", text, re.I), \
            "a real identifier was exported"


def project(out):
    z = zipfile.ZipFile(out / "project.qdpx")
    return z, etree.fromstring(z.read("project.qde"))


def member(path: str) -> str:
    assert path.startswith("internal://")
    return "sources/" + path[len("internal://"):]


def tr_name(audio):
    return audio.find(f"{Q}Transcript").get("name")


def test_project_validates_against_the_schema(exported):
    z, root = project(exported[0])
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(root), schema.error_log.last_error
    assert root.tag == f"{Q}Project"


def test_no_identifier_anywhere_in_the_project(exported):
    z, root = project(exported[0])
    for name in z.namelist():
        assert name == "project.qde" or re.fullmatch(rf"sources/{GUID}\.(txt|flac)", name), name
    no_real(" ".join(z.namelist()))
    no_real(z.read("project.qde").decode("utf-8"))
    for name in z.namelist():
        if name.endswith(".txt"):
            no_real(z.read(name).decode("utf-8"))
    names = [s.get("name") for s in root.iter(f"{Q}TextSource")]
    assert NAMED not in names and "ward_06.txt" in names
    # a file name holding a name is exported under its de-identified name
    assert [n for n in names if n.endswith("_notes.txt")] and not any("quennell" in n.lower() for n in names)


def test_text_sources_equal_the_txt_export(exported):
    out = exported[0]
    z, root = project(out)
    sources = list(root.iter(f"{Q}TextSource"))
    assert len(sources) == 8
    for src in sources:
        name = src.get("name")
        if name.startswith("transcript "):
            continue  # renamed: its file name held a name
        txt = out / name
        assert z.read(member(src.get("plainTextPath"))).decode("utf-8") == txt.read_text(encoding="utf-8")
    ward = next(s for s in sources if s.get("name") == "ward_06.txt")
    assert ward.find(f"{Q}Description").text.startswith("[UNREVIEWED - ")


def test_audio_source_holds_the_transcript_with_sync_points_in_order(exported):
    out = exported[0]
    z, root = project(out)
    [audio] = list(root.iter(f"{Q}AudioSource"))
    assert audio.get("name") == "recording_07.flac" and tr_name(audio) == "recording_07.txt"
    data = z.read(member(audio.get("path")))
    assert data == (out / "recording_07.flac").read_bytes() and data[:4] == b"fLaC"
    [tr] = audio.findall(f"{Q}Transcript")
    text = z.read(member(tr.get("plainTextPath"))).decode("utf-8")
    assert text == (out / "recording_07.txt").read_text(encoding="utf-8")
    points = [(int(p.get("timeStamp")), int(p.get("position"))) for p in tr.findall(f"{Q}SyncPoint")]
    turns = T.read(out / "recording_07.txt").turns
    assert len(points) == len(turns) == 3
    assert points == sorted(points) and points[0] == (0, 0)
    for (ms, pos), turn, seg in zip(points, turns, recording_json()["segments"]):
        assert ms == round(seg["start"] * 1000)
        assert text[pos:].startswith(f"[{T.layouts.clock(ms / 1000)}] {turn.speaker}: {turn.text}")


def test_speakers_are_cases_with_role_code_and_their_turns(exported):
    z, root = project(exported[0])
    variables = {v.get("guid"): v.get("name") for v in root.iter(f"{Q}Variable")}
    assert sorted(variables.values()) == ["Participant code", "Role", "Transcript"]
    selections = {s.get("guid"): (s, src) for src in root.iter(f"{Q}TextSource")
                  for s in src.findall(f"{Q}PlainTextSelection")}
    cases = {c.get("name"): c for c in root.iter(f"{Q}Case")}
    assert "Respondent (ward_06.txt)" in cases and "S3 (focus_group_02.txt)" in cases
    codes = []
    for name, case in cases.items():
        values = {variables[v.find(f"{Q}VariableRef").get("targetGUID")]: v.find(f"{Q}TextValue").text
                  for v in case.findall(f"{Q}VariableValue")}
        speaker = name.rpartition(" (")[0]
        assert values["Role"] == {"Interviewer": "interviewer", "Respondent": "participant"}.get(speaker, "speaker")
        codes.append(values["Participant code"])
        refs = [r.get("targetGUID") for r in case.findall(f"{Q}SelectionRef")]
        assert refs
        for ref in refs:
            sel, src = selections[ref]
            text = z.read(member(src.get("plainTextPath"))).decode("utf-8")
            span = text[int(sel.get("startPosition")):int(sel.get("endPosition"))]
            assert re.match(rf"(\[[\d:]+\] )?{re.escape(speaker)}(: |  [\d:]+\n)", span), span[:60]
    assert len(set(codes)) == len(codes) and "I01" in codes and "P01" in codes


def test_nvivo_rows(exported):
    out, output = exported
    assert "recording_07.json" not in output  # it has times: no warning
    assert not (out / "interview_01.nvivo.txt").exists()
    assert "interview_01.txt: no timestamps, so no NVivo transcript rows" in output
    raw = (out / "focus_group_02.nvivo.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = raw.decode("utf-8-sig").split("\r\n")[:-1]
    assert lines[0] == "Timespan\tContent\tSpeaker"
    assert all(line.count("\t") == 2 for line in lines)
    rows = [line.split("\t") for line in lines[1:]]
    spans = [re.fullmatch(r"(\d\d:\d\d:\d\d\.\d)-(\d\d:\d\d:\d\d\.\d)", r[0]).groups() for r in rows]
    assert spans == sorted(spans) and all(a <= b for a, b in spans)
    txt = T.read(out / "focus_group_02.txt").turns
    assert [(r[2], r[1]) for r in rows] == [(t.speaker or "", t.text) for t in txt]
    # an UNREVIEWED mark (when the transcript is not approved) is a row at 0 before the turns
    first = next(i for i, r in enumerate(rows) if not r[1].startswith("[UNREVIEWED"))
    assert all(sp == ("00:00:00.0", "00:00:00.0") for sp in spans[:first]) and spans[first][0] == "00:00:05.0"


def test_maxqda_paragraphs(exported):
    out = exported[0]
    text = (out / "recording_07.maxqda.txt").read_bytes().decode("utf-8-sig")
    paras = text.rstrip("\r\n").split("\r\n\r\n")
    turns = T.read(out / "recording_07.txt").turns
    assert len(paras) == len(turns)
    for p, t, seg in zip(paras, turns, recording_json()["segments"]):
        m = re.fullmatch(r"([^:\r\n]{1,63}): (.*) #(\d\d):(\d\d):(\d\d)-(\d)#", p)
        assert m and m.group(1) == t.speaker and m.group(2) == t.text
        sec = int(m.group(3)) * 3600 + int(m.group(4)) * 60 + int(m.group(5)) + int(m.group(6)) / 10
        assert abs(sec - seg["end"]) <= 0.05
    ward = (out / "ward_06.maxqda.txt").read_bytes().decode("utf-8-sig").split("\r\n\r\n")
    assert ward[0].startswith("[UNREVIEWED - ") and ":" not in ward[0][:63]
    assert ward[1].startswith("Interviewer: ") and "#" not in ward[1]  # no times, no stamps


def test_word_transcript_reads_like_one(exported):
    import docx
    out = exported[0]
    doc = docx.Document(str(out / "recording_07.docx"))
    paras = doc.paragraphs
    assert paras[0].style.name == "Title" and paras[0].text == "recording_07"
    turns = T.read(out / "recording_07.txt").turns
    for p, t in zip(paras[1:], turns):
        bold = [r.text for r in p.runs if r.bold]
        assert bold == [f"{t.speaker}:"]
        assert p.text == f"[{T.layouts.clock(t.start)}] {t.speaker}: {t.text}"
    cp = doc.core_properties
    assert (cp.author, cp.last_modified_by, cp.title, cp.comments, cp.subject, cp.keywords) == ("",) * 6
    assert cp.created.year == cp.modified.year == dt.datetime.now(dt.timezone.utc).year
    with zipfile.ZipFile(out / "recording_07.docx") as z:
        assert b"python-docx" not in z.read("docProps/core.xml")
    back = T.read(out / "recording_07.docx")
    assert [(t.speaker, t.start) for t in back.turns[1:]] == [(t.speaker, float(int(t.start))) for t in turns]


def test_a_leak_keeps_a_transcript_out_of_the_project(study, tmp_path, monkeypatch):
    from deid.study import open_study
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)
    work = tmp_path / "study"
    shutil.copytree(study, work, ignore=shutil.ignore_patterns("lock"))
    with open_study(work, secret=PASS) as s:
        eid = s.add_entity("institution", "tavolino", "Ristorante Uno")
        s.add_variant(eid, "tavolino", "Ristorante Uno")
        s.save()
    res = run("export", "--study", work, "--out", tmp_path / "out", "--allow-unreviewed", "--format", "qdpx")
    assert res.exit_code == 1
    assert "ward_06.txt (in project.qdpx): refused" in res.output
    assert "7 transcript(s) exported (0 file(s))" in res.output and "project: project.qdpx" in res.output
    z, root = project(tmp_path / "out")
    assert "ward_06.txt" not in [s.get("name") for s in root.iter(f"{Q}TextSource")]
    assert not root.findall(f".//{Q}AudioSource")  # no --audio: no recording leaves the study
    assert all(b"tavolino" not in z.read(n).lower() for n in z.namelist())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["project.qdpx", "review_report.csv"]


def test_unknown_format_and_mask_are_one_line_errors(study, tmp_path, monkeypatch):
    monkeypatch.setenv("VEIL_PASSPHRASE", PASS)
    res = run("export", "--study", study, "--out", tmp_path, "--format", "atlas")
    assert res.exit_code == 1 and "unknown format 'atlas'" in res.output and "qdpx" in res.output
    res = run("export", "--study", study, "--out", tmp_path, "--audio", "--audio-mask", "beep")
    assert res.exit_code == 2 and "Traceback" not in res.output
