"""One reader module per format; this table maps a sniffed format to its reader.

Readers are imported on first use so that a run over PDFs never pays for
loading python-docx or openpyxl, and each worker process loads only what it reads.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from readers.model import Document, ReadError

Reader = Callable[[Path], Document]

READER_MODULES: dict[str, str] = {
    "pdf": "readers.pdf",
    "docx": "readers.docx",
    "doc": "readers.doc",
    "xlsx": "readers.xlsx",
    "xls": "readers.xls",
    "html": "readers.html",
    "txt": "readers.txt",
}


def reader_for(source_format: str) -> Reader:
    """The `read(path) -> Document` function of a format, or ReadError when unsupported."""
    module_name = READER_MODULES.get(source_format)
    if module_name is None:
        raise ReadError(f"unsupported format: {source_format}")
    return importlib.import_module(module_name).read
