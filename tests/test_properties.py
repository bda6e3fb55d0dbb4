"""Property-based tests (hypothesis, issue 10): every reader (text layouts, vtt, srt, docx,
veil JSON, through transcript.read / parse_text / from_json) and the configuration loader
give a result or a one-line error for any input, never a traceback; a configuration error
never repeats a name from the file. (The review API bodies: tests/test_review_hardening.py.)"""
from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from deid import config as cfgmod
from transcript import Transcript, UnreadableTranscript
from transcript import layouts as T

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SUFFIXES = ["txt", "vtt", "srt", "json", "docx"]

chars = st.characters(blacklist_categories=("Cs",))
words = st.text(chars, max_size=12)
# pieces of the layouts veil knows, so the parsers are driven past their first checks
LINES = st.one_of(
    words,
    st.builds(lambda s, t: f"{s}: {t}", st.sampled_from(["Interviewer", "Respondent", "S1", "Dr. Lee", ""]), words),
    st.builds(lambda h, m, s, t: f"[{h:02d}:{m:02d}:{s:02d}] S2: {t}", st.integers(0, 99), st.integers(0, 99),
              st.integers(0, 99), words),
    st.builds(lambda a, b: f"00:00:{a:02d}.000 --> 00:00:{b:02d},5", st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda n, t: f"Speaker {n}  0:{t:02d}", st.integers(0, 9), st.integers(0, 99)),
    st.sampled_from(["WEBVTT", "1", "", "<v Ana>hello</v>", "-->", "[", "]", ":", "\ufeff", "\r"]),
)
TEXTS = st.lists(LINES, max_size=12).map("\n".join)


def one_line(e: Exception) -> None:
    assert str(e) and "\n" not in str(e), repr(str(e))


def read_or_refuse(path) -> None:
    try:
        tr = T.read(path)
    except UnreadableTranscript as e:
        one_line(e)
        return
    assert isinstance(tr, Transcript) and tr.turns
    assert all(isinstance(t.text, str) for t in tr.turns)


# ---------------------------------------------------------------- text layouts
@FAST
@given(text=st.one_of(TEXTS, st.text(chars, max_size=300)))
def test_parse_text_always_gives_a_transcript(text):
    tr = T.parse_text(text, "x.txt")
    assert isinstance(tr, Transcript)
    for t in tr.turns:  # every turn's words lie where the transcript says they do
        if t.offset is not None:
            assert tr.source[t.offset:t.offset + len(t.text)] == t.text


@FAST
@given(text=TEXTS, layout=st.sampled_from(["vtt", "srt", None]))
def test_vtt_and_srt_cues_always_parse(text, layout):
    tr = T.parse_text(("WEBVTT\n\n" if layout == "vtt" else "") + text, "x", layout)
    assert isinstance(tr, Transcript)


@FAST
@given(data=st.one_of(st.binary(max_size=400), TEXTS.map(lambda s: s.encode("utf-8")),
                      TEXTS.map(lambda s: s.encode("utf-16-le")),
                      TEXTS.map(lambda s: s.encode("cp1252", errors="replace"))),
       suffix=st.sampled_from(SUFFIXES))
@example(data=b"[" * 100000, suffix="json")
@example(data=b"[]", suffix="json")
@example(data=b"\x01\x02garbage\x7f" * 50, suffix="txt")
def test_any_file_is_read_or_refused_in_one_line(tmp_path, data, suffix):
    path = tmp_path / f"f.{suffix}"
    path.write_bytes(data)
    read_or_refuse(path)


@FAST
@given(data=st.binary(min_size=200, max_size=2000).filter(lambda b: b"\x00" not in b))
def test_bytes_full_of_control_characters_are_not_text(data):
    controls = bytes(range(1, 9)) + bytes([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31])
    noisy = bytes(b if i % 20 else controls[b % len(controls)] for i, b in enumerate(data))  # 5% controls
    with pytest.raises(UnreadableTranscript):
        T.decode(noisy)


# ---------------------------------------------------------------- docx
def _docx(paragraphs: list[str]) -> bytes:
    import docx
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


XML_SAFE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
DOCX = _docx(["Interviewer: Who trained you?", "Respondent: Helen Marsh did."])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paras=st.lists(st.one_of(XML_SAFE, LINES.filter(lambda s: all(c >= " " for c in s))), max_size=6))
@example(paras=["WEBVTT"])       # a layout with no turn in it
def test_word_documents_are_read_or_refused(tmp_path, paras):
    path = tmp_path / "w.docx"
    path.write_bytes(_docx(paras))
    read_or_refuse(path)


@FAST
@given(cut=st.integers(0, len(DOCX)), flips=st.lists(st.integers(0, len(DOCX) - 1), max_size=8))
def test_damaged_word_documents_are_refused_in_one_line(tmp_path, cut, flips):
    data = bytearray(DOCX)
    for i in flips:
        data[i] ^= 0x5A
    path = tmp_path / "d.docx"
    path.write_bytes(bytes(data[:cut] if cut > 22 else data))
    read_or_refuse(path)


# ---------------------------------------------------------------- veil JSON
JSONS = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(chars, max_size=10),
                     lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(chars, max_size=8), c, max_size=4),
                     max_leaves=20)
SEGMENT = st.fixed_dictionaries({}, optional={
    "text": st.one_of(words, JSONS), "speaker": st.one_of(st.none(), words, JSONS),
    "start": st.one_of(st.floats(), JSONS), "end": st.one_of(st.floats(), JSONS),
    "words": st.one_of(JSONS, st.lists(st.fixed_dictionaries(
        {"start": st.one_of(st.floats(), JSONS), "end": st.floats()},
        optional={"word": st.one_of(words, JSONS), "probability": JSONS}), max_size=3))})
DOCS = st.one_of(JSONS, st.lists(SEGMENT, max_size=3), st.fixed_dictionaries(
    {"segments": st.one_of(st.lists(SEGMENT, max_size=3), JSONS)},
    optional={"meta": JSONS, "media": JSONS, "name": JSONS, "format": JSONS}))


@FAST
@given(doc=DOCS)
@example(doc={"segments": [{"text": "hi", "speaker": 5}]})
@example(doc={"segments": [], "meta": "Helen Marsh, Tarrowby"})
@example(doc={"segments": [{"text": "hi", "words": [{"start": 1, "end": 2, "word": 7}]}]})
def test_any_json_is_a_transcript_or_one_line(doc):
    text = json.dumps(doc)
    try:
        tr = T.from_json(text, "x.json")
    except UnreadableTranscript as e:
        one_line(e)
        return
    assert isinstance(tr.meta, dict) and (tr.media is None or isinstance(tr.media, str))
    for t in tr.turns:
        assert isinstance(t.text, str) and (t.speaker is None or isinstance(t.speaker, str))
        assert all(isinstance(w.text, str) and isinstance(w.start, (int, float)) for w in t.words)
    T.render(tr, "txt"), T.render(tr, "vtt"), T.render(tr, "srt"), T.to_json(tr)  # and it can be written


# ---------------------------------------------------------------- configuration
NAMES = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=4, max_size=10)
VALUES = st.recursive(st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | NAMES
                      | st.sampled_from(["natural", "bracket", "keep", "replace", "person", "place"]),
                      lambda c: st.lists(c, max_size=3), max_leaves=6)
KEYS = st.one_of(st.sampled_from(["style", "dates", "regions", "allow", "names", "pseudonyms", "aliases",
                                  "kinds", "speakers"]), NAMES)
TABLE = st.dictionaries(NAMES, st.one_of(NAMES, VALUES, st.sampled_from(["person", "institution", ""])), max_size=3)


def _toml(doc: dict) -> str:
    """A TOML document: plain keys first, then tables (tomllib only reads TOML)."""
    plain = [f"{json.dumps(k)} = {_value(v)}" for k, v in doc.items() if not isinstance(v, dict)]
    tables = [f"[{json.dumps(k)}]\n" + "\n".join(f"{json.dumps(a)} = {_value(b)}" for a, b in v.items())
              for k, v in doc.items() if isinstance(v, dict)]
    return "\n".join(plain + tables) + "\n"


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(v)


@FAST
@given(doc=st.dictionaries(KEYS, st.one_of(VALUES, TABLE), max_size=5))
@example(doc={"Helen Marsh": "Carol Dunn"})
@example(doc={"kinds": {"Mizzou": "school"}})
def test_any_configuration_loads_or_is_one_line_naming_no_name(tmp_path, doc):
    path = tmp_path / "veil.toml"
    path.write_text(_toml(doc), encoding="utf-8")
    try:
        cfg = cfgmod.load(path)
    except cfgmod.ConfigError as e:
        one_line(e)
        message = str(e).replace(str(path), "")
        known = {"style", "dates", "regions", "allow", "names", "pseudonyms", "aliases", "kinds", "speakers", "natural",
                 "bracket", "keep", "replace", "generalise", "generalize", "person", "place",
                 "institution", "contact", "date"}
        # (a string the message holds as a word: "fals" inside the message's own "true/false" is none)
        said = [s for s in _strings(doc) if len(s) >= 4 and s.lower() not in known and not _misspelt_setting(s)
                and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", message)]
        assert not said, (said, message)
        return
    assert cfg.style in cfgmod.CHOICES["style"] and all(v in ("person", "place", "institution", "contact", "date")
                                                        for v in cfg.kinds.values())


def _misspelt_setting(s: str) -> bool:
    """A near-miss of a setting's name, which the message names by design ("did you mean")."""
    import difflib
    known = list(cfgmod.CHOICES) + list(cfgmod.LISTS) + list(cfgmod.TABLES)
    return bool(difflib.get_close_matches(s.lower(), known, n=1, cutoff=0.75))


def _strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from _strings(x)


@FAST
@given(text=st.text(chars, max_size=200))
def test_any_text_as_configuration_is_one_line(tmp_path, text):
    path = tmp_path / "veil.toml"
    path.write_text(text, encoding="utf-8")
    try:
        cfgmod.load(path)
    except cfgmod.ConfigError as e:
        one_line(e)
