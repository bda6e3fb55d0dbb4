"""A reviewer who accepts every flag, through the review page's own code path
(review.actions), then `veil export --allow-unreviewed`. Prints JSON: flags (items), flag
groups (distinct words per transcript: one decision each), accepts made, files exported
and files refused.

    .venv/bin/python bench/accept_all.py STUDY OUT        (VEIL_PASSPHRASE set)
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deid.model import Status  # noqa: E402
from deid.study import open_study  # noqa: E402
from review import actions, export  # noqa: E402


def accept_all(study) -> dict:
    flags, groups, accepts = 0, set(), 0
    for name in study.transcript_names():
        for it in study.items.of(name):
            if it.is_flag:
                flags += 1
                groups.add((name, it.text.lower()))
    for name in study.transcript_names():
        for it in study.items.of(name):
            fresh = study.items.get(it.id)   # an earlier accept may have decided it
            if fresh is not None and fresh.status == Status.OPEN:
                actions._apply(study, "accept", {"item": it.id}, "bench")
                accepts += 1
    study.save()
    return {"flags": flags, "flag_groups": len(groups), "accepts": accepts}


def main(study_dir: str, out_dir: str) -> None:
    with open_study(study_dir, secret=os.environ["VEIL_PASSPHRASE"]) as study:
        result = accept_all(study)
        ex = export.export(study, Path(out_dir), [], allow_unreviewed=True)
    result["exported"] = sum(len(o.files) for o in ex.outcomes)
    result["refused"] = sum(len(o.refused) for o in ex.outcomes)
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:3])
