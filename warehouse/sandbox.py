"""An analyst's query in a process of its own that can write no file and read only what it needs.

`benchhouse sql` and `benchhouse private sql` run a statement that a person typed. The statement
guard (warehouse/guard.py) refuses what may write or read around the warehouse, and the connection
itself may open no file but the lake's data files (warehouse/connection.py: lock_down); this is the
third wall, so that neither of the first two failing can become a write or a leak. The query runs in
a child process that:

- is killed with its parent (prctl PR_SET_PDEATHSIG), and ignores Ctrl-C, which the parent handles;
- under Linux Landlock (kernel 5.13 and later), may create, write, truncate, rename or delete no file
  anywhere, and read only the runtime (Python, its packages, system libraries), the warehouse's
  catalog and data folder, and, for a private query, that one tenant's folder: never another
  tenant's, never anything else of the machine's. Where the kernel has no Landlock the other two
  walls stand alone; `landlock_abi()` says which.

The child sends back its rows as an Arrow IPC stream, or the error it raised, through a pipe.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
import sysconfig
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.ipc  # noqa: F401 - imported before the fork: the child reads nothing it can avoid

from warehouse.errors import BenchhouseError

_SYSCALL_CREATE_RULESET, _SYSCALL_ADD_RULE, _SYSCALL_RESTRICT_SELF = 444, 445, 446  # every architecture
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_PDEATHSIG, _PR_SET_NO_NEW_PRIVS = 1, 38
_READ_FILE, _READ_DIR = 1 << 2, 1 << 3
# Every file-system right each Landlock ABI knows: handled (so denied unless a rule grants it).
_HANDLED = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
# The libraries and what DuckDB and the allocator read of the machine: its cores, memory and limits.
_SYSTEM_READS = ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo", "/etc/localtime",
                 "/dev/urandom", "/dev/null", "/proc/self", "/proc/stat", "/proc/meminfo",
                 "/proc/sys/vm/overcommit_memory", "/sys/fs/cgroup", "/sys/devices/system/cpu")
_GRACE_S = 30.0  # beyond the query's own timeout, before the parent kills a child that did not stop


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    return ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when it has none (or this is not Linux)."""
    libc = _libc()
    if libc is None:
        return 0
    version = libc.syscall(_SYSCALL_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return max(int(version), 0)


def restrict_to_reading(paths: Iterable[str]) -> bool:
    """From now on this process may read only beneath `paths` and write, create or delete nothing.
    Irreversible; for a child process. Returns False where the kernel has no Landlock."""
    abi = landlock_abi()
    libc = _libc()
    if not abi or libc is None:
        return False
    handled = _HANDLED.get(abi, _HANDLED[5])
    attr = _RulesetAttr(handled)
    ruleset = libc.syscall(_SYSCALL_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        for path in paths:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # a path this machine does not have grants nothing
            try:
                rights = _READ_FILE | (_READ_DIR if os.path.isdir(path) else 0)
                rule = _PathBeneathAttr(rights, fd)
                if libc.syscall(_SYSCALL_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
            finally:
                os.close(fd)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.syscall(_SYSCALL_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return True


def runtime_paths(avoid: Iterable[Path]) -> list[str]:
    """What the interpreter and its packages need to read, leaving out any folder that holds one of
    `avoid` (the warehouse), whose other files a query must not reach. The packages are wherever the
    interpreter finds them: its own site folders, and every other site folder on sys.path (a Debian
    Python's dist-packages, a user site, one a .pth file adds), from which the child loads the
    DuckDB extensions."""
    avoid = [p.resolve() for p in avoid]
    found = {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    found |= {entry for entry in sys.path
              if Path(entry).name in ("site-packages", "dist-packages") and Path(entry).is_dir()}
    found |= {str(Path(__file__).resolve().parent)}  # warehouse/: the macros and the private views
    found |= set(_SYSTEM_READS)
    return sorted(p for p in found if not any(a.is_relative_to(Path(p).resolve()) for a in avoid))


class Died(BenchhouseError):
    """The child ended without an answer: killed by its parent at the deadline, or by a signal."""

    def __init__(self, message: str, killed: bool = False, signal_name: str | None = None):
        super().__init__(message)
        self.killed, self.signal_name = killed, signal_name


def call(work: Callable[[], pa.Table], reads: Iterable[str], timeout_s: float) -> pa.Table:
    """Run `work` in a sandboxed child (see the module's docstring) and return its rows, or raise
    the BenchhouseError it raised (Died when it gave no answer). The child is killed timeout_s + a
    grace period after it starts if it has not finished by then (its own timer should have stopped
    the query long before)."""
    reads = list(reads)
    parent = os.getpid()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(work, reads, parent, write_end)
    os.close(write_end)
    fired = threading.Event()
    killer = threading.Timer(timeout_s + _GRACE_S, lambda: (fired.set(), _kill(pid)))
    killer.daemon = True
    killer.start()
    try:
        with os.fdopen(read_end, "rb") as pipe:
            tag = pipe.read(1)
            table = None
            try:
                if tag == b"T":
                    table = pa.ipc.open_stream(pipe).read_all()
                elif tag == b"E":
                    answer = pickle.load(pipe)
            except (pa.ArrowInvalid, EOFError, pickle.UnpicklingError):  # cut off: the child died answering
                table, tag = None, b""
            if tag == b"E":
                raise answer
    except KeyboardInterrupt:
        _kill(pid)
        raise
    finally:
        killer.cancel()
        _, status = os.waitpid(pid, 0)
    if table is None:
        raise _died(status, timeout_s, killed=fired.is_set())
    return table


def _child(work: Callable[[], pa.Table], reads: list[str], parent: int, write_end: int) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        libc = _libc()
        if libc is not None:
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request took hold
            os._exit(1)
        restrict_to_reading(reads)
        with os.fdopen(write_end, "wb") as pipe:
            try:
                table = work()
            except BenchhouseError as exc:
                pipe.write(b"E" + pickle.dumps(BenchhouseError(str(exc)) if not _picklable(exc) else exc))
            except MemoryError:
                pipe.write(b"E" + pickle.dumps(BenchhouseError(
                    "the query needs more memory than --memory-limit allows; add a filter, an aggregate or a LIMIT, "
                    "or raise --memory-limit")))
            except Exception:  # noqa: BLE001 - a bug: the parent raises it with the child's traceback
                pipe.write(b"E" + pickle.dumps(RuntimeError("in the query's process:\n" + traceback.format_exc())))
            else:
                pipe.write(b"T")
                with pa.ipc.new_stream(pipe, table.schema) as stream:
                    stream.write_table(table)
    except BaseException:  # noqa: BLE001 - a bug: the parent reports the child's death
        code = 70
    finally:
        os._exit(code)


def _picklable(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
        return True
    except Exception:  # noqa: BLE001
        return False


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended on its own
        os.kill(pid, signal.SIGKILL)


def _died(status: int, timeout_s: float, killed: bool) -> Died:
    if killed:
        return Died(f"the query ran for more than {timeout_s:g} seconds and was stopped", killed=True)
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return Died(f"the query's process was stopped by {name}", signal_name=name)
    return Died(f"the query's process ended without an answer (exit code {os.WEXITSTATUS(status)}); this is a bug "
                "in benchhouse: please report it with the query")
