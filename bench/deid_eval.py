"""Score `veil deid` on every gold set with shared/eval/score.py.

Sets: shared/eval/dev (interviews the detection is tuned on), shared/eval/presidio-synth
(Presidio's synthetic texts) and bench/eval/interviews (held-out fictional interviews:
nursing, medical education, public health, a focus group, oral history, Whisper-like ASR).
For each set: `score.py plain` writes the unmarked inputs, `veil deid` runs on them in a
new temporary study (VEIL_PASSPHRASE set, VEIL_SEED=1 so pseudonyms are reproducible), and
`score.py score --json` scores the outputs. Prints one table with the targets: recall
>= 0.97 on interview sets and >= 0.90 on presidio-synth, over-redaction <= 0.01,
0 inconsistent entities. Exit status 1 when a set misses a target.

    .venv/bin/python bench/deid_eval.py                     # the table
    .venv/bin/python bench/deid_eval.py --details interviews  # + LEAK/INCONSISTENT/OVER lines
    .venv/bin/python bench/deid_eval.py --sets dev interviews
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared" / "eval").is_dir() else Path("/work/shared")
SCORE = SHARED / "eval" / "score.py"
SETS = {
    "dev": (SHARED / "eval" / "dev", 0.97),
    "presidio-synth": (SHARED / "eval" / "presidio-synth", 0.90),
    "interviews": (ROOT / "bench" / "eval" / "interviews", 0.97),
}
MAX_OVER, MAX_INCONSISTENT = 0.01, 0


def veil_cmd() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "veil"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys, cli; sys.exit(cli.main())"]


def run_set(name: str, gold: Path, work: Path) -> dict:
    plain, out, study = work / f"{name}-in", work / f"{name}-out", work / f"{name}-study"
    subprocess.run([sys.executable, str(SCORE), "plain", str(gold), str(plain)], check=True)
    env = dict(os.environ, VEIL_PASSPHRASE="deid-eval", VEIL_SEED="1")
    r = subprocess.run(veil_cmd() + ["deid", str(plain), "--study", str(study), "--out", str(out)],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout[-2000:] + r.stderr[-4000:])
        raise SystemExit(f"veil deid failed on {name} (exit {r.returncode})")
    s = subprocess.run([sys.executable, str(SCORE), "score", str(gold), str(out), "--json"],
                       check=True, capture_output=True, text=True)
    return json.loads(s.stdout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    ap.add_argument("--details", action="append", default=[], choices=list(SETS), metavar="SET",
                    help="also print the LEAK / INCONSISTENT / OVER lines of SET (repeatable)")
    ap.add_argument("--keep", type=Path, help="write inputs and outputs here instead of a temp folder")
    args = ap.parse_args(argv)
    sets = list(dict.fromkeys(args.sets + args.details))

    with tempfile.TemporaryDirectory(prefix="veil-eval-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = {n: run_set(n, SETS[n][0], work) for n in sets}

    ok = True
    print(f"{'set':<16}{'mentions':>9}{'recall':>9}{'over-red.':>11}{'inconsistent':>14}  targets")
    for n, r in results.items():
        target = SETS[n][1]
        miss = []
        if r["recall"] < target:
            miss.append(f"recall<{target:.2f}")
        if r["over_redaction"] > MAX_OVER:
            miss.append(f"over>{MAX_OVER}")
        if len(r["inconsistent"]) > MAX_INCONSISTENT:
            miss.append("inconsistent>0")
        ok &= not miss
        verdict = "ok" if not miss else "MISS " + ", ".join(miss)
        print(f"{n:<16}{r['mentions']:>9}{r['recall']:>9.3f}{r['over_redaction']:>11.4f}"
              f"{len(r['inconsistent']):>14}  recall>={target:.2f} over<={MAX_OVER} incons=0: {verdict}")
    for n in args.details:
        r = results[n]
        print(f"\n== {n}: {len(r['leaks'])} LEAK, {len(r['inconsistent'])} INCONSISTENT, "
              f"{len(r['over_redacted'])} OVER")
        for line in r["leaks"]:
            print("LEAK", line)
        for line in r["inconsistent"]:
            print("INCONSISTENT", line)
        for line in r["over_redacted"]:
            print("OVER", line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
