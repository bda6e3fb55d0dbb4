"""veil: offline transcripts of research interviews, de-identified and reviewed."""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import click

from cluster import ray_options   # the options only: Ray is imported with --ray alone

TRANSCRIPT_SUFFIXES = {".txt", ".docx", ".vtt", ".srt", ".json"}


def fail(message: str) -> None:
    click.echo(f"veil: {message}", err=True)
    sys.exit(1)


def transcript_files(inputs: tuple[str, ...]) -> tuple[list[Path], int]:
    """The files to read, and how many inputs were missing or not files (each said in one
    line; a pipe or device is refused at once, never read)."""
    files, bad = [], 0
    for i in inputs:
        p = Path(i)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TRANSCRIPT_SUFFIXES
                            and not f.name.startswith("."))
        elif p.is_file():
            files.append(p)
        else:
            why = "not a regular file (a pipe or device)" if p.exists() else "no such file or folder"
            click.echo(f"veil: {i}: {why}; skipped", err=True)
            bad += 1
    return files, bad


def check_out(out: Path, inputs: list[Path], study: Path) -> None:
    """Refuse an output folder that would overwrite inputs or the study, and one that
    cannot be written, before any model loads."""
    o = out.resolve()
    for i in inputs:
        i = i.resolve()
        folder = i if i.is_dir() else i.parent
        if o == folder or folder in o.parents:
            fail(f"--out {out} is the same as, or inside, an input folder: choose another folder")
    s = study.resolve()
    if o == s or s in o.parents:
        fail(f"--out {out} is the study folder or inside it: choose another folder")
    try:
        o.mkdir(parents=True, exist_ok=True)
        probe = o / f".veil-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        fail(f"cannot write to --out {out}: {e.strerror}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="veil")
def main():
    """veil: offline, de-identified transcripts of research interviews."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False),
              help="Study folder (created when absent): the encrypted key and review state.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the de-identified transcripts.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML settings: names, fixed pseudonyms, allow-list, style, dates.")
@click.option("--recipient", "recipients", multiple=True,
              help="Age public key of a team member who may open the study (added to an existing one).")
@click.option("--force", is_flag=True, help="Process files the study has already de-identified.")
@ray_options
def deid(inputs, study_dir, out_dir, config_path, recipients, force, ray_address, ray_workers):
    """De-identify transcripts (.txt, .docx, .vtt, .srt, .json files or folders)."""
    from cluster import ClusterError, pool_for
    from deid import config as cfgmod
    from deid.detect import detect
    from deid.study import StudyError, open_study
    from deid.run import deid_files

    files, bad = transcript_files(inputs)
    if not files:
        fail("no transcript files found")
    check_out(Path(out_dir), [Path(i) for i in inputs], Path(study_dir))
    try:
        cfg = cfgmod.load(config_path)
        with pool_for(ray_address, ray_workers) as pool, \
                open_study(study_dir, create=True, recipients=list(recipients)) as study:
            code = deid_files(study, files, Path(out_dir), cfg, force=force,
                              detector=pool.detector if pool else detect)
    except (StudyError, cfgmod.ConfigError, ClusterError) as e:
        fail(str(e))
    sys.exit(code or (1 if bad else 0))


@main.group()
def key():
    """Show or export the study key (real names and their pseudonyms)."""


@key.command("show")
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False))
def key_show(study_dir):
    """List every entity of the study with its pseudonym (shows real names)."""
    from deid.study import StudyError, open_study
    try:
        with open_study(study_dir) as study:
            rows = study.entities()
            forms = {}
            for eid, real, pseudo in study.variants():
                forms.setdefault(eid, []).append(f"{real} -> {pseudo}")
    except StudyError as e:
        fail(str(e))
    for e in rows:
        click.echo(f"{e.id:>4}  {e.kind:<11}  {e.real}  ->  {e.pseudonym}")
        for f in forms.get(e.id, []):
            if not f.startswith(e.real + " ->"):
                click.echo(f"{'':>19}{f}")


@key.command("export")
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="CSV file to write (it holds real names: keep it safe).")
def key_export(study_dir, out_path):
    """Write the key as CSV (entity, kind, real, pseudonym) for the principal investigator."""
    from deid.study import StudyError, open_study
    try:
        with open_study(study_dir) as study:
            ents = {e.id: e for e in study.entities()}
            rows = study.variants()
    except StudyError as e:
        fail(str(e))
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["entity", "kind", "real", "pseudonym"])
        for eid, real, pseudo in sorted(rows):
            w.writerow([eid, ents[eid].kind if eid in ents else "", real, pseudo])
    click.echo(f"wrote {len(rows)} rows to {out_path}")


@main.command()
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False))
@click.option("--set", "assign", nargs=2, metavar="TRANSCRIPT CODE", multiple=True,
              help="Give a transcript its participant's code (P07, M1-04); TRANSCRIPT as listed.")
@click.option("--clear", multiple=True, metavar="TRANSCRIPT", help="Take a transcript's code away.")
@click.option("--reviewer", default=None, help="Your name, recorded in the study's audit trail.")
def participants(study_dir, assign, clear, reviewer):
    """List the study's transcripts with their participant codes, or set them. Exports
    can be named by code: veil export --name-by participant."""
    import getpass

    from deid import participants as P
    from deid.study import StudyError, open_study
    who = (reviewer or getpass.getuser() or "reviewer").strip()
    try:
        with open_study(study_dir) as study:
            for name, code in assign:
                click.echo(f"{P.assign(study, name, code, who)}: {code.strip()}")
            for name in clear:
                click.echo(f"{P.assign(study, name, None, who)}: no code")
            if assign or clear:
                study.save()
            else:
                for name, code in P.listing(study):
                    click.echo(f"{code or '-':<10}  {name}")
    except StudyError as e:
        fail(str(e))


def _register():
    """The commands of the other stages (their modules import their heavy packages lazily)."""
    from review.cli import export_cmd, review_cmd
    from transcribe.cli import run_cmd, transcribe_cmd
    main.add_command(transcribe_cmd, "transcribe")
    main.add_command(run_cmd, "run")
    main.add_command(review_cmd, "review")
    main.add_command(export_cmd, "export")


_register()

if __name__ == "__main__":
    main()
