"""veil review in a real browser: Debian chromium driven by playwright, against a study
made by the real `veil deid` (one study for the whole module: opening one costs scrypt)."""
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from test_review_support import CHROMIUM, CHROMIUM_ARGS, ROTA, make_inputs

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")

ARTIFACTS = Path(__file__).parent / "artifacts"
PASS = "review-pass"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from deid.study import open_study
    from review import server as srv
    tmp = tmp_path_factory.mktemp("review")
    mp = pytest.MonkeyPatch()
    mp.setenv("VEIL_PASSPHRASE", PASS)
    inputs = make_inputs(tmp / "in")
    (inputs / "rota_08.txt").write_text(ROTA)   # two tabs' flags
    res = CliRunner().invoke(cli.main, ["deid", str(inputs), "--study", str(tmp / "study"),
                                        "--out", str(tmp / "out")])
    assert res.exit_code == 0, res.output
    with open_study(tmp / "study", secret=PASS) as study:
        server = srv.start(study, "Ana (tester)")
        t = threading.Thread(target=srv.serve, args=(server,), daemon=True)
        t.start()
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield {"study": study, "server": server, "browser": browser, "tmp": tmp}
            browser.close()
        server.shutdown()
        t.join(5)
    mp.undo()


@pytest.fixture
def page(served):
    ctx = served["browser"].new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    outside = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1:", "data:")) else None)
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    assert not outside, f"the page asked for something outside veil: {outside}"
    assert not errors, errors
    ctx.close()


def open_transcript(page, served, name):
    page.goto(served["server"].url + f"#/t/{name}")
    page.wait_for_selector("mark.it")
    return page


def item_rows(study, name):
    """The study's items of a transcript, as dicts (with the reason in words)."""
    from dataclasses import asdict
    with study.lock:
        return {i.id: asdict(i) | {"reason": i.reason} for i in study.items.of(name)}


def selected(page) -> int:
    return int(page.eval_on_selector("mark.sel", "e => e.dataset.id"))


def wait_acted(page, fn):
    page.evaluate("() => { window.__acted = false; document.addEventListener('veil:acted', "
                  "() => { window.__acted = true; }, {once: true}); }")
    fn()
    page.wait_for_function("() => window.__acted === true")


# ---------------------------------------------------------------- access
def _get(url, headers=None, data=None):
    req = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_refused_without_token(served):
    server = served["server"]
    base = f"http://127.0.0.1:{server.server_address[1]}"
    token = server.review.token
    assert server.server_address[0] == "127.0.0.1"
    assert _get(base + "/")[0] == 403
    assert _get(base + "/?token=wrong")[0] == 403
    assert _get(base + "/api/transcripts")[0] == 403
    assert _get(base + "/static/app.js")[0] == 403
    # the page's own requests carry the token; a POST must carry it in its header (not a cookie)
    body = json.dumps({"op": "accept", "item": 1}).encode()
    assert _get(base + "/api/action", {"Cookie": f"veil_token={token}", "Content-Type": "application/json"},
                body)[0] == 403
    # another host name pointing at loopback (DNS rebinding) is refused even with the token
    assert _get(base + "/api/transcripts", {"Host": "evil.example", "X-Veil-Token": token})[0] == 403
    # every API call needs the token in its header (not in the address, not in a cookie)
    assert _get(base + f"/api/transcripts?token={token}")[0] == 403
    code, data = _get(base + "/api/transcripts", {"X-Veil-Token": token})
    assert code == 200 and "ward_06.txt" in data.decode()


def test_page_opens_with_token_and_lists_transcripts(served, page):
    page.goto(served["server"].url)
    page.wait_for_selector("#list a")
    names = page.locator("#list a .name").all_inner_texts()
    assert "ward_06.txt" in names and "interview_01.txt" in names
    badge = page.locator("#list a[data-name='ward_06.txt'] .badge").inner_text()
    assert badge.strip() == str(served["study"].open_items("ward_06.txt"))
    page.click("#list a[data-name='ward_06.txt']")
    page.wait_for_selector("mark.st-open")
    assert "flags decided" in page.inner_text("#progress-text")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review_page.png"))
    open_transcript(page, served, "interview_01.txt")
    page.screenshot(path=str(ARTIFACTS / "review_page_sample.png"), full_page=True)


# ---------------------------------------------------------------- decisions
def test_accept_and_reject_by_keyboard(served, page):
    study = served["study"]
    open_transcript(page, served, "ward_06.txt")
    before = item_rows(study, "ward_06.txt")
    first = selected(page)                       # the page opens on the first open flag
    assert before[first]["status"] == "open"
    wait_acted(page, lambda: page.keyboard.press("a"))
    second = selected(page)                      # and moves on to the next open flag
    assert second != first
    wait_acted(page, lambda: page.keyboard.press("r"))
    rows = item_rows(study, "ward_06.txt")
    assert rows[first]["status"] == "accepted" and rows[first]["reviewer"] == "Ana (tester)"
    assert rows[second]["status"] == "rejected"
    assert page.locator(f"#i{second}.st-rejected").count() == 1
    page.keyboard.press("k")                     # back to the previous flag
    assert selected(page) == second
    audit = study.db.execute("SELECT reviewer, action FROM audit WHERE item IN (?,?)", (first, second)).fetchall()
    assert ("Ana (tester)", "accepted") in audit and ("Ana (tester)", "rejected") in audit


def test_accept_by_mouse_and_rename_everywhere(served, page):
    study = served["study"]
    open_transcript(page, served, "ward_06.txt")
    rows = item_rows(study, "ward_06.txt")
    flag = next(i for i in rows.values() if i["status"] == "open" and i["entity"])
    page.click(f"#i{flag['id']}")
    wait_acted(page, lambda: page.click("#b-accept"))
    assert item_rows(study, "ward_06.txt")[flag["id"]]["status"] == "accepted"
    # rename an entity by mouse: every mention of it changes
    target = next(i for i in rows.values() if i["text"] == "Quennell")
    page.click(f"#i{target['id']}")
    page.fill("#f-rename", "Bartholomew")
    wait_acted(page, lambda: page.click("#b-rename"))
    assert study.entity(target["entity"]).pseudonym == "Bartholomew"
    shown = [t.replace("→", "").strip() for t in page.locator("mark:has-text('Quennell') .to").all_inner_texts()]
    assert shown and all(s == "Bartholomew" for s in shown)
    # and by keyboard: e focuses the pseudonym, Enter saves
    other = next(i for i in rows.values() if i["text"] == "Tarrowby")
    page.click(f"#i{other['id']}")
    page.keyboard.press("e")
    page.keyboard.type("Fernhollow")
    wait_acted(page, lambda: page.keyboard.press("Enter"))
    assert study.entity(other["entity"]).pseudonym == "Fernhollow"


def test_change_kind_merge_and_split(served, page):
    study = served["study"]
    open_transcript(page, served, "ward_06.txt")
    rows = item_rows(study, "ward_06.txt")
    clinic = next(i for i in rows.values() if "Lakeshore" in i["text"])
    page.click(f"#i{clinic['id']}")
    page.select_option("#f-kind", "place")
    wait_acted(page, lambda: page.click("#b-kind"))
    assert study.entity(clinic["entity"]).kind == "place"
    assert page.locator(f"#i{clinic['id']}.k-place").count() == 1
    # "Faith" of Faith Okonkwo: split off as someone else, then merged back
    faith = next(i for i in rows.values() if i["text"] == "Faith" and i["turn"] == 1)
    full = next(i for i in rows.values() if i["text"] == "Faith Okonkwo")
    page.click(f"#i{faith['id']}")
    wait_acted(page, lambda: page.click("#b-split"))
    split_entity = item_rows(study, "ward_06.txt")[faith["id"]]["entity"]
    assert split_entity not in (faith["entity"], None)
    page.select_option("#f-merge", str(full["entity"]))
    wait_acted(page, lambda: page.click("#b-merge"))
    assert item_rows(study, "ward_06.txt")[faith["id"]]["entity"] == full["entity"]
    assert study.entity(split_entity) is None


def test_mark_missed_name_by_selecting_words(served, page):
    study = served["study"]
    open_transcript(page, served, "ward_06.txt")
    page.evaluate("""() => {
      const p = [...document.querySelectorAll('.txt')].find(e => e.textContent.includes('tavolino'));
      const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('tavolino'));
      const at = node.textContent.indexOf('tavolino');
      const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 8);
      const s = getSelection(); s.removeAllRanges(); s.addRange(r);
    }""")
    page.keyboard.press("m")
    page.wait_for_selector("#missed-pop:not([hidden])")
    assert page.inner_text("#missed-text") == "tavolino"
    page.select_option("#missed-kind", "institution")
    wait_acted(page, lambda: page.click("#missed-ok"))
    marked = [i for i in item_rows(study, "ward_06.txt").values() if i["text"] == "tavolino"]
    assert marked and all(i["status"] == "accepted" and i["kind"] == "institution" for i in marked)
    assert page.locator("mark.k-institution:has-text('tavolino')").count() == 1


def two_tabs(served, page, name):
    """A second tab on the same transcript, and the open flags of it."""
    other = page.context.new_page()
    open_transcript(page, served, name)
    open_transcript(other, served, name)
    return other, [i for i in item_rows(served["study"], name).values() if i["status"] == "open"]


def test_two_tabs_keep_each_others_decisions(served, page):
    study = served["study"]
    other, flags = two_tabs(served, page, "rota_08.txt")
    assert len(flags) >= 2
    page.click(f"#i{flags[0]['id']}")
    other.click(f"#i{flags[1]['id']}")
    wait_acted(page, lambda: page.keyboard.press("a"))
    wait_acted(other, lambda: other.keyboard.press("r"))
    rows = item_rows(study, "rota_08.txt")
    assert rows[flags[0]["id"]]["status"] == "accepted" and rows[flags[1]["id"]]["status"] == "rejected"
    # a stale tab deciding an item the other already decided is told, and shown the latest state
    other.click(f"#i{flags[0]['id']}")
    other.evaluate(f"() => {{ window.veil.byId.get({flags[0]['id']}).status = 'open'; }}")
    other.keyboard.press("r")
    other.wait_for_selector("#toast.err")
    assert "just decided" in other.inner_text("#toast")
    assert item_rows(study, "rota_08.txt")[flags[0]["id"]]["status"] == "accepted"
    other.close()


def test_a_tab_in_use_shows_other_reviewers_decisions(served, page):
    other, flags = two_tabs(served, page, "rota_08.txt")
    assert flags
    page.click(f"#i{flags[0]['id']}")
    wait_acted(page, lambda: page.keyboard.press("a"))
    other.mouse.click(5, 5)  # someone is working in the other tab: it asks for news by itself
    other.wait_for_function(f"() => window.veil.byId.get({flags[0]['id']}).status === 'accepted'", timeout=25000)
    other.close()


def test_reload_keeps_decisions(served, page):
    study = served["study"]
    open_transcript(page, served, "ward_06.txt")
    rows = item_rows(study, "ward_06.txt")
    page.reload()
    page.wait_for_selector("mark.it")
    for i in rows.values():
        if i["status"] in ("accepted", "rejected"):
            assert page.locator(f"#i{i['id']}.st-{i['status']}").count() == 1, i["id"]
    flags = [i for i in rows.values() if i["status"] != "auto" and i["reason"] != "marked by reviewer"]
    decided = sum(i["status"] != "open" for i in flags)
    assert page.inner_text("#progress-text").startswith(f"{decided} / {len(flags)}")
    # saved, encrypted, at once: a fresh read of the study file has them
    from deid import key as keyfile
    ident = keyfile.unlock_identity(study.folder, PASS)
    con = keyfile.load(study.folder, ident)
    saved = dict(con.execute("SELECT id, status FROM item WHERE transcript='ward_06.txt'").fetchall())
    assert all(saved[i] == r["status"] for i, r in rows.items())
    assert b"Quennell" not in (study.folder / "key.age").read_bytes()


def test_audio_plays_around_the_item(served, page):
    server = served["server"]
    open_transcript(page, served, "recording_07.json")
    rows = item_rows(served["study"], "recording_07.json")
    item = next(i for i in rows.values() if "Okafor" in i["text"])
    page.click(f"#i{item['id']}")
    assert page.locator("#b-play").count() == 1
    base = f"http://127.0.0.1:{server.server_address[1]}"
    tok = {"X-Veil-Token": server.review.token}
    code, data = _get(base + f"/api/clip?item={item['id']}", tok)
    clip = json.loads(data)
    assert code == 200 and 6.0 < clip["start"] < 8.5 < clip["end"] < 11.0
    code, data = _get(base + "/api/audio?name=recording_07.json", dict(tok, Range="bytes=0-99"))
    assert code == 206 and len(data) == 100 and data[:4] == b"fLaC"
    assert _get(base + "/api/audio?name=recording_07.json")[0] == 403
    page.click("#b-play")
    page.wait_for_function("() => document.getElementById('player').currentTime > 0", timeout=10000)
    assert page.evaluate("() => document.getElementById('player').currentTime") >= clip["start"] - 0.01


def test_export_after_review(served):
    from review import export
    study, tmp = served["study"], served["tmp"]
    from review import actions
    with study.lock:
        for (iid,) in study.db.execute("SELECT id FROM item WHERE status='open' AND transcript='ward_06.txt'").fetchall():
            actions.apply(study, "accept", {"item": iid}, "Ana (tester)")
        actions.apply(study, "approve", {"name": "ward_06.txt"}, "Ana (tester)")
        result = export.export(study, tmp / "reviewed", ["txt"])
    assert not any(o.refused for o in result.outcomes)
    assert [o.status for o in result.outcomes if o.name == "ward_06.txt"] == ["exported"]
    text = (tmp / "reviewed" / "ward_06.txt").read_text()
    assert "Bartholomew" in text and "Fernhollow" in text     # renamed by the reviewer
    assert "Quennell" not in text and "Tarrowby" not in text and "tavolino" not in text
    report = (tmp / "reviewed" / "review_report.csv").read_text()
    assert "Ana (tester)" in report and "Quennell" not in report
