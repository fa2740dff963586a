"""The layers import one way: ui -> services -> data; reports never see Qt or the ORM."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "portage_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in forbidden or name.startswith(forbidden):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return bad


def test_lower_layers_never_import_qt():
    for folder in ("data", "services", "reports"):
        assert _violations(folder, ("PySide6",)) == []


ORM = ("sqlalchemy", "sqlmodel", "alembic", "psycopg")


def test_ui_never_imports_the_orm():
    assert _violations("ui", ORM) == []


def test_only_the_data_layer_imports_the_orm():
    assert _violations("services", ORM) == []
    assert _violations("reports", ORM) == []


def test_lower_layers_never_import_upper_ones():
    assert (
        _violations(
            "data", ("portage_desktop.services", "portage_desktop.ui", "portage_desktop.reports")
        )
        == []
    )
    assert _violations("services", ("portage_desktop.ui", "portage_desktop.reports")) == []
    assert _violations("reports", ("portage_desktop.ui", "portage_desktop.data")) == []


def test_the_checker_sees_a_violation(tmp_path):
    """Guard against a checker that can never fail."""
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import Qt\nimport sqlmodel\n")
    assert {"PySide6.QtCore", "sqlmodel"} <= _imports(sample)
