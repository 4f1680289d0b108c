"""The .doc reader converts with LibreOffice in a private profile and reads the result as DOCX."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from lxml import etree

from readers.model import BlockKind, Document, ReadError, document_text
from readers import doc

TESTS = Path(__file__).parent
RAW = TESTS.parent / "data" / "raw"
HEDONG = RAW / "hedong-fgw-2019.doc"
OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice) is not installed")


def _fake_office(monkeypatch: pytest.MonkeyPatch, folder: Path, script: str) -> Path:
    """Put a shell script where `shutil.which("soffice")` finds it; it logs its arguments to `args.txt`."""
    program = folder / "soffice"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{folder}/args.txt"\n{script}\n', encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(shutil, "which", lambda name: str(program) if name == "soffice" else None)
    return program


def test_missing_office_is_a_read_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as caught:
        doc.read(HEDONG)
    assert str(caught.value) == "LibreOffice is needed to read legacy .doc files (soffice not found on PATH)"


def test_libreoffice_command_name_is_accepted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    program = _fake_office(monkeypatch, tmp_path, "exit 1")
    monkeypatch.setattr(shutil, "which", lambda name: str(program) if name == "libreoffice" else None)
    with pytest.raises(ReadError, match="could not convert"):
        doc.read(HEDONG)


def test_conversion_runs_in_a_private_profile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    converted = tmp_path / "converted.docx"
    word = docx.Document()
    word.add_paragraph("转换后的正文")
    word.save(str(converted))
    copy_out = 'while [ "$#" -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\n'
    copy_out += f'mkdir -p "$out" && cp "{converted}" "$out/source.docx"'
    _fake_office(monkeypatch, tmp_path, copy_out)

    document = doc.read(HEDONG)

    assert document.source_format == "doc"
    assert [(b.kind, b.text) for b in document.blocks] == [(BlockKind.PARAGRAPH, "转换后的正文")]
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file:///"))
    assert {"--headless", "--convert-to", "docx"} <= set(args)
    assert args[-1].endswith("/source.doc")
    assert not Path(args[-1]).parent.exists(), "the temporary directory is removed"
    assert profile.removeprefix("-env:UserInstallation=file://").startswith(str(Path(args[-1]).parent))


FAILURE_CASES = {
    "no-output": (
        'echo "Error: source file could not be loaded" >&2',
        10.0,
        "could not convert the .doc file: Error: source file could not be loaded",
    ),
    "timeout": ("exec sleep 30", 0.5, "did not convert the .doc file within 0.5 s"),
}


@pytest.mark.parametrize("script, timeout, message", FAILURE_CASES.values(), ids=FAILURE_CASES.keys())
def test_conversion_failures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str, timeout: float, message: str
) -> None:
    _fake_office(monkeypatch, tmp_path, script)
    with pytest.raises(ReadError, match=message):
        doc.read(HEDONG, timeout=timeout)


@pytest.fixture(scope="module")
def hedong() -> Document:
    if OFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return doc.read(HEDONG)


HEDONG_PARAGRAPH_CASES = {
    "issuer": "天津市河东区发展和改革委员会",
    "title-second-line": "行政机关脱钩改革的实施意见",
    "addressee": "区各有关部门：",
    "section": "一、总体要求",
    "publication": "（此件主动公开）",
}


@needs_office
@pytest.mark.parametrize("text", HEDONG_PARAGRAPH_CASES.values(), ids=HEDONG_PARAGRAPH_CASES.keys())
def test_hedong_paragraphs(hedong: Document, text: str) -> None:
    assert text in [b.text for b in hedong.blocks]


HEDONG_ORDER_CASES = {
    "title-before-addressee": ("河东区关于全面推开行业协会商会与", "区各有关部门："),
    "spaced-dates-kept": ("1. 2020 年 2 月前。", "区行业协会商会要分别完成 50%脱钩任务。"),
}


@needs_office
@pytest.mark.parametrize("first, second", HEDONG_ORDER_CASES.values(), ids=HEDONG_ORDER_CASES.keys())
def test_hedong_text_in_order(hedong: Document, first: str, second: str) -> None:
    text = document_text(hedong)
    assert -1 < text.index(first) < text.index(second)


@needs_office
def test_hedong_read_as_doc(hedong: Document) -> None:
    assert hedong.source_format == "doc"
    assert not hedong.tables()
    assert "— 1 —" not in document_text(hedong)


@needs_office
def test_unconvertible_doc_is_a_read_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.doc"
    broken.write_bytes(HEDONG.read_bytes()[:2048])
    with pytest.raises(ReadError, match="LibreOffice could not convert the .doc file"):
        doc.read(broken)


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie waiting for a reaper counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith(("Z", "X"))
    except FileNotFoundError:
        return True


def _wait_gone(pid: int, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _gone(pid)


def test_timeout_leaves_no_office_process_and_no_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_office(monkeypatch, tmp_path, f'echo $$ > "{tmp_path}/office.pid"\nexec sleep 30')
    with pytest.raises(ReadError, match="within"):
        doc.read(HEDONG, timeout=2.0)
    source = Path((tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()[-1])
    assert _wait_gone(int((tmp_path / "office.pid").read_text()))
    assert not source.parent.exists()


def test_guard_cleans_up_when_the_reader_dies(tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    workdir.mkdir()
    (workdir / "source.doc").write_bytes(b"copy of a document")
    script = f'echo $$ > "{tmp_path}/office.pid"; exec sleep 30'
    guard = subprocess.Popen([sys.executable, str(doc._GUARD), str(workdir), "sh", "-c", script], stdin=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while not (tmp_path / "office.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    guard.stdin.close()  # what the kernel does when the reader's process is killed
    guard.wait(timeout=10)
    assert _wait_gone(int((tmp_path / "office.pid").read_text()))
    assert not workdir.exists()


def test_profile_disables_macros_and_links() -> None:
    xml = doc.registry_xml(doc.SAFE_SETTINGS)
    for setting in ("MacroSecurityLevel", "DisableMacrosExecution", "BlockUntrustedRefererLinks", "ooInetHTTPProxyName"):
        assert f'oor:name="{setting}"' in xml
    assert etree.fromstring(xml.encode()).tag.endswith("items")
