"""Where renders run: a local process pool, or a Dask cluster through `Client.get_executor()`, so
that the same code scales from one machine to many. A local pool that breaks (a worker killed at its
limits, or crashed) takes down every render it held: each is tried again alone, in a fresh process,
so that the one that broke it fails alone and the others render."""

from __future__ import annotations

import ctypes
import os
import re
import signal
import socket
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import forkserver, get_context

from reports.delivery.limits import Limits, failure
from warehouse.errors import BenchhouseError

RECYCLE_AFTER = 10  # renders per local worker process before it is replaced (WeasyPrint's memory grows)
# What a local worker runs, imported once by the fork server that starts the workers (with the main
# module, as by default): each worker, and each worker that replaces one, starts with the rendering
# code loaded instead of importing it again (about 1.4 s of CPU a worker on this machine).
PRELOAD = ["__main__", "reports.delivery.worker"]
CONNECT_SECONDS = 10  # to reach a Dask scheduler
GRACE_SECONDS = 10  # past a render's own time limit, before the parent kills a process run alone
DASK = re.compile(r"dask://(?P<host>[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):(?P<port>[0-9]{1,5})")
PR_SET_PDEATHSIG = 1


class RenderFailed(BenchhouseError):
    """A render run alone failed; the message is the one-line reason."""


def check(kind: str) -> str | None:
    """Refuse an executor spec that is malformed, or a Dask scheduler that cannot be reached, before
    any work; return the scheduler's address (tcp://HOST:PORT) for dask://."""
    address = _address(kind)
    if address is not None:
        found = DASK.fullmatch(kind)
        try:
            socket.create_connection((found["host"].strip("[]"), int(found["port"])), timeout=CONNECT_SECONDS).close()
        except OSError:
            raise _unreachable(kind) from None
    return address


def _address(kind: str) -> str | None:
    """The scheduler's address (tcp://HOST:PORT) for dask://, None for the others; a malformed spec
    is refused."""
    if kind in ("local", "dask-local"):
        return None
    found = DASK.fullmatch(kind)
    if not found or not 0 < int(found["port"]) < 65536:
        raise BenchhouseError(f"--executor {kind}: choose local, dask-local or dask://HOST:PORT "
                              "(e.g. dask://127.0.0.1:8786)")
    return f"tcp://{found['host']}:{int(found['port'])}"


def _unreachable(kind: str) -> BenchhouseError:
    return BenchhouseError(f"--executor {kind}: cannot reach the Dask scheduler at {kind.removeprefix('dask://')} "
                           f"within {CONNECT_SECONDS} s; start one (dask scheduler) or use --executor local")


def batch_size(kind: str, workers: int, tasks: int) -> int:
    """Tasks given to one pool: locally, each worker renders at most RECYCLE_AFTER before the pool
    is replaced (the pool's own max_tasks_per_child hangs on Python 3.11 when a worker is
    replaced); a Dask cluster manages its own workers."""
    return max(workers * RECYCLE_AFTER if kind == "local" else tasks, 1)


def render_each(fn: Callable, tasks: list, kind: str, workers: int, limits: Limits) -> Iterator[tuple]:
    """fn(task, limits) for each task (each with a `what`, its name in a reason), `workers` at a
    time: yields (task, result, None), or (task, None, one-line reason) for a render that failed, as
    each ends."""
    size = batch_size(kind, workers, len(tasks))
    for start in range(0, len(tasks), size):
        broken, batch = [], tasks[start:start + size]
        with executor(kind, min(workers, len(batch))) as pool:  # no worker started for nothing to do
            futures = {pool.submit(fn, task, limits): task for task in batch}
            for future in as_completed(futures):
                if isinstance(future.exception(), BrokenProcessPool):
                    broken.append(futures[future])
                else:
                    yield _ended(futures[future], future, limits)
        with ThreadPoolExecutor(max_workers=workers) as threads:  # each waits on a process of its own
            futures = {threads.submit(alone, fn, (task, limits), task.what, limits): task for task in broken}
            for future in as_completed(futures):
                yield _ended(futures[future], future, limits)


def _ended(task, future, limits: Limits) -> tuple:
    """(task, result, None), or (task, None, why) for a render that failed."""
    exc = future.exception()
    if exc is None:
        return task, future.result(), None
    if isinstance(exc, RenderFailed):
        return task, None, str(exc)
    return task, None, failure(task.what, limits, exc=exc)  # Dask's KilledWorker too


def _context():
    context = get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


@contextmanager
def executor(kind: str, workers: int):
    """`local`, `dask-local` (a LocalCluster on this machine) or `dask://HOST:PORT`, whose workers
    must run one thread each: a render's limits (limits.bounded) are its process's."""
    address = _address(kind)  # reached already: the command line checks the spec before it plans
    if kind == "local":
        pool: Executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                             initializer=started)
        try:
            yield pool
        finally:
            pool.shutdown()
        return
    from distributed import Client, LocalCluster

    cluster = None
    if kind == "dask-local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError):
            raise _unreachable(kind) from None
        threads = max((w["nthreads"] for w in client.scheduler_info()["workers"].values()), default=1)
        if threads > 1:
            client.close()
            raise BenchhouseError(f"--executor {kind}: its Dask workers run up to {threads} threads each, and a "
                                  "render's time and memory limits hold for its whole process; start each worker "
                                  "with --nthreads 1")
    try:
        yield client.get_executor()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def started() -> None:
    """In each local worker, first: die with the main process. A killed main process can clean up
    nothing, so the kernel does it: the worker is killed when its parent, the fork server, dies
    (PR_SET_PDEATHSIG), and the fork server exits when no process holds the write end of its
    'alive' pipe: the main process and, as multiprocessing passes it on, every worker. So each worker
    closes its copy. The resource tracker exits when the last of them is gone."""
    if sys.platform != "linux":
        return
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent or not _is_fork_server(parent):  # it died before the prctl
        os.kill(os.getpid(), signal.SIGKILL)
    alive = getattr(forkserver._forkserver, "_forkserver_alive_fd", None)
    if alive is not None:
        os.close(alive)
        forkserver._forkserver._forkserver_alive_fd = None


def _is_fork_server(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return b"multiprocessing.forkserver" in cmdline.read()
    except OSError:
        return False


def alone(fn: Callable, args: tuple, what: str, limits: Limits):
    """fn(*args) in a fresh process of its own, as a pool's worker would run it; its result, or
    RenderFailed with the one-line reason (its exception, its signal, or its time run out)."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run_alone, args=(send, fn, args), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(limits.seconds + GRACE_SECONDS):
            process.kill()
            process.join()
            raise RenderFailed(failure(what, limits, exitcode=-signal.SIGALRM))
        try:
            ok, value = receive.recv()
        except EOFError:  # it died before it could answer
            process.join()
            raise RenderFailed(failure(what, limits, exitcode=process.exitcode)) from None
    finally:
        receive.close()
    process.join(GRACE_SECONDS)
    if process.is_alive():
        process.kill()
        process.join()
    if not ok:
        raise RenderFailed(failure(what, limits, exc=value))
    return value


def _run_alone(send, fn: Callable, args: tuple) -> None:
    started()
    try:
        answer = (True, fn(*args))
    except Exception as exc:
        answer = (False, exc)
    try:
        send.send(answer)
    except Exception:  # an exception that cannot be pickled: its type and message are enough
        send.send((False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}")))
    send.close()
