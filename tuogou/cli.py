"""The `tuogou` command: `tuogou extract|report|export|eval|docs`, with ordinary conventions.

Exit codes: 0 when the run finished (documents that failed are recorded in
documents.parquet, not treated as a crash), 2 for bad usage such as a missing
input folder, 1 when the run could not finish (output not writable, in use, disk full).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline.discovery import discover
from pipeline.process import FileResult
from pipeline.run import EXECUTORS, run
from pipeline.without_pandas import keep_pandas_out
from pipeline.writer import tuogou_version
from readers.limits import Limits

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUTPUT = Path("data/processed")
DEFAULT_TIMEOUT = 600.0

log = logging.getLogger("tuogou")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="tuogou",
        description="Turn a folder of decoupling (脱钩) documents into Parquet tables.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {tuogou_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="read every document of a folder and write the tables")
    extract.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="folder of documents, or one document (default: %(default)s)")
    extract.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="folder for the Parquet tables (default: %(default)s)")
    extract.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: number of cores, %(default)s)")
    extract.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds a document may take before it is failed (default: %(default)s)")
    extract.add_argument("--executor", choices=EXECUTORS, default="local", help="where documents are read: local worker processes, or a Dask cluster (default: %(default)s)")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler to use with --executor dask, e.g. tcp://10.0.0.5:8786 (default: DASK_SCHEDULER_ADDRESS, else a local cluster of --workers workers, each with its own reading process)")
    extract.add_argument("--manifest", type=Path, help="CSV stating each file's url, retrieved, locality, adcode, published, attachment_of (default: INPUT/manifest.csv when present)")
    _add_limit_options(extract)
    extract.add_argument("--force", action="store_true", help="read every document again, ignoring the cache of unchanged ones")
    verbosity = extract.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    verbosity.add_argument("-v", "--verbose", action="count", default=0, help="print a line per document; -vv adds tracebacks")

    evaluate = commands.add_parser("eval", help="score the tables of a run against hand-checked gold")
    evaluate.add_argument("--gold", type=Path, default=Path("tests/corpus/gold"), help="gold folder (default: %(default)s)")
    evaluate.add_argument("--output", type=Path, required=True, help="folder holding the run's tables")
    evaluate.add_argument("--label", help="heading printed above the report, e.g. the corpus it scores")

    report = commands.add_parser("report", help="write one self-contained HTML report of a run's tables")
    report.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="folder holding the run's tables (default: %(default)s)")
    report.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="folder the run read, for links to the files (default: %(default)s)")
    report.add_argument("--path", type=Path, help="where to write the report (default: OUTPUT/report.html)")

    export = commands.add_parser("export", help="write the tables of a run as a DuckDB file, a data package or a workbook")
    export.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="folder holding the run's tables (default: %(default)s)")
    export.add_argument("--duckdb", action="store_true", help="tuogou.duckdb: every table, comments, keys and views (also written by every extract)")
    export.add_argument("--datapackage", action="store_true", help="datapackage.json: the Frictionless description of the tables (also written by every extract)")
    export.add_argument("--xlsx", action="store_true", help="tuogou.xlsx: one sheet per table and a sheet explaining them, for spreadsheet users")

    docs = commands.add_parser("docs", help="regenerate the README's data dictionary from the schemas")
    docs.add_argument("--readme", type=Path, default=Path("README.md"), help="file to update (default: %(default)s)")
    return parser


LIMIT_HELP = {
    "max_file_mb": "refuse files larger than this many MB",
    "max_unpacked_mb": "refuse DOCX/XLSX whose zip members (each, and all together) unpack to more MB",
    "max_pages": "refuse PDFs with more pages",
    "max_chars": "refuse documents whose text has more characters",
    "max_rows": "refuse tables and sheets with more rows",
    "max_memory_mb": "address space of each worker process in MB; 0 for no limit",
}


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    """One `--max-…` option per field of Limits, defaulting to its value, so a file over it becomes `too large`."""
    limits = parser.add_argument_group("limits (a file over one fails with `too large: …`)")
    for name, text in LIMIT_HELP.items():
        option = "--" + name.replace("_", "-")
        default = getattr(Limits(), name)
        limits.add_argument(option, type=int, metavar="N", default=default, help=f"{text} (default: %(default)s)")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; return the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "eval":
        from pipeline.evaluation import main as evaluation_main

        label = ["--label", args.label] if args.label else []
        return evaluation_main(["--gold", str(args.gold), "--output", str(args.output), *label])
    if args.command == "report":
        return _report(args)
    if args.command == "export":
        return _export(args)
    from pipeline.schema_doc import update_readme

    changed = update_readme(args.readme)
    print(f"{args.readme}: {'updated' if changed else 'already up to date'}")
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    keep_pandas_out()  # this process never converts to pandas: not worth its 0.5 s and 52 MB
    levels = {0: logging.WARNING, 1: logging.INFO}
    level = logging.ERROR if args.quiet else levels.get(args.verbose, logging.DEBUG)
    _log_to_stderr(level)
    if not args.input.exists():
        print(f"error: input not found: {args.input}", file=sys.stderr)
        return EXIT_USAGE
    if args.manifest is not None and not args.manifest.is_file():
        print(f"error: manifest not found: {args.manifest}", file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 1 or args.timeout <= 0:
        print("error: --workers must be at least 1 and --timeout positive", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler and args.executor != "dask":
        print("error: --scheduler needs --executor dask", file=sys.stderr)
        return EXIT_USAGE
    caps = Limits(**{name: getattr(args, name) for name in LIMIT_HELP})
    floors = {name: 0 if name == "max_memory_mb" else 1 for name in LIMIT_HELP}
    if any(getattr(caps, name) < floor for name, floor in floors.items()):
        print("error: every --max-… limit must be at least 1 (--max-memory-mb may be 0: no limit)", file=sys.stderr)
        return EXIT_USAGE
    progress = _progress_bar(len(discover(args.input, args.manifest, args.output)), enabled=not args.quiet and sys.stderr.isatty())

    def on_file_done(result: FileResult) -> None:
        document = result.document
        if args.verbose:
            detail = document.get("error") or "; ".join(document["warnings"])
            log.info("%-8s %s %s", document["status"], document["source_path"], detail)
        if progress is not None:
            progress.update()

    def on_waiting(source_path: str) -> None:  # the file a stalled bar waits for, on the bar itself
        if progress is not None:
            progress.set_postfix_str(source_path, refresh=True)

    try:
        summary = run(
            args.input, args.output, workers=args.workers, timeout=args.timeout, force=args.force,
            on_file_done=on_file_done,
            manifest=args.manifest,
            on_waiting=on_waiting,
            caps=caps,
            executor=args.executor,
            scheduler=args.scheduler,
        )
    except (OSError, ImportError) as error:  # output folder not writable, disk full, no scheduler or no dask
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if progress is not None:
            progress.close()
    for error in summary.manifest_errors:  # a bad row is ignored, never fatal: a manifest is optional
        print(f"error: {error}", file=sys.stderr)
    if not args.quiet:
        print(summary.line())
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from pipeline.report import write_report

    if _without_tables(args.output):
        return EXIT_USAGE
    return _print_written(lambda: [write_report(args.output, args.path, input_dir=args.input)])


def _export(args: argparse.Namespace) -> int:
    from pipeline.exports import write_datapackage, write_duckdb, write_workbook

    if _without_tables(args.output):
        return EXIT_USAGE
    chosen = [write for flag, write in ((args.duckdb, write_duckdb), (args.datapackage, write_datapackage),
                                        (args.xlsx, write_workbook)) if flag]
    if not chosen:
        print("error: name what to export: --duckdb, --datapackage and/or --xlsx", file=sys.stderr)
        return EXIT_USAGE
    return _print_written(lambda: [write(args.output) for write in chosen])


def _without_tables(output: Path) -> bool:
    """Whether `output` holds no run's tables (said on standard error): report and export need them."""
    if (output / "documents.parquet").is_file():
        return False
    print(f"error: no tables in {output}: run `tuogou extract` first", file=sys.stderr)
    return True


def _print_written(write: Callable[[], list[Path]]) -> int:
    """Print each file `write` wrote; tables of mixed or older runs are an error, not a traceback."""
    try:
        written = write()
    except ValueError as error:  # MixedRun, or tables without a run's metadata
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    for path in written:
        print(path)
    return EXIT_OK


def _log_to_stderr(level: int) -> None:
    """Print tuogou's own log (every logger under `tuogou`) on standard error; other libraries' stay quiet."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)


def _progress_bar(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    """A tqdm bar on a terminal; None when output is piped or quiet."""
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr)
