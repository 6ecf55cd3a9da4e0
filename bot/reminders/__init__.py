"""Reminders: rules -> due rows (planner) -> delivery (dispatcher), driven by JobQueue jobs."""
