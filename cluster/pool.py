"""The map stages on Ray: a pool of actors, each loading its models once (the recogniser
on first use, or at start; Presidio on first use), fed by this process.

- transcription: a recording's bytes go into the object store; a task decodes it to count
  its chunks (cut at pauses, as on one machine), another decodes it again into that many
  objects (Ray Client has no streaming results; decoding is a small part of the work),
  each recognised by a free actor; a task joins the parts (speakers told apart over the
  whole recording). The chunks of one long recording are thus recognised at once on
  several actors.
- detection: the pieces of text of a batch, grouped as on one machine (detect.batches), each
  group to a free actor.

Results come back in input order, so the driver's reduce (the study, its key,
pseudonyms) runs exactly as on one machine. Workers see real audio and text; the study
and its key stay on the driver. A worker that dies is restarted and its call retried.
"""
from __future__ import annotations

import queue
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import ray

from deid import analyzer
from deid.detect import batches, detect
from transcribe import pipeline, whisper

RETRIES = 3   # a call whose worker dies this often is taken to fail for its own reasons
THREADS = 4   # CPU threads per actor on a cluster without GPUs (CTranslate2's default)


@ray.remote(max_restarts=-1, max_task_retries=RETRIES)
class Worker:
    def __init__(self, recogniser: tuple | None, threads: int):
        self.recogniser, self.threads, self.model = recogniser, threads, None

    def ready(self) -> None:
        """Loads the recogniser now, so that a model that cannot load stops the batch at
        once (whisper.ModelError), not file by file."""
        if self.recogniser and self.model is None:
            name, device, compute_type = self.recogniser
            self.model = whisper.load(None if name == whisper.DEFAULT_MODEL else name, device,
                                      compute_type, self.threads)

    def recognise(self, item: tuple, opts: pipeline.Options) -> pipeline.Part:
        chunk, by_channel = item
        self.ready()
        return pipeline.recognise_chunk(self.model, chunk, by_channel, opts)

    def analyze(self, texts: list[str], allow: list[str]) -> list:
        return list(analyzer.analyze_batch(texts, allow=allow))


@contextmanager
def _file(data: bytes, suffix: str):
    """A recording given as bytes, as a file for the decoder (deleted after)."""
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        yield Path(f.name)


@ray.remote(num_cpus=0, max_retries=RETRIES)
def count(data: bytes, suffix: str, info, opts: pipeline.Options) -> int:
    with _file(data, suffix) as path:
        return sum(1 for _ in pipeline.planned_chunks(path, info, opts))


@ray.remote(num_cpus=0, max_retries=RETRIES)
def split(data: bytes, suffix: str, info, opts: pipeline.Options):
    """The (chunk, by_channel) of a recording, one object each (num_returns: their count)."""
    with _file(data, suffix) as path:
        items = list(pipeline.planned_chunks(path, info, opts))
    return items if len(items) > 1 else items[0]


@ray.remote(num_cpus=0, max_retries=RETRIES)
def join(info, opts: pipeline.Options, path: str, *parts: pipeline.Part):
    return pipeline.assemble(list(parts), info, opts, Path(path))


def cause(e: BaseException) -> BaseException:
    """The error a task raised, out of Ray's wrappings (of the task, and of the tasks whose
    results it was given)."""
    while isinstance(e, ray.exceptions.RayTaskError) and e.cause is not None:
        e = e.cause
    return e


class Pool:
    def __init__(self, actors: list, shutdown: bool):
        self.actors, self.shutdown = actors, shutdown
        self.idle: queue.Queue = queue.Queue()
        for a in actors:
            self.idle.put(a)
        self.calls = ThreadPoolExecutor(len(actors))        # one call in flight per actor
        self.files = ThreadPoolExecutor(len(actors) + 1)    # recordings being split and joined

    @classmethod
    def start(cls, workers: int | None, recogniser: tuple | None, shutdown: bool) -> "Pool":
        res = ray.cluster_resources()
        gpus = int(res.get("GPU", 0)) if recogniser and recogniser[1] != "cpu" else 0
        cpus = max(1, int(res.get("CPU", 1)))
        # more actors than GPUs or CPUs share them (fractions), rather than wait for ever
        if gpus:    # one actor per GPU (float16), a CPU for its detection
            n, threads = workers or gpus, 1
            opts = dict(num_gpus=min(1.0, gpus / n), num_cpus=min(1.0, cpus / n))
        else:
            threads = max(1, min(THREADS, cpus // workers if workers else cpus))
            n = workers or max(1, cpus // threads)
            opts = dict(num_cpus=min(threads, cpus / n))
        actors = [Worker.options(**opts).remote(recogniser, threads) for _ in range(n)]
        pool = cls(actors, shutdown)
        try:
            ray.get([a.ready.remote() for a in actors])
        except BaseException as e:
            pool.close()
            if isinstance(e, ray.exceptions.RayError):   # the model cannot load, or no actor starts
                from cluster import ClusterError
                raise ClusterError(f"the workers cannot start: {cause(e)}") from None
            raise
        return pool

    def call(self, method: str, *args) -> Future:
        """A future of the reference to `method(*args)` on the first actor free."""
        return self.calls.submit(self._call, method, *args)

    def _call(self, method: str, *args):
        actor = self.idle.get()
        try:
            ref = getattr(actor, method).remote(*args)
            ray.wait([ref], fetch_local=False)   # the result stays in the object store
            return ref
        finally:
            self.idle.put(actor)

    # ------------------------------------------------------------ detection
    def analyze(self, texts: list[str], allow: list[str]):
        """Presidio's results of each text, in order, as they come."""
        allow_ref = ray.put(list(allow))
        calls = [self.call("analyze", b, allow_ref) for b in batches(texts)]
        for c in calls:
            try:
                results = ray.get(c.result())
            except ray.exceptions.RayTaskError as e:   # raised as here (deid.run isolates the file)
                raise cause(e) from None
            yield from results

    def detector(self, docs, allow, progress=None) -> None:
        """deid.pipeline's `detector`: detect.detect with the analysis on the cluster."""
        detect(docs, allow, progress, analyze=self.analyze)

    # ------------------------------------------------------------ transcription
    def transcribe(self, todo: list[tuple[Path, object]], opts: pipeline.Options) -> list[Future]:
        """A future transcript for each (recording, info), all started now (as many at
        once as the pool can take)."""
        return [self.files.submit(self._transcribe, p, info, opts) for p, info in todo]

    def _transcribe(self, p: Path, info, opts: pipeline.Options):
        data = ray.put(p.read_bytes())
        try:
            n = ray.get(count.remote(data, p.suffix, info, opts))
            items = split.options(num_returns=n).remote(data, p.suffix, info, opts) if n else []
            parts = [self.call("recognise", item, opts) for item in (items if n != 1 else [items])]
            return ray.get(join.remote(info, opts, str(p), *[c.result() for c in parts]))
        except ray.exceptions.RayTaskError as e:   # the file's own error (AudioError...), as here
            raise cause(e) from None

    # ------------------------------------------------------------ end
    def close(self) -> None:
        # not waiting: an interrupted batch stops now (calls in flight fail with their actors)
        self.files.shutdown(wait=False, cancel_futures=True)
        self.calls.shutdown(wait=False, cancel_futures=True)
        for a in self.actors:
            ray.kill(a)
        if self.shutdown:
            ray.shutdown()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
