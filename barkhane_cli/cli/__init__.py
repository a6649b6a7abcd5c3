"""The command line: ``base`` holds the app and shared plumbing; each module adds commands."""

from barkhane_cli.cli import briefing, datafiles, lookups, timeline  # noqa: F401  (registration)
from barkhane_cli.cli.base import app, main

__all__ = ["app", "main"]
