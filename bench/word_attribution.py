"""Words on the right side of a turn: the share of reference words that a transcript puts in
another speaker's turn, against the baseline of labelling each word by the voice windows
inside it (veil before sentence snapping).

  shared/audio/sample.wav      reference: sample.stm (each segment's words and speaker);
                               target < 3% of reference words on the wrong speaker
  samples/audio/interview.flac reference: the lines of samples/audio/make_sample.sh;
                               target: no word of one speaker's sentence in another's turn

Words are matched to the reference by aligning the two word sequences; hypothesis speakers
are mapped to reference speakers one to one, the mapping that agrees most. Words the model
did not recognise count as neither right nor wrong (the count is printed).

    .venv/bin/python bench/word_attribution.py
"""
from __future__ import annotations

import difflib
import itertools
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")

from bench.refs import SAMPLES, SHARED, norm, script_reference, stm_reference  # noqa: E402
from transcribe import pipeline, speaker, whisper  # noqa: E402


def hypothesis(tr) -> list[tuple[str, str]]:
    """(word, speaker) of every word of the transcript; pieces of one word joined."""
    out = []
    for t in tr.turns:
        for w in t.words:
            k = norm(w.text)
            if not k:
                continue
            if out and not w.text.startswith(" ") and out[-1][1] == t.speaker:
                out[-1] = (out[-1][0] + k, t.speaker)
            else:
                out.append((k, t.speaker))
    return out


def matched(ref, hyp) -> list[tuple[int, str]]:
    """(reference index, hypothesis speaker) for every reference word the model recognised
    (equal words, and substitutions position by position)."""
    sm = difflib.SequenceMatcher(None, [r[0] for r in ref], [h[0] for h in hyp], autojunk=False)
    pairs = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("equal", "replace"):
            pairs += [(i, hyp[j][1]) for i, j in zip(range(i1, i2), range(j1, j2))]
    return pairs


def best_mapping(ref, pairs) -> dict[str, str]:
    hyp_spk = sorted({h for _, h in pairs}, key=str)
    ref_spk = sorted({r[1] for r in ref})
    best, best_n = {}, -1
    for perm in itertools.permutations(ref_spk + [None] * max(0, len(hyp_spk) - len(ref_spk)), len(hyp_spk)):
        m = dict(zip(hyp_spk, perm))
        n = sum(m[h] == ref[i][1] for i, h in pairs)
        if n > best_n:
            best, best_n = m, n
    return best


def score(ref, tr) -> dict:
    pairs = matched(ref, hypothesis(tr))
    m = best_mapping(ref, pairs)
    wrong = [i for i, h in pairs if m[h] != ref[i][1]]
    split = sorted({ref[i][2] for i in wrong})
    return {"words": len(ref), "matched": len(pairs), "wrong": len(wrong),
            "share": len(wrong) / len(ref), "sentences_split": split,
            "wrong_words": [ref[i][0] for i in wrong]}


def main() -> None:
    model = whisper.load()
    cases = [("sample.wav", SHARED / "sample.wav", stm_reference(SHARED / "sample.stm"), None),
             ("interview.flac", SAMPLES / "interview.flac", script_reference(SAMPLES / "make_sample.sh"),
              ["Interviewer", "Respondent"])]
    print(f"{'file':15} {'attribution':12} {'ref words':>9} {'matched':>8} {'wrong':>6} {'share':>7} "
          f"{'moved':>6} {'sentences split':>16} {'seconds':>8} {'cpu s':>6}")
    for label, path, ref, names in cases:
        shares = {}
        for how in speaker.Attribution:
            opts = pipeline.Options(attribution=how, speaker_names=names or [])
            t, cpu = time.perf_counter(), time.process_time()
            tr = pipeline.transcribe_file(path, model, opts)
            took, cpu = time.perf_counter() - t, time.process_time() - cpu
            s = score(ref, tr)
            shares[how] = s["share"]
            print(f"{label:15} {how.value:12} {s['words']:9d} {s['matched']:8d} {s['wrong']:6d} "
                  f"{s['share']:7.1%} {tr.meta.get('words_moved', 0):6d} {len(s['sentences_split']):16d} "
                  f"{took:8.1f} {cpu:6.1f}")
            if s["wrong"]:
                print(f"{'':15} wrong side: {' '.join(s['wrong_words'])}")
        base, new = shares[speaker.Attribution.WINDOWS], shares[speaker.Attribution.SENTENCES]
        print(f"{label:15} wrong-speaker share, sentences / windows: "
              f"{new / base:.2f}" if base else f"{label:15} baseline has no word on the wrong side")


if __name__ == "__main__":
    main()
