"""`veil deid` on files: read each, de-identify the batch, write outputs, report. A file
that cannot be read or de-identified is reported in one line and the rest go on; the
exit status is 1 when any file failed or was refused."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
from tqdm import tqdm

from deid import render
from deid.analyzer import ModelMissing
from deid.detect import detect
from deid.filenames import output_name, shown
from deid.pipeline import Result, deidentify, digest
from deid.study import StudyError
from review import audio as recording
from transcript import Transcript, UnreadableTranscript, read, write
from transcript.layouts import native_format


@dataclass
class Tally:
    study: object
    written: int = 0
    skipped: int = 0
    failed: int = 0
    lost: int = 0                    # review decisions that found no mention again
    todo: list[Transcript] = field(default_factory=list)

    def fail(self, name: str, why: str) -> None:
        click.echo(f"veil: {shown(self.study, name)}: {why}", err=True)   # no name in a message
        self.failed += 1


def deid_files(study, files: list[Path], out_dir: Path, cfg, force: bool = False, detector=detect) -> int:
    """Returns the exit code: 0 when every file was written, 1 otherwise. `detector`: see
    deid.pipeline.deidentify (a cluster's, with --ray)."""
    tally = _inputs(study, files, out_dir, force)
    if tally.todo:
        with tqdm(total=len(tally.todo), unit="file", desc="detecting", file=sys.stderr,
                  disable=len(tally.todo) < 2) as bar:
            results = _deidentify(study, tally, cfg, lambda: bar.update(1), detector)
        # the key is saved before any output exists: a killed run never leaves output whose
        # pseudonyms the study does not know
        study.save()
        _write(study, results, out_dir, tally)
        found = render.rescan(study, [n for n in study.transcript_names() if n not in
                                      {t.name for t in tally.todo}])
        if found:
            click.echo(f"{found} mention(s) of names learnt now were found in earlier transcripts "
                       f"(replaced there; see veil review)")
        study.save()
    click.echo(_summary(study, tally, out_dir))
    return 1 if tally.failed else 0


def _inputs(study, files: list[Path], out_dir: Path, force: bool) -> Tally:
    """Read every input; what the study has already done is skipped (its output written
    again from the study when missing)."""
    tally, names = Tally(study), set()
    done = study.setting("done", {})
    for f in files:
        try:
            tr = read(f)
        except UnreadableTranscript as e:
            tally.fail(f.name, f"{e}; skipped")
            continue
        if tr.name in names:
            tally.fail(f.name, "another input has the same file name; skipped")
            continue
        if not _same_file(study, tr.name, f):
            tally.fail(f.name, "the study already holds another transcript of this name, from another folder; "
                               "rename one of them; skipped")
            continue
        names.add(tr.name)
        recording.register(study, tr.name, tr.media, f.parent)  # the one file review may play
        if not force and done.get(tr.name) == digest(tr):
            tally.skipped += 1
            out_name = output_name(study, tr.name)
            if not (out_dir / out_name).exists():
                tr = render.deidentified(study, tr.name)[0]
                tr.name, tr.media = out_name, None
                _write_one(study, tr, out_dir, tally, count=False)
            continue
        tally.todo.append(tr)
    return tally


def _same_file(study, name: str, f: Path) -> bool:
    """Whether `f` is the transcript the study knows by `name` (or the study has none of
    that name): the same path, or the earlier file is gone (a moved folder). The path is
    recorded, in the encrypted study."""
    paths = study.setting("paths", {})
    here, before = str(f.resolve()), paths.get(name)
    if before and before != here and Path(before).exists():
        return False
    paths[name] = here
    study.set_setting("paths", paths)
    return True


def _deidentify(study, tally: Tally, cfg, progress, detector) -> list[Result | None]:
    """The batch at once; if it fails, one transcript at a time, so that one bad
    transcript costs only itself."""
    try:
        return deidentify(study, tally.todo, cfg, progress=progress, detector=detector)
    except ModelMissing as e:
        raise StudyError(str(e))
    except Exception:  # noqa: BLE001 - isolate the file that fails, below
        study.db.rollback()
    results = []
    for tr in tally.todo:
        try:
            results += deidentify(study, [tr], cfg, detector=detector)
            study.db.commit()
        except Exception as e:  # noqa: BLE001 - one line, no identifier: the type only
            study.db.rollback()
            tally.fail(tr.name, f"could not be de-identified ({type(e).__name__}); skipped")
            results.append(None)
    return results


def _write(study, results: list[Result | None], out_dir: Path, tally: Tally) -> None:
    done = study.setting("done", {})
    for tr, res in zip(tally.todo, results):
        if res is None:
            continue
        if res.looks_own:
            click.echo(f"veil: {res.out_name}: looks like veil's own output; the study's pseudonyms in it "
                       f"are kept as they are", err=True)
        tally.lost += res.lost_decisions
        if res.transcript is None:
            tally.fail(tr.name, f"refused, {res.leaks} real identifier(s) would remain; check it with veil review")
            continue
        if _write_one(study, res.transcript, out_dir, tally):
            done[tr.name] = digest(tr)
    study.set_setting("done", done)


def _write_one(study, tr: Transcript, out_dir: Path, tally: Tally, count: bool = True) -> bool:
    try:
        write(tr, out_dir / tr.name, native_format(tr))
    except OSError as e:
        tally.fail(tr.name, f"cannot write the output ({e.strerror})")
        return False
    tally.written += count
    return True


def _summary(study, tally: Tally, out_dir: Path) -> str:
    parts = [f"{tally.written} written to {out_dir}", f"{tally.skipped} already done", f"{tally.failed} failed"]
    if tally.lost:
        parts.append(f"{tally.lost} earlier review decision(s) found no mention again")
    return ", ".join(parts) + f"; {study.open_items()} decision(s) waiting for review"
