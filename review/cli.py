"""`veil review` and `veil export`."""
from __future__ import annotations

import getpass
import sys

import click


def _fail(message: str) -> None:
    click.echo(f"veil: {message}", err=True)
    sys.exit(1)


@click.command("review")
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False),
              help="Study folder made by veil deid or veil run.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default="a free port",
              help="Port on 127.0.0.1 to serve the page on.")
@click.option("--no-browser", is_flag=True, help="Only print the address; do not open a browser.")
@click.option("--reviewer", default=None, help="Your name, recorded with every decision "
              "(default: your login name).")
@click.option("--idle-timeout", type=click.FloatRange(min=0), default=3600, show_default=True,
              help="Stop after this many seconds without a request (0: never).")
def review_cmd(study_dir, port, no_browser, reviewer, idle_timeout):
    """Check flagged redactions in a local web page (127.0.0.1 only, with an access token).
    Every decision is saved, encrypted, at once."""
    from deid.study import StudyError, open_study
    from review import server as srv
    reviewer = (reviewer or getpass.getuser() or "reviewer").strip()
    try:
        with open_study(study_dir) as study:
            server = srv.start(study, reviewer, port)
            click.echo(f"veil review: {study.open_items()} flag(s) open; reviewing as {reviewer}")
            click.echo(f"open {server.url}")
            click.echo("(Ctrl-C to stop)")
            if not no_browser:
                import webbrowser
                try:  # a one-time address: the command line of the browser is public
                    webbrowser.open(server.once_url())
                except Exception:  # noqa: BLE001 - no browser here: the address is printed
                    pass
            why = srv.serve(server, idle_timeout or None)
            study.save()
    except StudyError as e:
        _fail(str(e))
    click.echo(f"veil review: {why}; every decision is saved")


def audio_options(f):
    """--audio and --audio-mask, shared by `veil export` and `veil run`."""
    f = click.option("--audio-mask", "audio_mask", type=click.Choice(["tone", "silence"]), default="tone",
                     show_default=True, help="What covers each replaced mention in the audio.")(f)
    return click.option("--audio", "audio_out", is_flag=True, help="Also write each recording with every replaced "
                        "mention masked (voices are not disguised).")(f)


@click.command("export")
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the reviewed, de-identified transcripts and the review report.")
@click.option("--format", "formats", default="", help="Comma-separated: txt, docx, vtt, srt, json, "
              "nvivo, maxqda, qdpx (default: each transcript's own layout).")
@click.option("--allow-unreviewed", is_flag=True, help="Also export transcripts with open flags, "
              "marked UNREVIEWED in their header.")
@click.option("--name-by", "name_by", type=click.Choice(["deidentified", "participant", "original"]),
              default="deidentified", show_default=True,
              help="File names: the input's with every name in it replaced, the participant's code "
                   "(veil participants), or the input's own when it holds no name.")
@audio_options
def export_cmd(study_dir, out_dir, formats, allow_unreviewed, name_by, audio_out, audio_mask):
    """Write the de-identified transcripts with every review decision applied, and a review
    report (review_report.csv). The leak check runs again on every file written. qdpx is
    one REFI-QDA project for the whole study (with the audio, given --audio)."""
    from pathlib import Path

    from deid.study import StudyError, open_study
    from review import export
    from review.audio_mask import Mask
    fmts = [f.strip().lower() for f in formats.split(",") if f.strip()]
    bad = [f for f in fmts if f not in export.EXPORT_FORMATS]
    if bad:
        _fail(f"unknown format {bad[0]!r} (choose from {', '.join(export.EXPORT_FORMATS)})")
    try:
        with open_study(study_dir) as study:
            result = export.export(study, Path(out_dir), fmts, allow_unreviewed,
                                   warn=lambda m: click.echo(m, err=True), audio=audio_out,
                                   mask=Mask(audio_mask), name_by=name_by)
    except StudyError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"cannot write to {out_dir}: {e.strerror}")
    click.echo(result.summary())
    sys.exit(0 if result.ok else 1)
