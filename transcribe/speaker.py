"""Who spoke each word: voice embeddings over sliding windows of speech, clustered into
speakers; or, for a stereo recording with one voice per channel, the louder channel.

Two embeddings are kept side by side so they can be measured against each other
(bench/diarization.py): `resemblyzer` (a speaker encoder whose weights ship in its wheel, the
default) and `mfcc` (classical features: MFCC means and deviations)."""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from enum import Enum

import numpy as np

from transcribe.audio import RATE

WINDOW = 1.6        # seconds of audio behind one embedding (resemblyzer's partial length)
HOP = 0.5           # seconds between windows
MAX_SPEAKERS = 8
MAX_CLUSTERED = 2000  # windows clustered directly; the rest join the nearest centroid
METHODS = ("resemblyzer", "mfcc")
# the cost of a turn change between two words, in seconds of clear voice evidence (one
# second of speech whose embeddings sit 0.1 closer to one speaker is worth 0.1)
SWITCH_QUESTION = 0.0   # after a question: where an interview's turns change
SWITCH_SENTENCE = 0.02  # after . ! or a silence of SENTENCE_GAP
SWITCH_PAUSE = 0.04     # after a comma or a silence of PAUSE_GAP
SWITCH_WORD = 0.06      # between two words of one sentence: only on strong evidence
SENTENCE_GAP = 1.0
PAUSE_GAP = 0.25


class Attribution(str, Enum):
    """How words are given to speakers."""
    WINDOWS = "windows"      # each word: the (smoothed) labels of the voice windows inside it
    SENTENCES = "sentences"  # the voice evidence of every word, turn changes drawn to sentence
                             # ends and pauses (a best path over the words)


@dataclass
class Windows:
    """Embeddings of windows centred at `times` (seconds in the recording)."""
    times: np.ndarray
    vectors: np.ndarray

    @staticmethod
    def empty(dim: int = 1) -> "Windows":
        return Windows(np.zeros(0), np.zeros((0, dim), np.float32))

    def __add__(self, other: "Windows") -> "Windows":
        if not len(self.times):
            return other
        if not len(other.times):
            return self
        return Windows(np.concatenate([self.times, other.times]),
                       np.concatenate([self.vectors, other.vectors]))


def speech_spans(words, gap: float = 0.6) -> list[tuple[float, float]]:
    """Stretches of speech: word spans merged across gaps shorter than `gap` seconds."""
    spans: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.start):
        if spans and w.start - spans[-1][1] < gap:
            spans[-1][1] = max(spans[-1][1], w.end)
        else:
            spans.append([w.start, w.end])
    return [(a, b) for a, b in spans]


def window_centres(spans, start: float, end: float, hop: float = HOP,
                   alone: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Centres every `hop` seconds inside speech, within [start, end); and the audio each
    window's embedding is taken from, [from, to) in seconds: WINDOW seconds moved inside
    its stretch of speech, so a window at a turn change after a pause hears one voice
    only; with `alone`, a stretch shorter than WINDOW is heard alone (repeated to fill
    the window), else with what is around it."""
    times, sources = [], []
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if b <= a:
            continue
        n = max(1, int((b - a) / hop))
        for i in range(n):
            c = a + (b - a) * (i + 0.5) / n
            times.append(c)
            if b - a >= WINDOW:
                at = min(max(c, a + WINDOW / 2), b - WINDOW / 2)
                sources.append((at - WINDOW / 2, at + WINDOW / 2))
            else:
                sources.append((a, b) if alone else ((a + b - WINDOW) / 2, (a + b + WINDOW) / 2))
    return np.array(times), np.array(sources).reshape(-1, 2)


# ------------------------------------------------------------------ embeddings
_encoder = None


def _resemblyzer():
    global _encoder
    if _encoder is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from resemblyzer import VoiceEncoder
        _encoder = VoiceEncoder("cpu", verbose=False)
    return _encoder


def _frames(feats: np.ndarray, sources: np.ndarray, chunk_start: float, width: int) -> list[np.ndarray]:
    """For each window, `width` frames (100 a second) of its audio: a whole window kept
    inside the chunk; a shorter stretch of speech repeated to fill it, so no silence or
    other voice is heard with it."""
    out = []
    for a, b in sources:
        i, j = (int(round((t - chunk_start) * 100)) for t in (a, b))
        if j - i >= width:
            i = min(max(0, i), max(0, len(feats) - width))
            part = feats[i:i + width]
        else:
            i = max(0, min(i, len(feats) - 1))
            part = feats[i:max(j, i + 1)]
        out.append(np.resize(part, (width, feats.shape[1])) if len(part) < width else part)
    return out


def embed_resemblyzer(audio: np.ndarray, chunk_start: float, sources: np.ndarray) -> np.ndarray:
    import torch
    enc = _resemblyzer()
    from resemblyzer.audio import normalize_volume, wav_to_mel_spectrogram
    from resemblyzer.hparams import audio_norm_target_dBFS
    partials_n_frames = int(WINDOW * 100)
    mel = wav_to_mel_spectrogram(normalize_volume(audio, audio_norm_target_dBFS, increase_only=True))
    frames = _frames(mel, sources, chunk_start, partials_n_frames)
    out = []
    with torch.inference_mode():
        for i in range(0, len(frames), 64):
            batch = np.stack(frames[i:i + 64])
            out.append(enc(torch.from_numpy(batch).to(enc.device)).cpu().numpy())
    return np.concatenate(out) if out else np.zeros((0, 256), np.float32)


def embed_mfcc(audio: np.ndarray, chunk_start: float, sources: np.ndarray) -> np.ndarray:
    import librosa
    hop = RATE // 100
    mf = librosa.feature.mfcc(y=audio, sr=RATE, n_mfcc=20, hop_length=hop, n_fft=512).T[:, 1:]
    mf = (mf - mf.mean(axis=0)) / (mf.std(axis=0) + 1e-6)  # cepstral mean/variance normalisation
    frames = _frames(mf, sources, chunk_start, int(WINDOW * 100))
    return np.array([np.concatenate([f.mean(axis=0), f.std(axis=0)]) for f in frames],
                    dtype=np.float32).reshape(len(frames), -1)


def embed(method: str, audio: np.ndarray, chunk_start: float, words, spans=None) -> Windows:
    """Embeddings of the speech in one chunk of audio: inside `spans` (stretches of speech
    in seconds of the recording, as the VAD hears them; a short one heard alone), or else
    inside the stretches the words cover (the WINDOWS baseline)."""
    end = chunk_start + len(audio) / RATE
    times, sources = window_centres(spans or speech_spans(words), chunk_start, end, alone=bool(spans))
    if not len(times):
        return Windows.empty()
    fn = embed_resemblyzer if method == "resemblyzer" else embed_mfcc
    return Windows(times, fn(audio, chunk_start, sources))


# ------------------------------------------------------------------ clustering
def _normalise(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-9)


def estimate_speakers(x: np.ndarray, max_speakers: int = MAX_SPEAKERS, keep: float = 0.2,
                      min_gap: float = 0.15) -> int:
    """Number of speakers by the eigengap of the normalised Laplacian of the pruned cosine
    affinity (each window keeps its `keep` most similar neighbours); one speaker when no
    gap reaches `min_gap` after an eigenvalue under `min_gap`."""
    n = len(x)
    if n < 4:
        return 1
    a = np.clip(x @ x.T, 0, 1)
    k = max(1, int(n * keep))
    pruned = np.zeros_like(a)
    idx = np.argsort(a, axis=1)[:, -k:]
    rows = np.arange(n)[:, None]
    pruned[rows, idx] = a[rows, idx]
    pruned = (pruned + pruned.T) / 2
    d = 1 / np.sqrt(pruned.sum(axis=1) + 1e-9)
    lap = np.eye(n) - d[:, None] * pruned * d[None, :]
    ev = np.sort(np.linalg.eigvalsh(lap))[: max_speakers + 1]
    gaps = np.diff(ev)
    gaps[ev[:-1] > min_gap] = 0   # k clusters means k near-zero eigenvalues
    best = int(np.argmax(gaps))
    return best + 1 if gaps[best] >= min_gap else 1


def cluster(vectors: np.ndarray, n_speakers: int | None = None,
            max_speakers: int = MAX_SPEAKERS) -> np.ndarray:
    """A speaker index per window: k-means on length-normalised embeddings (cosine), with
    the count estimated by eigengap when `n_speakers` is not given. At most MAX_CLUSTERED
    windows are clustered; the rest join the nearest centroid (bounded memory)."""
    from sklearn.cluster import KMeans
    n = len(vectors)
    if n == 0:
        return np.zeros(0, int)
    x = _normalise(vectors.astype(np.float64))
    rng = np.random.default_rng(0)
    sample = np.sort(rng.choice(n, MAX_CLUSTERED, replace=False)) if n > MAX_CLUSTERED else np.arange(n)
    xs = x[sample]
    k = n_speakers if n_speakers else estimate_speakers(xs, max_speakers)
    k = max(1, min(k, len(xs)))
    if k == 1:
        return np.zeros(n, int)
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(xs)
    return np.argmax(x @ _normalise(km.cluster_centers_).T, axis=1)


def smooth(labels: np.ndarray, width: int = 5) -> np.ndarray:
    """Majority label over `width` neighbouring windows: single stray windows do not flip."""
    if len(labels) < width:
        return labels
    half = width // 2
    out = labels.copy()
    for i in range(len(labels)):
        seg = labels[max(0, i - half): i + half + 1]
        out[i] = np.bincount(seg).argmax()
    return out


# ------------------------------------------------------------------ attribution
def label_words(words, windows: Windows, labels: np.ndarray) -> list[int]:
    """Each word takes the majority label of the windows centred inside it (or the nearest)."""
    if not len(windows.times):
        return [0] * len(words)
    order = np.argsort(windows.times)
    times, labels = windows.times[order], labels[order]
    out = []
    for w in words:
        a, b = np.searchsorted(times, [w.start, w.end])
        if b > a:
            out.append(int(np.bincount(labels[a:b]).argmax()))
        else:
            mid = (w.start + w.end) / 2
            i = int(np.clip(np.searchsorted(times, mid), 1, len(times) - 1)) if len(times) > 1 else 0
            if len(times) > 1 and abs(times[i - 1] - mid) < abs(times[i] - mid):
                i -= 1
            out.append(int(labels[i]))
    return out


def attribute(words, windows: Windows, labels: np.ndarray, how: Attribution,
              heard: Windows | None = None) -> tuple[list[int], int]:
    """The speaker of each word, and how many words differ from the WINDOWS baseline.
    `windows` were clustered into `labels`; `heard` (windows inside the stretches of
    speech the VAD finds) are what each word's voice is judged by, when given."""
    base = label_words(words, windows, smooth(labels))
    if how == Attribution.WINDOWS or not len(windows.times) or not words:
        return base, 0
    cents = centroids(windows.vectors, labels)
    if heard is not None and len(heard.times):
        # the speakers' voices as the cleaner windows hear them (one k-means step)
        cents = centroids(heard.vectors, np.argmax(_normalise(heard.vectors) @ cents.T, axis=1))
    else:
        heard = windows
    cents = clear_centroids(heard, cents)
    out = _best_path(evidence(words, heard, cents), switch_costs(words))
    return out, sum(x != y for x, y in zip(base, out))


def centroids(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    x = _normalise(vectors.astype(np.float64))
    return _normalise(np.stack([x[labels == j].mean(axis=0) if (labels == j).any() else np.zeros(x.shape[1])
                                for j in range(int(labels.max()) + 1)]))


def clear_centroids(windows: Windows, cents: np.ndarray) -> np.ndarray:
    """Each speaker's centroid again from its windows that hear its voice alone: those
    whose every neighbour centred less than WINDOW seconds away (a window whose audio can
    overlap its own) is nearest the same speaker. A window whose audio holds a turn change or an overlap
    lies between two voices and pulls each centroid toward the other, so that words said
    in a voice a little unlike the speaker's usual one (a greeting, an excited answer)
    lean to the wrong side; a speaker with fewer than two such windows keeps the centroid
    of all its windows."""
    if len(cents) < 2 or len(windows.times) < 2:
        return cents
    x = _normalise(windows.vectors.astype(np.float64))
    own = np.argmax(x @ cents.T, axis=1)
    order = np.argsort(windows.times)
    times, own, x = windows.times[order], own[order], x[order]
    lo = np.searchsorted(times, times - WINDOW, side="right")
    hi = np.searchsorted(times, times + WINDOW, side="left")
    alone = np.array([(own[a:b] == own[i]).all() for i, (a, b) in enumerate(zip(lo, hi))])
    out = cents.copy()
    for j in range(len(cents)):
        keep = alone & (own == j)
        if keep.sum() >= 2:
            out[j] = x[keep].mean(axis=0)
    return _normalise(out)


def evidence(words, windows: Windows, cents: np.ndarray) -> np.ndarray:
    """(words, speakers): how much each word sounds like each speaker: the cosine of the
    windows over the word to each speaker's centroid (less their mean), weighted by the
    seconds each window stands for inside the word."""
    sims = _normalise(windows.vectors.astype(np.float64)) @ cents.T
    sims -= sims.mean(axis=1, keepdims=True)
    order = np.argsort(windows.times)
    times, sims = windows.times[order], sims[order]
    half = HOP / 2
    out = np.zeros((len(words), len(cents)))
    for i, w in enumerate(words):
        a, b = np.searchsorted(times, [w.start - half, w.end + half])
        overlap = np.clip(np.minimum(w.end, times[a:b] + half) - np.maximum(w.start, times[a:b] - half), 0, None)
        if overlap.sum() > 0:
            out[i] = overlap @ sims[a:b]
        else:   # a word no window stands for: the nearest window, for the word's length
            j = int(np.argmin(np.abs(times - (w.start + w.end) / 2)))
            out[i] = sims[j] * max(w.end - w.start, 0.05)
    return out


def switch_costs(words) -> np.ndarray:
    """The cost of a turn change before each word (see SWITCH_*)."""
    costs = np.zeros(len(words))
    for i in range(1, len(words)):
        prev, gap = words[i - 1].text.rstrip(), words[i].start - words[i - 1].end
        if prev.endswith("?"):
            costs[i] = SWITCH_QUESTION
        elif prev.endswith((".", "!")) or gap >= SENTENCE_GAP:
            costs[i] = SWITCH_SENTENCE
        elif prev.endswith((",", ";", ":")) or gap >= PAUSE_GAP:
            costs[i] = SWITCH_PAUSE
        else:
            costs[i] = SWITCH_WORD
    return costs


def _best_path(scores: np.ndarray, costs: np.ndarray) -> list[int]:
    """The speaker sequence with the most evidence less the cost of its turn changes
    (Viterbi)."""
    n, k = scores.shape
    total, back = scores[0].copy(), np.zeros((n, k), int)
    change = 1 - np.eye(k)
    for i in range(1, n):
        step = total[:, None] - costs[i] * change
        back[i] = step.argmax(axis=0)
        total = step.max(axis=0) + scores[i]
    path = [int(total.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def is_two_voice_stereo(left: np.ndarray, right: np.ndarray) -> bool:
    """True when the channels carry different signals (one voice each), not a copied mono."""
    n = min(len(left), len(right), RATE * 120)
    l, r = left[:n].astype(np.float64), right[:n].astype(np.float64)
    if n < RATE // 10 or l.std() < 1e-6 or r.std() < 1e-6:
        return False
    corr = float(np.corrcoef(l, r)[0, 1])
    return corr < 0.5


def first_appearance(indices: list[int]) -> dict[int, int]:
    """Renumber speakers 0, 1, … in order of first appearance."""
    order: dict[int, int] = {}
    for i in indices:
        order.setdefault(i, len(order))
    return order
