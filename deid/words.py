"""Is a word an ordinary English word? (GCIDE, the dictionary in `english-words`)."""
from functools import lru_cache


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    from english_words import get_english_words_set
    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


CONTRACTIONS = ("n't", "'d", "'ll", "'re", "'ve", "'m")


def is_common(word: str) -> bool:
    """An ordinary word: in the dictionary, or a contraction ("Don't", "I'd")."""
    w = word.lower().strip(".'’").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith(CONTRACTIONS):
        return True
    return w in dictionary()
