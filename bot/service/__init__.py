"""Use cases: the only layer that opens transactions (load, decide, save, then act).

The conversation, context building, carrying out effects, insights, export, the program
report and roster, staff operations and invites. No `telegram` here: what goes out is a
domain reply that a door delivers."""
