"""Importers: turning other projects' exports into data files of our schema."""
