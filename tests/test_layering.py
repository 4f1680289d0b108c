"""Imports run one way: tuogou (command, API) → pipeline (run loop) → extractors → normalizers, readers at the bottom."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FORMAT_LIBRARIES = {
    "pdfplumber", "pdfminer", "pypdfium2", "docx", "openpyxl", "lxml", "readability", "python_calamine", "olefile",
}
PACKAGES = ("tuogou", "pipeline", "extractors", "normalizers", "readers")
PACKAGE_FILES = sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))
NOT_IMPORTED_BY = {
    "pipeline": {"tuogou"},
    "extractors": {"tuogou", "pipeline"},
    "normalizers": {"tuogou", "pipeline", "extractors", "readers"},  # vocabulary and strings only
    "readers": {"tuogou", "pipeline", "extractors", "normalizers"},  # bytes to the document model
}
"""Each package and the packages above it, which it must never import."""


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_format_libraries_only_in_readers(path: Path) -> None:
    if path.relative_to(ROOT).parts[0] == "readers":
        return
    assert not (_imported_roots(path) & FORMAT_LIBRARIES)


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_lower_layers_do_not_import_upper_ones(path: Path) -> None:
    package = path.relative_to(ROOT).parts[0]
    assert not _imported_roots(path) & NOT_IMPORTED_BY.get(package, set())
