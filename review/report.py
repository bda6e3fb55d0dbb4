"""The review report: per transcript, what was replaced (counts by kind), what the
reviewers decided, who reviewed it and when. Counts, names of reviewers and file names
only: never a real identifier from a transcript."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from deid import decisions as D
from deid.key import atomic_write
from deid.model import REVIEWER, Kind, Status

COLUMNS = (["transcript", "export", "files", "open_flags", "flags", "accepted", "rejected", "corrected",
            "marked_by_reviewer"] + [f"replaced_{k.value}" for k in Kind] + ["reviewers", "last_decision",
                                                                               "approved_by", "approved_at"])


def row(study, name: str, outcome=None) -> dict:
    its = study.items.of(name)
    flags = [i for i in its if i.is_flag]
    r = {"transcript": outcome.out_name if outcome and outcome.out_name else name,
         "export": outcome.status if outcome else "",
         "files": " ".join(outcome.files) if outcome else "",
         "open_flags": sum(i.status == Status.OPEN for i in flags),
         "flags": len(flags),
         "accepted": sum(i.status == Status.ACCEPTED for i in flags),
         "rejected": sum(i.status == Status.REJECTED for i in its),
         "corrected": sum(i.status == Status.CORRECTED for i in its),
         "marked_by_reviewer": sum(i.recognizer == REVIEWER for i in its)}
    for k in Kind:
        r[f"replaced_{k.value}"] = sum(i.replaced and i.kind == k for i in its)
    who = {i.reviewer for i in its if i.reviewer}
    when = [i.decided or "" for i in its if i.reviewer]
    for rev, at in study.audit_of([i.id for i in its]):
        if rev:
            who.add(rev)
            when.append(at or "")
    r["reviewers"] = "; ".join(sorted(who))
    r["last_decision"] = max(when) if when else ""
    approved = D.approval(study, name) or {}
    r["approved_by"], r["approved_at"] = approved.get("reviewer", ""), approved.get("at", "")
    return r


def write_csv(study, outcomes, path: Path) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for o in outcomes:
        w.writerow(row(study, o.name, o))
    atomic_write(path, buf.getvalue().encode("utf-8"))
    return path
