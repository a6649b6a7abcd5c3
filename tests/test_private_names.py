"""No module of the package uses another's private names (a leading underscore): what one
module shares with another is public there, so that reading a module tells what others rely
on. validate/builders.py imported the reader's ``_Bad`` and ``_shown`` (U60)."""

from __future__ import annotations

import ast

from conftest import package_modules

# Left for now, each with its reason (none today).
KNOWN: set[str] = set()


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _uses(mod: str, tree: ast.Module, mods: set[str]) -> list[str]:
    """Another module's private names that ``mod`` imports or reads as ``module._name``."""
    found: list[str] = []
    bound: dict[str, str] = {}  # a local name -> the package module it is
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in mods and alias.asname:
                    bound[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("barkhane_cli"):
            source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in mods:
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif _private(alias.name) and source != mod:
                    found.append(f"{mod}: from {source} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in bound
            and bound[node.value.id] != mod
            and _private(node.attr)
        ):
            found.append(f"{mod}: {node.value.id}.{node.attr}")
    return found


def test_no_module_uses_another_modules_private_names() -> None:
    mods = package_modules()
    found = {
        use
        for mod, path in mods.items()
        for use in _uses(mod, ast.parse(path.read_text(encoding="utf-8")), set(mods))
    }
    assert sorted(found - KNOWN) == []
    assert found >= KNOWN, "a known use is gone: take it off KNOWN"
