"""Participant codes ("P07", "M1-04"): which participant a transcript is, kept in the study
and used to name its outputs (`veil export --name-by participant`). A code comes from the
configuration's [speakers] (a speaker mapped to a code) or from `veil participants --set`.
Codes are letters and digits only: a free text could be somebody's name."""
from __future__ import annotations

from deid.filenames import shown
from deid.labels import CODE
from deid.study import StudyError

SETTING = "participants"


def codes(study) -> dict[str, str]:
    """Transcript name -> its participant's code."""
    return study.setting(SETTING, {})


def listing(study) -> list[tuple[str, str | None]]:
    """(name fit to show, code or None) of every transcript, in the study's order."""
    have = codes(study)
    return [(shown(study, n), have.get(n)) for n in study.transcript_names()]


def find(study, name: str) -> str:
    """The transcript the user means: its name as read, or as veil showed it."""
    names = study.transcript_names()
    if name in names:
        return name
    by_shown = [n for n in names if shown(study, n) == name]
    if len(by_shown) == 1:
        return by_shown[0]
    # the name typed is not repeated: it may be somebody's
    raise StudyError("the study holds no transcript of that name (veil participants lists them)")


def assign(study, name: str, code: str | None, reviewer: str) -> str:
    """Give transcript `name` the code (None: take it away); returns the name to show."""
    transcript = find(study, name)
    if code is not None:
        code = code.strip()
        if not CODE.match(code):
            raise StudyError("that is not a participant code: use letters and digits such as P07 or "
                             "M1-04 (a free text could be somebody's name)")
    have = codes(study)
    if code is None:
        have.pop(transcript, None)
    else:
        have[transcript] = code
    study.set_setting(SETTING, have)
    study.audit(reviewer, None, "participant", f"{shown(study, transcript)}: {code or '-'}")
    return shown(study, transcript)
