"""The transaction rule: repositories never begin or commit; only Database.transaction() does."""

from __future__ import annotations

import re
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "bot" / "store"


def test_repositories_never_commit_or_begin() -> None:
    # Recursive, so a repository moved into a subfolder is still guarded.
    repositories = [
        p
        for p in STORE.rglob("*.py")
        if p.name not in ("database.py", "__init__.py") and "migrations" not in p.parts
    ]
    assert len(repositories) >= 5
    for path in repositories:
        text = path.read_text()
        assert not re.search(r"\.(commit|begin|rollback)\(", text), str(path.relative_to(STORE))
