"""One run over the embedded corpus and the malformed files: every file has its row."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import BAD, CORPUS_DOCUMENTS, GOLD, RAW

from pipeline.run import RunSummary, run
from pipeline.schemas import TABLES

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def test_one_row_per_file(documents: pd.DataFrame) -> None:
    expected = {f"raw/{p.name}" for p in RAW.iterdir()} | {f"bad/{p.name}" for p in BAD.iterdir()}
    assert set(documents.index) == expected
    assert documents["doc_id"].is_unique


@pytest.mark.parametrize("name", TABLES.keys())
def test_every_table_is_written_with_its_schema(corpus_run: tuple[Path, RunSummary], name: str) -> None:
    output, _ = corpus_run
    assert pq.read_schema(output / f"{name}.parquet").remove_metadata() == TABLES[name].remove_metadata()


def _gold_status(path: str) -> str:
    return json.loads((GOLD / f"{Path(path).name}.json").read_text(encoding="utf-8"))["document"]["status"]


READABLE = sorted(f"raw/{p.name}" for p in RAW.iterdir() if p.suffix != ".doc" and "scan" not in p.name)


@pytest.mark.parametrize("path", READABLE)
def test_status_of_readable_file_matches_gold(documents: pd.DataFrame, path: str) -> None:
    assert documents.loc[path, "status"] == _gold_status(path), documents.loc[path, "warnings"]


def test_image_only_scan_is_read_by_ocr(documents: pd.DataFrame) -> None:
    scan = documents.loc["raw/luoyang-2017-scan.pdf"]
    assert (scan["status"], scan["ocr"], list(scan["warnings"]), scan["pages"]) == ("ok", True, [], 12)


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
def test_legacy_doc_with_libreoffice_reads_like_the_pdf(documents: pd.DataFrame) -> None:
    doc = documents.loc["raw/hedong-fgw-2019.doc"]
    assert doc["source_format"] == "doc"
    assert "全面实现我区行业协会商会与行政机关脱钩" in doc["text"]


BAD_CASES = {
    "empty.pdf": "empty",
    "truncated.pdf": "corrupt",
    "encrypted.pdf": "encrypted",
    "fake.docx": "not a zip",
    "corrupt.docx": "corrupt",
    "binary.txt": "binary",
}


@pytest.mark.parametrize(("name", "word"), BAD_CASES.items(), ids=BAD_CASES.keys())
def test_bad_file_fails_with_its_cause(documents: pd.DataFrame, name: str, word: str) -> None:
    row = documents.loc[f"bad/{name}"]
    assert row["status"] == "failed"
    assert word in row["error"].lower()
    assert "\n" not in row["error"]


TEXT_CASES = {
    "pdf-body": ("raw/ningxia-gxt-2019.pdf", "力争在2020年10月底前完成脱钩任务"),
    "pdf-roster-last-row": ("raw/ningxia-gxt-2019.pdf", "52\t宁夏大型物件起重运输协会\t原自治区经信委\t实际脱钩"),
    "pdf-roster-row-after-page-break": ("raw/ningxia-gxt-2019.pdf", "18\t宁夏医药行业协会\t原自治区经信委"),
    "pdf-plain": ("raw/hedong-fgw-2019.pdf", "全面实现我区行业协会商会与行政机关脱钩"),
    "html-body": ("raw/ningxia-gxt-2019.html", "力争在2020年10月底前完成脱钩任务"),
    "html-roster-last-row": ("raw/ningxia-gxt-2019.html", "宁夏大型物件起重运输协会"),
    "docx-body": ("raw/kaifeng-fgw-2020.docx", "已经市政府同意，现印发给你们"),
    "docx-roster-last-row": ("raw/kaifeng-fgw-2020.docx", "开封市青年企业家协会\t中国共产主义青年团开封市委员会"),
    "xlsx-roster-last-row": ("raw/kaifeng-fgw-2020-roster.xlsx", "开封市青年企业家协会\t中国共产主义青年团开封市委员会"),
    "xlsx-second-sheet": ("raw/kaifeng-fgw-2020-roster.xlsx", "共150家"),
    "docx-other": ("raw/luozhuang-2018.docx", "已经区委、区政府同意，现印发给你们，请认真抓好贯彻落实。"),
    "txt-gbk": ("raw/luozhuang-2018.txt", "已经区委、区政府同意，现印发给你们，请认真抓好贯彻落实。"),
}


@pytest.mark.parametrize(("path", "passage"), TEXT_CASES.values(), ids=TEXT_CASES.keys())
def test_text_reads_in_chinese_and_in_order(documents: pd.DataFrame, path: str, passage: str) -> None:
    assert passage in documents.loc[path, "text"]


@pytest.mark.parametrize("path", ["raw/ningxia-gxt-2019.pdf", "raw/hedong-fgw-2019.pdf"])
def test_pdf_text_has_no_page_footers(documents: pd.DataFrame, path: str) -> None:
    footer = re.compile(r"^\s*[—－-]+\s*\d+\s*[—－-]+\s*$")
    assert not [line for line in documents.loc[path, "text"].splitlines() if footer.match(line)]


def test_same_result_with_one_worker(
    corpus_run: tuple[Path, RunSummary], single_worker_run: tuple[Path, RunSummary]
) -> None:
    (output, summary), (single_output, single) = corpus_run, single_worker_run
    assert single == summary
    for name in TABLES:
        assert pq.read_table(single_output / f"{name}.parquet").equals(pq.read_table(output / f"{name}.parquet"))
