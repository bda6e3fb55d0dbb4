"""Score `veil deid` on gold sets with shared/eval/score.py, automatically and after a
reviewer accepts every flag.

Sets: shared/eval/dev (interviews the detection is tuned on), shared/eval/presidio-synth
(Presidio's synthetic texts), bench/eval/interviews (held-out fictional interviews) and the
held-out sets of bench/eval/README-heldout.md (interviews2, minutes, court, clinical,
emails, asr); `final`, `final2` and `final3` only when asked for (`--sets final3`); any other folder marked up the
same way with `--gold DIR` (`--gold bench/eval/final4`). An output named after the pseudonyms in
its input's name is scored as that input's. For each set: `score.py plain` writes the unmarked inputs, `veil
deid` runs on them in a new temporary study (VEIL_SEED=1), `score.py score --json` scores
the outputs; then bench/accept_all.py accepts every flag through the review page's code
path and exports, and the export is scored again. Prints, per set: required mentions,
automatic recall, recall after accepting every flag, over-redaction, inconsistent entities,
flag groups per 1,000 words (one decision per distinct flagged word of a transcript) and
files export refused, with the targets. Exit status 1 when a set misses a target.

    .venv/bin/python bench/deid_eval.py                       # the table
    .venv/bin/python bench/deid_eval.py --details interviews  # + LEAK/INCONSISTENT/OVER lines
    .venv/bin/python bench/deid_eval.py --sets dev interviews --gold ~/my-marked-set
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared" / "eval").is_dir() else Path("/work/shared")
SCORE = SHARED / "eval" / "score.py"
HELD_OUT = ROOT / "bench" / "eval"
# set: (folder, automatic recall target; None where the issue sets none)
SETS = {
    "dev": (SHARED / "eval" / "dev", 0.98),
    "presidio-synth": (SHARED / "eval" / "presidio-synth", 0.93),
    "interviews": (HELD_OUT / "interviews", 0.98),
    "interviews2": (HELD_OUT / "interviews2", 0.98),
    "asr": (HELD_OUT / "asr", 0.98),
    "minutes": (HELD_OUT / "minutes", None),
    "court": (HELD_OUT / "court", None),
    "clinical": (HELD_OUT / "clinical", None),
    "emails": (HELD_OUT / "emails", None),
    "final": (HELD_OUT / "final", None),
    "final2": (HELD_OUT / "final2", None),
    "final3": (HELD_OUT / "final3", None),
}
DEFAULT = [s for s in SETS if not s.startswith("final")]
MAX_OVER, MAX_INCONSISTENT, MIN_REVIEWED = 0.01, 0, 0.995
MAX_FLAGS = 10.0   # flag groups per 1,000 words, on interviews


def veil_cmd() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "veil"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys, cli; sys.exit(cli.main())"]


def _score(gold: Path, out: Path) -> dict:
    s = subprocess.run([sys.executable, str(SCORE), "score", str(gold), str(out), "--json"],
                       check=True, capture_output=True, text=True)
    return json.loads(s.stdout)


def _under_input_names(study: Path, plain: Path, out: Path) -> None:
    """Outputs back under their inputs' names, for the scorer: an input named after a person
    or a place ("02_oral_history_uawa.txt") has an output named after the pseudonym."""
    sys.path.insert(0, str(ROOT))
    from deid.filenames import output_name
    from deid.study import open_study
    with open_study(study, secret="deid-eval") as s:
        for f in plain.glob("*.txt"):
            shown = out / output_name(s, f.name)
            if shown.name != f.name and shown.exists() and not (out / f.name).exists():
                shown.rename(out / f.name)


def _refused_as_input(plain: Path, out: Path) -> None:
    """A file veil refused scores as its input: every identifier left."""
    out.mkdir(parents=True, exist_ok=True)
    for f in plain.glob("*.txt"):
        if not (out / f.name).exists():
            (out / f.name).write_text(f.read_text())


def run_set(name: str, gold: Path, work: Path) -> dict:
    plain, out, study = work / f"{name}-in", work / f"{name}-out", work / f"{name}-study"
    for d in (plain, out, study, work / f"{name}-all"):   # a folder kept from an earlier run starts afresh
        shutil.rmtree(d, ignore_errors=True)
    subprocess.run([sys.executable, str(SCORE), "plain", str(gold), str(plain)], check=True)
    env = dict(os.environ, VEIL_PASSPHRASE="deid-eval", VEIL_SEED="1")
    r = subprocess.run(veil_cmd() + ["deid", str(plain), "--study", str(study), "--out", str(out)],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"{name}: veil deid exit {r.returncode}: " + r.stderr[-1000:])
    _under_input_names(study, plain, out)
    _refused_as_input(plain, out)
    result = _score(gold, out)
    a = subprocess.run([sys.executable, str(ROOT / "bench" / "accept_all.py"), str(study), str(work / f"{name}-all")],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    if a.returncode != 0:
        raise SystemExit(f"accepting every flag failed on {name}: {a.stderr[-3000:]}")
    result["review"] = json.loads(a.stdout.strip().splitlines()[-1])
    reviewed = work / f"{name}-all"
    _under_input_names(study, plain, reviewed)
    _refused_as_input(plain, reviewed)
    result["reviewed"] = _score(gold, reviewed)
    result["words"] = sum(len(f.read_text().split()) for f in plain.glob("*.txt"))
    return result


def verdict(name: str, r: dict) -> str:
    target, miss = SETS.get(name, (None, None))[1], []
    if target and r["recall"] < target:
        miss.append(f"recall<{target:.2f}")
    if r["reviewed"]["recall"] < MIN_REVIEWED:
        miss.append(f"reviewed<{MIN_REVIEWED}")
    if r["over_redaction"] > MAX_OVER:
        miss.append(f"over>{MAX_OVER}")
    if len(r["inconsistent"]) > MAX_INCONSISTENT:
        miss.append("inconsistent>0")
    if r["review"]["refused"]:
        miss.append("export refused")
    if name.startswith("interviews") and 1000 * r["review"]["flag_groups"] / r["words"] > MAX_FLAGS:
        miss.append(f"flags>{MAX_FLAGS:g}")
    return "ok" if not miss else "MISS " + ", ".join(miss)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=list(SETS), default=DEFAULT)
    ap.add_argument("--gold", nargs="+", type=Path, default=[], metavar="DIR",
                    help="also score these folders, marked up as shared/eval is")
    ap.add_argument("--details", action="append", default=[], metavar="SET",
                    help="also print the LEAK / INCONSISTENT / OVER lines of SET (repeatable; 'all' for every set)")
    ap.add_argument("--keep", type=Path, help="write inputs and outputs here instead of a temp folder")
    args = ap.parse_args(argv)
    folders = {n: SETS[n][0] for n in dict.fromkeys(args.sets + [d for d in args.details if d in SETS])}
    folders.update({g.name: g for g in args.gold})
    details = list(folders) if "all" in args.details else args.details
    unknown = [d for d in details if d not in folders]
    if unknown:
        ap.error(f"--details: no set named {', '.join(unknown)} (sets: {', '.join(folders)})")

    with tempfile.TemporaryDirectory(prefix="veil-eval-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = {n: run_set(n, f, work) for n, f in folders.items()}

    print(f"{'set':<16}{'mentions':>9}{'auto':>8}{'all flags':>10}{'over-red.':>11}{'incons.':>9}"
          f"{'flags/1k':>10}{'refused':>9}  verdict")
    ok = True
    for n, r in results.items():
        v = verdict(n, r)
        ok &= v == "ok"
        print(f"{n:<16}{r['mentions']:>9}{r['recall']:>8.3f}{r['reviewed']['recall']:>10.3f}"
              f"{r['over_redaction']:>11.4f}{len(r['inconsistent']):>9}"
              f"{1000 * r['review']['flag_groups'] / r['words']:>10.1f}{r['review']['refused']:>9}  {v}")
    print(f"targets: automatic recall >= 0.98 on interviews, >= 0.93 on presidio-synth; after accepting every "
          f"flag >= {MIN_REVIEWED}; over-redaction <= {MAX_OVER}; 0 inconsistent; 0 refused; "
          f"flags/1k <= {MAX_FLAGS:g} on interviews")
    for n in details:
        _details(n, results[n])
    return 0 if ok else 1


def _details(n: str, r: dict) -> None:
    for label, res in (("automatic", r), ("after accepting every flag", r["reviewed"])):
        print(f"\n== {n}, {label}: {len(res['leaks'])} LEAK, {len(res['inconsistent'])} INCONSISTENT, "
              f"{len(res['over_redacted'])} OVER")
        for kind, key in (("LEAK", "leaks"), ("INCONSISTENT", "inconsistent"), ("OVER", "over_redacted")):
            for line in res[key]:
                print(kind, line)


if __name__ == "__main__":
    sys.exit(main())
