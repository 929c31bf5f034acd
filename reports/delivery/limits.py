"""The bounds of one render, set in the worker that runs it: a wall-clock time limit and a memory
limit. Whatever reaches a renderer (a logo that slipped past validation, a template's mistake) can
then fail its own deliverable, never the run; and each way a render can fail is told in one line.

Measured on the demo warehouse (every subscriber, every report, PDF and deck, up to ten renders a
worker): the slowest render took 12 s; a worker's data memory peaked at 2.0 GB, most of it reserved
by the chart renderer's JavaScript engine, of which 0.4 GB was ever resident. Its address space
(RLIMIT_AS) reached 67 GB, nearly all reserved and never used, so it cannot bound anything: the
memory limit is on the data segment (RLIMIT_DATA: every private writable mapping, the heap's and
each thread's included).
"""

from __future__ import annotations

import resource
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from warehouse.errors import BenchhouseError

SECONDS = 120  # ten times the slowest render measured
MEMORY_GB = 4  # twice the largest data memory measured


@dataclass(frozen=True)
class Limits:
    seconds: int = SECONDS
    """Wall-clock time one render (one report for one subscriber, all its formats) may take."""
    memory_gb: float = MEMORY_GB
    """Data memory (RLIMIT_DATA) the worker process may hold while it renders."""


@contextmanager
def bounded(limits: Limits):
    """Within the block, the process is killed by SIGALRM after `limits.seconds` (its default action:
    no Python handler, which a render stuck in native code would never reach), and allocations past
    `limits.memory_gb` of data fail. Both are lifted again after the block."""
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    wanted = int(limits.memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_DATA, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))
    # A Dask worker renders in a thread of its own, where no handler can be set (nor is one, by default).
    previous = signal.getsignal(signal.SIGALRM)
    reset = previous is not signal.SIG_DFL and threading.current_thread() is threading.main_thread()
    if reset:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(limits.seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        if reset:
            signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def failure(what: str, limits: Limits, exc: BaseException | None = None, exitcode: int | None = None) -> str:
    """One line: why the render `what` ("the render of smile-curve for acme-analytics") failed, from
    the exception it raised or the exit code of the process that ran it."""
    if exc is not None:
        if isinstance(exc, MemoryError):
            return f"{what} ran out of its {limits.memory_gb:g} GB of memory"
        if type(exc).__name__ == "KilledWorker":  # Dask's: the worker died each time the task was tried
            return (f"{what} ran out of its {limits.memory_gb:g} GB of memory, crashed or was stopped after "
                    f"{limits.seconds} s: its Dask worker died each time it was tried (KilledWorker)")
        text = " ".join(str(exc).split())[:500]
        return f"{what} failed: {text}" if isinstance(exc, BenchhouseError) else f"{what} failed: {type(exc).__name__}: {text}"
    if exitcode is not None and exitcode < 0:
        if -exitcode == signal.SIGALRM:
            return f"{what} was stopped after {limits.seconds} s"
        return f"{what} ran out of its {limits.memory_gb:g} GB of memory or crashed (signal {_signal_name(-exitcode)})"
    return f"{what} crashed (exit code {exitcode})"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
