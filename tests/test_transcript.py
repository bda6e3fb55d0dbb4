"""The shared transcript model: every layout read, and written back unchanged."""
from pathlib import Path

import pytest

import transcript as T
from transcript import Replacement, apply_replacements
from transcript.layouts import UnreadableTranscript

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize("name,layout,speaker", [
    ("interview_01.txt", "turns", "Interviewer"),
    ("focus_group_02.txt", "bracketed", "S1"),
    ("otter_03.txt", "otter", "Speaker 1"),
    ("interview_04.vtt", "vtt", "Interviewer"),
    ("interview_05.srt", "srt", "Interviewer"),
])
def test_layouts_detected_and_kept(name, layout, speaker, tmp_path):
    tr = T.read(SAMPLES / name)
    assert tr.layout == layout
    assert tr.turns[0].speaker == speaker
    assert not any(t.text.startswith(speaker + ":") for t in tr.turns)
    out = T.write(tr, tmp_path / name, T.layouts.native_format(tr))
    assert out.read_text() == (SAMPLES / name).read_text()


def test_a_webvtt_files_text_outside_its_cues_is_read_but_not_its_header_or_styles(tmp_path):
    text = ("WEBVTT\nKind: captions\nLanguage: en\n\nSTYLE\n::cue { font-family: Arial }\n\n"
            "NOTE\nsaved by Jane Doe\n\n1\n00:00:01.000 --> 00:00:02.000\nA: hi there\n\n"
            "2\n00:00:03.000 --> 00:00:04.000\nB: hello\nsecond line\n\nchat pasted by Rami\n")
    (tmp_path / "a.vtt").write_text(text)
    tr = T.read(tmp_path / "a.vtt")
    assert [(t.speaker, t.text) for t in tr.turns] == [
        (None, "saved by Jane Doe"), ("A", "hi there"), ("B", "hello\nsecond line"), (None, "chat pasted by Rami")]
    assert T.write(tr, tmp_path / "b.vtt", "vtt").read_text() == text
    # a title after the header's first word is read (it may name someone)
    (tmp_path / "c.vtt").write_text("WEBVTT - Interview with Jane Doe\nKind: captions\n\n" + text[text.index("1\n"):])
    assert T.read(tmp_path / "c.vtt").turns[0].text == "Interview with Jane Doe"


def test_a_chat_export_after_its_header_is_read_message_by_message(tmp_path):
    """Slack's "[7:58 AM] maria.g: text" and WhatsApp's "[04/03/2024, 07:58:12] Maria: text",
    after a header of the export: each message a turn, its sender the label, the file
    written back unchanged."""
    text = ("Slack export\nChannel: #rides\n\n---------- Monday ----------\n\n"
            "[7:58 AM] maria.g: reminder pantry is THURSDAY\n    (:pray: 4)\n[8:03 PM] tia.b: ty maria!!\n"
            "[04/03/2024, 12:05:10] Duc Tran: ok\n")
    (tmp_path / "chat.txt").write_text(text)
    tr = T.read(tmp_path / "chat.txt")
    assert tr.layout == "bracketed"
    assert [t.speaker for t in tr.turns] == [None, "maria.g", "tia.b", "Duc Tran"]
    assert tr.turns[1].text.startswith("reminder pantry") and tr.turns[1].start == 7 * 3600 + 58 * 60
    assert tr.turns[2].start == 20 * 3600 + 3 * 60 and tr.turns[3].start == 12 * 3600 + 5 * 60 + 10
    assert T.write(tr, tmp_path / "out.txt", "txt").read_text() == text


def test_replacement_touches_only_words(tmp_path):
    tr = T.read(SAMPLES / "focus_group_02.txt")
    i = next(i for i, t in enumerate(tr.turns) if "Marcus Bell" in t.text)
    s = tr.turns[i].text.index("Marcus Bell")
    new = apply_replacements(tr, {i: [Replacement(s, s + len("Marcus Bell"), "Tom Hale")]})
    text = T.render(new, "txt")
    assert "[00:00:09] S2: I'm Tom Hale. I'm a nurse" in text
    assert text.replace("Tom Hale", "Marcus Bell") == (SAMPLES / "focus_group_02.txt").read_text()


def test_cp1252_and_bad_files(tmp_path):
    (tmp_path / "word.txt").write_bytes("Interviewer: Caf\xe9 \x93quotes\x94\n\nRespondent: yes\n".encode("latin-1"))
    tr = T.read(tmp_path / "word.txt")
    assert "Café “quotes”" in tr.turns[0].text
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(UnreadableTranscript):
        T.read(tmp_path / "empty.txt")
    (tmp_path / "fake.docx").write_text("not a zip")
    with pytest.raises(UnreadableTranscript):
        T.read(tmp_path / "fake.docx")


def test_docx_round_trip(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("Interviewer: Who taught you?")
    p = d.add_paragraph("Respondent: ")
    p.add_run("Dr. Ruth ").bold = True
    p.add_run("Okoro, at the clinic.")
    d.save(tmp_path / "in.docx")
    tr = T.read(tmp_path / "in.docx")
    assert [t.speaker for t in tr.turns] == ["Interviewer", "Respondent"]
    s = tr.turns[1].text.index("Ruth Okoro")
    new = apply_replacements(tr, {1: [Replacement(s, s + 10, "Ann Lee")]})
    T.write(new, tmp_path / "out.docx")
    back = docx.Document(tmp_path / "out.docx")
    assert back.paragraphs[1].text == "Respondent: Dr. Ann Lee, at the clinic."
    assert back.paragraphs[1].runs[1].bold


def test_json_round_trip_with_words(tmp_path):
    tr = T.Transcript(turns=[T.Turn(text="I met Helen there.", speaker="S1", start=1.0, end=3.0,
                                    words=[T.Word(1.0, 1.2, " I"), T.Word(1.2, 1.5, " met"),
                                           T.Word(1.5, 2.0, " Helen", 0.9), T.Word(2.0, 3.0, " there.")])],
                      layout="bracketed", name="a")
    new = apply_replacements(tr, {0: [Replacement(6, 11, "Carol")]})
    assert [w.text for w in new.turns[0].words] == [" I", " met", " Carol", " there."]
    T.write(new, tmp_path / "a.json")
    back = T.read(tmp_path / "a.json")
    assert back.turns[0].text == "I met Carol there." and back.turns[0].words[2].text == " Carol"
    assert back.turns[0].speaker == "S1" and back.turns[0].start == 1.0


def test_a_diarizers_speaker_labels_are_speakers(tmp_path):
    """WhisperX and pyannote label turns "SPEAKER_00:": a speaker, not words of the turn
    (read as text, a lower-case transcript looked cased and its names went unfound)."""
    text = "SPEAKER_00: kia ora thanks for coming in\n\nSPEAKER_01: hi i'm leanne from puhinui\n"
    (tmp_path / "fg.txt").write_text(text)
    tr = T.read(tmp_path / "fg.txt")
    assert [(t.speaker, t.text) for t in tr.turns] == [
        ("SPEAKER_00", "kia ora thanks for coming in"), ("SPEAKER_01", "hi i'm leanne from puhinui")]
    assert T.write(tr, tmp_path / "b.txt", T.layouts.native_format(tr)).read_text() == text
    # (a name joined by an underscore is no diarizer's label: its words are read as text)
    (tmp_path / "n.txt").write_text("Sarah_Okonkwo: so, as Dr Okonkwo said\n\nTomasz_Nowak: yes\n")
    assert T.read(tmp_path / "n.txt").turns[0].text.startswith("Sarah_Okonkwo:")
