"""Start-up of barkhane against a bare ``python -c "import typer"`` (issue 23: at most 1.5×).

Run ``.venv/bin/python bench/startup.py`` from the repository root (``--runs N`` pairs,
default 15; ``--only NAME`` for one comparison; ``--importtime NAME`` prints the 25
slowest imports of that run instead). Each comparison runs A (barkhane) and B (the
baseline) alternately, AB then BA, after two warm-up pairs, and reports the medians and
the median of the per-pair ratios. Wall time is ``time.perf_counter`` around the child;
the CPU ratio (user + system time, the child's own ``os.wait4`` rusage) moves less when
other jobs share the cores.

barkhane runs as its console script does (``from barkhane_cli.entry import main``), with
this checkout first on ``sys.path``, bytecode compiled (as an installed wheel has it) and
the store in a temporary cache folder that the warm-up builds, so your own
``~/.cache/barkhane`` is untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SCRIPT = "import sys; from barkhane_cli.entry import main; sys.argv[0] = 'barkhane'; main()"
TARGET = 1.5

# name: (barkhane's arguments, extra environment)
CASES: dict[str, tuple[list[str], dict[str, str]]] = {
    "timeline-json": (["timeline", "--format", "json"], {}),
    "version": (["--version"], {}),
    "tab": (
        [],
        {
            "_BARKHANE_COMPLETE": "complete_bash",
            "COMP_WORDS": "barkhane timeline --actor ",
            "COMP_CWORD": "2",
        },
    ),
    # not in the table: the value after --actor, which reads the store
    "tab-actor": (
        [],
        {
            "_BARKHANE_COMPLETE": "complete_bash",
            "COMP_WORDS": "barkhane timeline --actor ",
            "COMP_CWORD": "3",
        },
    ),
}
BASELINE = [PY, "-c", "import typer"]


def without_settings() -> dict[str, str]:
    """This environment without the developer's own barkhane settings: every BARKHANE_
    variable (a BARKHANE_FORMAT or BARKHANE_CONFIG would time another command than the
    one named)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("BARKHANE_", "_BARKHANE"))}


def clean_env(root: Path, cache: Path) -> dict[str, str]:
    """``without_settings`` running the checkout at ``root`` with the cache ``cache``."""
    return {**without_settings(), "PYTHONPATH": str(root), "BARKHANE_CACHE": str(cache)}


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, from the child's own rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=env.get("PYTHONPATH"),  # python -c puts the working folder first on sys.path
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err}")
    return seconds, usage.ru_utime + usage.ru_stime


def checkouts(description: str, runs: int) -> tuple[list[Path], int]:
    """The checkouts a before-and-after bench measures (``--root DIR``, repeatable; this
    one by default) and its ``--runs``, each checkout's bytecode compiled, as an installed
    wheel has it (bench/cards.py, bench/compile.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument(
        "--root", type=Path, action="append", help="a checkout to measure (default: this one)"
    )
    args = parser.parse_args()
    roots = [r.resolve() for r in args.root or [ROOT]]
    for root in roots:
        subprocess.run([PY, "-m", "compileall", "-q", str(root / "barkhane_cli")], check=True)
    return roots, args.runs


def medians(name: str, times: list[tuple[float, float]]) -> str:
    """One line of a bench's report: the median wall and CPU seconds, then every run's CPU."""
    wall = statistics.median(w for w, _ in times)
    cpu = statistics.median(c for _, c in times)
    every = ", ".join(f"{c:.2f}" for _, c in times)
    return f"{name}: {wall:.2f} s / {cpu:.2f} s  ({every})"


def paired(
    runs: int, a: list[str], a_env: dict[str, str], base_env: dict[str, str]
) -> dict[str, float]:
    for _ in range(2):
        run(a, a_env)
        run(BASELINE, base_env)
    ta: list[tuple[float, float]] = []
    tb: list[tuple[float, float]] = []
    for i in range(runs):
        if i % 2 == 0:
            ta.append(run(a, a_env))
            tb.append(run(BASELINE, base_env))
        else:
            tb.append(run(BASELINE, base_env))
            ta.append(run(a, a_env))
    pairs = list(zip(ta, tb, strict=True))
    return {
        "a": statistics.median(x[0] for x in ta),
        "b": statistics.median(x[0] for x in tb),
        "ratio": statistics.median(x[0] / y[0] for x, y in pairs),
        "cpu_ratio": statistics.median(x[1] / y[1] for x, y in pairs),
    }


def importtime(cmd: list[str], env: dict[str, str]) -> None:
    proc = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]],
        cwd=env["PYTHONPATH"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|")
        rows.append((int(cumulative), int(self_us), name.rstrip()))
    top = [r for r in rows if not r[2].startswith("  ")]  # top-level imports, cumulative
    print(f"{len(rows)} modules imported; top level by cumulative time (us):")
    for cumulative, _, name in sorted(top, reverse=True)[:25]:
        print(f"{cumulative:>9}  {name.strip()}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=15, help="A/B pairs per comparison")
    p.add_argument("--only", choices=list(CASES), action="append", help="only these cases")
    p.add_argument("--importtime", choices=list(CASES), help="show what a run imports")
    p.add_argument(
        "--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)"
    )
    args = p.parse_args()
    root = args.root.resolve()
    # Bytecode compiled, as an installed wheel has it.
    subprocess.run([PY, "-m", "compileall", "-q", str(root / "barkhane_cli")], check=True)
    cache = Path(tempfile.mkdtemp(prefix="barkhane-startup-"))
    base_env = without_settings()
    env = clean_env(root, cache)
    try:
        run([PY, "-c", SCRIPT, "sources"], env)  # builds the store every case reads
        if args.importtime:
            argv, extra = CASES[args.importtime]
            importtime([PY, "-c", SCRIPT, *argv], {**env, **extra})
            return
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
            f"load {os.getloadavg()[0]:.2f}, {args.runs} A/B pairs, {root}",
            flush=True,
        )
        print(
            f"{'case':<15} {'barkhane s':>10} {'typer s':>8} {'ratio':>6} {'cpu ratio':>9}"
            f"  ratio <= {TARGET}"
        )
        for name in args.only or CASES:
            argv, extra = CASES[name]
            r = paired(args.runs, [PY, "-c", SCRIPT, *argv], {**env, **extra}, base_env)
            met = "yes" if r["ratio"] <= TARGET else "no"
            print(
                f"{name:<15} {r['a']:>10.3f} {r['b']:>8.3f} {r['ratio']:>6.2f}"
                f" {r['cpu_ratio']:>9.2f}  {met}",
                flush=True,
            )
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
