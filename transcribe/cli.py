"""`veil transcribe` and `veil run`: batches of recordings, with progress, one-line
failures, and resume (files already done are skipped)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from cluster import ClusterError, pool_for, ray_options
from review.audio_mask import Mask
from review.cli import audio_options
from transcribe import audio, pipeline, verbatim, whisper
from transcribe.progress import Progress, Stage

DEFAULT_FORMATS = "txt,json"


def _fail(message: str) -> None:
    click.echo(f"veil: {message}", err=True)
    sys.exit(1)


def _formats(value: str) -> list[str]:
    from transcript import FORMATS
    fmts = [f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise click.BadParameter(f"unknown format {', '.join(bad) or '(none)'}; use {','.join(FORMATS)}")
    return list(dict.fromkeys(fmts))


def _outputs(out_dir: Path, stem: str, fmts: list[str]) -> dict[str, Path]:
    return {f: out_dir / f"{stem}.{f}" for f in fmts}


def _done(out_dir: Path, stem: str, fmts: list[str]) -> bool:
    return all(p.exists() for p in _outputs(out_dir, stem, fmts).values())


class Refused(Exception):
    """A recording not transcribed, for a reason said in one line (a name clash)."""


def _distinct(files) -> tuple[list[Path], list[str]]:
    """The recordings of a batch, each once; a later one with the output name of an earlier
    one (a/x.wav and b/x.wav, y.wav and y.flac) is refused, never written over it."""
    keep, seen, refusals = [], {}, []
    for f in files:
        p = Path(f)
        real = p.resolve()
        first = seen.setdefault(p.stem.casefold(), (p, real))
        if first[1] != real:
            refusals.append(f"veil: {p}: skipped: {first[0]} has the same name, and transcripts are "
                            f"named after the recording; rename one or give it its own --out")
        elif first[0] is p:
            keep.append(p)
    return keep, refusals


# which recording each transcript in a `veil transcribe` folder was made from
MANIFEST = ".veil-recordings.json"


def _manifest(out: Path) -> dict:
    import json
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _remember(out: Path, p: Path) -> None:
    import json
    import os
    data = _manifest(out)
    data[p.stem] = str(p.resolve())
    tmp = out / f".{MANIFEST}.{os.getpid()}"
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def _check_owner(owner: str | None, p: Path, where: str) -> None:
    if owner and owner != str(p.resolve()):
        raise Refused(f"{where} was made from another recording with the same name; use another "
                      f"--out (or --force to replace it)")


def recording_options(f):
    """Options shared by `transcribe` and `run`."""
    opts = [
        click.option("--model", default=whisper.DEFAULT_MODEL, show_default=True,
                     help="Whisper model: 'bundled' (tiny.en, offline), a local CTranslate2 "
                          "folder, or a model name (downloads it; needs the model hub)."),
        click.option("--language", default="en", show_default=True,
                     help="Spoken language code, or 'auto' to detect (multilingual models)."),
        click.option("--device", type=click.Choice(["cpu", "cuda", "auto"]), default="auto",
                     show_default=True),
        click.option("--compute-type", default=None,
                     help="CTranslate2 compute type [default: int8 on CPU, float16 on GPU]."),
        click.option("--speakers", type=click.IntRange(1, 20), default=None,
                     help="Number of speakers, when known [default: estimated]."),
        click.option("--speaker-names", default="",
                     help="Names for the speakers in order of first appearance, "
                          "e.g. 'Interviewer,Respondent' [default: S1, S2, ...]."),
        click.option("--no-speakers", is_flag=True, help="No speaker diarization."),
        click.option("--diarization", type=click.Choice(["resemblyzer", "mfcc"]),
                     default="resemblyzer", show_default=True, help="Speaker embedding."),
        click.option("--stereo", type=click.Choice(["auto", "channels", "mix"]), default="auto",
                     show_default=True,
                     help="Two-channel files: one voice per channel (channels), mixed (mix), "
                          "or detect."),
        click.option("--prompt", default=None,
                     help="Initial prompt for Whisper (e.g. names and terms of the study)."),
        click.option("--fillers", type=click.Choice([f.value for f in verbatim.Fillers]),
                     default=verbatim.Options().fillers.value, show_default=True,
                     help="How hard Whisper is pushed to write um, uh and hmm: none (bare "
                          "Whisper), prompt (a prompt full of fillers, once per chunk: can make "
                          "tiny.en skip sentences), guarded (that prompt on every 30 s piece, a "
                          "piece redone without it where its words cover too little speech)."),
        click.option("--hotwords", default=None, help="Words Whisper should prefer."),
        click.option("--unsure-below", type=click.FloatRange(0, 1), default=verbatim.UNSURE_BELOW,
                     show_default=True, help="Mark words under this probability as [word?]."),
        click.option("--force", is_flag=True, help="Redo files whose outputs already exist."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _options(language, speakers, speaker_names, no_speakers, diarization, stereo, prompt,
             fillers, hotwords, unsure_below) -> pipeline.Options:
    names = [n.strip() for n in speaker_names.split(",") if n.strip()]
    return pipeline.Options(
        speakers=speakers, speaker_names=names, diarize=not no_speakers, method=diarization,
        stereo=stereo,
        whisper=whisper.Settings(language=None if language == "auto" else language,
                                 initial_prompt=prompt, hotwords=hotwords),
        verbatim=verbatim.Options(fillers=verbatim.Fillers(fillers), unsure_below=unsure_below))


def _todo(files, is_done) -> tuple[list, int, int]:
    """(recording, info) of each file to transcribe now; how many are done; how many failed
    (each said in one line)."""
    files, refusals = _distinct(files)
    for line in refusals:
        click.echo(line, err=True)
    todo, skipped, failed = [], 0, len(refusals)
    for p in files:
        try:
            if is_done(p):
                skipped += 1
                continue
            todo.append((p, audio.probe(p)))
        except (audio.AudioError, Refused) as e:
            click.echo(f"veil: {p.name}: {e}; skipped", err=True)
            failed += 1
    return todo, skipped, failed


def _here(model_name, device, compute_type, opts: pipeline.Options):
    """transcript(path, progress) on this machine, the model loaded once."""
    try:
        model = whisper.load(None if model_name == whisper.DEFAULT_MODEL else model_name,
                             device, compute_type)
    except whisper.ModelError as e:
        _fail(str(e))
    return lambda p, progress: pipeline.transcribe_file(p, model, opts, progress)


def _on_cluster(pool, todo, opts: pipeline.Options):
    """transcript(path, progress) from the cluster: every file is started at once and
    waited for in input order (the time waited counts as decoding, for the time left)."""
    futures = dict(zip((p for p, _ in todo), pool.transcribe(todo, opts)))
    return lambda p, progress: futures.pop(p).result()


def transcribe_batch(files: list[str], model_name, device, compute_type, opts: pipeline.Options,
                     is_done, on_transcript, saving: Stage = Stage.WRITING,
                     pool=None) -> tuple[int, int, int]:
    """Transcribe each file not yet done (on `pool`, a cluster, when given), calling
    on_transcript(path, transcript) for each, in input order. Returns (done now, skipped,
    failed). Failures are one line each; the batch goes on."""
    todo, skipped, failed = _todo(files, is_done)
    if not todo:
        return 0, skipped, failed
    transcript = _on_cluster(pool, todo, opts) if pool else _here(model_name, device, compute_type, opts)
    done = 0
    with Progress([i.duration for _, i in todo]) as progress:
        for p, info in todo:
            progress.begin(p.name, info.duration)
            try:
                tr = transcript(p, progress)
                progress.stage(saving)
                on_transcript(p, tr)
                progress.end(_summary(tr))
                done += 1
            except audio.AudioError as e:
                progress.fail(f"veil: {p.name}: {e}; skipped")
                failed += 1
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as e:  # one bad file must not stop a night's batch
                first = (str(e).splitlines() or [""])[0][:160]
                progress.fail(f"veil: {p.name}: cannot transcribe ({type(e).__name__}: {first}); skipped")
                failed += 1
    return done, skipped, failed


def _summary(tr) -> str:
    """What the status line says about a transcript (no words of it: they may identify)."""
    m = tr.meta
    moved = m.get("words_moved", 0)
    return (f"{m.get('speakers', 0)} speaker(s), {len(tr.turns)} turn(s)"
            + (f", {moved} word(s) moved to the speaker of their sentence" if moved else ""))


@click.command("transcribe")
@click.argument("audio_files", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the transcripts (DIR/<audio file stem>.<format>).")
@click.option("--format", "formats", default=DEFAULT_FORMATS, show_default=True,
              help="Comma-separated: txt, docx, vtt, srt, json.")
@recording_options
@ray_options
def transcribe_cmd(audio_files, out_dir, formats, model, language, device, compute_type, speakers,
                   speaker_names, no_speakers, diarization, stereo, prompt, fillers,
                   hotwords, unsure_below, force, ray_address, ray_workers):
    """Transcribe recordings (wav, mp3, m4a, flac, ogg, mp4, mov, webm) verbatim, offline,
    with speakers and timestamps."""
    from transcript import write
    fmts = _formats(formats)
    out = Path(out_dir)
    opts = _options(language, speakers, speaker_names, no_speakers, diarization, stereo, prompt,
                    fillers, hotwords, unsure_below)

    def save(p: Path, tr) -> None:
        for fmt, path in _outputs(out, p.stem, fmts).items():
            write(tr, path, fmt)
        _remember(out, p)

    def is_done(p: Path) -> bool:
        if force or not any(q.exists() for q in _outputs(out, p.stem, fmts).values()):
            return False
        _check_owner(_manifest(out).get(p.stem), p, f"{p.stem}.{fmts[0]} in {out}")
        return _done(out, p.stem, fmts)

    try:
        with pool_for(ray_address, ray_workers, (model, device, compute_type)) as pool:
            done, skipped, failed = transcribe_batch(
                audio_files, model, device, compute_type, opts, is_done, save, pool=pool)
    except ClusterError as e:
        _fail(str(e))
    click.echo(f"{done} transcribed to {out}, {skipped} already done, {failed} failed")
    sys.exit(1 if failed else 0)


def audio_target(recording: Path, out: Path, stem: str | None = None) -> Path:
    from review.audio_mask import extension
    return out / f"{stem or recording.stem}.{extension(recording)}"


def write_audio(recording: Path, verbatim_tr, deidentified, out: Path, how, stem: str | None = None) -> bool:
    """The recording with every replaced mention masked, next to its transcripts (named
    `stem`, the transcript's de-identified name); False (and a one-line message) when it
    cannot be made."""
    from deid.key import atomic_write
    from review import audio_mask
    target = audio_target(recording, out, stem)
    shown = target.name   # messages name the output, never the recording
    if target.resolve() == recording.resolve():
        click.echo(f"veil: {shown}: the de-identified audio would replace the recording; "
                   f"choose another --out", err=True)
        return False
    try:
        data, _, _ = audio_mask.deidentified_audio(recording, verbatim_tr, deidentified, how)
    except audio_mask.MaskError as e:
        click.echo(f"veil: {shown}: no de-identified audio: {e}", err=True)
        return False
    out.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return True


@click.command("run")
@click.argument("audio_files", nargs=-1, required=True)
@click.option("--study", "study_dir", required=True, type=click.Path(file_okay=False),
              help="Study folder (created when absent); the verbatim transcripts are kept "
                   "there, encrypted.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the de-identified transcripts.")
@click.option("--format", "formats", default=DEFAULT_FORMATS, show_default=True,
              help="Comma-separated: txt, docx, vtt, srt, json.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML settings for de-identification.")
@recording_options
@audio_options
@ray_options
def run_cmd(audio_files, study_dir, out_dir, formats, config_path, model, language, device,
            compute_type, speakers, speaker_names, no_speakers, diarization, stereo, prompt,
            fillers, hotwords, unsure_below, force, audio_out, audio_mask, ray_address, ray_workers):
    """Transcribe recordings, then de-identify them with the study: the verbatim transcript
    goes into the study (encrypted), the de-identified one into --out."""
    from deid import config as cfgmod
    from deid.detect import detect
    from deid.filenames import output_name
    from deid.pipeline import deidentify
    from deid.study import StudyError, open_study
    from review import audio as recording
    from transcript import write
    fmts = _formats(formats)
    out = Path(out_dir)
    opts = _options(language, speakers, speaker_names, no_speakers, diarization, stereo, prompt,
                    fillers, hotwords, unsure_below)
    refused = 0
    try:
        cfg = cfgmod.load(config_path)
        with pool_for(ray_address, ray_workers, (model, device, compute_type)) as pool, \
                open_study(study_dir, create=True) as study:
            def save(p: Path, tr) -> None:
                nonlocal refused
                tr.name = f"{p.stem}.txt"      # the name `veil deid` and review know it by
                recording.register(study, tr.name, str(p.resolve()))
                study.put_verbatim(tr.name, tr)
                [res] = deidentify(study, [tr], cfg, detector=pool.detector if pool else detect)
                study.save()
                if res.transcript is None:
                    click.echo(f"veil: {res.out_name}: refused, {res.leaks} real identifier(s) would "
                               f"remain; check it with veil review", err=True)
                    refused += 1
                    return
                stem = Path(res.out_name).stem   # the recording's name with its names replaced
                for fmt, path in _outputs(out, stem, fmts).items():
                    write(res.transcript, path, fmt)
                if audio_out and not write_audio(p, tr, res.transcript, out, Mask(audio_mask), stem):
                    refused += 1

            def is_done(p: Path) -> bool:
                if not force:  # the study knows which recording each of its transcripts is
                    _check_owner(recording.registered(study, f"{p.stem}.txt"), p,
                                 f"the study's {p.stem}.txt")
                stem = Path(output_name(study, f"{p.stem}.txt")).stem
                return not force and _done(out, stem, fmts) and (not audio_out or audio_target(p, out, stem).exists())

            done, skipped, failed = transcribe_batch(
                audio_files, model, device, compute_type, opts, is_done, save, Stage.DEIDENTIFYING, pool)
            waiting = study.open_items()
    except (StudyError, cfgmod.ConfigError, ClusterError) as e:
        _fail(str(e))
    click.echo(f"{done - refused} transcribed and de-identified to {out}, {skipped} already done, "
               f"{failed + refused} failed; {waiting} decision(s) waiting for review")
    sys.exit(1 if failed or refused else 0)
