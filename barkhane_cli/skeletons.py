"""TOML skeletons that `barkhane new` prints: each one a complete, valid data file to edit.

Every skeleton carries the source it cites, so it checks clean on its own with
``barkhane validate FILE`` before a single value is changed.
"""

from __future__ import annotations

from barkhane_cli import model

SOURCE = """[[sources]]
id = "your-source-id"
title = "The article or document title"
publisher = "Who published it"
kind = "news"              # {source_kinds}
date = "2022-11-09"        # when it was published, at the precision known
url = "https://example.org/article"
"""

EVENT = """[[events]]
id = "my-new-event"        # kebab-case, unique
date = "2022-11-09"        # YYYY, YYYY-MM or YYYY-MM-DD: only what the sources support
# end = "YYYY-MM-DD"       # for a span (a siege, an operation)
title = "Short headline in your own words"
summary = "One to three sentences in your own words."
type = "politics"          # {types}
actors = []                # ids: barkhane actors
# perpetrators = []        # attack, massacre, battle: who carried it out (actor ids)
# targets = []             # who was attacked ("civilians" for civilians)
# attribution = "unknown"  # claimed, attributed, suspected or unknown
places = []                # ids: barkhane places, the most precise the sources support
tags = []
# fatalities = 0           # the best estimate, only when a source gives a number
# fatalities_low = 0       # where sources differ: the range, and whose counts they are
# fatalities_high = 0
# fatalities_note = "Whose count this is."
# disputed = "One line: what the sources disagree on."
sources = [{{ id = "your-source-id", note = "What this source says" }}]

"""

ACTOR = """[[actors]]
id = "my-new-actor"        # kebab-case, unique
name = "Full name"
# short = "ABC"            # a short name for tables
aliases = []               # other names and spellings, so searches find it
kind = "armed-group"       # {actor_kinds}
# country = "Mali"
# start = "2012"           # when it formed, at the precision known
# end = "2017-03"
summary = "One or two sentences in your own words."
# affiliations = [{{ actor = "jnim", relation = "member-of", start = "2017-03" }}]
tags = []
sources = [{{ id = "your-source-id", note = "What this source says" }}]

"""

PLACE = """[[places]]
id = "my-new-place"        # kebab-case, unique
name = "Name"
# short = "Name"           # a short name for tables
aliases = []               # other spellings
kind = "town"              # {place_kinds}
within = "mali"            # the place that contains it: town in region in country
# country = "Mali"         # or, in place of within: its country's English name or alias
# lat = 16.27              # only where a source you read gives coordinates
# lon = -0.04
summary = "One sentence in your own words."
sources = [{{ id = "your-source-id", note = "What this source says" }}]

"""

FACT = """[[facts]]
id = "my-new-fact"         # kebab-case, unique
label = "What is counted, in a few words"
value = 0                  # or low/high where sources differ
# qualifier = "more than"  # the source's word for the value: {qualifiers}
# low = 0
# high = 0
unit = "troops"
as_of = "2022-11-09"       # the date the figure is for, at the precision known
scope = "Mali; French forces (Barkhane)"  # the geography and the force or population
category = "troops"        # {categories}
kind = "measured"          # {fact_kinds}
actors = []
# note = "How the figure was arrived at."
sources = [{{ id = "your-source-id", note = "What this source says" }}]

"""

KINDS = ("event", "actor", "place", "fact", "source")


def skeleton(what: str) -> str:
    """The skeleton for ``what`` (one of KINDS), with its source, values listed."""
    body = {"event": EVENT, "actor": ACTOR, "place": PLACE, "fact": FACT, "source": ""}[what]
    return (body + SOURCE).format(
        types=", ".join(model.EVENT_TYPES),
        source_kinds=", ".join(model.SOURCE_KINDS),
        actor_kinds=", ".join(model.ACTOR_KINDS),
        place_kinds=", ".join(model.PLACE_KINDS),
        categories=", ".join(model.FACT_CATEGORIES),
        fact_kinds=", ".join(model.FACT_KINDS),
        qualifiers=", ".join(model.QUALIFIERS),
    )
