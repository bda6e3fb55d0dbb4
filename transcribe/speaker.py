"""Who spoke each word: voice embeddings over sliding windows of speech, clustered into
speakers; or, for a stereo recording with one voice per channel, the louder channel.

Two embeddings are kept side by side so they can be measured against each other
(bench/diarization.py): `resemblyzer` (a speaker encoder whose weights ship in its wheel, the
default) and `mfcc` (classical features: MFCC means and deviations)."""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from transcribe.audio import RATE

WINDOW = 1.6        # seconds of audio behind one embedding (resemblyzer's partial length)
HOP = 0.5           # seconds between windows
MAX_SPEAKERS = 8
MAX_CLUSTERED = 2000  # windows clustered directly; the rest join the nearest centroid
METHODS = ("resemblyzer", "mfcc")


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


def window_centres(spans, start: float, end: float, hop: float = HOP) -> tuple[np.ndarray, np.ndarray]:
    """Centres every `hop` seconds inside speech, within [start, end); and where each
    window's audio is taken from: moved inside its stretch of speech where the stretch is
    long enough, so a window at a turn change after a pause hears one voice only."""
    times, audio_at = [], []
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if b <= a:
            continue
        n = max(1, int((b - a) / hop))
        for i in range(n):
            c = a + (b - a) * (i + 0.5) / n
            times.append(c)
            audio_at.append(min(max(c, a + WINDOW / 2), b - WINDOW / 2) if b - a >= WINDOW else (a + b) / 2)
    return np.array(times), np.array(audio_at)


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


def _frame_slices(centres: np.ndarray, chunk_start: float, n_frames: int, frames_per_s: float,
                  width: int) -> list[slice]:
    out = []
    for c in centres:
        mid = int(round((c - chunk_start) * frames_per_s))
        a = min(max(0, mid - width // 2), max(0, n_frames - width))
        out.append(slice(a, a + width))
    return out


def embed_resemblyzer(audio: np.ndarray, chunk_start: float, centres: np.ndarray) -> np.ndarray:
    import torch
    enc = _resemblyzer()
    from resemblyzer.audio import normalize_volume, wav_to_mel_spectrogram
    from resemblyzer.hparams import audio_norm_target_dBFS
    partials_n_frames = int(WINDOW * 100)
    mel = wav_to_mel_spectrogram(normalize_volume(audio, audio_norm_target_dBFS, increase_only=True))
    if len(mel) < partials_n_frames:
        mel = np.pad(mel, ((0, partials_n_frames - len(mel)), (0, 0)))
    slices = _frame_slices(centres, chunk_start, len(mel), 100.0, partials_n_frames)
    out = []
    with torch.inference_mode():
        for i in range(0, len(slices), 64):
            batch = np.stack([mel[s] for s in slices[i:i + 64]])
            out.append(enc(torch.from_numpy(batch).to(enc.device)).cpu().numpy())
    return np.concatenate(out) if out else np.zeros((0, 256), np.float32)


def embed_mfcc(audio: np.ndarray, chunk_start: float, centres: np.ndarray) -> np.ndarray:
    import librosa
    hop = RATE // 100
    mf = librosa.feature.mfcc(y=audio, sr=RATE, n_mfcc=20, hop_length=hop, n_fft=512).T[:, 1:]
    mf = (mf - mf.mean(axis=0)) / (mf.std(axis=0) + 1e-6)  # cepstral mean/variance normalisation
    width = int(WINDOW * 100)
    if len(mf) < width:
        mf = np.pad(mf, ((0, width - len(mf)), (0, 0)))
    slices = _frame_slices(centres, chunk_start, len(mf), 100.0, width)
    return np.array([np.concatenate([mf[s].mean(axis=0), mf[s].std(axis=0)]) for s in slices],
                    dtype=np.float32).reshape(len(slices), -1)


def embed(method: str, audio: np.ndarray, chunk_start: float, words) -> Windows:
    """Embeddings of the speech in one chunk of audio."""
    end = chunk_start + len(audio) / RATE
    times, audio_at = window_centres(speech_spans(words), chunk_start, end)
    if not len(times):
        return Windows.empty()
    fn = embed_resemblyzer if method == "resemblyzer" else embed_mfcc
    return Windows(times, fn(audio, chunk_start, audio_at))


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
