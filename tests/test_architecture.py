"""What docs/architecture.md promises that a machine can check.

The library imports no Prefect and no `flows`; no module of the library imports, directly or
through others (imports by name included), itself; every module opens with a line saying its job,
and is named in the page's layout.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LIBRARY = ROOT / "src" / "curation"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def module_name(path: Path) -> str:
    parts = path.relative_to(LIBRARY.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Modules of the library that `path` imports anywhere in its body (a function-level import
    is still a dependency), resolving `from package import module` to the module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
    return found


def library_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in LIBRARY.rglob("*.py")}
    graph = {name: imports_of(path, set(files)) for name, path in files.items()}
    graph[FORMATS] |= lazy_reader_modules()
    return graph


FORMATS = "curation.sources.formats"


def lazy_reader_modules() -> set[str]:
    """The reader modules `sources.formats.READERS` names as "module:function" strings and imports
    by name when first needed: dependencies of the package that no import statement shows."""
    from curation.sources.formats import READERS

    return {f"{FORMATS}.{target.split(':')[0]}" for target in READERS.values()}


def test_the_library_imports_no_prefect_and_no_flows():
    offenders = sorted(f"{name} imports {dep}" for name, deps in library_graph().items() for dep in deps
                       if dep.split(".")[0] in ("prefect", "prefect_dask", "flows"))
    assert offenders == []


def test_importing_every_library_module_loads_no_prefect():
    """The static check above, confirmed at run time (an indirect import would show here)."""
    names = sorted(library_graph())
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('prefect', 'flows')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin",
                              # this checkout's library, not whichever one the environment installed
                              "PYTHONPATH": str(LIBRARY.parent)})
    assert out.stdout.strip() == "[]"


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle among the library's modules, as the list of modules on it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for dep in sorted(d for d in graph[node] if d in graph and d != node):
            if state.get(dep) == 1:
                return path[path.index(dep):] + [dep]
            if dep not in state and (cycle := visit(dep)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_library_has_no_import_cycle():
    assert find_cycle(library_graph()) is None


def test_the_graph_holds_the_readers_the_formats_package_imports_by_name():
    assert {f"{FORMATS}.mail", f"{FORMATS}.archive", f"{FORMATS}.pdf"} <= library_graph()[FORMATS]


def test_a_container_reader_importing_its_package_is_a_cycle():
    """What the READERS edges are for: mail.py importing `read_member` from the package would close
    a cycle through the package's lazy import of mail.py."""
    graph = library_graph()
    graph[f"{FORMATS}.mail"] = graph[f"{FORMATS}.mail"] | {FORMATS}
    cycle = find_cycle(graph)
    assert cycle is not None and FORMATS in cycle and f"{FORMATS}.mail" in cycle


def test_the_cycle_finder_finds_a_planted_cycle():
    graph = library_graph()
    graph["curation.errors"] = graph["curation.errors"] | {"curation.cli.support"}  # support imports errors
    cycle = find_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1] and "curation.errors" in cycle


def module_docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def test_every_module_opens_with_a_line_saying_its_job():
    missing = [module_name(p) for p in sorted(LIBRARY.rglob("*.py")) if not module_docstring(p).strip()]
    assert missing == []


def test_every_modules_first_docstring_line_stands_alone():
    """The job in one line that a listing can show (`head -1`): the docstring is that one line, or
    a blank line follows it."""
    run_on = [module_name(p) for p in sorted(LIBRARY.rglob("*.py"))
              if len(lines := module_docstring(p).splitlines()) > 1 and lines[1].strip()]
    assert run_on == []


def layout_blocks() -> dict[str, str]:
    """The lines of each folder's block in the architecture page's layout ("src/curation/pii/" →
    its lines, those of the folders inside it included). A folder's block runs from its `name/` line
    to the next entry indented as little as it is."""
    section = ARCHITECTURE.read_text(encoding="utf-8").split("## Layout", 1)[1].split("\n## ", 1)[0]
    blocks: dict[str, str] = {}
    open_folders: list[tuple[int, str]] = []  # (indent, path) of the folders the line is inside
    for line in section.split("```")[1].splitlines():
        indent = len(line) - len(line.lstrip())
        if line.strip() and indent < 20:  # an entry (deeper lines continue the one above)
            while open_folders and open_folders[-1][0] >= indent:
                open_folders.pop()
            first = line.split()[0]
            if first.endswith("/"):
                open_folders.append((indent, (open_folders[-1][1] if open_folders else "") + first))
                blocks[open_folders[-1][1]] = ""
        for _, folder in open_folders:
            blocks[folder] += line + "\n"
    return blocks


def test_every_module_has_its_line_in_the_architecture_layout():
    """docs/architecture.md stays true: each module file of the library and of flows/ is named in
    the block of its folder (a package by its folder's own line)."""
    blocks = layout_blocks()
    missing = []
    for path in sorted([*LIBRARY.rglob("*.py"), *(ROOT / "flows").rglob("*.py")]):
        folder = path.parent.relative_to(ROOT).as_posix() + "/"
        named = folder in blocks if path.stem == "__init__" else bool(
            re.search(rf"(?<!\w){re.escape(path.stem)}(?!\w)", blocks.get(folder, "")))
        if not named:
            missing.append(path.relative_to(ROOT).as_posix())
    assert missing == []


def test_the_layout_check_sees_a_module_missing_from_its_folders_block():
    blocks = layout_blocks()
    assert "credit_card" in blocks["src/curation/pii/recognizers/ja/"]
    assert "from_yaml" in blocks["src/curation/pii/recognizers/"] and "from_yaml" not in blocks["flows/"]
    assert "pattern_runner" not in blocks["src/curation/sources/formats/"]
