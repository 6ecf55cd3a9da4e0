"""Every document the code, the tests and the docs cite is in the repository.

A citation is a path under `docs/` ("docs/clinical.md", "docs/chart-example.png"), and for a
markdown file optionally a section after a comma: "docs/clinical.md, Crisis tiers". The
section runs to the end of its phrase (a bracket, a full stop, a colon, a semicolon, a table
bar or the end of the line) and must be one of the file's headings, word for word. A citation
never breaks across lines: "docs/clinical.md," at the end of a line fails. The clinical brief
the project started from lives outside the repository, so nothing may cite it any more.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where citations live: the code, the tests, the tools, the docs and the README.
SCANNED_DIRS = ("bot", "tests", "tools", "benchmarks", "docs")
SCANNED_FILES = ("README.md", "Dockerfile", "pyproject.toml")
TEXT_SUFFIXES = frozenset({".py", ".md", ".txt", ".toml", ".cfg", ".yaml", ".yml", ".sh", ""})

# A path under docs/, not the tail of a URL or of another path ("example.org/docs/x.md").
_CITED = re.compile(r"(?<![\w./-])docs/([\w./-]*\w\.\w+)")
# What follows a cited markdown file: ", Section name" up to the end of its phrase.
_SECTION = re.compile(r",[ \t]*([^\n().:;|`\"*]*)")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_OLD_BRIEF = re.compile(r"(?<![\w/])CLINICAL\.md")


def scanned() -> list[Path]:
    """Every text file a citation may sit in (but this one, whose examples are wrong on
    purpose)."""
    here = Path(__file__).resolve()
    files = [ROOT / name for name in SCANNED_FILES if (ROOT / name).is_file()]
    for folder in SCANNED_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                files.append(path)
    return [path for path in files if path.resolve() != here]


def headings(markdown: str) -> set[str]:
    """The headings of a markdown text, outside fenced code blocks."""
    found: set[str] = set()
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            found.add(match.group(1))
    return found


def citations(text: str) -> list[tuple[str, str | None]]:
    """(path under docs/, section or None) for each citation in `text`; a comma after a
    markdown path with nothing after it on the line gives the section ""."""
    found: list[tuple[str, str | None]] = []
    for match in _CITED.finditer(text):
        path = match.group(1).rstrip(".")
        section = None
        if path.endswith(".md"):
            after = _SECTION.match(text, match.end())
            if after is not None:
                section = after.group(1).strip()
        found.append((path, section))
    return found


def problems(text: str, root: Path = ROOT) -> list[str]:
    """What in `text` cites a missing file or section (empty when every citation holds)."""
    out = []
    for path, section in citations(text):
        target = root / "docs" / path
        if not target.is_file():
            out.append(f"docs/{path} does not exist")
        elif section is not None and section not in headings(target.read_text()):
            shown = section or "(the section is cut off at the end of the line)"
            out.append(f"docs/{path} has no section {shown!r}")
    return out


def test_every_cited_document_and_section_exists() -> None:
    missing = []
    for path in scanned():
        for problem in problems(path.read_text(errors="replace")):
            missing.append(f"{path.relative_to(ROOT)}: {problem}")
    assert not missing, "\n".join(missing)


def test_the_clinical_page_is_cited_by_section_where_its_rules_are_coded() -> None:
    cited: dict[str, set[str]] = {}
    for path in scanned():
        for doc, section in citations(path.read_text(errors="replace")):
            if doc == "clinical.md" and section:
                cited.setdefault(section, set()).add(str(path.relative_to(ROOT)))
    # The modules that carry each rule point at the section that explains it.
    expected = {
        "Helplines": "bot/locales/es.py",
        "Crisis screening": "bot/domain/crisis/screen.py",
        "Crisis tiers": "bot/domain/conversation/crisis_replies.py",
        "Wording": "bot/locales/en.py",
        "Daily check-in": "bot/domain/conversation/steps.py",
        "Report flags": "bot/domain/insights/report.py",
        "Triggers and coping skills": "bot/domain/content.py",
    }
    for section, module in expected.items():
        assert module in cited.get(section, set()), f"{module} does not cite {section!r}"


def test_nothing_cites_the_brief_outside_the_repository() -> None:
    citing = [
        str(path.relative_to(ROOT))
        for path in scanned()
        if _OLD_BRIEF.search(path.read_text(errors="replace"))
    ]
    assert not citing, f"these still cite a file that is not in the repository: {citing}"


def test_the_check_finds_a_missing_file_a_missing_section_and_a_cut_off_one() -> None:
    assert problems("see docs/clinical.md, Helplines.") == []
    assert problems("(docs/clinical.md, Crisis tiers)") == []
    assert problems("| per docs/clinical.md, Report flags: craving |") == []
    assert problems("`docs/crisis-labelling.md`, and more") == []  # no comma after the path
    assert problems("docs/crisis-labelling.md, and more") == [
        "docs/crisis-labelling.md has no section 'and more'"
    ]
    assert problems("see docs/nowhere.md") == ["docs/nowhere.md does not exist"]
    assert problems("see docs/clinical.md, Helpline.") == [
        "docs/clinical.md has no section 'Helpline'"
    ]
    assert problems("see docs/clinical.md,\n# Helplines") == [
        "docs/clinical.md has no section '(the section is cut off at the end of the line)'"
    ]
    assert problems("https://example.org/docs/nowhere.md and docs/chart-example.png") == []
    assert _OLD_BRIEF.search("see " + "CLINICAL" + ".md §4")


def test_headings_skip_code_blocks() -> None:
    text = "# Title\n\n## Real one\n\n```bash\n# not a heading\n```\n### Third ###\n"
    assert headings(text) == {"Title", "Real one", "Third"}
