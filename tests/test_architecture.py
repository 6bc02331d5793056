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
    return {name: imports_of(path, set(files)) for name, path in files.items()}


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
                         env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
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


def test_the_cycle_finder_finds_a_planted_cycle():
    graph = library_graph()
    graph["curation.errors"] = graph["curation.errors"] | {"curation.cli.support"}  # support imports errors
    cycle = find_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1] and "curation.errors" in cycle


def test_every_module_opens_with_a_line_saying_its_job():
    missing = [module_name(p) for p in sorted(LIBRARY.rglob("*.py"))
               if not (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or "").strip()]
    assert missing == []
