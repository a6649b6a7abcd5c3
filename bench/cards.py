"""What a card costs a user: one lookup in a new process, the store built (K67).

Run ``.venv/bin/python bench/cards.py`` from the repository root (``--runs N``, default
7; ``--root DIR``, repeatable, measures other checkouts, e.g. one ``git archive``
unpacked for a before and after). Each checkout gets a cache folder of its own, warmed by
one run of every command (its store built, bytecode compiled), then every command runs
``--runs`` times, the checkouts taking turns (A B, then B A) so a change of the load
falls on both. A run is ``python -m barkhane_cli ARGS`` with its output to a pipe, as
bench/startup.py times it. It prints each command's median wall and CPU seconds (user +
system, the child's own rusage): CPU moves less when other jobs share the cores.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import checkouts, clean_env, medians
from startup import run as timed

COMMANDS = [
    ["fact", "burkina-idps-2020-08"],
    ["event", "sahel-violence-surge-2021"],
    ["actor", "wagner"],
    ["place", "gao"],
    ["on", "2021-05-24"],
    ["timeline", "-n", "5"],
]


def run(root: Path, cache: Path, args: list[str]) -> tuple[float, float]:
    return timed([sys.executable, "-m", "barkhane_cli", *args], clean_env(root, cache))


def main() -> None:
    roots, runs = checkouts(__doc__.splitlines()[0], 7)
    work = Path(tempfile.mkdtemp(prefix="barkhane-bench-cards-"))
    times: dict[tuple[Path, str], list[tuple[float, float]]] = {}
    try:
        caches = {root: work / f"cache{i}" for i, root in enumerate(roots)}
        for root in roots:
            for command in COMMANDS:
                run(root, caches[root], command)  # the store built, the disk warm
        for n in range(runs):
            for command in COMMANDS:
                for root in roots if n % 2 == 0 else roots[::-1]:
                    key = (root, " ".join(command))
                    times.setdefault(key, []).append(run(root, caches[root], command))
    finally:
        shutil.rmtree(work, ignore_errors=True)  # stores of several MB otherwise left
    for root in roots:
        print(f"{root}, {runs} runs each: median wall / CPU seconds (every run's CPU)")
        for command in COMMANDS:
            said = " ".join(command)
            print("  " + medians(f"{said:<36}", times[(root, said)]))


if __name__ == "__main__":
    main()
