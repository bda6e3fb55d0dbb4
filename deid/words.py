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
    d = dictionary()
    if w in d:
        return True
    # the dictionary lists headwords: "killed", "points", "studies", "running" are inflections
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", ""), ("ers", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: len(w) - len(suffix)] + repl
            if stem in d or (stem[-1:] == stem[-2:-1] and stem[:-1] in d):
                return True
    return False
