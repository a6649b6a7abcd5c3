"""Event formats other programs read: iCalendar (RFC 5545) and TimelineJS 3 JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from barkhane_cli import model as m
from barkhane_cli.meta import RECORD_END, RECORD_START
from barkhane_cli.render.env import Env
from barkhane_cli.render.safe import escaped, inert, json_inert
from barkhane_cli.shapes import SETTLEMENT_KINDS

PRODID = "-//barkhane//Sahel conflict timeline//EN"


_ICS_SPECIAL = {ord("\\"): "\\\\", ord(";"): "\\;", ord(","): "\\,", ord("\n"): "\\n"}


def _ics_text(text: str) -> str:
    """RFC 5545 3.3.11 TEXT: escape backslash, semicolon, comma and line breaks (a bare CR
    too, which would otherwise end the content line); other controls, which TEXT may not
    hold, are shown as visible escapes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return escaped(inert(text, "\n\t"), _ICS_SPECIAL)


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def write_ics(env: Env, events: Iterable[m.Event], data: m.Dataset | None = None) -> int:
    """All-day VEVENTs; DTEND is exclusive, so a day event ends the next day and a month-
    or year-precision event spans its whole period (and says so in its description).
    LOCATION names the event's places; GEO (RFC 5545 §3.8.1.6, latitude;longitude) is the
    point of the settlement it names, left out when the event is known only by a region,
    an area or a country (a calendar would show a pin where nothing happened)."""
    out = env.out
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    count = 0
    for e in events:
        start = e.first_day()
        end = e.last_day() + timedelta(days=1)
        desc = e.summary
        if e.date.precision != "day" or (e.end and e.end.precision != "day"):
            desc += f"\n(Dated only to the {e.date.precision}: {e.date}"
            desc += f" to {e.end})" if e.end else ")"
        if e.disputed:
            desc += f"\nDisputed: {e.disputed}"
        desc += "\nSources: " + ", ".join(s.id for s in e.sources)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.id}@barkhane",
            "DTSTAMP:20221109T000000Z",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_ics_text(e.title)}",
            f"DESCRIPTION:{_ics_text(desc)}",
            f"CATEGORIES:{_ics_text(e.type)}",
        ]
        if e.places:
            places = data.places if data is not None else {}
            names = [places[p].label if p in places else p for p in e.places]
            lines.append(f"LOCATION:{_ics_text(', '.join(names))}")
        settled = e.point_kind in SETTLEMENT_KINDS
        if (
            settled
            and e.point_of in e.places
            and e.latitude is not None
            and e.longitude is not None
        ):
            lines.append(f"GEO:{e.latitude:.6f};{e.longitude:.6f}")
        lines += [
            "END:VEVENT",
        ]
        count += 1
    lines.append("END:VCALENDAR")
    out.write("".join(_fold(line) + "\r\n" for line in lines))
    return count


def _tl_date(d: Any) -> dict[str, int]:
    out = {"year": d.year}
    if d.month is not None:
        out["month"] = d.month
    if d.day is not None:
        out["day"] = d.day
    return out


def _html(text: str) -> str:
    """TimelineJS renders headline and text as HTML: escape data, keep its line breaks."""
    import html

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(html.escape(inert(line), quote=True) for line in lines)


def write_timelinejs(env: Env, data: m.Dataset, events: Iterable[m.Event]) -> int:
    items = []
    for e in events:
        text = _html(e.summary)
        if e.disputed:
            text += f"<br><em>Disputed: {_html(e.disputed)}</em>"
        text += "<br>Sources: " + _html(", ".join(s.id for s in e.sources))
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _tl_date(e.date),
            "text": {"headline": _html(e.title), "text": text},
            "group": e.type,
        }
        if e.end:
            item["end_date"] = _tl_date(e.end)
        items.append(item)
    eras = [
        {
            "start_date": _tl_date(era.start),
            "end_date": _tl_date(era.end or RECORD_END),
            "text": {"headline": _html(era.name)},
        }
        for era in sorted(data.eras.values(), key=lambda x: x.start.first())
    ]
    doc = {
        "title": {
            "text": {
                "headline": f"The Sahel conflict, {RECORD_START.year} – {RECORD_END.human()}",
                "text": "From the fall of Gaddafi to the end of Operation Barkhane. Source: barkhane.",
            }
        },
        "events": items,
        "eras": eras,
    }
    env.out.write(json_inert(json.dumps(doc, ensure_ascii=env.ascii_only, indent=1)) + "\n")
    return len(items)
