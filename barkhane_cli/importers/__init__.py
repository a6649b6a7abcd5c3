"""Importers: turning other projects' exports into data files of our schema."""

# The command that runs an importer, as a user types it (cli/datafiles.py names its
# subcommands acled and ucdp). Declared here, the lowest floor that says it, so that the
# store and the importers build their messages from it as the command line does.
IMPORT = "barkhane import"


def import_line(
    source: str = "acled|ucdp", export: str = "EXPORT.csv", output: str = "FILE.toml"
) -> str:
    """The command line that imports an export: the hint to make an import first says
    it as is ("barkhane import acled|ucdp EXPORT.csv -o FILE.toml"), an example of
    --help with a real importer and files."""
    return f"{IMPORT} {source} {export} -o {output}"


def parties(*sides: list[str]) -> list[str]:
    """The perpetrators, and the targets alike, of a fight whose dataset names no attacker
    (an ACLED battle: its codebook says actor 1 and actor 2 imply no direction; a UCDP
    state-based or non-state event: side A is the government, or either group): every
    side's actors, each on both sides, as the record writes two sides of which neither is
    named the attacker (perpetrators = targets, read "ISGS ↔ Niger"; data-format.md).
    Naming both perpetrators alone read "attributed to ISGS, Niger", and counted the
    attack on Niger's camp at Inates as Niger's (U54). Empty when a side names no one
    (ACLED's "Unidentified Armed Group") or both are one group: then no one is named the
    perpetrator, the attribution is "unknown", and every side stays among the actors."""
    ids = list(dict.fromkeys(i for side in sides for i in side))
    if len(ids) < 2 or not all(sides):
        return []
    return ids
