"""The house rules, read from the code's own imports: ui -> services -> data, reports never see
Qt or the ORM, Qt lives only in ui/ and the start-up module, and no two modules import each
other round in a circle (imports under ``if TYPE_CHECKING:`` never run, so they do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "portage_desktop"
ORM = ("sqlalchemy", "sqlmodel", "alembic", "psycopg")
ROOT_MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, module: str = "", runtime_only: bool = False) -> set[str]:
    """Every module ``path`` imports, absolute names (relative ones resolved from ``module``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and _is_type_checking(node):
                skipped.update(id(n) for sub in node.body for n in ast.walk(sub))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")
                if path.name != "__init__.py":
                    parts = parts[:-1]
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _modules(package: Path) -> dict[str, Path]:
    found = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports when it runs."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for imported in _imports(path, name, runtime_only=True):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                graph[name].add(imported)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import one another, directly or round a loop (Tarjan).

    A package importing its own submodules (to register them) is not counted: that is the
    one-way street of a package's ``__init__``, unless a submodule imports the package back."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in forbidden or name.startswith(forbidden):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return bad


def _root_violations(forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    bad = []
    for stem in ROOT_MODULES:
        if stem in allowed:
            continue
        path = PACKAGE / f"{stem}.py"
        for name in _imports(path, f"portage_desktop.{stem}", runtime_only=True):
            if name.split(".")[0] in forbidden or name.startswith(forbidden):
                bad.append(f"{stem}.py imports {name}")
    return bad


def test_no_import_circles_anywhere_in_the_package():
    assert circles(import_graph(PACKAGE)) == []


def test_qt_only_in_ui_and_the_start_up_module():
    for folder in ("data", "services", "reports", "printing", "demo"):
        assert _violations(folder, ("PySide6",)) == []
    assert _root_violations(("PySide6",), allowed=("app",)) == []


def test_ui_never_imports_the_orm():
    assert _violations("ui", ORM) == []


def test_only_the_data_layer_and_the_demo_builders_import_the_orm():
    for folder in ("services", "reports", "printing"):
        assert _violations(folder, ORM) == []
    assert _root_violations(ORM) == []


def test_lower_layers_never_import_upper_ones():
    upper = ("portage_desktop.services", "portage_desktop.ui", "portage_desktop.reports")
    assert _violations("data", (*upper, "portage_desktop.printing", "portage_desktop.demo")) == []
    assert (
        _violations(
            "services",
            ("portage_desktop.ui", "portage_desktop.reports", "portage_desktop.printing"),
        )
        == []
    )
    assert _violations("reports", ("portage_desktop.ui", "portage_desktop.data")) == []
    assert _violations("printing", ("portage_desktop.ui",)) == []
    assert _violations("demo", ("portage_desktop.ui", "portage_desktop.printing", "reports")) == []


def test_the_ui_folder_is_grouped_by_area():
    loose = sorted(p.name for p in (PACKAGE / "ui").glob("*.py"))
    assert len(loose) <= 12, loose
    names = sorted({p.stem for p in (PACKAGE / "ui").rglob("*.py")} - {"__init__"})
    near = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if _one_letter_apart(a, b)]
    assert near == [], "file names that differ by one letter are easily confused"


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether one letter changed, added or removed turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def test_the_checkers_see_a_violation_and_a_circle(tmp_path):
    """Guard against checkers that can never fail."""
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import Qt\nimport sqlmodel\n")
    assert {"PySide6.QtCore", "sqlmodel"} <= _imports(sample)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("from pkg.a import thing\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    )
    (package / "d.py").write_text("from . import c\n")
    graph = import_graph(package)
    assert circles(graph) == [["pkg.a", "pkg.b"]]
    assert graph["pkg.c"] == set() and graph["pkg.d"] == {"pkg", "pkg.c"}
    assert _one_letter_apart("people_dialog", "people_dialogs")
    assert not _one_letter_apart("plans_tab", "plan_chart")
