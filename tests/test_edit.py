"""Corrections to a transcript's turns keep word timings (transcript/edit.py)."""
import pytest

from transcript import Turn, Word
from transcript import edit as E


def turn() -> Turn:
    words = [Word(0.0, 0.5, " Sure."), Word(0.6, 0.8, " My"), Word(0.8, 1.0, " name"),
             Word(1.0, 1.1, " is"), Word(1.1, 1.6, " Margaret"), Word(1.6, 1.8, " O", 0.2),
             Word(1.8, 2.2, "'Caffa,", 0.2), Word(2.2, 2.4, " and"), Word(2.4, 2.5, " I"),
             Word(5.5, 6.0, " work.")]
    return Turn(text="Sure. My name is Margaret [O'Caffa?], and I (pause 3s) work.", speaker="S2",
                start=0.0, end=6.0, words=words)


def spans(t: Turn) -> list[tuple[str, float, float]]:
    return [(w.text, w.start, w.end) for w in t.words]


def test_tokens_carry_their_words_and_marks_carry_none():
    toks = E.tokens(turn())
    assert [t.text for t in toks] == ["Sure.", "My", "name", "is", "Margaret", "[O'Caffa?],", "and", "I",
                                      "(pause 3s)", "work."]
    name = toks[5]
    assert (name.start, name.end, len(name.words)) == (1.6, 2.2, 2)   # both pieces of the word
    assert toks[8].mark and not toks[8].words


def test_an_edited_word_keeps_the_span_of_the_words_it_replaced():
    new, al = E.edit(turn(), "Sure. My name is Margaret Okafor, and I (pause 3s) work.")
    assert new.text == "Sure. My name is Margaret Okafor, and I (pause 3s) work."
    assert spans(new)[5] == (" Okafor,", 1.6, 2.2) and new.words[5].probability == E.TYPED
    assert spans(new)[:5] == spans(turn())[:5] and spans(new)[6:] == spans(turn())[7:]
    # where the misheard name now lies in the new text
    old_at = turn().text.index("[O'Caffa?]")
    a, b = al.changed(old_at, old_at + len("[O'Caffa?]"))
    assert new.text[a:b] == "Okafor,"
    assert al.changed(0, 5) is None   # "Sure." did not change


def test_inserted_and_deleted_words():
    new, _ = E.edit(turn(), "Sure. My name is Margaret [O'Caffa?], and I really (pause 3s) work.")
    really = next(w for w in new.words if w.text == " really")
    assert really.start == 2.5 and 2.5 < really.end <= 2.5 + E.INSERTED_SECONDS
    new, _ = E.edit(turn(), "My name is Margaret [O'Caffa?], and I (pause 3s) work.")
    assert new.words[0].text == " My" and new.start == 0.6
    # several words for one: the span shared by length
    new, _ = E.edit(turn(), "Sure. My name is Margaret Anne O'Caffa, and I work.")
    a, b = new.words[5], new.words[6]
    assert (a.text, b.text) == (" Anne", " O'Caffa,") and a.start == 1.6 and b.end == 2.2 and a.end == b.start


def test_removing_an_unsure_mark_confirms_the_word():
    new, al = E.edit(turn(), turn().text.replace("[O'Caffa?]", "O'Caffa"))
    assert spans(new)[5] == (" O'Caffa,", 1.6, 2.2) and new.words[5].probability == E.TYPED
    assert al.changed(0, 5) is None


def test_split_and_merge():
    t = turn()
    a, b = E.split(t, t.text.index("My"))
    assert (a.text, b.text) == ("Sure.", "My name is Margaret [O'Caffa?], and I (pause 3s) work.")
    assert (a.start, a.end, b.start, b.end) == (0.0, 0.5, 0.6, 6.0)
    assert len(a.words) + len(b.words) == len(t.words)
    m = E.merge(a, b)
    assert m.text == t.text and m.words == t.words and (m.start, m.end) == (0.0, 6.0)
    with pytest.raises(E.EditError):
        E.split(t, 0)


def test_text_without_timings_is_edited_as_text():
    t = Turn(text="Hello there.", speaker="A")
    new, _ = E.edit(t, "Hello  there, friend.")
    assert new.text == "Hello there, friend." and new.words == []
