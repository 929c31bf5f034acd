"""Where renders run: a local process pool, or a Dask cluster through `Client.get_executor()`, so
that the same code scales from one machine to many."""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

from warehouse.errors import BenchhouseError

RECYCLE_AFTER = 10  # renders per local worker process before it is replaced (WeasyPrint's memory grows)
# What a local worker runs, imported once by the fork server that starts the workers (with the main
# module, as by default): each worker, and each worker that replaces one, starts with the rendering
# code loaded instead of importing it again (about 1.4 s of CPU a worker on this machine).
PRELOAD = ["__main__", "reports.delivery.quarterly"]


def batch_size(kind: str, workers: int, tasks: int) -> int:
    """Tasks given to one pool: locally, each worker renders at most RECYCLE_AFTER before the pool
    is replaced (the pool's own max_tasks_per_child hangs on Python 3.11 when a worker is
    replaced); a Dask cluster manages its own workers."""
    return max(workers * RECYCLE_AFTER if kind == "local" else tasks, 1)


@contextmanager
def executor(kind: str, workers: int):
    """`local`, `dask-local` (a LocalCluster on this machine) or `dask://HOST:PORT`."""
    if kind == "local":
        context = get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        pool: Executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        try:
            yield pool
        finally:
            pool.shutdown()
        return
    from distributed import Client, LocalCluster

    if kind == "dask-local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    elif kind.startswith("dask://"):
        cluster, client = None, Client(kind.removeprefix("dask://"))
    else:
        raise BenchhouseError(f"--executor {kind}: choose local, dask-local or dask://HOST:PORT")
    try:
        yield client.get_executor()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
