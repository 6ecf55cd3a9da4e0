"""The operator's and staff's door: `recovery-bot` subcommands, each a call into the service.

Commands never open transactions or touch tables themselves; `main` is the console script."""

from bot.cli.main import main

__all__ = ["main"]
