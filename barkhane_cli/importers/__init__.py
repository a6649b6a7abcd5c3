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
