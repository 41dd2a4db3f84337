"""A wall-clock budget per file: reading one file (load, repair, parse, requirements) runs in
a worker process, which is killed when the file takes longer than `Limits.parse_seconds`.

Why a process: a signal can interrupt only the main thread, and the web UI ingests in its
worker threads; a thread cannot be stopped from outside; and a regular expression stuck in
C checks neither. Killing the process always works, and nothing of the file was written
(the ingest writes only what a finished read returns). One worker serves the whole
process (started on first use, then reused: its start-up is not counted in a file's
budget, nor is the parser's warm-up); after a kill the next file starts a fresh one. The
worker exits within a second of its parent's death (a killed ingest leaves no reader
behind), unless it is stuck inside one C call that holds the interpreter. Left out: a
memory limit (the size limits of `index.load` bound the input).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from typing import Any, Callable

from .errors import RejectedFile, VacancyError

OVER_BUDGET = ("reading it took longer than {limit:g} s, far longer than any notice takes; "
               "the reading was stopped (VACANCY_PARSE_SECONDS)")
WORKER_DIED = "the process reading it died ({why}); nothing of it was kept"
START_TIMEOUT_S = 300  # a bound on a hung start-up, not part of any file's budget


class ParseWorker:
    """Runs `stage(*args)` in the worker process within a time budget (see the module
    docstring). Thread-safe: one file at a time."""

    def __init__(self, warm_up: Callable[[], None] | None = None):
        self._warm_up = warm_up   # run in the worker before its first file's clock starts
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None

    def run(self, stage: Callable, args: tuple, seconds: float, name: str):
        """`stage(*args)`'s value; RejectedFile (for `name`) when it takes longer than
        `seconds` or the worker dies; any exception `stage` raises is raised here."""
        with self._lock:
            try:
                ok, value = self._ask(stage, args, seconds, name)
            except BaseException:  # over budget, dead, or interrupted: its reply must not
                self._stop()       # reach the next file
                raise
        if not ok:
            raise value
        return value

    def _ask(self, stage: Callable, args: tuple, seconds: float, name: str):
        try:
            conn = self._started()
            conn.send((stage, args))
        except OSError:  # it died between files (not this file's doing): once more, fresh
            self._stop()
            conn = self._started()
            conn.send((stage, args))
        if not conn.poll(seconds):
            raise RejectedFile(name, OVER_BUDGET.format(limit=seconds))
        try:
            return conn.recv()
        except (EOFError, OSError):
            self._proc.join(1)
            code = self._proc.exitcode
            raise RejectedFile(name, WORKER_DIED.format(why=f"exit code {code}")) from None

    def _started(self):
        if self._proc is not None and self._proc.is_alive():
            return self._conn
        self._stop()
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs threads
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, os.getpid(), self._warm_up), daemon=True,
                           name="vacancy-parse")
        proc.start()
        child.close()
        if not parent.poll(START_TIMEOUT_S) or _ready(parent) is not True:
            proc.kill()
            raise VacancyError("the process that reads notice files did not start; "
                               "set VACANCY_PARSE_SECONDS=0 to read them in this process")
        self._proc, self._conn = proc, parent
        return parent

    def _stop(self) -> int | None:
        """Kill the worker (if any); its exit code."""
        proc, self._proc = self._proc, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if proc is None:
            return None
        if proc.is_alive():
            proc.kill()
        proc.join()
        return proc.exitcode


def _ready(conn) -> bool:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return False


_shared: ParseWorker | None = None
_shared_lock = threading.Lock()


def shared_worker(warm_up: Callable[[], None] | None = None) -> ParseWorker:
    """The process's one worker (created on first use, never at import); `warm_up` is
    the first caller's (the ingester's: compile the parser's patterns)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ParseWorker(warm_up)
        return _shared


def _serve(conn, parent_pid: int, warm_up: Callable[[], None] | None = None) -> None:
    """The worker's loop: (stage, args) in, (True, value) or (False, exception) out."""
    _die_with_parent(parent_pid)
    if warm_up is not None:
        warm_up()
    conn.send(True)
    while True:
        try:
            stage, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = (True, stage(*args))
        except BaseException as err:  # noqa: BLE001  (raised again in the parent)
            reply = (False, _portable(err))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        if os.getppid() != parent_pid:
            return


def _portable(err: BaseException) -> BaseException:
    """`err` if it survives pickling, else a RuntimeError saying what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(err).__name__}: {err}")


def _die_with_parent(parent_pid: int) -> None:
    """Exit as soon as the parent is gone (killed: nobody else would stop a long read).
    A thread, not PR_SET_PDEATHSIG: that fires when the parent's *thread* that started
    the worker ends, and the UI's threads come and go."""
    def watch():
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
