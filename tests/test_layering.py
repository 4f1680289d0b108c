"""Imports run one way: format libraries only in readers, extractors never see a format."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FORMAT_LIBRARIES = {
    "pdfplumber", "pdfminer", "pypdfium2", "docx", "openpyxl", "lxml", "readability", "python_calamine", "olefile",
}
PACKAGE_FILES = sorted(p for pkg in ("pipeline", "extractors", "normalizers") for p in (ROOT / pkg).rglob("*.py"))


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
    if "readers" in path.relative_to(ROOT).parts:
        return
    assert not (_imported_roots(path) & FORMAT_LIBRARIES)


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_lower_layers_do_not_import_upper_ones(path: Path) -> None:
    package = path.relative_to(ROOT).parts[0]
    roots = _imported_roots(path)
    if package == "normalizers":  # vocabulary and strings only: no documents, no extractors
        assert not roots & {"extractors", "pipeline"}
    if "readers" in path.relative_to(ROOT).parts:
        assert not roots & {"extractors", "normalizers"}
        source = path.read_text(encoding="utf-8")
        assert not any(f"pipeline.{m}" in source for m in ("run", "process", "cli", "writer"))
