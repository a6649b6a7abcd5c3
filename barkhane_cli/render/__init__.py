"""Rendering: one dispatch by --format for every command."""
