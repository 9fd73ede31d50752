"""Layering: the document, storage, catalogue and checking code never import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

QT_FREE = [
    "models",
    "store",
    "catalogue",
    "checker",
    "demo",
    "cli",
    "export",
    "exporters",
    "workflow",
    "trust",
]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", QT_FREE)
def test_package_imports_no_qt(package: str) -> None:
    folder = REPO / "app" / package
    assert folder.is_dir(), f"app/{package} is gone: update QT_FREE"
    offenders = {
        str(path.relative_to(REPO)): sorted(n for n in _imports(path) if n.startswith("PySide6"))
        for path in folder.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
