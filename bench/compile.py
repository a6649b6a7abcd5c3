"""What compiling the bundled record's store costs: the first run after an install or an
upgrade, a rebuild, and a ``--data`` run over a small file.

Run ``.venv/bin/python bench/compile.py`` from the repository root (``--runs N``, default
5; ``--root DIR``, repeatable, measures other checkouts, e.g. one ``git archive`` unpacked
for a before and after: the checkouts take turns, A B then B A, so a change of the load
falls on both). Each run is ``barkhane timeline --format json`` in a fresh process
with this checkout first on ``sys.path`` and its own temporary cache folder:

- ``cold``: an empty cache folder: every data file is parsed, checked and compiled;
- ``rebuild``: the store removed, the parsed documents kept (``store.parsed``): what a
  rebuild after an upgrade of barkhane costs once the files were parsed before;
- ``--data``: the bundled record's store built, a small file of one source layered over
  it (touched before each run, so its store is compiled each time).

It prints the median wall and CPU time (user + system, the child's own rusage) of each:
CPU moves less when other jobs share the cores. Results are in docs/performance.md.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import checkouts, medians
from startup import run as timed

SOURCE = '[[sources]]\nid = "bench-one"\ntitle = "T"\npublisher = "P"\nkind = "news"\n'


def run(root: Path, cache: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one ``timeline --format json`` (with ``extra``)."""
    env = os.environ | {"PYTHONPATH": str(root), "BARKHANE_CACHE": str(cache)}
    env.pop("BARKHANE_DATA", None)
    # measured as bench/startup.py measures a run (in the folder PYTHONPATH names)
    return timed(
        [sys.executable, "-m", "barkhane_cli", "timeline", "--format", "json", *extra], env
    )


def measure(roots: list[Path], runs: int) -> dict[Path, dict[str, list[tuple[float, float]]]]:
    out = {root: {"cold": [], "rebuild": [], "--data": []} for root in roots}
    work = Path(tempfile.mkdtemp(prefix="barkhane-bench-"))
    try:
        mine = work / "mine.toml"
        mine.write_text(SOURCE, encoding="utf-8")
        for n in range(runs):
            for i, root in enumerate(roots if n % 2 == 0 else roots[::-1]):
                times = out[root]
                cache = work / f"cache{n}-{i}"
                times["cold"].append(run(root, cache))
                for store in cache.glob("*.sqlite"):
                    store.unlink()
                times["rebuild"].append(run(root, cache))
                mine.touch()
                times["--data"].append(run(root, cache, "--data", str(mine)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def main() -> None:
    roots, runs = checkouts(__doc__.splitlines()[0], 5)
    for root in roots:
        warm = Path(tempfile.mkdtemp(prefix="barkhane-bench-warm-"))
        try:
            run(root, warm)  # disk, imports warm
        finally:
            shutil.rmtree(warm, ignore_errors=True)  # a store of several MB otherwise left in /tmp
    results = measure(roots, runs)
    for root in roots:
        print(f"{root}, {runs} runs each: median wall / CPU seconds (every run's CPU)")
        for name, times in results[root].items():
            print(medians(f"{name:>8}", times))


if __name__ == "__main__":
    main()
