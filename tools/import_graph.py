"""Print pressdesk's import graph (module -> the pressdesk modules it imports) and every cycle in it.

Run from the repository root with any Python 3.11: `python tools/import_graph.py` (modules), `--packages`
(collapsed to pressdesk.tui, pressdesk.cli, pressdesk.services, ...). Every import counts, also those inside
functions and under TYPE_CHECKING, as import-linter counts them. Reads the source only; imports nothing.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "pressdesk"


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for its __init__)."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules one module imports (`from a import b` names a.b when b is a module, else a)."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import pressdesk.x.y` where y is a name: the module x
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith(PACKAGE + "."):
                out.add(target)
    return out


def collapse(name: str) -> str:
    """The area a module belongs to: pressdesk.tui, pressdesk.services, ... (a top-level module stays as is)."""
    parts = name.split(".")
    return ".".join(parts[:2])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def main() -> int:
    """Print the graph, then the cycles; exit 1 when there is a cycle."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", action="store_true", help="collapse modules to their top-level area")
    args = parser.parse_args()
    modules = module_names(ROOT)
    known = set(modules)
    graph = {name: imports_of(name, path, known) for name, path in modules.items()}
    if args.packages:
        areas: dict[str, set[str]] = {}
        for name, targets in graph.items():
            area = collapse(name)
            areas.setdefault(area, set()).update(t for t in map(collapse, targets) if t != area)
        graph = areas
    for name in sorted(graph):
        print(f"{name} -> {', '.join(sorted(graph[name])) or '(nothing)'}")
    found = cycles(graph)
    print(f"\n{len(found)} cycle(s)" + (":" if found else "."))
    for component in found:
        print("  " + " <-> ".join(component))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
