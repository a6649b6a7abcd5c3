"""barkhane: a sourced timeline and fact lookup of the Sahel conflict, 2011-2022."""

__version__ = "0.1.0"
