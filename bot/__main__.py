"""`python -m bot` is the same as `recovery-bot`."""

import sys

from bot.cli import main

sys.exit(main())
