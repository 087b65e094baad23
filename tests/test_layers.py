"""The package's layers as a contract: faces (cli, plugin) over build over render over link over
extract and read over model (pyproject.toml, [tool.importlinter]); no import cycle; no private
name imported from another module."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) of every import in a file, lazy ones too."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            out.append((base, [a.name for a in node.names], node.lineno))
    return out


def graph() -> dict[str, set[str]]:
    """generator module -> the generator modules it imports ("from generator import x" counts x)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in modules.items():
        for target, names, _ in imports(path):
            if target in modules:
                edges[mod].add(target)
            edges[mod] |= {f"{target}.{n}" for n in names if f"{target}.{n}" in modules}
        edges[mod].discard(mod)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (Tarjan), as a sorted list. A package's
    __init__ importing its own submodules is no cycle of design: parent-to-child edges are left out."""
    def kept(a: str, b: str) -> bool:
        return not b.startswith(a + ".")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if not kept(v, w):
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_module_of_the_package_imports_itself_round_a_cycle():
    assert cycles(graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"p": {"p.x"}, "p.x": {"q"}, "q": set()}) == []


# generator/extract shares its helpers (tree._inside, mentions._clean_name, ...) under private names
# among its own modules; renaming them is left to the extractor's own work (not across layers).
SHARED_INSIDE = ("generator.extract.",)


def test_no_private_name_is_imported_from_another_module():
    private = [f"{path.relative_to(ROOT)}:{line}: {target}.{n}"
               for path in sorted(PACKAGE.rglob("*.py")) for target, names, line in imports(path)
               for n in names if n.startswith("_") and not n.startswith("__") and target.startswith("generator")
               and not (module_name(path).startswith(SHARED_INSIDE) and target.startswith(SHARED_INSIDE))]
    assert private == []


def test_render_imports_nothing_from_extract():
    render = [p for p in PACKAGE.rglob("*.py") if module_name(p).startswith("generator.render")]
    bad = [(module_name(p), t) for p in render for t, _, _ in imports(p) if t.startswith("generator.extract")]
    assert bad == []


def test_the_layers_contract_holds():
    """lint-imports (import-linter, a test dependency) checks the contracts of pyproject.toml."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("lint-imports is not installed: pip install -e '.[test]'")
        pytest.skip("lint-imports (import-linter) is not installed: pip install -e '.[test]'")
    proc = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout
