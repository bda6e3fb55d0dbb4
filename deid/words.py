"""Is a word an ordinary English word? (GCIDE, the dictionary in `english-words`)."""
from functools import lru_cache


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    from english_words import get_english_words_set
    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


def is_common(word: str) -> bool:
    w = word.lower().strip(".'’")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w in dictionary()
