"""ACLED event and sub-event types onto ours, and who did what to whom.

The table is documented in docs/data-format.md ("ACLED types"); keep the two in step.
Every event also keeps ACLED's sub-event type as a tag (``looting-property-destruction``),
so nothing ACLED said is lost in the mapping.

Roles follow ACLED's codebook and its R package (acledR), which warns that actor 1 and
actor 2 "do not imply directionality (e.g. attacker or defender)" in general. In
violence against civilians the civilians are always the second actor, and in remote
violence the first actor is the one that fired, dropped or planted (in the exports we
checked, actor 2 of a violence-against-civilians row is always a civilian group). So:
for those, and for looting/property destruction, actor 1's side are the perpetrators and
actor 2's side the targets; in a battle neither side is named the attacker, so each is
on both sides (importers.parties: "ISGS ↔ Niger"), or no one is when a side is unnamed.
"""

from __future__ import annotations

from barkhane_cli.importers.acled.problems import Reject

MASSACRE_FATALITIES = 10
ONE_SIDED = "one-sided"
BOTH_SIDES = "both-sides"

# event_type (lower case) -> (our type, roles, extra tag). The older names are those of
# the 2015-2018 codebooks ("Battle-No change of territory", "Remote violence", ...).
_EVENT_TYPES: dict[str, tuple[str, str, str]] = {
    "battles": ("battle", BOTH_SIDES, ""),
    "battle-no change of territory": ("battle", BOTH_SIDES, ""),
    "battle-government regains territory": ("battle", BOTH_SIDES, "government-regains-territory"),
    "battle-non-state actor overtakes territory": (
        "battle", BOTH_SIDES, "non-state-actor-overtakes-territory",
    ),
    "battle-non-state actors overtake territory": (
        "battle", BOTH_SIDES, "non-state-actor-overtakes-territory",
    ),
    "explosions/remote violence": ("attack", ONE_SIDED, ""),
    "remote violence": ("attack", ONE_SIDED, ""),
    "violence against civilians": ("attack", ONE_SIDED, ""),
    "protests": ("protest", "", ""),
    "riots": ("protest", "", "riot"),
    "riots/protests": ("protest", "", ""),
    "strategic developments": ("politics", "", ""),
    "strategic development": ("politics", "", ""),
    "non-violent activity by a conflict actor": ("politics", "", ""),
    "headquarters or base established": ("operation", "", "headquarters-or-base-established"),
    "non-violent transfer of territory": ("battle", ONE_SIDED, "non-violent-transfer-of-territory"),
}  # fmt: skip
# Strategic developments by sub-event type: they range from looting to curfews.
_STRATEGIC: dict[str, tuple[str, str]] = {
    "agreement": ("diplomacy", ""),
    "arrests": ("politics", ""),
    "change to group/activity": ("politics", ""),
    "disrupted weapons use": ("operation", ""),
    "headquarters or base established": ("operation", ""),
    "looting/property destruction": ("attack", ONE_SIDED),
    "non-violent transfer of territory": ("battle", ONE_SIDED),
    "other": ("politics", ""),
}
# Tags our schema names for some sub-event types (SCHEMA: kidnappings are attacks tagged
# "kidnapping").
_SUB_TAGS = {"abduction/forced disappearance": "kidnapping"}


def classify(event_type: str, sub_type: str, deaths: int) -> tuple[str, str, list[str]]:
    """(our type, roles, tags beyond the sub-event type's own) of an ACLED event."""
    key = event_type.strip().lower()
    found = _EVENT_TYPES.get(key)
    if found is None:
        raise Reject("unknown event_type", repr(event_type))
    kind, roles, tag = found
    sub = sub_type.strip().lower()
    if key in ("strategic developments", "strategic development") and sub in _STRATEGIC:
        kind, roles = _STRATEGIC[sub]
    elif (
        key == "violence against civilians"
        and sub in ("attack", "")
        and deaths >= (MASSACRE_FATALITIES)
    ):
        kind = "massacre"
    tags = [t for t in (tag, _SUB_TAGS.get(sub, "")) if t]
    return kind, roles, tags


def type_table() -> list[tuple[str, str, str]]:
    """(ACLED event type, sub-event type or "", our type): what the docs table shows."""
    rows = [(k, "", v[0]) for k, v in _EVENT_TYPES.items()]
    rows += [("strategic developments", k, v[0]) for k, v in _STRATEGIC.items()]
    return rows
