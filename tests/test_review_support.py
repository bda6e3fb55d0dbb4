"""Shared inputs for the review and export tests: the samples plus a transcript with
several flags and a transcript made from the sample recording (with word timings)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
AUDIO = SAMPLES / "audio" / "interview.flac"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

WARD = """Interviewer: Thank you for talking with me today. Could you tell me about your team?

Respondent: Of course. My supervisor Faith said I should come. Faith Okonkwo runs the night ward at Mercy Hospital, and she trained with Bill Hartley.

Interviewer: Who else helped you when you started?

Respondent: Bill, mostly. Rose, who works nights. Brackwell too, and Snaffit. My cousin Quennell lives in Tarrowby and visits on Sundays. Quennell brings soup.

Interviewer: Anything else you would like to add?

Respondent: Only that Dr. Summer at Lakeshore Clinic was kind to me. We ate at tavolino after shifts, and Dean Whitcombe signed my papers.
"""
# two reviewers' tabs on one transcript: three open flags (a name that is a common word at a
# sentence's start, two words no dictionary holds)
ROTA = """Interviewer: Who was on the rota when you started?

Respondent: Bill, mostly. Snaffit, on the weekends. Brackwater too, when we were short.

Interviewer: And the managers?

Respondent: I still think of Quorley when we do handover.
"""

# what the sample recording says, with word timings as `veil run` stores them
SPOKEN = [
    ("Interviewer", 0.0, "Thank you for joining us today. Could you start by telling me your name and where you work?"),
    ("Respondent", 6.2, "Sure. My name is Margaret Okafor, and I am a nurse at Riverside General Hospital in Millbrook."),
    ("Interviewer", 13.4, "How long have you worked there?"),
]


def recording_json() -> dict:
    segs = []
    for speaker, t, text in SPOKEN:
        words = []
        for w in text.split():
            words.append({"start": round(t, 2), "end": round(t + 0.32, 2), "word": " " + w, "probability": 0.9})
            t += 0.36
        segs.append({"start": words[0]["start"], "end": words[-1]["end"], "speaker": speaker,
                     "text": text, "words": words})
    return {"format": "veil-transcript", "version": 1, "name": "recording_07.json",
            "media": str(AUDIO), "meta": {}, "segments": segs}


def make_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in SAMPLES.glob("*.*"):
        shutil.copy(f, folder / f.name)
    (folder / "ward_06.txt").write_text(WARD)
    (folder / "recording_07.json").write_text(json.dumps(recording_json(), indent=1))
    return folder


def approve_clean(study_dir, passphrase: str, reviewer: str = "tester") -> list[str]:
    """Approve, as a reviewer would, every transcript of a study with no open flag."""
    from deid import decisions as D
    from deid.study import open_study
    with open_study(study_dir, secret=passphrase) as s:
        names = [n for n in s.transcript_names() if not s.open_items(n)]
        for n in names:
            D.approve(s, n, reviewer)
        s.save()
    return names
