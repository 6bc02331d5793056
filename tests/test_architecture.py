"""The layering the architecture document promises: the library imports no Prefect and no
`flows`, and no module of the library imports, directly or through others, itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LIBRARY = ROOT / "src" / "curation"


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


def test_every_module_opens_with_a_line_saying_its_job():
    missing = [module_name(p) for p in sorted(LIBRARY.rglob("*.py"))
               if not (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "").strip()]
    assert missing == []
