"""The command line: ``base`` holds the app and shared plumbing; each module adds commands,
imported only when its command runs (``lazy``)."""

from barkhane_cli.cli.base import app, main

__all__ = ["app", "main"]
