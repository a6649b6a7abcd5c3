"""bench/cards.py measures barkhane as it ships, whatever the developer's own settings:
a BARKHANE_FORMAT=json, a BARKHANE_CONFIG or a BARKHANE_PAGER in the shell that runs it
would time another command than the one it names (bench/startup.py and bench/layered.py
leave every BARKHANE_ variable out; cards.py left only BARKHANE_DATA out)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_a_card_is_timed_without_the_developer_s_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.delitem(sys.modules, "cards", raising=False)
    cards = importlib.import_module("cards")
    for var in ("BARKHANE_FORMAT", "BARKHANE_CONFIG", "BARKHANE_DATA", "_BARKHANE_COMPLETE"):
        monkeypatch.setenv(var, "x")
    seen: list[dict[str, str]] = []
    monkeypatch.setattr(cards, "timed", lambda cmd, env: seen.append(env) or (0.0, 0.0))
    cards.run(tmp_path, tmp_path / "cache", ["fact", "x"])
    [env] = seen
    assert sorted(k for k in env if "BARKHANE" in k) == ["BARKHANE_CACHE"]
    assert env["BARKHANE_CACHE"] == str(tmp_path / "cache")
    assert env["PYTHONPATH"] == str(tmp_path)
