"""`python -m bench`: build or reuse the benchmark corpus, measure, print and save the figures."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from bench.corpus import build_corpus
from bench.measure import (
    MIB,
    collector_memory_figures,
    link_step_figures,
    normalisation_seconds,
    ocr_gold_figures,
    pdfium_text_rate,
    pipeline_rate,
    read_stage_rate,
    timed_run,
)
from bench.ocr_truth import ocr_char_accuracy
from pipeline.cache import ResultCache

STAGES = ("read", "extract", "prepare", "link", "write")

COMPARED_RUNS = 2
"""The local pool's and the Dask cluster's cold runs alternate this many times and each keeps its fastest: one
pair on this shared machine ranged from 0.87 to 1.02 (the same code, minutes apart)."""


def main() -> int:
    """Run every measurement and report it."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--raw", type=Path, default=Path("data/raw"), help="documents to build the corpus from")
    parser.add_argument("--work", type=Path, default=Path("build/bench"), help="folder for the corpus and outputs")
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1), help="workers of the parallel runs")
    args = parser.parse_args()

    corpus = build_corpus(args.raw, args.work / "corpus")
    files = sorted(p for p in corpus.iterdir() if not p.name.startswith("."))
    pdfs = [p for p in files if p.suffix == ".pdf"]
    one = timed_run(corpus, args.work / "out-1", workers=1, fresh=True)
    compared = [
        (
            timed_run(corpus, args.work / "out-n", workers=args.workers, fresh=True, own_process=True),
            timed_run(corpus, args.work / "out-dask", workers=args.workers, fresh=True, executor="dask", own_process=True),
        )
        for _ in range(COMPARED_RUNS)
    ]
    many = min((local for local, _ in compared), key=lambda timed: timed.seconds)
    dask = min((cluster for _, cluster in compared), key=lambda timed: timed.seconds)
    warm = timed_run(corpus, args.work / "out-n", workers=args.workers, fresh=False)
    raw_pages, raw_seconds = pdfium_text_rate(pdfs)
    pdf_only = pipeline_rate(pdfs, args.work / "pdf-only")
    read_pages, read_seconds, read_raw_seconds = read_stage_rate(pdfs)
    scans = sorted(args.raw.glob("*scan*.pdf"))
    ocr_only = pipeline_rate(scans, args.work / "ocr-only") if scans else None
    ocr_read_rate = ocr_only.summary.pages / ocr_only.summary.seconds["read"] if ocr_only else None
    ocr_gold = ocr_gold_figures(args.work / "ocr-gold")
    ocr_chars = ocr_char_accuracy(args.work / "ocr-truth")
    stage_total = sum(one.summary.seconds.get(s, 0.0) for s in STAGES) or 1.0
    rows = sum(count for table, count in one.summary.rows.items() if table != "documents")
    link_step = link_step_figures()
    collector = collector_memory_figures(ResultCache(args.work / "out-1").folder)
    figures = {
        "documents": len(files),
        "pages": one.summary.pages,
        "rows": rows,
        "cold_1_worker_seconds": one.seconds,
        "cold_n_workers_seconds": many.seconds,
        "workers": args.workers,
        "warm_seconds": warm.seconds,
        "documents_per_second": len(files) / one.seconds,
        "pages_per_second": one.summary.pages / one.seconds,
        "rows_per_second": rows / one.seconds,
        "speedup_n_workers": one.seconds / many.seconds,
        "dask_n_workers_seconds": dask.seconds,
        "dask_to_local_ratio": many.seconds / dask.seconds,
        "warm_share_of_cold": warm.seconds / many.seconds,
        "worker_peak_memory_mib": max(one.summary.peak_memory, many.summary.peak_memory) / MIB,
        "parent_peak_memory_mib": max(one.parent_peak_memory_mib, many.parent_peak_memory_mib),
        "stage_share": {s: one.summary.seconds.get(s, 0.0) / stage_total for s in STAGES},
        "pdfium_raw_text_pages_per_second": raw_pages / raw_seconds,
        "pipeline_pdf_pages_per_second": pdf_only.summary.pages / pdf_only.seconds,
        "pdf_ratio_to_pdfium": (pdf_only.summary.pages / pdf_only.seconds) / (raw_pages / raw_seconds),
        "read_stage_pages_per_second": read_pages / read_seconds,
        "read_ratio_to_pdfium": read_raw_seconds / read_seconds,
        "ocr_pages_per_second": ocr_only.summary.pages / ocr_only.seconds if ocr_only else None,
        "ocr_read_stage_pages_per_second": ocr_read_rate,
        **ocr_gold,
        "ocr_char_accuracy": ocr_chars,
        "normalise_100k_rows_seconds": normalisation_seconds(),
        "link_1m_rows_seconds": link_step["seconds"],
        "link_1m_rows_cpu_seconds": link_step["cpu_seconds"],
        "link_1m_rows_write_seconds": link_step["write_seconds"],
        "link_1m_rows_peak_memory_mib": link_step["peak_memory_mib"],
        "link_1m_rows_worker_cpu_seconds": link_step["worker_cpu_seconds"],
        "link_1m_rows_worker_peak_memory_mib": link_step["worker_peak_memory_mib"],
        **collector,
    }
    (args.work / "results.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(_report(figures))
    return 0


def _report(f: dict) -> str:
    shares = ", ".join(f"{stage} {share:.0%}" for stage, share in f["stage_share"].items())
    ocr = (
        f"{f['ocr_pages_per_second']:.2f} pages/s end to end (one worker, engine import and model load included), "
        f"{f['ocr_read_stage_pages_per_second']:.2f} pages/s in the worker's read stage"
        if f["ocr_pages_per_second"]
        else "n/a"
    )
    return "\n".join(
        [
            f"corpus: {f['documents']} documents, {f['pages']} pages, {f['rows']} rows",
            f"cold, 1 worker: {f['cold_1_worker_seconds']:.1f} s = {f['documents_per_second']:.1f} documents/s, "
            f"{f['pages_per_second']:.1f} pages/s, {f['rows_per_second']:.0f} rows/s",
            f"cold, {f['workers']} workers (fastest of {COMPARED_RUNS}, each in a fresh process): "
            f"{f['cold_n_workers_seconds']:.1f} s = {f['speedup_n_workers']:.2f} x one worker",
            f"Dask LocalCluster, {f['workers']} workers (fastest of {COMPARED_RUNS}, alternated with the local runs): "
            f"{f['dask_n_workers_seconds']:.1f} s = {f['dask_to_local_ratio']:.2f} of the local pool's throughput",
            f"warm re-run: {f['warm_seconds']:.2f} s = {f['warm_share_of_cold']:.1%} of cold",
            f"peak memory: {f['worker_peak_memory_mib']:.0f} MiB per worker, {f['parent_peak_memory_mib']:.0f} MiB in the main process (one run)",
            f"time per stage (1 worker): {shares}",
            f"PDF: pipeline {f['pipeline_pdf_pages_per_second']:.1f} pages/s, pypdfium2 raw text "
            f"{f['pdfium_raw_text_pages_per_second']:.0f} pages/s, ratio {f['pdf_ratio_to_pdfium']:.3f}",
            f"PDF read stage alone: {f['read_stage_pages_per_second']:.1f} pages/s, "
            f"ratio {f['read_ratio_to_pdfium']:.3f} to pypdfium2's raw text (same files in turn)",
            f"OCR: {ocr}, scanned gold: {_share(f['ocr_accuracy'])} of rows, "
            f"{_share(f['ocr_document_field_accuracy'])} of document fields, "
            f"characters of scanned text PDFs: {_share(f['ocr_char_accuracy'])} (F1)",
            f"normalisation of 100,000 roster rows: {f['normalise_100k_rows_seconds']:.1f} s",
            f"link step over 1,000,000 synthetic roster rows, main process: {f['link_1m_rows_seconds']:.1f} s "
            f"({f['link_1m_rows_cpu_seconds']:.1f} s CPU), then writing {f['link_1m_rows_write_seconds']:.1f} s, "
            f"peak memory {f['link_1m_rows_peak_memory_mib']:.0f} MiB (its own process); the workers' half "
            f"{f['link_1m_rows_worker_cpu_seconds']:.1f} s CPU in all, peak {f['link_1m_rows_worker_peak_memory_mib']:.0f} MiB",
            f"collector (this run's results replayed 1x and 4x): peak {f['collector_peak_memory_mib_1x']:.0f} and "
            f"{f['collector_peak_memory_mib_4x']:.0f} MiB = {f['collector_memory_4x_over_1x']:.2f}x; with every table "
            f"read back for the link step {f['collector_tables_peak_memory_mib_1x']:.0f} and "
            f"{f['collector_tables_peak_memory_mib_4x']:.0f} MiB (that grows with the corpus)",
        ]
    )


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


if __name__ == "__main__":
    raise SystemExit(main())
