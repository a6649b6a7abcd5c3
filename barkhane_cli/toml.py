"""The TOML parser, chosen here once: everything that reads TOML (the data files, meta.toml,
the tools) imports ``loads``, ``load`` and ``TOMLDecodeError`` from this module.

It is ``tomli``, the library the standard library's ``tomllib`` was taken from: the same
maintainer and the same API. Its wheels for CPython 3.11 and later are compiled (mypyc)
and parse the bundled record in about a third of tomllib's time (~2.1 s → ~0.7 s:
docs/performance.md, K62), which every cold start pays: a first run, a store rebuilt
after the data changed, ``validate``, a ``--data`` layer. Where no compiled wheel exists
it is pure Python, as tomllib is. Since 2.4 it reads TOML 1.1, a superset of the 1.0 that
Python 3.11's tomllib reads: a 1.0 document parses to the same values, and a few
forms tomllib refuses are accepted (a trailing comma or a newline in an inline table,
``\\e`` and ``\\xHH`` escapes, a time without seconds). The curated record stays TOML 1.0:
the tests read it with tomllib too.

meta.py reads data/meta.toml as it is imported, so this module is on the start-up path
(tests/test_startup.py): tomli imports less than tomllib does (neither typing nor string).
Callers use ``toml.loads`` through the module, so that this one name decides which parser
runs (the tests' memo, conftest, wraps it here).

tomli is a dependency, but a checkout run without installing it (``python -m
barkhane_cli`` beside an old environment) falls back to tomllib rather than failing on
every command; its errors carry no ``lineno``/``colno`` before Python 3.14
(store.files reads the position from the message then).
"""

from __future__ import annotations

# Part of what a parse depends on: the store's key and store.parsed's tag hold it, so a
# document parsed by one parser is never read back for the other.
try:
    from tomli import TOMLDecodeError, __version__, load, loads

    VERSION = f"tomli {__version__}"
except ImportError:  # run from a checkout without installing it: the stdlib's parser
    # reads the same TOML 1.0 (the record) and refuses only the 1.1 forms above
    from tomllib import TOMLDecodeError, load, loads  # type: ignore[assignment]

    VERSION = "tomllib"  # store.parsed's tag has Python's own version beside it

__all__ = ["VERSION", "TOMLDecodeError", "load", "loads"]
