"""The tree draws the design: every package folder says its rule in its `__init__.py`."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"


def package_folders() -> list[Path]:
    """Folders under bot/ holding Python modules (Alembic's revision scripts are not a package)."""
    folders = {p.parent for p in BOT.rglob("*.py")}
    return sorted(f for f in folders if f.name != "versions")


def test_every_package_folder_states_its_rule() -> None:
    folders = package_folders()
    assert len(folders) >= 7
    for folder in folders:
        init = folder / "__init__.py"
        assert init.is_file(), f"{folder.relative_to(BOT.parent)} has no __init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text()))
        assert doc and len(doc.split()) >= 6, f"{init.relative_to(BOT.parent)}: no docstring"
