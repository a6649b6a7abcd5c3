"""barkhane map and barkhane on: where events happened, and the situation on a day."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from barkhane_cli.cli.affiliates import roles_left_out
from barkhane_cli.cli.base import (
    again,
    folded,
    given_format,
    load,
    make_env,
    marked,
    open_data,
    parse_date,
    present,
    query_of,
    settings,
    tell_unless_drawn,
)
from barkhane_cli.cli.filters import (
    event_filters,
    filters_said,
    place_notes,
    window_notes,
)
from barkhane_cli.cli.options import (
    AN_EXPORT,
    ActorOpt,
    AftermathOpt,
    Color,
    ColorOpt,
    CountryOpt,
    DataOpt,
    DateArg,
    ExportOpt,
    FieldsOpt,
    KeepMatchedOpt,
    MapWidthOpt,
    MinDeathsOpt,
    NotTagOpt,
    PerpetratorOpt,
    PlaceOpt,
    RecordFormatOpt,
    SearchOpt,
    SinceOpt,
    TagOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    Whole,
    YearOpt,
    takes_formats,
)
from barkhane_cli.dates import span_said, window_said
from barkhane_cli.errors import UsageError
from barkhane_cli.formats import SITUATION_FORMATS
from barkhane_cli.lookup import the_place
from barkhane_cli.render.export import VECTOR_KINDS
from barkhane_cli.render.onescreen import FULL
from barkhane_cli.text import counted

MapExportOpt = Annotated[
    Path | None,
    typer.Option(
        "--export",
        click_type=AN_EXPORT,
        help="Save the map: FILE.svg (a vector map), FILE.html (the same SVG in a page) "
        "or FILE.txt (the terminal drawing).",
        show_default=False,
    ),
]
ByOpt = Annotated[
    str,
    typer.Option(
        "--by",
        help="Size markers by: events or deaths; or shade the regions by their events "
        "(region) or deaths (region-deaths), a choropleth.",
    ),
]
AsciiOpt = Annotated[
    bool, typer.Option("--ascii", help="Draw with ASCII characters instead of braille.")
]
HeightOpt = Annotated[
    int | None,
    typer.Option(
        "--height",
        help="At most this many rows, 4 to 200 (default: the terminal's).",
        click_type=Whole(4, 200, "a number of rows"),
    ),
]


def _max_rows(height: int | None, others: int) -> int:
    """Lines the map view may take: --height rows of map, or the terminal's height less
    ``others`` (the prompt, and what a view prints above the map)."""
    if height is not None:
        return height
    rows = settings().lines or shutil.get_terminal_size((80, 24)).lines
    return max(10, min(rows - others, 70))


def _ascii(env: Any, forced: bool) -> bool:
    # Braille needs a Unicode terminal and a font that has it; the Linux console has not.
    return forced or env.ascii_only or env.settings.term in ("linux", "dumb", "vt100")


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        w, s, e, n = (float(x) for x in text.split(","))
    except ValueError:
        raise UsageError(
            f"--bbox {text!r}: give west,south,east,north in degrees, e.g. -12,10,5,20"
        ) from None
    if not (-180 <= w < e <= 180 and -85 <= s < n <= 85):
        raise UsageError(
            f"--bbox {text!r}: need west < east within ±180 and south < north within ±85"
        )
    return (w, s, e, n)


def _vector_width(width: int | None, export: Path | None) -> None:
    """--width is the terminal drawing's columns (and a FILE.txt's): an SVG or HTML map is
    a vector drawing of its own size, which columns do not set (U41 asked for it)."""
    if width is not None and export is not None and export.suffix.lower() in VECTOR_KINDS:
        from barkhane_cli.render.svgmap import WIDTH

        raise UsageError(
            f"--width sets the terminal drawing's columns; the {export.suffix.lower()} map is "
            f"{WIDTH} pixels wide whatever the terminal: drop --width, or export FILE.txt"
        )


def save_vector(env: Any, md: Any, title: str, export: Path | None) -> bool:
    """--export FILE.svg or FILE.html: the vector map; False for any other export."""
    if export is None or export.suffix.lower() not in VECTOR_KINDS:
        return False
    from barkhane_cli import atomic
    from barkhane_cli.render import svgmap
    from barkhane_cli.render.export import check_path

    check_path(export)
    body = svgmap.svg(md, title) if export.suffix.lower() == ".svg" else svgmap.html(md, title)
    atomic.write(export, body, "--export")
    env.err.write(f"wrote {atomic.shown(export)}\n")
    return True


def draw_or_emit(
    env: Any,
    dataset: Any,
    md: Any,
    format_: str | None,
    fields: str | None,
    export: Path | None,
    title: str,
    max_rows: int,
    ascii_only: bool,
    fixed: bool = False,
) -> None:
    """The map on a terminal (``table``), its markers in any other format; --export."""
    from barkhane_cli.render import maps
    from barkhane_cli.render.records import emit

    def show(target: Any, fmt: str | None) -> None:
        if given_format(target, fmt) == "table":
            maps.render(target, md, title, max_rows, ascii_only, fixed)
        else:
            records = maps.region_records if md.choropleth else maps.marker_records
            emit(target, fmt, records(dataset, md), fields)

    if save_vector(env, md, title, export):
        export = None
    present(env, format_, export, show)


def map_(
    since: SinceOpt = None,
    until: UntilOpt = None,
    year: YearOpt = None,
    actor: ActorOpt = None,
    perpetrator: PerpetratorOpt = None,
    target: TargetOpt = None,
    place: PlaceOpt = None,
    country: CountryOpt = None,
    type_: TypeOpt = None,
    tag: TagOpt = None,
    not_tag: NotTagOpt = None,
    search: SearchOpt = None,
    min_deaths: MinDeathsOpt = None,
    aftermath: AftermathOpt = False,
    by: ByOpt = "events",
    bbox: Annotated[
        str | None,
        typer.Option(help="Show this box: west,south,east,north in degrees (e.g. -12,10,5,20)."),
    ] = None,
    ascii_: AsciiOpt = False,
    height: HeightOpt = None,
    width: MapWidthOpt = None,
    format_: RecordFormatOpt = None,
    fields: FieldsOpt = None,
    color: ColorOpt = Color.auto,
    export: MapExportOpt = None,
    data: DataOpt = None,
    keep_matched: KeepMatchedOpt = False,
) -> None:
    """Where the matching events happened: a map of their places.

    Takes timeline's filters, --min-deaths among them. Draws the Sahel (Mali, Burkina
    Faso, Niger and their neighbours), or the region the events cover when most lie
    elsewhere or when --place or --country is given, with braille borders (ASCII where
    the terminal has no braille), one marker per place sized by its events (or --by
    deaths), labels for the busiest places and the capitals that fit, and a legend.
    Events placed only in a country are listed, not drawn at its capital. Piped or with
    --format, prints one record per place (geojson gives points).
    """
    from barkhane_cli import mapping, query
    from barkhane_cli import model as m

    if by not in ("events", "deaths", "region", "region-deaths"):
        raise UsageError(f"--by {by!r}: give events, deaths, region or region-deaths")
    shaded, by = by.startswith("region"), "deaths" if by.endswith("deaths") else "events"
    _vector_width(width, export)
    env = make_env(color, width)
    filters = event_filters(
        since, until, year, actor, perpetrator, target, place, country, type_, tag, not_tag,
        search,
        aftermath,
    )  # fmt: skip
    box = _bbox(bbox)
    dataset = load(data)
    q = query_of(dataset, data, **filters, min_deaths=min_deaths)
    q, fold_note, _ = folded(dataset, q, keep_matched)
    events = list(query.select(dataset, q))
    md = (
        mapping.choropleth(dataset, events, by, within=q.countries, inside=q.places)
        if shaded
        else mapping.markers(
            dataset, events, by, fit=bool(place or country), within=q.countries, inside=q.places
        )
    )
    if box is not None:
        md.extent = box
    md.notes = place_notes(dataset, place or ())
    resolver = query.place_resolver(dataset)
    md.outlines = mapping.outlines(dataset.places, (resolver.resolve(n) for n in place or ()))
    md.notes += _no_point_notes(dataset, place or [], md, events)
    # a window outside the record says so under the map, as summary says it (K37)
    md.notes[:0] = window_notes(q)
    # the events of groups pledged to a --perpetrator, as timeline's footer says them
    md.notes += roles_left_out(dataset.actors, q, lambda asked: query.select(dataset, asked))
    md.notes += [fold_note] if fold_note else []
    # the deaths summed per place leave out tolls counted in another event's: said where
    # deaths are shown (--by deaths, and the records' deaths column), not under dots of events
    elsewhere = m.counted_elsewhere_note(sum(e.counted_elsewhere() for e in events))
    if elsewhere and (by == "deaths" or given_format(env, format_) != "table"):
        md.notes.append(elsewhere)
    span = _window_said(filters["since"], filters["until"], year)
    if not span and events:  # no date filter: the span the events cover
        latest = max(events, key=lambda e: e.last)
        span = f", {window_said(events[0].date, latest.end or latest.date)}"
    title = f"barkhane map: {counted(len(events), 'event')}{span}"
    said = filters_said(dataset, filters, min_deaths)
    if shaded:
        title += f", {by} per region"
    if said:
        title += f" ({said})"
    draw_or_emit(
        env,
        dataset,
        md,
        format_,
        fields,
        export,
        title,
        _max_rows(height, 2),
        _ascii(env, ascii_),
        fixed=height is not None,
    )


def on(
    date: DateArg,
    window: Annotated[
        str, typer.Option(help="Events this long before and after: 30d, 2w, 3m (3 × 30 days).")
    ] = "30d",
    ascii_: AsciiOpt = False,
    height: HeightOpt = None,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default on a terminal), plain (piped), json, jsonl or geojson "
            "(the window's events).",
            show_default=False,
            callback=takes_formats(SITUATION_FORMATS),
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            FULL,
            help="Draw the whole page: every leader with their term, every figure with its "
            "dispute, every event of the window and their map (piped and JSON output "
            "always hold them all).",
        ),
    ] = False,
    color: ColorOpt = Color.auto,
    export: ExportOpt = None,
    data: DataOpt = None,
    keep_matched: KeepMatchedOpt = False,
) -> None:
    """The situation on a day: eras in place, who led each country, the latest
    headline figures, the events around it and their map.

    One short page, paged as other long views are where the terminal is shorter: the
    eras, each country's head of state, one figure a series (the latest by the day) and
    the 15 events nearest the day (of a month or a year holding more, 15 spread over it);
    the eras, figures and events each point to the command that lists them whole, and
    --full draws the whole page.

    Leaders are those the data records (leader-of); a line names the countries of the
    events with none recorded (not a country where talks alone were held: Qatar for
    Chad's Doha talks), and a head of government is listed under a heading of its own. After the record, the leaders are those in office at its end, as of then,
    and one whose recorded term ended before the day is marked so (term ended 2023-07-26). The figures are the latest of each headline series; with
    --full, a closing line says how many other figures were known by then and lists them
    with barkhane facts --until DATE (--aftermath added where the day or period runs past
    the record); a month or a year is read by its last day.
    A date outside the record (2011 to 9 November 2022) says so and shows what it can.
    --height and --ascii draw the map, which only --full has; piped or in a --format
    other than table they do nothing, as map's, but in --export FILE.txt.
    """
    from barkhane_cli import situation
    from barkhane_cli.render import situation as view

    _refuse_map_options(full, {"--height": height is not None, "--ascii": ascii_})
    env = make_env(color)
    day = parse_date("DATE", date)
    days = _window_days(window)
    # the store's tables and its query path: only the window's events are decoded, not
    # every event (a third of a run's time, K71)
    loaded = open_data(data)
    dataset = loaded.data
    told: list[str] = []

    def select(q: Any) -> Any:
        """The window's events, an import's records paired with a curated event counted
        once as it (as timeline's), or kept and marked with --keep-matched."""
        q, note, pairs = folded(loaded, q, keep_matched, listed=True)
        told.extend([note] if note else [])
        chosen = loaded.select(q)
        return marked(chosen, pairs) if keep_matched and pairs else chosen

    content, events = situation.situation(dataset, day, days, select)
    title = f"barkhane on {day}: events {span_said(content['window']['start'], content['window']['end'])}"
    page = view.page(
        content, dataset, events, title, _max_rows(height, 2), _ascii(env, ascii_),
        again(FULL), fixed=height is not None, full=full, notes=tuple(told),
    )  # fmt: skip
    for note in told:
        tell_unless_drawn(env, given_format(env, format_), note)
    # through present, as every other view: paged on a terminal shorter than the page
    # (`on 2020-08-18` is 59 lines at 80x50, and its title, eras and leaders scrolled off
    # unpaged, U45); --export saves the page the terminal shows, titled with the command
    present(env, format_, export, page)


def _refuse_map_options(full: bool, given: dict[str, bool]) -> None:
    """A usage error for a map option given to `on` without --full: the one screen has no
    map since K42, and `on DATE --height 30` drew that screen and said nothing (K44).
    Refused, not taken to mean --full, as chart refuses an option its kind does not take
    (U22): the user learns which view draws the map rather than getting a page they did
    not ask for. The first of ``given`` is named, whatever the order typed."""
    for option, was_given in given.items():
        if was_given and not full:
            raise UsageError(
                f"{option} does not apply to on's one screen, which has no map; "
                f"give {FULL} for the whole page and its map"
            )


def _no_point_notes(dataset: Any, places: list[str], md: Any, events: list[Any]) -> list[str]:
    """For --place NAME, a settlement with no point of its own: where its events are drawn
    (U15: `map --place boulkessi` drew them at the Mopti Region's centre and said only
    "regions and areas at a central point"). Its events drawn at another place they name,
    one with a point, go unsaid."""
    from barkhane_cli import mapping, query, shapes

    if md.choropleth:  # regions shaded by their events: no point is drawn at all
        return []
    resolver = query.place_resolver(dataset)
    markers = {mk.place: mk for mk in md.markers}
    notes = []
    for pid in dict.fromkeys(resolver.resolve(name) for name in places):
        p = dataset.places[pid]
        where = mapping.locate(dataset.places, [pid])
        if p.kind not in shapes.SETTLEMENT_KINDS or where is None or where.point_of == pid:
            continue
        there = markers.get(where.point_of)
        named = {e.id for e in events if pid in e.places}
        n = sum(1 for ident in there.events if ident in named) if there is not None else 0
        if not n:
            continue
        why = f" (place {pid} says why)" if p.unlocated else ""
        its = f"its {n} events are" if n > 1 else "its event is"
        stand_in = dataset.places[where.point_of]
        drawn = (
            f"listed with {stand_in.name}'s, not drawn"
            if stand_in.kind == "country"
            else f"drawn at {the_place(stand_in)}"
        )
        notes.append(f"{p.name} has no point{why}: {its} {drawn}")
    return notes


def _window_said(since: Any, until: Any, year: int | None) -> str:
    """The date filter as asked, each date as ISO writes it (whatever words it was typed
    in): a map of --year 2019 is titled 2019, not by the span of its events (one that
    began in 2019 may end in 2020); --year within --since or --until says both."""
    said = [str(year)] if year is not None else []
    return "".join(f", {part}" for part in [*said, window_said(since, until)] if part)


def _window_days(text: str) -> int:
    import re

    found = re.fullmatch(r"\s*(\d{1,4})\s*([dwm]?)\s*", text.lower())
    if not found:
        raise UsageError(f"--window {text!r}: give a length like 30d, 2w or 3m")
    n, unit = int(found.group(1)), found.group(2) or "d"
    return n * {"d": 1, "w": 7, "m": 30}[unit]
