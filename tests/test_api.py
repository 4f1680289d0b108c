"""The public API (`tuogou.extract`, `tuogou.load`) and the `tuogou` command as installed."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pandas as pd
import pytest

import tuogou
from pipeline.run import RunSummary
from pipeline.schemas import TABLES
from tuogou.cli import main

NOTICE = ("某市民政局关于公布第一批行业协会商会脱钩名单的通知\n各有关单位：\n现将第一批完成脱钩的行业协会名单公布如下：\n"
          "1．某市茶叶行业协会（原市农业局）\n2．某市物流行业协会（原市交通局）\n3．某市餐饮行业协会（市商务局）\n"
          "各协会要在2020年10月底前完成脱钩任务。\n某市民政局\n2019年9月30日\n")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    return folder


def test_extract_returns_every_table_in_memory_and_leaves_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    tables = tuogou.extract(folder)
    assert list(tables) == list(TABLES)
    assert tables.associations["name"].tolist() == ["某市茶叶行业协会", "某市物流行业协会", "某市餐饮行业协会"]
    assert str(tables.documents["issue_date"].dtype) == "datetime64[ms]"
    assert isinstance(tables.associations["status"].dtype, pd.CategoricalDtype)
    assert tables.arrow["milestones"].num_rows == len(tables.milestones) >= 1
    assert tables.summary is not None and tables.summary.statuses == {"ok": 1}
    assert sorted(p.name for p in folder.iterdir()) == ["notice.txt"]


def test_extract_with_an_output_writes_the_tables_there(tmp_path: Path) -> None:
    tables = tuogou.extract(_folder(tmp_path) / "notice.txt", output=tmp_path / "out")
    assert (tmp_path / "out" / "documents.parquet").is_file()
    assert tables.documents["source_path"].tolist() == ["notice.txt"]


def test_load_reads_a_runs_tables_with_their_dtypes(corpus_run: tuple[Path, RunSummary]) -> None:
    tables = tuogou.load(corpus_run[0])
    for name in TABLES:
        assert tables[name].dtypes.to_dict() == pd.read_parquet(corpus_run[0] / f"{name}.parquet").dtypes.to_dict()
    assert "associations" in repr(tables)
    with pytest.raises(FileNotFoundError, match="not a tuogou output folder"):
        tuogou.load(corpus_run[0] / "nowhere")


def test_the_command_is_installed_and_names_its_version() -> None:
    [script] = [e for e in metadata.entry_points(group="console_scripts") if e.name == "tuogou"]
    assert script.value == "tuogou.cli:main"
    done = subprocess.run([sys.executable, "-m", "tuogou", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"tuogou {tuogou.__version__}"


def test_the_command_reads_a_single_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "other.txt").write_text("不相关的文字。\n", encoding="utf-8")
    assert main(["extract", "--input", str(folder / "notice.txt"), "--output", str(tmp_path / "out"), "-q"]) == 0
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert documents["source_path"].tolist() == ["notice.txt"]


def test_every_extract_writes_the_database_and_data_package_and_export_adds_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out"
    assert main(["extract", "--input", str(_folder(tmp_path)), "--output", str(output), "-q"]) == 0
    assert (output / "tuogou.duckdb").is_file() and (output / "datapackage.json").is_file()
    (output / "datapackage.json").unlink()
    assert main(["extract", "--input", str(tmp_path / "in"), "--output", str(output), "-q"]) == 0
    assert (output / "datapackage.json").is_file(), "an unchanged corpus still gets a missing export back"
    assert main(["export", "--xlsx", "--output", str(output)]) == 0
    assert capsys.readouterr().out.strip() == str(output / "tuogou.xlsx")
    assert main(["export", "--output", str(output)]) == 2
    assert main(["report", "--output", str(output), "--input", str(tmp_path / "in")]) == 0
    assert (output / "report.html").is_file()
