"""The command line follows ordinary conventions: --help, exit codes, quiet and verbose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dask
import pytest

from tuogou.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main


def _small_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "notice.txt").write_bytes("关于印发方案的通知\r\n　　各区县：\r\n".encode("gbk"))
    (folder / "empty.pdf").write_bytes(b"")
    return folder


def test_help_exits_zero() -> None:
    done = subprocess.run([sys.executable, "-m", "tuogou", "extract", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    assert "--workers" in done.stdout and "--input" in done.stdout


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--input", str(tmp_path / "nowhere"), "--output", str(tmp_path)]) == EXIT_USAGE
    assert "input not found" in capsys.readouterr().err


def test_summary_line_counts_statuses_and_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _small_corpus(tmp_path / "in")
    assert main(["extract", "--input", str(corpus), "--output", str(tmp_path / "out"), "--workers", "1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "2 documents: 1 ok, 0 partial, 1 failed; rows: associations 0" in out


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _small_corpus(tmp_path / "in")
    assert main(["extract", "-q", "--input", str(corpus), "--output", str(tmp_path / "out")]) == EXIT_OK
    assert capsys.readouterr().out == ""


def test_verbose_names_each_document(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = _small_corpus(tmp_path / "in")
    with caplog.at_level("INFO", logger="tuogou"):
        main(["extract", "-v", "--input", str(corpus), "--output", str(tmp_path / "out"), "--workers", "1"])
    assert "empty.pdf" in caplog.text and "empty file" in caplog.text


def test_unwritable_output_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _small_corpus(tmp_path / "in")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert main(["extract", "-q", "--input", str(corpus), "--output", str(blocked / "out"), "--workers", "1"]) == EXIT_ERROR
    assert "error:" in capsys.readouterr().err


def test_a_scheduler_needs_the_dask_executor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["extract", "--input", str(tmp_path), "--output", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1"]
    assert main(arguments) == EXIT_USAGE
    assert "--scheduler needs --executor dask" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["extract", "-q", "--input", str(tmp_path), "--output", str(tmp_path / "out"), "--executor", "dask"]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert main([*arguments, "--scheduler", "tcp://127.0.0.1:1"]) == EXIT_ERROR
    assert "error: " in capsys.readouterr().err
