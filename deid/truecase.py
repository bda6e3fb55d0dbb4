"""Speech-recognition transcripts often come all in lower case, and named-entity
recognition leans on capitals. For such a transcript, detection runs on a copy with the
likely names capitalised; every offset stays the same, since only the case changes."""
from __future__ import annotations

import re

from deid import entity as ent
from deid import lexicon, words

WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# words after which an ordinary word that is also a first name is a name: "my friend bill"
CONTEXT = re.compile(r"\b(?:%s)[,]?\s+$" % "|".join(lexicon.NAME_CUES))
# street words that make the word before them a name: "ohio street"
STREETS = {w.lower() for w in lexicon.NAMED_STREET_WORDS if "." not in w}


def is_uncased(text: str) -> bool:
    """Hardly a capital letter outside "I" and the first word of a line."""
    ws = WORD.findall(text)
    if len(ws) < 30:
        return False
    caps = sum(1 for w in ws if w[0].isupper() and w not in ("I", "I'm", "I've", "I'd", "I'll"))
    return caps < 0.02 * len(ws)


def truecase(text: str) -> str:
    """The text with likely names capitalised: words in no dictionary, and first names
    that are ordinary words ("faith", "bill") where the words around say it is a name."""
    from deid import names
    first, last = names.first_names(), names.last_names()
    out = list(text)
    matches = list(WORD.finditer(text))
    for i, m in enumerate(matches):
        w = m.group()
        if w == "i" or w.startswith(("i'", "i’")):
            out[m.start()] = "I"
            continue
        if ent.is_stop_word(w) or len(w) < 3:
            continue
        rare = not words.is_common(w)
        name = w.title() in first or w.title() in last
        nxt = matches[i + 1].group() if i + 1 < len(matches) else ""
        # a surname right after it: "faith okafer", "bill marsh" (not "young guy")
        near = nxt and matches[i + 1].start() - m.end() <= 2 and (
            not words.is_common(nxt) or nxt.title() in last and not words.is_everyday(nxt))
        street = nxt.lower() in STREETS and matches[i + 1].start() - m.end() == 1  # "ohio street"
        if rare or street or (name and (near or CONTEXT.search(text[max(0, m.start() - 30):m.start()].lower()))):
            out[m.start()] = w[0].upper()
            if street:
                out[matches[i + 1].start()] = nxt[0].upper()
    return "".join(out)
