"""Cost without clocks: how the work grows with the input, not how long it took.

`operations` counts the Python and C function calls a call makes (sys.setprofile), which is
the same number on an idle and on a loaded machine. `cpu_growth` compares the CPU time this
process spent (not wall time, so other processes do not count) between two sizes; it is only
used as a ratio, with generous bounds, to catch regex backtracking the call count cannot see.
"""
from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from typing import Any


def operations(fn: Callable[[], Any]) -> int:
    """Function calls (Python and C) made while `fn()` runs. The cyclic collector is paused
    meanwhile: a collection it happens to start there runs finalizers and weak-reference
    callbacks of whatever the test process let go of, calls that are not `fn`'s."""
    count = 0

    def tally(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
    enabled = gc.isenabled()
    gc.disable()
    sys.setprofile(tally)
    try:
        fn()
    finally:
        sys.setprofile(None)
        if enabled:
            gc.enable()
    return count


def cpu_seconds(fn: Callable[[], Any], repeat: int = 3) -> float:
    """The least CPU time of `repeat` runs of `fn()`, with the cyclic collector paused: its
    passes cost what the whole test process holds, which grows with the input's size too (a
    long-list ratio of 5.0 with it, 4.4 without) and is not the code's own work."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            fn()
            best = min(best, time.process_time() - started)
    finally:
        if enabled:
            gc.enable()
    return best


def operation_growth(make: Callable[[int], Any], run: Callable[[Any], Any], small: int, large: int) -> float:
    """How many times more calls `run(make(large))` makes than `run(make(small))`."""
    a, b = make(small), make(large)
    run(a)   # warm: caches (the lexicon, compiled patterns) are loaded once, not per size
    return operations(lambda: run(b)) / max(1, operations(lambda: run(a)))


def cpu_growth(make: Callable[[int], Any], run: Callable[[Any], Any], small: int, large: int,
               floor: float = 0.05) -> float:
    """CPU-time ratio between the two sizes; 1.0 when the large run is under `floor` seconds
    (too short to measure a ratio, and certainly not runaway)."""
    a, b = make(small), make(large)
    large_time = cpu_seconds(lambda: run(b))
    if large_time < floor:
        return 1.0
    return large_time / max(cpu_seconds(lambda: run(a)), 1e-6)


def count_calls(monkeypatch: Any, owner: Any, name: str) -> dict[str, int]:
    """Replace owner.name by a wrapper that counts its calls; returns {"n": calls so far}."""
    calls = {"n": 0}
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return original(*args, **kwargs)
    monkeypatch.setattr(owner, name, counted)
    return calls
