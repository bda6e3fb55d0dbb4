"""Listen and correct in the review page, in a real browser (Debian chromium + playwright):
words play from their time, a turn's text, speaker and boundaries are corrected, saved at
once in the encrypted study, and the corrected transcript is de-identified again.

The transcript is veil's own JSON of the bundled sample recording (tests/data/interview.json,
written by `veil transcribe samples/audio/interview.flac --format json` with the bundled
model), de-identified by the real `veil deid`."""
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from test_review_support import AUDIO, CHROMIUM, CHROMIUM_ARGS

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")

DATA = Path(__file__).parent / "data" / "interview.json"
ARTIFACTS = Path(__file__).parent / "artifacts"
NAME = "interview.json"
PASS = "listen-pass"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from deid.study import open_study
    from review import server as srv
    tmp = tmp_path_factory.mktemp("listen")
    doc = json.loads(DATA.read_text())
    doc["media"] = str(AUDIO)
    (tmp / "in").mkdir()
    (tmp / "in" / NAME).write_text(json.dumps(doc))
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    res = CliRunner().invoke(cli.main, ["deid", str(tmp / "in"), "--study", str(tmp / "study"),
                                        "--out", str(tmp / "out")])
    assert res.exit_code == 0, res.output
    with open_study(tmp / "study", secret=PASS) as study:
        server = srv.start(study, "Ana (tester)")
        t = threading.Thread(target=srv.serve, args=(server,), daemon=True)
        t.start()
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + [
                "--autoplay-policy=no-user-gesture-required"])
            yield {"study": study, "server": server, "browser": browser, "tmp": tmp}
            browser.close()
        server.shutdown()
        t.join(5)
    mp.undo()


@pytest.fixture
def page(served):
    ctx = served["browser"].new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    assert not errors, errors
    ctx.close()


def open_page(page, served):
    page.goto(served["server"].url + f"#/t/{NAME}")
    page.wait_for_selector(".w")
    return page


def source(study):
    from deid import decisions as D
    with study.lock:
        return D.source_transcript(study, NAME)


def turn_of(study, word: str) -> int:
    return next(i for i, t in enumerate(source(study).turns) if word in t.text)


def word_el(page, turn: int, word: str):
    return page.locator(f".txt[data-turn='{turn}'] .w", has_text=word).first


def wait_acted(page, fn):
    page.evaluate("() => { window.__acted = false; document.addEventListener('veil:acted', "
                  "() => { window.__acted = true; }, {once: true}); }")
    fn()
    page.wait_for_function("() => window.__acted === true", timeout=60000)


def edit_turn(page, turn: int, old: str, new: str):
    """Click a word of the turn, press i, change the text in the editor, press Enter."""
    word_el(page, turn, old.split()[0]).click()
    page.keyboard.press("i")
    box = page.locator("textarea.edit")
    box.wait_for()
    text = box.input_value()
    assert old in text
    box.fill(text.replace(old, new))
    wait_acted(page, lambda: box.press("Enter"))


def audits(study, action):
    with study.lock:
        return [json.loads(d) for (d,) in study.db.execute(
            "SELECT detail FROM audit WHERE action=? AND reviewer='Ana (tester)'", (action,))]


# ---------------------------------------------------------------- listening
def test_click_a_word_plays_from_it(served, page):
    open_page(page, served)
    tr = source(served["study"])
    ti = turn_of(served["study"], "Millbrook")
    el = word_el(page, ti, "Millbrook")
    at = float(el.get_attribute("data-t"))
    w = next(w for w in tr.turns[ti].words if "Millbrook" in w.text)
    assert at == pytest.approx(w.start, abs=0.01)
    el.click()
    page.wait_for_function("() => !document.getElementById('player').paused", timeout=10000)
    now = page.evaluate("() => document.getElementById('player').currentTime")
    assert at - 0.05 <= now < at + 2.0
    # the word being spoken is highlighted as it plays
    page.wait_for_selector(".w.now")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "listen_page.png"))
    page.keyboard.press("Space")   # pause
    page.wait_for_function("() => document.getElementById('player').paused")
    # a turn's time plays from the turn's start; the speed can be changed
    page.select_option("#f-speed", "1.5")
    assert page.evaluate("() => document.getElementById('player').playbackRate") == 1.5
    page.locator(f".turn[data-turn='{ti + 1}'] .ts").click()
    page.wait_for_function("() => !document.getElementById('player').paused", timeout=10000)
    start = tr.turns[ti + 1].start
    assert start - 0.05 <= page.evaluate("() => document.getElementById('player').currentTime") < start + 2.0
    page.keyboard.press("Space")


# ---------------------------------------------------------------- correcting
def test_edit_a_word_is_saved_at_once_and_kept_after_reload(served, page):
    study = served["study"]
    open_page(page, served)
    ti = turn_of(study, "patience")
    old = next(w for w in source(study).turns[ti].words if "patience" in w.text)
    edit_turn(page, ti, "patience", "patients")
    turn = source(study).turns[ti]
    assert "patients" in turn.text and "patience" not in turn.text
    new = next(w for w in turn.words if "patients" in w.text)
    assert (new.start, new.end) == (old.start, old.end)      # the edited word keeps its span
    # saved in the encrypted study file, not only in memory
    from deid import key as keyfile
    con = keyfile.load(study.folder, keyfile.unlock_identity(study.folder, PASS))
    rec = json.loads(con.execute("SELECT data FROM transcript WHERE name=? AND kind='source'", (NAME,)).fetchone()[0])
    assert "patients" in rec["segments"][ti]["text"]
    [entry] = [a for a in audits(study, "edit_turn") if "patients" in a["after"][0]]
    assert "patience" in entry["before"][0] and entry["turn"] == ti
    page.reload()
    page.wait_for_selector(".w")
    assert "patients" in page.inner_text(f".txt[data-turn='{ti}']")


def test_a_name_typed_in_is_replaced_in_the_export_and_learnt_by_the_key(served, page):
    study = served["study"]
    open_page(page, served)
    ti = turn_of(study, "Caffa")
    with study.lock:
        before = {real: eid for eid, real, _ in study.variants()}
    misheard = next(r for r in before if "Caffa" in r)
    text = source(study).turns[ti].text
    old = text[text.index("Margaret"):text.index("Caffa") + len("Caffa")]
    edit_turn(page, ti, old, "Margaret Okafor")
    with study.lock:
        after = {real: eid for eid, real, _ in study.variants()}
    assert after.get("Margaret Okafor") == before[misheard]  # the same person, a new spelling
    from review import export
    with study.lock:
        result = export.export(study, served["tmp"] / "reviewed", ["txt"], allow_unreviewed=True)
    assert result.ok, result.outcomes
    out = (served["tmp"] / "reviewed" / "interview.txt").read_text()
    pseudonym = study.entity(before[misheard]).pseudonym
    assert "Okafor" not in out and "Margaret" not in out and pseudonym in out


def test_change_a_turns_speaker(served, page):
    study = served["study"]
    open_page(page, served)
    tr = source(study)
    ti = len(tr.turns) - 1
    other = next(s for s in ("Interviewer", "Respondent", "S1", "S2") if s != tr.turns[ti].speaker
                 and s in {t.speaker for t in tr.turns})
    wait_acted(page, lambda: page.select_option(f".spk[data-turn='{ti}']", other))
    assert source(study).turns[ti].speaker == other
    assert any(a["after"] == other and a["turn"] == ti for a in audits(study, "speaker"))
    wait_acted(page, lambda: page.select_option(f".spk[data-turn='{ti}']", tr.turns[ti].speaker))
    assert source(study).turns[ti].speaker == tr.turns[ti].speaker


def test_split_a_turn_at_a_word_then_merge_it_back(served, page):
    study = served["study"]
    open_page(page, served)
    tr = source(study)
    ti = turn_of(study, "supportive")
    text = tr.turns[ti].text
    word_el(page, ti, "Thank").click()
    page.keyboard.press("Escape")
    wait_acted(page, lambda: page.keyboard.press("b"))
    after = source(study)
    assert len(after.turns) == len(tr.turns) + 1
    first, second = after.turns[ti], after.turns[ti + 1]
    assert second.text.startswith("Thank you") and first.text + " " + second.text == text
    assert first.end <= second.start and second.words[0].text.strip().startswith("Thank")
    assert page.locator(".turn").count() == len(after.turns)
    # merge it back: click a word of the first part and press J
    word_el(page, ti, "supportive").click()
    wait_acted(page, lambda: page.keyboard.press("J"))
    merged = source(study)
    assert len(merged.turns) == len(tr.turns) and merged.turns[ti].text == text
    assert [a["turn"] for a in audits(study, "split_turn")] == [ti]
    assert [a["turn"] for a in audits(study, "merge_turns")] == [ti]


def test_a_stale_page_cannot_overwrite_a_newer_edit(served, page):
    study = served["study"]
    open_page(page, served)
    before = source(study)
    ti = turn_of(study, "Millbrook")
    page.evaluate(f"() => {{ window.veil.view.turns[{ti}].text += ' (changed elsewhere)'; }}")
    word_el(page, ti, "Millbrook").click()
    page.keyboard.press("Escape")
    page.keyboard.press("J")
    page.wait_for_selector("#toast.err")
    assert "changed elsewhere" in page.inner_text("#toast")
    after = source(study)
    assert [t.text for t in after.turns] == [t.text for t in before.turns]
    # and the page now shows the latest text
    page.wait_for_function(f"() => !window.veil.view.turns[{ti}].text.includes('changed elsewhere')")
