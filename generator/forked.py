"""Map a function over items in forked worker processes, one per available core.

A worker is a fork of the build process: it starts with everything the parent has in
memory (the graph, the renderer, the open site) without copying or pickling it, and only
its results travel back, pickled. Items are shared round robin, so each worker gets a
like mix of large and small ones; results come back in the order of the items, so the
output does not depend on how many workers there were.

Serial (a plain loop in this process) when there is one core, few items, no `fork`, or
when this process runs other threads: a thread may hold a lock (of logging, of an output
stream) at the moment of the fork, and the worker would wait for it forever;
`mkdocs serve` is such a process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 32  # below this, forking costs more than it saves
_limit: list[int] = []  # set by at_most(): the build's own choice of workers


def workers_available() -> int:
    """The cores this process may run on (a container may allow fewer than the machine
    has), or fewer if the build asked for fewer (at_most)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return min([cores, *_limit])


@contextlib.contextmanager
def at_most(workers: int | None):
    """Within this block, forked_map uses at most `workers` processes (None: no limit)."""
    if workers is not None:
        _limit.append(max(1, workers))
    try:
        yield
    finally:
        if workers is not None:
            _limit.pop()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class WorkerFailed(Exception):
    """A worker raised an exception that cannot travel back to the parent as it is."""


def _run(func: Callable[[Any], Any], share: Sequence[Any], connection) -> None:
    try:
        result: tuple = ("ok", [func(item) for item in share], "")
    except BaseException as exc:  # re-raised in the parent
        try:
            pickle.dumps(exc)
            error: BaseException = exc
        except Exception:
            error = WorkerFailed(f"{type(exc).__name__}: {exc}")
        result = ("error", error, traceback.format_exc())
    try:
        connection.send(result)
    except Exception as exc:  # a result that cannot be pickled
        connection.send(("error", WorkerFailed(f"{type(exc).__name__}: {exc}"), traceback.format_exc()))
    connection.close()


def forked_map(func: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """[func(item) for item in items], the items shared among forked workers.

    An exception raised in a worker is raised here (the first, by worker order)."""
    workers = workers_available() if workers is None else workers
    workers = min(workers, len(items))
    if workers <= 1 or len(items) < MIN_ITEMS or not can_fork():
        return [func(item) for item in items]
    context = multiprocessing.get_context("fork")
    running = []
    for index in range(workers):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(func, items[index::workers], send), daemon=True)
        process.start()
        send.close()
        running.append((process, receive))
    shares: list[list[R]] = []
    failure: BaseException | None = None
    for process, receive in running:
        try:
            status, payload, _ = receive.recv()
        except EOFError:
            status, payload = "error", WorkerFailed(f"a worker process stopped without a result (exit {process.exitcode})")
        process.join()
        if status == "ok":
            shares.append(payload)
        elif failure is None:
            failure = payload
    if failure is not None:
        raise failure
    out: list[R] = [None] * len(items)  # type: ignore[list-item]
    for index, share in enumerate(shares):
        out[index::workers] = share
    return out
