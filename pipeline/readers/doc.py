"""Read a legacy Word 97 .doc by converting it to .docx with LibreOffice, as no Python library reads it well.

Each conversion runs headless in its own temporary directory with its own
LibreOffice profile, so parallel workers never share (and lock) one profile.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.model import Document, ReadError, ToolMissing
from pipeline.readers import docx

CONVERT_TIMEOUT_SECONDS = 120.0
"""A first start with a fresh profile takes a few seconds; a file that takes minutes is stuck."""

_OFFICE_COMMANDS = ("soffice", "libreoffice")


def read(path: Path, timeout: float = CONVERT_TIMEOUT_SECONDS) -> Document:
    """Convert to .docx in a temporary directory and read that; `source_format` stays `doc`.

    Example: without LibreOffice installed this raises
    `ToolMissing("LibreOffice is needed to read legacy .doc files (soffice not found on PATH)")`.
    """
    office = next((found for name in _OFFICE_COMMANDS if (found := shutil.which(name))), None)
    if office is None:
        raise ToolMissing("LibreOffice is needed to read legacy .doc files (soffice not found on PATH)")
    with tempfile.TemporaryDirectory(prefix="tuogou-doc-") as workdir:
        document = docx.read(_convert(office, path, Path(workdir), timeout))
    document.source_format = "doc"
    return document


def _convert(office: str, path: Path, workdir: Path, timeout: float) -> Path:
    """Run `soffice --convert-to docx` on a copy named `source.doc` and return `source.docx`.

    The copy keeps odd file names (leading `-`, spaces) away from the command line.
    """
    source = workdir / "source.doc"
    shutil.copyfile(path, source)
    outdir = workdir / "out"
    command = [
        office,
        f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx",
        "--outdir",
        str(outdir),
        str(source),
    ]
    # a new session, so a stuck conversion can be killed with the soffice.bin it started
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as process:
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ReadError(f"LibreOffice did not convert the .doc file within {timeout:g} s") from None
    converted = outdir / "source.docx"
    if not converted.is_file():
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit status {process.returncode}"
        raise ReadError(f"LibreOffice could not convert the .doc file: {detail}")
    return converted
