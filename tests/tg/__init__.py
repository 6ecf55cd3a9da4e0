"""Ring 3: the real PTB Application over a recording fake of the Bot API's HTTP layer."""
