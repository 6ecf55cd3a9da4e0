"""Spanish texts for progress, findings, charts, export and the program report."""

TEXTS: dict[str, str] = {}
