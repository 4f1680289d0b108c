"""Read a legacy Word 97 .doc by converting it to .docx with LibreOffice, as no Python library reads it well.

Each conversion runs headless in a private temporary folder (mode 0700) with its
own LibreOffice profile, so parallel workers never share (and lock) one profile,
and the profile carries the settings that keep a hostile file from reaching out:

- macros never run (`MacroSecurityLevel` 3, `DisableMacrosExecution`);
- links to files are not followed (`BlockUntrustedRefererLinks` with no trusted
  location): an `INCLUDEPICTURE "file:///…"` is not opened;
- linked pictures on the web are not fetched: LibreOffice 7.4 ignores that block
  for http links in Word files, so every HTTP, HTTPS and FTP request goes to a
  proxy at a closed local port (`127.0.0.1:1`, no exceptions) and fails there.

LibreOffice runs under office_guard.py in its own process group; a timeout, or
the worker being killed, kills the group and deletes the folder with the copy.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from readers.model import Document, ReadError, ToolMissing
from readers import docx

CONVERT_TIMEOUT_SECONDS = 120.0
"""A first start with a fresh profile takes a few seconds; a file that takes minutes is stuck."""

_OFFICE_COMMANDS = ("soffice", "libreoffice")
_GUARD = Path(__file__).with_name("office_guard.py")
DEAD_PROXY = ("127.0.0.1", 1)
"""Where LibreOffice sends every web request: a port nothing listens on, so the request fails at once."""
SAFE_SETTINGS: dict[str, dict[str, str]] = {
    "/org.openoffice.Office.Common/Security/Scripting": {
        "MacroSecurityLevel": "3",
        "DisableMacrosExecution": "true",
        "BlockUntrustedRefererLinks": "true",
    },
    "/org.openoffice.Inet/Settings": {
        "ooInetProxyType": "1",
        "ooInetNoProxy": "",
        **{f"ooInet{scheme}ProxyName": DEAD_PROXY[0] for scheme in ("HTTP", "HTTPS", "FTP")},
        **{f"ooInet{scheme}ProxyPort": str(DEAD_PROXY[1]) for scheme in ("HTTP", "HTTPS", "FTP")},
    },
}
"""LibreOffice configuration (registrymodifications.xcu) of every conversion: no macros, no links followed."""


def read(path: Path, timeout: float = CONVERT_TIMEOUT_SECONDS) -> Document:
    """Convert to .docx in a private temporary folder and read that; `source_format` stays `doc`.

    Example: without LibreOffice installed this raises
    `ToolMissing("LibreOffice is needed to read legacy .doc files (soffice not found on PATH)")`.
    """
    office = next((found for name in _OFFICE_COMMANDS if (found := shutil.which(name))), None)
    if office is None:
        raise ToolMissing("LibreOffice is needed to read legacy .doc files (soffice not found on PATH)")
    workdir = Path(tempfile.mkdtemp(prefix="tuogou-doc-"))
    try:
        document = docx.read(_convert(office, path, workdir, timeout))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    document.source_format = "doc"
    return document


def registry_xml(settings: dict[str, dict[str, str]]) -> str:
    """The `registrymodifications.xcu` of a profile holding `settings`, each one `fuse`d over the default."""
    items = "".join(
        f'<item oor:path="{group}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
        for group, props in settings.items()
        for name, value in props.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )


def _convert(office: str, path: Path, workdir: Path, timeout: float) -> Path:
    """Run `soffice --convert-to docx` on a copy named `source.doc` and return `source.docx`.

    The copy keeps odd file names (leading `-`, spaces) away from the command line.
    """
    source = workdir / "source.doc"
    shutil.copyfile(path, source)
    profile = workdir / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(registry_xml(SAFE_SETTINGS), encoding="utf-8")
    outdir = workdir / "out"
    command = [
        office,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx",
        "--outdir",
        str(outdir),
        str(source),
    ]
    log = workdir / "office.log"
    with log.open("wb") as output, subprocess.Popen(
        [sys.executable, str(_GUARD), str(workdir), *command], stdin=subprocess.PIPE, stdout=output, stderr=output
    ) as guard:
        try:
            guard.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice did not convert the .doc file within {timeout:g} s") from None
        # leaving the block closes the guard's pipe: on a timeout it kills LibreOffice and waits
    converted = outdir / "source.docx"
    if not converted.is_file():
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit status {guard.returncode}"
        raise ReadError(f"LibreOffice could not convert the .doc file: {detail}")
    return converted
