"""Developer tools run from a checkout (not installed with the bot): the crisis model's build."""
