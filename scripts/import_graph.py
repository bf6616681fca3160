"""Print the import graph between Pendopo's apps: cross-app imports, nested ones, and cycles.

Usage: ``python scripts/import_graph.py [--verbose]`` from the repository root.

Walks every ``.py`` file under ``pendopo/`` (tests and migrations excluded) with ``ast``. An
import is *cross-app* when the importing module's app (``pendopo.<app>``) differs from the
imported one; it is *nested* when it sits inside a function or class body rather than at module
level (the way a cycle is usually dodged). Cycles are the strongly connected components with more
than one app of the app graph (Tarjan's algorithm), counting nested imports too.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "pendopo"
SKIPPED_PARTS = {"tests", "migrations"}


def module_name(path: Path) -> str:
    """Dotted module name of a file under the repository root."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module: str) -> str | None:
    """``pendopo.news.models`` -> ``news``; None outside the package."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != PACKAGE:
        return None
    return parts[1]


def imports_of(path: Path) -> list[tuple[str, str, int]]:
    """(imported module, where, line) for every import in a file; ``where`` is ``"module"``
    (module level), ``"ready"`` (inside an ``AppConfig.ready()``: registrations, which cannot
    run before the app registry is ready) or ``"nested"`` (inside any other function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = module_name(path)
    is_package = path.name == "__init__.py"
    found: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = where
            if where == "module" and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = "ready" if child.name == "ready" and path.name == "apps.py" else "nested"
            elif where == "module" and isinstance(child, ast.Lambda):
                inner = "nested"
            if isinstance(child, ast.Import):
                found.extend((alias.name, where, child.lineno) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                target = child.module or ""
                if child.level:
                    base = module.split(".")
                    if not is_package:
                        base = base[:-1]
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join([*base, target] if target else base)
                found.append((target, where, child.lineno))
            visit(child, inner)

    visit(tree, "module")
    return found


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the strongly connected components of a directed graph."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def connect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                connect(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return components


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    graph: dict[str, set[str]] = defaultdict(set)
    cross = nested = ready = 0  # nested counts every function, ready() ones included
    nested_lines: list[str] = []
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        if SKIPPED_PARTS & set(path.relative_to(ROOT).parts):
            continue
        source_app = app_of(module_name(path))
        if source_app is None:
            continue
        graph.setdefault(source_app, set())
        for target, where, line in imports_of(path):
            target_app = app_of(target)
            if target_app is None or target_app == source_app:
                continue
            cross += 1
            graph[source_app].add(target_app)
            if where != "module":
                nested += 1
            if where == "ready":
                ready += 1
            elif where == "nested":
                nested_lines.append(f"  {path.relative_to(ROOT)}:{line} -> {target}")
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    print(f"cross-app imports: {cross}")
    print(f"nested cross-app imports (inside functions): {nested}")
    print(f"  of which in AppConfig.ready() (registrations): {ready}")
    if verbose:
        print("\n".join(nested_lines))
        for app in sorted(graph):
            print(f"  {app} -> {', '.join(sorted(graph[app])) or '-'}")
    print(f"cycles between apps: {len(cycles)}")
    for cycle in cycles:
        print(f"  {len(cycle)} apps: {' <-> '.join(cycle)}")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
