"""veil on a Ray cluster (`--ray ADDRESS`): recordings and transcripts mapped over a pool of
Ray actors, the study reduced on this machine (the driver). Ray is imported only when
`--ray` is given (here, in `connect`), so the single-machine path never loads it."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import click


class ClusterError(Exception):
    """Ray is missing or the cluster cannot be reached; the message is one line."""


def ray_options(f):
    """`--ray` and `--ray-workers`, shared by `run`, `transcribe` and `deid`."""
    f = click.option("--ray-workers", type=click.IntRange(1), default=None,
                     help="Ray actors to start [default: one per GPU, else one per 4 CPUs].")(f)
    return click.option("--ray", "ray_address", default=None, metavar="ADDRESS",
                        help="Run on a Ray cluster: 'auto', 'ray://HEAD:10001', or 'local' to "
                             "start Ray on this machine (needs veil[cluster]).")(f)


def pool_for(address: str | None, workers: int | None = None, recogniser: tuple | None = None):
    """The pool for `--ray ADDRESS`, or None without it (a context manager either way)."""
    if not address:
        from contextlib import nullcontext
        return nullcontext()
    return connect(address, workers, recogniser)


def connect(address: str, workers: int | None = None, recogniser: tuple | None = None):
    """A started pool of actors on the cluster at `address` (a context manager).
    `recogniser` (model, device, compute_type) when the pool transcribes."""
    try:
        import ray
    except ImportError:
        raise ClusterError("--ray needs Ray: pip install 'veil[cluster]'") from None
    from cluster.pool import Pool
    started = not ray.is_initialized()
    if started:
        try:
            _init(ray, address)
        except Exception as e:  # noqa: BLE001 - Ray raises many kinds; said in one line
            raise ClusterError(f"cannot reach the Ray cluster at {address}: {_first_line(e)}") from None
    return Pool.start(workers, recogniser, shutdown=started)


def _init(ray, address: str) -> None:
    import warnings
    warnings.filterwarnings("ignore", module="ray")   # its client warns, then raises: said once, by us
    if address == "local":
        ray.init(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                 runtime_env={"env_vars": local_env()})
    else:   # the nodes of a cluster have veil installed (see the README)
        ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)


def local_env() -> dict[str, str]:
    """The environment of a local instance's workers: this checkout of veil, as the driver
    runs, and the OpenMP threads a run on this machine has (Ray would give each actor as
    many as its CPUs, and the recogniser's figures change with them: "now." read "now!")."""
    return {"PYTHONPATH": str(Path(__file__).resolve().parent.parent),
            "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS") or str(os.cpu_count() or 1)}


def _first_line(e: Exception) -> str:
    return ((str(e).strip().splitlines() or [type(e).__name__])[0])[:200]
