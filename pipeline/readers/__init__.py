"""One reader module per format; this table maps a sniffed format to its reader.

Readers are imported on first use so that a run over PDFs never pays for
loading python-docx or openpyxl, and each worker process loads only what it reads.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from pipeline.model import Document, ReadError

Reader = Callable[[Path], Document]

READER_MODULES: dict[str, str] = {
    "pdf": "pipeline.readers.pdf",
    "docx": "pipeline.readers.docx",
    "doc": "pipeline.readers.doc",
    "xlsx": "pipeline.readers.xlsx",
    "xls": "pipeline.readers.xls",
    "html": "pipeline.readers.html",
    "txt": "pipeline.readers.txt",
}


def reader_for(source_format: str) -> Reader:
    """The `read(path) -> Document` function of a format, or ReadError when unsupported."""
    module_name = READER_MODULES.get(source_format)
    if module_name is None:
        raise ReadError(f"unsupported format: {source_format}")
    return importlib.import_module(module_name).read
