"""Chat commands: one table (bot.command_table), parsed from any chat, answered as data."""

from __future__ import annotations

from bot.commands.parse import Command, command_language, parse_command, subcommands

__all__ = ["SUBCOMMANDS", "Command", "command_language", "parse_command", "subcommands"]

SUBCOMMANDS = subcommands()
