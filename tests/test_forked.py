"""generator/forked.py: a map over forked workers that returns what a plain loop would."""

from __future__ import annotations

import os
import threading

import pytest

from generator import forked


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("bảy")
    return n


def test_results_keep_the_order_of_the_items_and_come_from_two_workers():
    items = list(range(forked.MIN_ITEMS * 3 + 1))
    if not forked.can_fork():
        pytest.skip("this test process runs other threads; forked.py then maps serially (tested below)")
    out = forked.forked_map(_pid_and_square, items, workers=2)
    assert [square for _, square in out] == [n * n for n in items]
    pids = {pid for pid, _ in out}
    assert len(pids) == 2 and os.getpid() not in pids


def test_an_exception_in_a_worker_is_raised_in_the_parent():
    with pytest.raises(ValueError, match="bảy"):
        forked.forked_map(_fail_on_seven, list(range(forked.MIN_ITEMS * 2)), workers=2)


def test_serial_with_one_worker_few_items_or_other_threads():
    items = list(range(forked.MIN_ITEMS * 2))
    assert {pid for pid, _ in forked.forked_map(_pid_and_square, items, workers=1)} == {os.getpid()}
    assert {pid for pid, _ in forked.forked_map(_pid_and_square, items[:3], workers=2)} == {os.getpid()}
    with forked.at_most(1):
        assert {pid for pid, _ in forked.forked_map(_pid_and_square, items)} == {os.getpid()}
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forked.can_fork()
        assert {pid for pid, _ in forked.forked_map(_pid_and_square, items, workers=2)} == {os.getpid()}
    finally:
        stop.set()
        other.join()
