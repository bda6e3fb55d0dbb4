"""Speaker labels are identifiers like any other. Zoom, Teams and Otter write the
speaker's name ("Jessica Alvarez:", "<v Thomas Whitfield>", "Dana Whitfield  0:02"):
such a label is linked to the same entity as the person's mentions in the text and gets
the same pseudonym; initials ("DW:") become the pseudonym's initials; role labels
(Interviewer, Respondent, S1, Speaker 2, P07) are kept. The study's configuration can map a
label to a role or a participant code (`[speakers]`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from deid import entity as ent
from deid import lexicon, names, words
from deid.model import Kind, Mention

RECOGNIZER = "SpeakerLabel"
# a role word (or a header's field), with a number or a letter: "Interviewer", "Speaker 2",
# "Respondent B", "Int-1", "Date"
ROLE = re.compile(r"^(?i:%s)(?:[ \t]*[#.\-]?[ \t]*\d{1,4}[A-Za-z]?|[ \t]+[A-Z](?!\w))?$"
                  % "|".join(re.escape(r) for r in sorted(lexicon.ROLE_LABELS | lexicon.FIELD_LABELS, key=len,
                                                          reverse=True)))
CODE = re.compile(r"^(?:[A-Z]{0,3}[\-_ ]?\d{1,4}(?:[\-_.][A-Z0-9]{1,4})*|\d+)$")   # "P07", "M1-04", "S1", "12"
INITIALS = re.compile(r"^(?:[A-Z]\.?[ \t]?){2,3}$")
# (a stop after the initial, or two or three of them: not a study's code, "Person A", "Mum B")
WORD_AND_INITIALS = re.compile(r"^[A-Z][a-z]+[ \t]+(?:[A-Z]\.|(?:[A-Z]\.?){2,3})[ \t]*$")
EXTRA = re.compile(r"[ \t]*(?:\([^)]*\)|\[[^\]]*\])[ \t]*$")   # "(Guest)", "(she/her)", "[host]"
# Zoom names a participant who joined without a name by the device: "Lan's iPad"
DEVICE = re.compile(r"^(?P<name>.+?)['’]s[ \t]+(?i:ipad|iphone|ipod|galaxy|android|macbook|mac|pc|laptop|phone|"
                    r"surface|chromebook|pixel|computer|tablet|desktop|kindle)\b[^'’]*$")


# Teams and Zoom name who dialled in by the number: "+44 7700 900412", "(555) 010-4477"
PHONE = re.compile(r"\+?[\d()][\d() .\-]{6,}\d")
# a chat's user name as its label: "maria.g", "duc_tran" (Slack), not a person's name
HANDLE = re.compile(r"^@?[a-z0-9]+(?:[._][a-z0-9]+)+$")


@dataclass
class Label:
    """A speaker label holding a name: the name's place in it, and what it becomes."""
    label: str
    mention: Mention            # the name (offsets within the label)
    pseudonym: str | None = None
    initials: bool = False
    handle: bool = False        # a chat's user name: a contact, as "@maria.g" in the text is
    body: Mention | None = None           # the body shown after the name: "(NUS)"
    body_pseudonym: str | None = None


def is_role(label: str) -> bool:
    """A label naming a role or a code, not a person."""
    core = EXTRA.sub("", label).strip().replace("_", " ")   # ("speaker_1", "int_2")
    if not core or ROLE.match(core) or CODE.match(core):
        return True
    toks = [t for t in ent.tokens(core) if re.search(r"[^\W\d_]", t)]
    if not toks or INITIALS.match(core):
        return not toks
    # a role or a header's field and ordinary words: "Date of interview", "Transcriber initials"
    if toks[0].lower() in lexicon.ROLE_LABELS | lexicon.FIELD_LABELS and all(
            words.is_common(t) and not names.is_name(t.title()) for t in toks[1:]):
        return True
    # a post: ordinary words and an occupation, "Case manager" (though "Case" is a surname)
    if len(toks) > 1 and toks[-1].title() in lexicon.OCCUPATIONS and all(words.is_common(t) for t in toks[:-1]):
        return True
    # a display name of a word and initials: "Lovely T.", "Baby DC" (not "Nurse B", "Team A")
    if len(toks) > 1 and WORD_AND_INITIALS.match(core) and toks[0].lower() not in lexicon.ROLE_LABELS \
            and toks[0].title() not in lexicon.OCCUPATIONS and toks[0].lower() not in lexicon.DOMAIN_LOWER:
        return False
    # ordinary words that are nobody's name: "Nurse Manager", "Note", "Audience Member"
    return all(words.is_common(t) and t.title() not in names.first_names() and t.title() not in names.last_names()
               for t in toks)


def _handle(core: str) -> bool:
    """A user name, not a role written so: "maria.g", not "speaker_1", "int_2", "p.07"."""
    parts = re.split(r"[._]", core.lstrip("@"))
    return bool(HANDLE.fullmatch(core)) and parts[0] not in lexicon.ROLE_LABELS and not is_role(" ".join(parts))


def name_in(label: str, fno: int, turn: int) -> Label | None:
    """The name a label holds (title and "(Guest)" left out), or None for a role."""
    core = EXTRA.sub("", label)
    if _handle(core.strip()):
        s = core.index(core.strip()) + (1 if core.strip().startswith("@") else 0)
        text = core.strip().lstrip("@")
        return Label(label, Mention(fno, turn, s, s + len(text), Kind.CONTACT, 0.9, RECOGNIZER, text), handle=True)
    if PHONE.fullmatch(core.strip()):   # who dialled in: a contact like any other
        s = core.index(core.strip())
        text = core.strip()
        return Label(label, Mention(fno, turn, s, s + len(text), Kind.CONTACT, 0.9, RECOGNIZER, text))
    device = DEVICE.match(core)
    if is_role(device.group("name") if device else label):
        return None
    s, e, name = ent.trim(core, 0, device.end("name") if device else len(core), Kind.PERSON)
    if not name or name.islower() and not label.islower() and all(words.is_common(t) for t in name.split()):
        return None   # (a header's field, "Officer on post": "post" is no one's name written so;
        # "summer school (Guest)"; not a guest who typed hers small, "jun jun lopez (Guest)")
    m = Mention(fno, turn, s, e, Kind.PERSON, 0.9, RECOGNIZER, name)
    return Label(label, m, initials=bool(INITIALS.match(name.strip())), body=_body_in(label, fno, turn, e))


# Teams and Zoom show the organisation of an account after its name: "Wong Pei Shan (NUS)"
AFFILIATION = re.compile(r"\([ \t]*([^()]*?)[ \t]*\)[ \t]*$")


def _body_in(label: str, fno: int, turn: int, after: int) -> Mention | None:
    """The body named in brackets after a display name, an institution like any other; not
    a role, pronouns, a department or an acronym anyone uses: "(Guest)", "(she/her)",
    "(Cardiology)", "(UK)". A first name there is the person's own; of a list, the part that
    names ("(Observer, NUS)")."""
    mt = AFFILIATION.search(label, after)
    if not mt:
        return None
    for part in re.finditer(r"[^,;]+", mt.group(1)):
        s, e = mt.start(1) + part.start(), mt.start(1) + part.end()
        while s < e and label[s].isspace():
            s += 1
        kind = _kind_of_body(label[s:e].rstrip())
        if kind is not None:
            return Mention(fno, turn, s, s + len(label[s:e].rstrip()), kind, 0.9, RECOGNIZER, label[s:e].rstrip())
    return None


def _kind_of_body(body: str) -> Kind | None:
    toks = [t for t in re.split(r"[/\s]+", body) if t]
    if not re.search(r"[A-Z]", body) or body.upper() in lexicon.ACRONYMS or \
            all(t.lower() in lexicon.DOMAIN_LOWER or t in lexicon.DEPARTMENTS for t in toks):
        return None
    town = any(names.is_town(t) and not words.is_everyday(t) for t in toks)
    if not town and all(t in names.first_names() for t in toks):   # (the name the person goes by: "Joanne (Jo)")
        return Kind.PERSON
    # (a word or two that name no one, "(Host)"; a body's name has more, or a town's:
    # "(Northern Care Alliance)", "(Leeds Teaching Hospitals)", "(Leeds)")
    ordinary = len(toks) < 3 and all(words.is_common(t) and not (t.isupper() and len(t) > 1) for t in toks) or \
        is_role(body) and (len(toks) < 3 or not all(t[:1].isupper() for t in toks))
    if ordinary and not town:
        return None
    return Kind.PLACE if town and len(toks) == 1 else Kind.INSTITUTION


def labels_of(transcript, fno: int) -> dict[str, Label]:
    """Every distinct speaker label of a transcript that holds a name."""
    out: dict[str, Label] = {}
    named = _first_names_said(transcript)
    for i, t in enumerate(transcript.turns):
        if t.speaker and t.speaker not in out:
            code = t.speaker.strip()
            if code in lexicon.ROLE_CODES and not any(n.startswith(code) for n in named):
                continue   # a role's code ("PAT:", the patient), where no one's name starts so ("Patrick")
            lab = name_in(t.speaker, fno, i)
            if lab:
                out[t.speaker] = lab
    return out


def _first_names_said(transcript) -> set[str]:
    """The first names a transcript's turns say, in capitals ("PATRICK" of "PAT = Patrick Quinn")."""
    return {w.upper() for t in transcript.turns for w in re.findall(r"\b[A-Z][a-z]+", t.text)
            if w in names.first_names()}


def renamed(lab: Label) -> str:
    """The label with its name and body replaced (the rest of it, a title or "(Guest)", kept)."""
    out = lab.label
    for m, new in sorted([(lab.mention, lab.pseudonym)] + ([(lab.body, lab.body_pseudonym)] if lab.body else []),
                         key=lambda mp: -mp[0].start):   # (from the last, so the offsets hold)
        out = out[:m.start] + (new or m.text) + out[m.end:]
    return out


def initials_of(name: str) -> str:
    return "".join(w[0] for w in ent.tokens(name) if w[:1].isalpha()).upper()
