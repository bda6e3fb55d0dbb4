"""Mentions: choosing among what the recognizers found, making whole names of their parts,
and the words a person should look at (possible misses, acronyms, ordinary words)."""
from __future__ import annotations

import re

import regex

from deid import entity as ent
from deid import words
from deid.entity import Mention
from deid.linker import Linker


def turn_of(offsets: list[int], pos: int) -> int:
    """The turn a position of the joined text of a transcript belongs to."""
    lo, hi = 0, len(offsets) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if offsets[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ------------------------------------------------------------------------- selection
CONTEXT_RECOGNIZERS = ("NameContextRecognizer", "TitledPersonRecognizer")  # a name by its context


PRIORITY = {"known": 0, "contact": 1, "person": 2, "institution": 3, "place": 4, "date": 5}


def select(results, text: str, allow: set[str]) -> list[tuple[int, int, str, float, str, str]]:
    """Non-overlapping spans (start, end, kind, score, recognizer, presidio type), the best first."""
    cands = []
    for r in results:
        kind = ent.KIND_OF.get(r.entity_type)
        if kind is None:
            continue
        rec = (r.recognition_metadata or {}).get("recognizer_name", "")
        known = (r.recognition_metadata or {}).get("known", False)
        if kind in ("institution", "place") and ent.TITLE_RX.match(text[r.start:r.end]) \
                and r.entity_type != "STREET_ADDRESS":
            kind = "person"  # "Pastor Darnell Banks", "Dean William Rich": NER took a title for a name
        s, e, core = ent.trim(text, r.start, r.end, kind, address=r.entity_type == "STREET_ADDRESS")
        if not core or core.lower() in allow or e <= s:
            continue
        if kind != "contact" and kind != "date" and not known:
            letters = [c for c in core if c.isalpha()]
            if not letters:
                continue
            toks = ent.tokens(core)
            if len(toks) == 1 and ent.is_stop_word(core) and rec not in CONTEXT_RECOGNIZERS \
                    and (core.islower() or sentence_start(text, s)):
                continue  # "Will" mid-sentence, capitalised, is a name; "Will you" is not
            # lower-case text NER calls a name is usually a common word
            if core == core.lower() and all(words.is_common(t) for t in toks):
                continue
            if all(t.lower() in ent.GENERIC_WORDS or t.lower() in ent.TITLE_WORDS for t in toks):
                continue
            if "\n" in core and r.entity_type != "STREET_ADDRESS":
                continue
        pattern_based = r.entity_type in ("STREET_ADDRESS",) or kind == "contact"
        cands.append((0 if known else 1 if pattern_based else 2, -(e - s), PRIORITY[kind], -r.score,
                      s, e, kind, r.score, rec, r.entity_type))
    cands.sort()
    taken: list[tuple[int, int]] = []
    out = []
    for _, _, _, _, s, e, kind, score, rec, ptype in cands:
        if any(s < b and e > a for a, b in taken):
            continue
        taken.append((s, e))
        out.append((s, e, kind, score, rec, ptype))
    return sorted(whole_names(text, out, taken))


def sentence_start(text: str, pos: int) -> bool:
    return re.search(r"(?:^|[.!?:;\"“(]\s*|\n\s*)$", text[max(0, pos - 3):pos]) is not None


def whole_names(text: str, spans: list, taken: list) -> list:
    """A person's name is replaced whole: the capitalised words and initials written right
    next to a detected part join it ("Dreux" + "Joly", "Szabina" + "J" + "Gelencsér")."""
    from deid import names
    out = []
    for s, e, kind, score, rec, ptype in spans:
        others = [(a2, b2) for a2, b2 in taken if (a2, b2) != (s, e)]
        if kind == "person":
            while True:  # to the left
                m = regex.search(r"(\p{Lu}[\p{L}'’\-]+|\p{Lu}\.?)[ \t]+$", text[max(0, s - 40):s])
                if not m:
                    break
                w = m.group(1)
                a = s - (len(m.group()))
                if any(a < b2 and s > a2 for a2, b2 in others) or w.lower().rstrip(".") in ent.TITLE_WORDS \
                        or w not in names.first_names() and (ent.is_stop_word(w) or words.is_common(w)):
                    break  # a first name joins even when it is an ordinary word: "Hope Delacroix"
                s = a
            while True:  # to the right
                m = regex.match(r"[ \t]+(\p{Lu}[\p{L}'’\-]+|\p{Lu}\.?)(?![\w'’])", text[e:e + 40])
                if not m:
                    break
                w = m.group(1)
                b = e + m.end()
                if any(e < b2 and b > a2 for a2, b2 in others) or ent.is_stop_word(w) \
                        or words.is_everyday(w) or words.is_common(w) and w not in names.last_names() \
                        and len(w.rstrip(".")) > 1:
                    break
                e = b
        out.append((s, e, kind, score, rec, ptype))
    return out


def join_names(mentions: list[Mention], text: str, fno: int, linker: Linker, pseudo_of) -> list[Mention]:
    """Parts of one name found apart ("Fredrik" … "Sommerseth", with the initial "L" between)
    become one mention, so the initial goes too and the name has one pseudonym."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev and prev.kind == m.kind == "person" and prev.turn == m.turn and not prev.keep and not m.keep \
                and (fno, prev.start) in pseudo_of and (fno, m.start) in pseudo_of \
                and re.fullmatch(r"[ \t]+(?:[A-Z]\.?[ \t]+)?", text[prev.end:m.start]):
            pseudo_of.pop((fno, prev.start))
            pseudo_of.pop((fno, m.start))
            joined = Mention(fno, m.turn, prev.start, m.end, "person", min(prev.score, m.score),
                             prev.recognizer, text[prev.start:m.end], flags=prev.flags + m.flags)
            pseudo_of[(fno, joined.start)] = linker.link(joined, fno, text)
            out[-1] = joined
        else:
            out.append(m)
    return out


def non_overlapping(mentions: list[Mention], replaced=lambda m: True) -> list[Mention]:
    """One mention per stretch of text: a replacement before a flag, then the longest."""
    keep: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (not replaced(m), -(m.end - m.start), m.start)):
        if not any(m.start < k.end and k.start < m.end for k in keep):
            keep.append(m)
    return sorted(keep, key=lambda m: m.start)


CAP_WORD = regex.compile(r"\p{Lu}\p{Ll}{2,}(?:['’\-]\p{L}+)?")


CAPS_WORD = regex.compile(r"\p{Lu}{4,}")


PLACE_CONTEXT = re.compile(r"\b(?:in|at|from|to|near|of)\s+$", re.I)


WORD = regex.compile(r"(?<![\w'’@.\-/])[\p{L}][\p{L}'’\-]{3,}(?![\w@]|[.\-/]\w)")


def flag_candidates(text, offsets, fno, mentions, person_tokens, allow, linker, pseudo_of, keep=()):
    """Words detection did not take but a reviewer should see: misspellings of known names
    (replaced like the name they resemble) and capitalised words in no dictionary and in no
    everyday use (replaced too: a wrong replacement costs a click, a miss a leak)."""
    from rapidfuzz import fuzz, process

    from deid import names
    taken = [(m.start, m.end) for m in mentions] + list(keep)
    choices = sorted(person_tokens)
    for mt in WORD.finditer(text):
        s, e = mt.span()
        w = mt.group()
        a_name = w in names.first_names() or w in names.last_names()
        if any(s < b and e > a for a, b in taken) or w.lower() in allow or \
                words.is_common(w) and not (a_name and not words.is_everyday(w)):
            continue
        if choices:
            hit = process.extractOne(w.lower(), choices, scorer=fuzz.ratio, score_cutoff=85)
            if hit and hit[0] != w.lower():
                m = Mention(fno, turn_of(offsets, s), s, e, "person", hit[1] / 100, "FuzzyKnownName", w,
                            flags=["possible misspelling of a known name"])
                m.entity = linker.entity_of.get(hit[0]) or linker._entity(w, "person")
                p = linker.pseudonyms.map[hit[0]]
                linker.pseudonyms._remember(w, p)
                linker._flush(m.entity)
                pseudo_of[(fno, s)] = p
                mentions.append(m)
                taken.append((s, e))
                continue
        if ent.is_stop_word(w) or w.lower() in ent.TITLE_WORDS or not (CAP_WORD.fullmatch(w) or CAPS_WORD.fullmatch(w)):
            continue
        kind = "place" if PLACE_CONTEXT.search(text[max(0, s - 12):s]) else "person"
        m = Mention(fno, turn_of(offsets, s), s, e, kind, 0.0, "PossibleMiss", w,
                    flags=["possible miss: capitalised word in no dictionary"])
        if not bare_acronym(m, text, linker):
            pseudo_of[(fno, s)] = linker.link(m, fno, text)
        mentions.append(m)
        taken.append((s, e))
    mentions.sort(key=lambda m: m.start)


def ordinary_words(m: Mention, rec: str) -> bool:
    """What NER calls a name but is made of ordinary words only, flagged and kept: a single
    word that is no one's name ("Wisdom", "Discipline"), or a title of three words or more
    ("Foundations of Clinical Practice", "Guilty Pleasures: 5 Musicians Of The 70s")."""
    from deid import names
    if rec != "SpacyRecognizer":
        return False
    toks = [t for t in ent.tokens(m.text) if re.search(r"\w", t)]
    if len(toks) == 1 and m.kind in ("person", "institution"):  # "Wisdom", "Society"; not "Chicago"
        w = toks[0]
        ordinary = words.is_common(w) if m.kind == "person" else words.is_everyday(w)
        return ordinary and w.title() not in names.first_names() \
            and w.title() not in names.last_names() and w not in names.place_words()
    if m.kind == "person" and all(words.is_common(t) and t.title() not in names.first_names()
                                  and t.title() not in names.last_names() for t in toks):
        return True  # "Guilty Pleasures": no word of it is anybody's name
    if m.kind == "institution" and len(toks) >= 3 and re.search(r" (?:of|and|the|to|for|in) |: |\d| & |, ", m.text):
        # Title Case with small words in it, or a number: a course or a title, not an employer
        return all((words.is_common(t) and t not in names.place_words()) or ent.is_stop_word(t)
                   or t.isdigit() or t in "&" for t in toks)
    return False


ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")


# words before an acronym that make it a place or institution: "at UMKC", "from NSUMC"
ACRONYM_CUE = re.compile(r"\b(?:at|from|to|in|joined|attended|left|with|for|near|of)\s+(?:the\s+)?$", re.I)


def bare_acronym(m: Mention, text: str, linker: Linker) -> bool:
    """An acronym nobody listed and nothing marks as a place or institution ("BSN", "MRSA",
    "N95", "the CMO") is flagged for review, not replaced."""
    if not ACRONYM.fullmatch(m.text) or ent.key_of(m.text) in linker.entity_of:
        return False
    if any(k == "institution" and ent.acronym(linker.real_of.get(e, "")) == m.text
           for e, k in linker.kind_of.items()):
        return False  # the abbreviation of a known institution
    if ACRONYM_CUE.search(text[max(0, m.start - 16):m.start]) or text[m.end:m.end + 2] in ("'s", "’s"):
        return False
    m.flags.append("acronym: does it name a place or institution?")
    return True
