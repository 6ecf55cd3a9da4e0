"""The recovery companion: a Telegram bot for clients of an Intensive Outpatient Program.

Each folder is one layer; imports run downwards only (doors -> service -> domain and store).
The architecture section of the README draws the tree."""
