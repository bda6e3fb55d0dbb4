"""`veil deid` on files: read each, de-identify the batch, write outputs, report."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from deid.pipeline import deidentify, digest
from review import audio as recording
from transcript import UnreadableTranscript, read, write
from transcript.layouts import native_format


def deid_files(study, files: list[Path], out_dir: Path, cfg, force: bool = False) -> int:
    """Returns the exit code: 0 when every file was written, 1 otherwise."""
    transcripts, failed, skipped = [], 0, 0
    names = set()
    for f in files:
        try:
            tr = read(f)
        except UnreadableTranscript as e:
            click.echo(f"veil: {f.name}: {e}; skipped", err=True)
            failed += 1
            continue
        if tr.name in names:
            click.echo(f"veil: {f.name}: another input has the same file name; skipped", err=True)
            failed += 1
            continue
        names.add(tr.name)
        recording.register(study, tr.name, tr.media, f.parent)  # the one file review may play
        done = study.setting("done", {})
        if not force and done.get(tr.name) == digest(tr) and (out_dir / tr.name).exists():
            skipped += 1
            continue
        transcripts.append(tr)
    if not transcripts:
        click.echo(f"nothing to do: {skipped} already de-identified, {failed} failed")
        return 1 if failed else 0
    with tqdm(total=len(transcripts), unit="file", desc="detecting", file=sys.stderr,
              disable=len(transcripts) < 2) as bar:
        results = deidentify(study, transcripts, cfg, progress=lambda: bar.update(1))
    # the key is saved before any output exists: a killed run never leaves output whose
    # pseudonyms the study does not know
    study.save()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    done = study.setting("done", {})
    for tr, res in zip(transcripts, results):
        if res.transcript is None:
            click.echo(f"veil: {tr.name}: refused, {res.leaks} real identifier(s) would remain; "
                       f"check it with veil review", err=True)
            failed += 1
            continue
        write(res.transcript, out_dir / tr.name, native_format(res.transcript))
        done[tr.name] = digest(tr)
        written += 1
    study.set_setting("done", done)
    study.save()
    waiting = study.open_items()
    click.echo(f"{written} written to {out_dir}, {skipped} already done, {failed} failed; "
               f"{waiting} decision(s) waiting for review")
    return 1 if failed else 0
