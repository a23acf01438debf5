"""No import circles among bot/ modules (#26): a lower layer never imports a higher one, not even
lazily inside a function or for a type hint only. Read from the source, nothing imported."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at root by its dotted name (a package by its own name)."""
    names = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imported(node: ast.Import | ast.ImportFrom, name: str, names: dict[str, Path]) -> list[str]:
    """The modules an import statement of module `name` names: `from bot.a import b` names
    the module bot.a.b when there is one, else bot.a (b is a name defined there)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = name.split(".") if names[name].name == "__init__.py" else name.split(".")[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([node.module] if node.module else []))
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in names else base for a in node.names]


def imports(root: Path) -> dict[str, dict[str, int]]:
    """For each module, the package's modules it imports anywhere (the top, a function, an
    `if TYPE_CHECKING:` block) and the line of the first such import."""
    names = module_names(root)
    graph: dict[str, dict[str, int]] = {}
    for name, path in names.items():
        edges: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _imported(node, name, names):
                if target in names and target != name:
                    edges.setdefault(target, node.lineno)
                # Importing bot.a.b runs bot/a/__init__.py first: a module also depends on
                # each package above what it imports, but those it is itself inside.
                parts = target.split(".")
                for end in range(1, len(parts)):
                    above = ".".join(parts[:end])
                    if above in names and not (name == above or name.startswith(above + ".")):
                        edges.setdefault(above, node.lineno)
        graph[name] = edges
    return graph


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while (w := stack.pop()) != v:
                group.append(w)
            group.append(v)
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def described(group: list[str], graph: dict[str, dict[str, int]]) -> str:
    """A circle as the imports that make it: module:line -> module."""
    inside = set(group)
    return "\n".join(
        f"  {a}:{line} -> {b}" for a in group for b, line in graph[a].items() if b in inside
    )


def test_no_module_of_bot_is_in_an_import_circle():
    graph = imports(BOT)
    found = circles(graph)
    assert not found, "import circles:\n" + "\n\n".join(described(g, graph) for g in found)


def test_no_package_of_bot_is_in_an_import_circle():
    """Packages as wholes too (bot/answer, bot/commands, …): a module that belongs low (the
    command table) lives outside a package that stands higher (the handlers)."""
    graph = imports(BOT)
    packages = {n for n, path in module_names(BOT).items() if path.name == "__init__.py"}

    def room(name: str) -> str:
        top = ".".join(name.split(".")[:2])  # bot.answer.selection → bot.answer
        return top if top in packages and top != "bot" else name

    rooms: dict[str, dict[str, int]] = {}
    where: dict[tuple[str, str], str] = {}  # the first import that ties two rooms
    for a, targets in graph.items():
        for b, line in targets.items():
            rooms.setdefault(room(b), {})
            if room(a) != room(b):
                rooms.setdefault(room(a), {}).setdefault(room(b), line)
                where.setdefault((room(a), room(b)), f"{a}:{line} -> {b}")
    found = circles(rooms)
    shown = ["\n".join(f"  {where[a, b]}" for a in g for b in rooms[a] if b in g) for g in found]
    assert not found, "package circles:\n" + "\n\n".join(shown)


def test_a_circle_is_found_however_it_is_imported(tmp_path):
    """The check itself: a lazy import, a type-only one and a package's face each close one."""
    files = {
        "pkg/__init__.py": "from pkg.low import x\n",
        "pkg/low.py": "def x():\n    from pkg.high import y\n",
        "pkg/high.py": "from pkg import low\n",
        "pkg/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
        "pkg/b.py": "from .a import A\n",
        "pkg/sub/__init__.py": "from pkg.sub.inner import z\n",
        "pkg/sub/inner.py": "from pkg.sub import w\n",
        "pkg/free.py": "import pkg.sub.inner\n",
        "pkg/sub/sibling.py": "from pkg.sub import inner\n",  # a sibling module, not the face
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    found = sorted(circles(imports(tmp_path / "pkg")))
    assert found == [["pkg.a", "pkg.b"], ["pkg.high", "pkg.low"], ["pkg.sub", "pkg.sub.inner"]]
