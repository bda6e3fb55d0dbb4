"""The review report: per transcript, what was replaced (counts by kind), what the
reviewers decided, who reviewed it and when. Counts, names of reviewers and file names
only: never a real identifier from a transcript."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from deid import decisions as D
from deid.entity import KINDS
from deid.key import atomic_write
from review import queue

COLUMNS = (["transcript", "export", "files", "open_flags", "flags", "accepted", "rejected", "corrected",
            "marked_by_reviewer"] + [f"replaced_{k}" for k in KINDS] + ["reviewers", "last_decision"])


def row(study, name: str, outcome=None) -> dict:
    its = D.items(study, name)
    flags = [i for i in its if queue.is_flag(i)]
    r = {"transcript": name,
         "export": outcome.status if outcome else "",
         "files": " ".join(outcome.files) if outcome else "",
         "open_flags": sum(i["status"] == "open" for i in flags),
         "flags": len(flags),
         "accepted": sum(i["status"] == "accepted" for i in flags),
         "rejected": sum(i["status"] == "rejected" for i in its),
         "corrected": sum(i["status"] == "corrected" for i in its),
         "marked_by_reviewer": sum(i["reason"] == queue.REVIEWER_MARK for i in its)}
    auto = D.auto_replaced(study, name)
    for k in KINDS:
        r[f"replaced_{k}"] = sum(queue.replaced(i, auto) and (i["kind"] or "person") == k for i in its)
    ids = [i["id"] for i in its]
    who, when = set(), []
    for i in its:
        if i["reviewer"]:
            who.add(i["reviewer"])
            when.append(i["decided"] or "")
    if ids:
        q = ",".join("?" * len(ids))
        for rev, at in study.db.execute(f"SELECT reviewer, at FROM audit WHERE item IN ({q})", ids):
            if rev:
                who.add(rev)
                when.append(at or "")
    r["reviewers"] = "; ".join(sorted(who))
    r["last_decision"] = max(when) if when else ""
    return r


def write_csv(study, outcomes, path: Path) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for o in outcomes:
        w.writerow(row(study, o.name, o))
    atomic_write(path, buf.getvalue().encode("utf-8"))
    return path
