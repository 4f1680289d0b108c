"""List the streams of an OLE2 compound file (Word 97, Excel 97), because their names, not the bytes around them, say what it is.

olefile reads the directory; a file cut short or damaged often has none left
(the directory is usually stored last), which gives an empty set, not an error:
the caller then falls back on what else it knows (the extension).
"""

from __future__ import annotations

from pathlib import Path

import olefile

_UNREADABLE_DIRECTORY = (OSError, ValueError)
"""What olefile raises on a directory cut off or damaged (its OleFileError is an OSError)."""


def root_streams(path: Path) -> set[str]:
    """The lower-cased names at the root of the OLE2 directory: `{'worddocument', '1table', …}`; none when unreadable."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            return {entry[0].lower() for entry in ole.listdir(streams=True, storages=True) if len(entry) == 1}
    except _UNREADABLE_DIRECTORY:
        return set()
