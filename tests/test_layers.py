"""The import graph of the package: no circle (function-level imports included), and
each floor imports only its own floor and the ones below it.

Floors, from the bottom:
  0 base      errors, settings, formats, controls, dates, choices, atomic, text, toml,
              followups
  1 model     the data model and the pure functions over it that the store narrows with
              (query is the one definition of what a filter means, so it sits here;
              matching is the rule whose pairs the store keeps)
  2 validate  reading and checking entries; never the store
  3 store     files, layers, the compiled SQLite store; importers
  4 library   what the views compute (lookup, briefing, situation) and render/
  5 cli       the command line, completion and the entry point
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from conftest import package_modules

FLOORS: dict[str, int] = {
    **dict.fromkeys(
        (
            "barkhane_cli",
            "errors",
            "settings",
            "formats",
            "controls",
            "dates",
            "choices",
            "atomic",
            "inputs",
            "text",
            "toml",
            "followups",
        ),
        0,
    ),
    **dict.fromkeys(
        ("model", "meta", "resolve", "roles", "search", "geo", "shapes", "query", "mapping"), 1
    ),
    # the matcher's rule over the model, which the store applies once when it is built
    # (its pairs, read by every view that counts a pair once: folding)
    "matching": 1,
    **dict.fromkeys(("forecasts", "cite", "skeletons", "tomlwrite", "orders"), 1),
    "validate": 2,
    "store": 3,
    "importers": 3,
    **dict.fromkeys(("lookup", "briefing", "situation", "gaps", "folding", "facets", "render"), 4),
    # sources --publisher's short forms: cite's matching and validate's declared names
    "publisher_names": 4,
    **dict.fromkeys(("cli", "entry", "__main__"), 5),
}


@functools.cache
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once a run (the tests only walk it)."""
    return ast.parse(path.read_text(encoding="utf-8"))


@functools.cache
def _graph() -> dict[str, set[str]]:
    """Who imports whom, worked out once a run: two tests read it (neither changes it)."""
    mods = package_modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, path in mods.items():
        package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
        for node in ast.walk(_tree(path)):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [target] + [f"{target}.{a.name}" for a in node.names]
            for name in names:
                while name and name not in mods:
                    name = name.rpartition(".")[0]
                if name and name != mod and not mod.startswith(name + "."):
                    graph[mod].add(name)
    return graph


def floor(mod: str) -> int:
    parts = mod.split(".")
    key = parts[1] if len(parts) > 1 else parts[0]
    return FLOORS[key]


def test_every_module_has_a_floor() -> None:
    missing = [
        m for m in package_modules() if [*m.split("."), ""][1] not in FLOORS and m != "barkhane_cli"
    ]
    assert missing == []


def test_no_import_circle() -> None:
    graph = _graph()
    circles = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(mod: str, path: list[str]) -> None:
        state[mod] = 1
        for dep in sorted(graph[mod]):
            if state.get(dep) == 1:
                circles.append(" -> ".join([*path[path.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*path, dep])
        state[mod] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])
    assert circles == []


def test_each_floor_imports_only_itself_and_below() -> None:
    upward = sorted(
        f"{mod} (floor {floor(mod)}) imports {dep} (floor {floor(dep)})"
        for mod, deps in _graph().items()
        for dep in deps
        if floor(dep) > floor(mod)
    )
    assert upward == []


def test_the_library_never_imports_typer_or_click() -> None:
    """Only the command line knows it is a command line."""
    found = []
    for mod, path in package_modules().items():
        if floor(mod) >= 5:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                found += [f"{mod}: {n}" for n in names if n.split(".")[0] in ("typer", "click")]
    assert found == []
