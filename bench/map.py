"""Benchmark: ``barkhane map`` over a user's ACLED import of 20,000 events.

Run ``.venv/bin/python bench/map.py`` from the repository root (about a minute). It
generates bench/run.py's fictional ACLED export (20,000 rows), imports it, warms the
dataset cache, then times (median of ``--runs``, default 7, wall clock around the child
process) the terminal map at 160 columns, ``--by deaths``, ``--format geojson`` and
``--export map.svg``, against the target: under one second each. The data load is
inside the time, as a user sees it; the time of ``barkhane timeline --format json``
over the same data is shown for comparison (what loading and writing cost without a map).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BARKHANE, generate_csv, import_csv, measure

TARGET = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv_path, toml = work / "acled.csv", work / "acled.toml"
        generate_csv(csv_path, args.rows)
        imported = import_csv(csv_path, toml, use_cli=True)
        if imported.returncode != 0:
            sys.exit(f"import failed: {imported.cmd}")
        env = {"BARKHANE_CACHE": str(work / "cache"), "TTY_COMPATIBLE": "1", "COLUMNS": "160",
               "LINES": "50", "BARKHANE_PAGER": ""}  # fmt: skip
        base = [BARKHANE]
        cases = {
            "timeline --format json (no map)": ["timeline", "--format", "json"],
            "map (terminal, 160 columns)": ["map"],
            "map --by deaths": ["map", "--by", "deaths"],
            "map --format geojson": ["map", "--format", "geojson"],
            "timeline --format geojson": ["timeline", "--format", "geojson"],
            "map --export map.svg": ["map", "--export", str(work / "map.svg"), "-f", "json"],
        }
        measure([*base, "timeline", "--data", str(toml), "-n", "1"], env)  # warm the cache
        print(f"{args.rows} imported events; median of {args.runs} runs, cache warm")
        for name, cmd in cases.items():
            runs = [measure([*base, *cmd, "--data", str(toml)], env) for _ in range(args.runs)]
            if any(r.returncode for r in runs):
                sys.exit(f"failed: {runs[0].cmd}")
            med = statistics.median(r.seconds for r in runs)
            peak = max(r.peak_mib for r in runs)
            goal = "" if "no map" in name else ("  met" if med < TARGET else "  NOT met")
            print(f"  {name:34} {med:6.3f} s  {peak:6.0f} MiB{goal}")


if __name__ == "__main__":
    main()
