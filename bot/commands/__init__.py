"""Chat commands: one table (bot.commands.table), parsed from any chat, answered as data."""

from __future__ import annotations

from bot.commands.parse import Command, command_language, parse_command, subcommands

__all__ = ["SUBCOMMANDS", "Command", "command_language", "parse_command", "subcommands"]


def __getattr__(name: str):
    # The table imports the core's handlers; built on first use so parsing stays light.
    if name == "SUBCOMMANDS":
        return subcommands()
    raise AttributeError(name)
