"""`python -m bot.cli`: the `roadmap` command."""

import sys

from bot.cli import run

sys.exit(run())
