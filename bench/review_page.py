"""Benchmarks for veil review.

1. The page for a 10,000-word transcript with 300 highlights (30 of them open flags), in
   Debian chromium driven by playwright: time from navigation to the transcript rendered,
   the round trip of an accept keystroke (request, decision saved encrypted, page
   re-rendered) and of a next-flag keystroke. Target: load under 1 s.
2. A scripted reviewer on shared/eval/dev who accepts every flag (the page's own accept
   operation), then `veil export`: recall after review, inconsistent entities (scored by
   shared/eval/score.py) and flags per 1,000 words.

    .venv/bin/python bench/review_page.py [--words 10000] [--highlights 300]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
FILLER = ("and the then we really think about time work patients when team because just "
          "so it was that they had more with our very good what like know people clinic").split()
FIRST = ["Helen", "Marcus", "Priya", "Tom", "Angela", "Linda", "Oscar", "Nadia", "Ruth", "Victor"]
LAST = ["Marsh", "Okafor", "Bell", "Reyes", "Carter", "Baker", "Nguyen", "Silva", "Kowalski", "Haddad"]
PLACES = ["Evanston", "Skokie", "Milwaukee", "Olathe", "Topeka", "Wichita"]


def build_study(folder: Path, words: int, highlights: int, flags: int = 30):
    """A study holding one long transcript with `highlights` items, built directly."""
    from deid.study import open_study
    from transcript import Transcript, Turn
    from transcript.layouts import to_json
    rng = random.Random(7)
    people = [(f, l) for f in FIRST for l in LAST][:40]
    n_turns = words // 50
    every = words / highlights
    turns, spans, count, next_at = [], [], 0, every / 2
    for ti in range(n_turns):
        toks, pos, text_spans = [], 0, []
        for _ in range(50):
            count += 1
            if count >= next_at and len(spans) + len(text_spans) < highlights:
                next_at += every
                if rng.random() < 0.8:
                    f, l = rng.choice(people)
                    w, kind, ent = f"{f} {l}", "person", ("person", f"{f} {l}")
                else:
                    w = rng.choice(PLACES)
                    kind, ent = "place", ("place", w)
                text_spans.append((ti, pos, pos + len(w), w, kind, ent))
            else:
                w = rng.choice(FILLER)
            toks.append(w)
            pos += len(w) + 1
        turns.append(Turn(text=" ".join(toks), speaker="Interviewer" if ti % 2 == 0 else "Respondent",
                          start=ti * 20.0))
        spans += text_spans
    tr = Transcript(turns=turns, layout="json", name="long_interview.json")
    with open_study(folder, create=True, secret="bench") as study:
        rec = json.loads(to_json(tr))
        rec["layout"] = "json"
        study.put_transcript(tr.name, "source", rec)
        ents = {}
        for ti, a, b, w, kind, ent in spans:
            if ent not in ents:
                pseudo = f"Pseudo{len(ents)} Name" if kind == "person" else f"Place{len(ents)}ville"
                ents[ent] = study.add_entity(kind, w, pseudo)
                study.add_variant(ents[ent], w, pseudo)
        flagged = set(rng.sample(range(len(spans)), flags))
        for n, (ti, a, b, w, kind, ent) in enumerate(spans):
            study.db.execute(
                "INSERT INTO item(transcript, turn, start, end, text, entity, kind, reason, score, status) "
                "VALUES(?,?,?,?,?,?,?,?,?,?)",
                (tr.name, ti, a, b, w, ents[ent], kind, "low confidence" if n in flagged else "SpacyRecognizer",
                 0.4 if n in flagged else 0.85, "open" if n in flagged else "auto"))
        study.save()
    return tr.name, sum(len(t.text.split()) for t in turns), len(spans)


def bench_page(words: int, highlights: int) -> dict:
    from playwright.sync_api import sync_playwright

    from deid.study import open_study
    from review import server as srv
    with tempfile.TemporaryDirectory() as tmp:
        name, n_words, n_items = build_study(Path(tmp) / "study", words, highlights)
        with open_study(Path(tmp) / "study", secret="bench") as study:
            server = srv.start(study, "bench")
            threading.Thread(target=srv.serve, args=(server,), daemon=True).start()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                loads = []
                for _ in range(5):
                    page.goto("about:blank")
                    page.goto(server.url + f"#/t/{name}")
                    page.wait_for_function("() => window.veilReady !== undefined")
                    loads.append(page.evaluate("() => window.veilReady"))  # ms since navigation start
                accepts, steps = [], []
                for _ in range(10):
                    page.evaluate("() => { window.__acted = false; document.addEventListener('veil:acted', "
                                  "() => { window.__acted = true; }, {once: true}); }")
                    t0 = time.perf_counter()
                    page.keyboard.press("a")
                    page.wait_for_function("() => window.__acted === true", polling="raf")
                    accepts.append((time.perf_counter() - t0) * 1000)
                for _ in range(10):
                    before = page.evaluate("() => window.veil.sel")
                    t0 = time.perf_counter()
                    page.keyboard.press("j")
                    page.wait_for_function(f"() => window.veil.sel !== {before}", polling="raf")
                    steps.append((time.perf_counter() - t0) * 1000)
                browser.close()
            server.shutdown()
    return {"words": n_words, "highlights": n_items, "load_ms_median": statistics.median(loads),
            "load_ms_max": max(loads), "accept_ms_median": statistics.median(accepts),
            "accept_ms_max": max(accepts), "next_flag_ms_median": statistics.median(steps)}


def bench_reviewer() -> dict:
    """Accept every flag on shared/eval/dev, export, score."""
    from deid.study import open_study
    from review import actions, export
    env = dict(os.environ, VEIL_PASSPHRASE="bench")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(EVAL / "score.py"), "plain", str(EVAL / "dev"), str(tmp / "in")],
                       check=True, capture_output=True)
        words = sum(len(f.read_text().split()) for f in (tmp / "in").iterdir())
        subprocess.run([str(Path(sys.executable).parent / "veil"), "deid", str(tmp / "in"), "--study",
                        str(tmp / "study"), "--out", str(tmp / "auto")], check=True, env=env, capture_output=True)
        auto = json.loads(subprocess.run([sys.executable, str(EVAL / "score.py"), "score", str(EVAL / "dev"),
                                          str(tmp / "auto"), "--json"], capture_output=True, text=True).stdout)
        with open_study(tmp / "study", secret="bench") as study:
            flags = study.open_items()
            t0 = time.perf_counter()
            while True:
                row = study.db.execute("SELECT id FROM item WHERE status='open' ORDER BY id LIMIT 1").fetchone()
                if not row:
                    break
                actions.apply(study, "accept", {"item": row[0]}, "scripted reviewer")
            review_s = time.perf_counter() - t0
            result = export.export(study, tmp / "reviewed")
        scored = json.loads(subprocess.run([sys.executable, str(EVAL / "score.py"), "score", str(EVAL / "dev"),
                                            str(tmp / "reviewed"), "--json"], capture_output=True, text=True).stdout)
    return {"words": words, "flags": flags, "flags_per_1000_words": round(1000 * flags / words, 2),
            "recall_auto": round(auto["recall"], 3), "recall_after_review": round(scored["recall"], 3),
            "inconsistent_after_review": len(scored["inconsistent"]),
            "over_redaction_after_review": round(scored["over_redaction"], 4),
            "leaks_after_review": scored["leaks"], "exported_ok": result.ok, "review_seconds": round(review_s, 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--highlights", type=int, default=300)
    ap.add_argument("--skip-page", action="store_true")
    ap.add_argument("--skip-reviewer", action="store_true")
    a = ap.parse_args()
    if not a.skip_page:
        r = bench_page(a.words, a.highlights)
        print(f"page: {r['words']} words, {r['highlights']} highlights: load {r['load_ms_median']:.0f} ms "
              f"(max {r['load_ms_max']:.0f}; target < 1000), accept keystroke round trip "
              f"{r['accept_ms_median']:.0f} ms (max {r['accept_ms_max']:.0f}), next flag {r['next_flag_ms_median']:.0f} ms")
    if not a.skip_reviewer:
        r = bench_reviewer()
        print(f"scripted reviewer on shared/eval/dev ({r['words']} words): {r['flags']} flags = "
              f"{r['flags_per_1000_words']} per 1,000 words; recall {r['recall_auto']} automatic -> "
              f"{r['recall_after_review']} after accepting every flag; inconsistent {r['inconsistent_after_review']}; "
              f"over-redaction {r['over_redaction_after_review']}")
        for leak in r["leaks_after_review"]:
            print("  still missed (never flagged):", leak.split(":")[0])


if __name__ == "__main__":
    main()
