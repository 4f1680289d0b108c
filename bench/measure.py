"""Run the benchmark: the pipeline cold on one and two workers, warm, and its reference points.

Figures are ratios where they can be: the pipeline's PDF pages/s against
pypdfium2's raw text extraction of the same PDFs in the same run, two workers
against one, a warm run against a cold one.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import pyarrow as pa
import pypdfium2 as pdfium

from pipeline.columns import to_arrow
from pipeline.evaluation.scoring import evaluate
from pipeline.link import link, with_name_keys
from pipeline.run import RunSummary, run
from readers.pdf import read as read_pdf

MIB = 1 << 20
SYNTHETIC_ROSTER_ROWS = 100_000
LINK_STEP_ROWS = 1_000_000
RUN_TIMEOUT = 600.0
GOLD_CORPORA = (Path("tests/corpus"), Path("tests/generalisation"))
"""Corpora with `documents/` and `gold/`; their documents whose gold says `ocr: true` are the scanned gold."""


@dataclass(frozen=True)
class Timed:
    """A pipeline run, its wall-clock seconds and the peak resident memory of its main process (MiB)."""

    summary: RunSummary
    seconds: float
    parent_peak_memory_mib: float = 0.0


def timed_run(
    corpus: Path, output: Path, workers: int, fresh: bool, executor: str = "local", own_process: bool = False
) -> Timed:
    """One pipeline run on `executor` (local pool or Dask `LocalCluster`); `fresh` starts from an empty output folder (no cache).

    `own_process` runs it in a fresh interpreter, as a user's command starts: it pays for starting its
    workers (the fork server that loads the readers, 1-2 s of CPU). In this process, a local run after
    another finds that server already started, an advantage a Dask cluster's new workers never have.
    """
    if own_process:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as process:
            return process.submit(timed_run, corpus, output, workers, fresh, executor).result()
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
    _reset_peak_memory()
    started = time.perf_counter()
    summary = run(corpus, output, workers=workers, timeout=RUN_TIMEOUT, executor=executor)
    return Timed(summary, time.perf_counter() - started, peak_memory_mib())


def _reset_peak_memory() -> None:
    """Start this process's peak resident memory afresh (Linux: `5` into clear_refs), so a run's peak is its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_memory_mib() -> float:
    """This process's peak resident memory since the last reset (VmHWM), else since it started.

    Not `ru_maxrss`, which Linux keeps across fork and exec: a process the bench starts would report the bench's own peak."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) / 1024


def pdfium_text_rate(pdfs: list[Path]) -> tuple[int, float]:
    """Pages and seconds for pypdfium2 to open each PDF and extract every page's raw text."""
    pages, started = 0, time.perf_counter()
    for path in pdfs:
        document = pdfium.PdfDocument(path)
        for page in document:
            text_page = page.get_textpage()
            text_page.get_text_range()
            text_page.close()
            page.close()
            pages += 1
        document.close()
    return pages, time.perf_counter() - started


def read_stage_rate(pdfs: list[Path]) -> tuple[int, float, float]:
    """Pages, then seconds of the PDF reading stage alone (`readers.pdf.read`) and of `pdfium_text_rate`, over
    the same PDFs taken in turn file by file in one process, so that both see the same load."""
    pages, read_seconds, raw_seconds = 0, 0.0, 0.0
    for path in pdfs:
        count, seconds = pdfium_text_rate([path])
        pages += count
        raw_seconds += seconds
        started = time.perf_counter()
        read_pdf(path)
        read_seconds += time.perf_counter() - started
    return pages, read_seconds, raw_seconds


def pipeline_rate(files: list[Path], scratch: Path, workers: int = 1) -> Timed:
    """The pipeline, cold, over these files alone (PDFs, or scans for OCR): its pages, seconds and stage times."""
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "in").mkdir(parents=True)
    for path in files:
        (scratch / "in" / path.name).symlink_to(path.resolve())
    return timed_run(scratch / "in", scratch / "out", workers=workers, fresh=True)


def ocr_gold_figures(scratch: Path, corpora: tuple[Path, ...] = GOLD_CORPORA) -> dict[str, float | None]:
    """The pipeline (one worker) over the scanned documents of the gold corpora, scored against their gold.

    `ocr_accuracy` is the share of the gold's rows (roster lines, milestones,
    citations) the run reproduced, `ocr_document_field_accuracy` the share of
    document fields right: both 1.0 while OCR settings change nothing that matters.
    """
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "gold").mkdir(parents=True)
    for corpus in corpora:
        for gold_path in sorted((corpus / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if gold["document"].get("ocr") is not True:
                continue
            target = scratch / "in" / gold["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to((corpus / "documents" / gold["file"]).resolve())
            (scratch / "gold" / gold_path.name).write_text(gold_path.read_text(encoding="utf-8"), encoding="utf-8")
    if not any((scratch / "gold").iterdir()):
        return {"ocr_accuracy": None, "ocr_document_field_accuracy": None}
    timed_run(scratch / "in", scratch / "out", workers=1, fresh=True)
    report = evaluate(scratch / "gold", scratch / "out")
    rows = report.roster + report.milestones + report.citations
    return {"ocr_accuracy": rows.recall, "ocr_document_field_accuracy": report.document_fields.share}


def synthetic_roster(rows: int, seed: int = 7) -> list[dict[str, Any]]:
    """Roster rows over 30 cities with names that repeat across documents, as a national corpus would."""
    rng = random.Random(seed)
    cities = [(f"省{p}", f"省{p}市{c}") for p in range(6) for c in range(5)]
    trades = ["能源", "钢铁", "物流", "茶叶", "食品", "建筑", "旅游", "陶瓷", "电力", "医药"]
    suffixes = ["协会", "行业协会", "商会", "促进会", "研究会"]
    units = ["发展和改革委员会", "工业和信息化局", "原经信委", "民政局", "商务局", "直接登记"]
    doc_ids = [f"{document:016x}" for document in range(rows // 150 + 1)]  # one string per document, as in a run
    result = []
    for index in range(rows):
        province, city = rng.choice(cities)
        name = f"{city}{rng.choice(trades)}{rng.randint(1, 400)}{rng.choice(suffixes)}"
        result.append(
            {
                "doc_id": doc_ids[index // 150],
                "row": index % 150,
                "name": name,
                "name_raw": name,
                "kind": "industry_association",
                "supervisor_raw": f"{city}{rng.choice(units)}",
                "province": province,
                "city": city,
                "county": None,
                "adcode": None,
            }
        )
    return result


def synthetic_document(first_row: dict[str, Any], index: int) -> dict[str, Any]:
    """A city's roster document (no text, so identity has only numbers and titles to compare)."""
    return {
        "doc_id": first_row["doc_id"],
        "source_path": f"{first_row['city']}/roster-{index:07d}.xlsx",
        "sha256": f"{index:064x}",
        "status": "ok",
        "warnings": [],
        "ocr": False,
        "title": f"{first_row['city']}第{index}批脱钩名单",
        "doc_number": f"{first_row['city']}发〔2019〕{index}号",
        "issuers": [f"{first_row['city']}发展和改革委员会"],
        "issue_date": None,
        "province": first_row["province"],
        "city": first_row["city"],
        "county": None,
        "adcode": None,
        "admin_level": "city",
        "locality": first_row["city"],
        "roster_rows": 150,
        "stated_total": None,
        "text": None,
    }


def normalisation_seconds(rows: int = SYNTHETIC_ROSTER_ROWS) -> float:
    """Seconds to key and normalise synthetic roster rows in one process: each document's names
    canonicalised (the workers' half), then keys and agencies over all rows (the parent's)."""
    roster = synthetic_roster(rows)
    started = time.perf_counter()
    table = pa.concat_tables(
        to_arrow("associations", with_name_keys([{**row, "status": "unknown"} for row in lines]))
        for _, lines in groupby(roster, key=lambda row: row["doc_id"])
    )
    link(table)
    return time.perf_counter() - started


def link_step_figures(rows: int = LINK_STEP_ROWS) -> dict[str, float]:
    """The link step over synthetic rows: the workers' half (CPU seconds, peak memory) and the parent's (seconds
    receiving, appending and linking; seconds writing; peak memory), each in a process of its own."""
    with tempfile.TemporaryDirectory() as scratch:
        results = Path(scratch) / "results.pickle"
        prepared = _figures("prepare", str(results), "--rows", str(rows))
        return {**prepared, **_figures("link", str(results))}


def collector_memory_figures(cache_folder: Path) -> dict[str, float]:
    """Peak memory of the process collecting results, over the bench run's results (its result cache) replayed 1x
    and 4x, each in a fresh process: after collecting (flat when results stream to disk) and after `tables()`
    (the link step's input, which grows with the corpus)."""
    peaks = {n: _figures(str(cache_folder), "--copies", str(n), module="bench.collector_memory") for n in (1, 4)}
    return {
        "collector_peak_memory_mib_1x": peaks[1]["collected_mib"],
        "collector_peak_memory_mib_4x": peaks[4]["collected_mib"],
        "collector_memory_4x_over_1x": peaks[4]["collected_mib"] / peaks[1]["collected_mib"],
        "collector_tables_peak_memory_mib_1x": peaks[1]["tables_mib"],
        "collector_tables_peak_memory_mib_4x": peaks[4]["tables_mib"],
    }


def _figures(*arguments: str, module: str = "bench.link_step") -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", module, *arguments], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)
