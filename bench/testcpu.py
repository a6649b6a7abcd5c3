"""The suite's CPU by test, to compare two checkouts where whole-run times cannot.

On a shared machine two runs of the same suite differ by 10-15 % in wall and CPU time
(docs/performance.md, K56), more than most cuts. What one test costs moves much less:
this records, for each test's setup, call and teardown, the CPU time of the process
running it and of the children it waited for, and compares two runs test by test.

    cd CHECKOUT && PYTHONPATH=/path/to/bench TESTCPU=/tmp/a .venv/bin/python -m pytest -p testcpu
    python bench/testcpu.py /tmp/a /tmp/b     # b against a: totals, then the largest moves

Each worker (and the controller) writes ``PREFIX.NAME.json``: its rows (test id, phase,
own CPU, children's CPU, wall) and its process's CPU from start to end (collection and
start-up are the difference).
"""

from __future__ import annotations

import collections
import glob
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from typing import Any

_ROWS: list[tuple[str, str, float, float, float]] = []


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def _timed(nodeid: str, phase: str) -> Iterator[None]:
    (own, kids), wall = _cpu(), time.perf_counter()
    yield
    (own2, kids2) = _cpu()
    _ROWS.append((nodeid, phase, own2 - own, kids2 - kids, time.perf_counter() - wall))


try:
    import pytest
except ImportError:  # the comparison alone needs no pytest
    pass
else:

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
        yield from _timed(item.nodeid, "setup")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
        yield from _timed(item.nodeid, "call")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
        yield from _timed(item.nodeid, "teardown")

    def pytest_unconfigure(config: pytest.Config) -> None:
        prefix = os.environ.get("TESTCPU")
        if prefix:
            name = os.environ.get("PYTEST_XDIST_WORKER", "controller")
            with open(f"{prefix}.{name}.json", "w", encoding="utf-8") as fh:
                json.dump({"rows": _ROWS, "process": sum(_cpu())}, fh)


def _load(prefix: str) -> tuple[dict[str, float], float]:
    """CPU by test id (all phases, own and children's), and the workers' whole CPU."""
    by_test: collections.Counter[str] = collections.Counter()
    workers = 0.0
    for path in glob.glob(f"{prefix}.gw*.json") or glob.glob(f"{prefix}.controller.json"):
        with open(path, encoding="utf-8") as fh:
            kept: dict[str, Any] = json.load(fh)
        for nodeid, _, own, kids, _ in kept["rows"]:
            by_test[nodeid] += own + kids
        workers += kept["process"]
    return dict(by_test), workers


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    (a, a_all), (b, b_all) = _load(argv[0]), _load(argv[1])
    for name, tests, whole in ((argv[0], a, a_all), (argv[1], b, b_all)):
        print(f"{name}: tests {sum(tests.values()):.1f} s of CPU, workers {whole:.1f} s")
    moved = sorted(((b.get(t, 0.0) - a.get(t, 0.0), t) for t in {*a, *b}), reverse=True)
    print("largest rises:")
    for delta, test in moved[:10]:
        print(f"  {delta:+7.2f}  {test}")
    print("largest falls:")
    for delta, test in reversed(moved[-10:]):
        print(f"  {delta:+7.2f}  {test}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
