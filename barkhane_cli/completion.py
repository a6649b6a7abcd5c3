"""Shell completion candidates, read cheaply: TAB runs the whole program every time."""

from __future__ import annotations

import os
from pathlib import Path


def candidates(table: str, incomplete: str) -> list[tuple[str, str]]:
    """(value, label) pairs for what has been typed: ids first, else a name or alias.

    Shells (and Typer) keep only values that start with the typed text, so an entry is
    offered by its id when that fits and otherwise by the name or alias that does
    ("Tomb" -> "Tombouctou"). Reads the TOML directly, without validation: a completion
    that fails must fail silently, and one that is slow is worse than one that is partial.
    """
    from barkhane_cli.errors import DataError
    from barkhane_cli.store.files import STDIN, bundled_path, env_paths, read_toml

    lower = incomplete.casefold()
    seen: dict[str, str] = {}
    tables = ("events", "aftermath") if table == "events" else (table,)
    for path in [bundled_path(), *env_paths(dict(os.environ))]:
        if Path(path) == STDIN:
            continue  # stdin belongs to the shell while it completes
        try:
            # read_toml refuses FIFOs, devices, huge and over-nested files with a DataError.
            doc = read_toml(Path(path))
        except (DataError, OSError, ValueError):
            continue
        for name in tables:
            entries = doc.get(name)
            for entry in entries if isinstance(entries, list) else ():
                if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                    continue
                label = str(entry.get("name") or entry.get("title") or "")
                raw = entry.get("aliases")
                aliases: list[object] = raw if isinstance(raw, list) else []
                for value in (entry["id"], label, *map(str, aliases)):
                    if value.startswith(incomplete) or (
                        value.casefold().startswith(lower) and value == entry["id"]
                    ):
                        seen.setdefault(value, label)
                        break
    return sorted(seen.items())
