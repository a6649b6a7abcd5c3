"""Shell completion: TAB runs the whole program every time, so it reads only the store.

Values from the data (actors, places, countries, tags, event ids) come from the compiled
store of the current data files, never from the TOML. The first TAB after an install,
before any command has built a store, compiles the bundled data's store once (about a
second) so that it offers names at once; a user's own files are never parsed on a TAB.
Fixed vocabularies (types, kinds, formats, fields, outcomes) come from the model.
"""

from __future__ import annotations

from typing import Any

from barkhane_cli.settings import Settings


def _store(extra: Any, settings: Settings) -> Any:
    from barkhane_cli.store import cached_store, files, open_paths

    try:
        paths = files.data_paths([p for p in extra or () if p], layers=settings.data)
    except Exception:
        return None
    # The exact data set first; else the bundled one (a user file may be unreadable).
    bundled = [files.bundled_path()]
    for attempt in (paths, bundled):
        try:
            db = cached_store(attempt, settings)
        except Exception:  # a completion that fails must fail silently
            db = None
        if db is not None:
            return db
    try:  # a fresh install: build the bundled store, once, as any command would
        open_paths(bundled, settings)
        return cached_store(bundled, settings)
    except Exception:
        return None


def candidates(
    table: str, incomplete: str, extra: Any = (), settings: Settings | None = None
) -> list[tuple[str, str]]:
    """(id, label) for entries whose id, name or alias (or a word of one) starts with the
    typed text, case and accents aside: ``goi`` offers ``assimi-goita``."""
    db = _store(extra, settings or Settings.from_environ())
    if db is None:
        return []
    try:
        if table == "tags":
            return [
                (t, "")
                for t in sorted(db.tags(True))
                if t.casefold().startswith(incomplete.casefold())
            ]
        found: list[tuple[str, str]] = db.names(table, incomplete)
        return found
    except Exception:
        return []
    finally:
        db.close()


def _fixed(values: Any, incomplete: str) -> list[tuple[str, str]]:
    items = values.items() if isinstance(values, dict) else ((v, "") for v in values)
    lower = incomplete.casefold()
    # "did not happen" is offered as did-not-happen: one word in every shell, and accepted
    # by every fixed-value option (choices.kebab)
    return [(v.replace(" ", "-"), help_) for v, help_ in items if v.startswith(lower)]


def forces(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """chart troops --force: the forces the data has figures for (from the store)."""
    from click.shell_completion import CompletionItem

    from barkhane_cli.briefing import forces as with_figures

    s = ctx.find_object(Settings) or Settings.from_environ()
    db = _store(ctx.params.get("data") or (), s)
    if db is None:
        return []
    try:
        data = db.dataset()
        typed = incomplete.casefold()
        return [
            CompletionItem(f, help=data.actors[f].name if f in data.actors else None)
            for f in ("france", *with_figures(data))
            if f.casefold().startswith(typed)
        ]
    except Exception:  # a completion that fails must fail silently
        return []
    finally:
        db.close()


def fixed(kind: str, incomplete: str) -> list[tuple[str, str]]:
    from barkhane_cli import model as m

    if kind == "format":
        from barkhane_cli.formats import FORMATS

        return _fixed(FORMATS, incomplete)
    if kind == "fields":
        from barkhane_cli.render.events import EVENT_JSON_KEYS

        done, _, last = incomplete.rpartition(",")
        head = done + "," if done else ""
        return [(head + v, "") for v, _ in _fixed(EVENT_JSON_KEYS, last)]
    vocab: dict[str, Any] = {
        "type": m.EVENT_TYPES,
        "kind": m.ACTOR_KINDS,
        "place-kind": m.PLACE_KINDS,
        "category": m.FACT_CATEGORIES,
        "outcome": m.OUTCOMES,
    }
    return _fixed(vocab.get(kind, ()), incomplete)
