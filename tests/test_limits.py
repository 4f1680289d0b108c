"""The limits themselves: their errors, the checks, the worker's memory cap and the sheet's used range."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pebble import ProcessExpired

from readers import limits
from readers.limits import Limits, TooLarge
from readers.model import Block, BlockKind, Document, TableRow
from readers.sheet import Merge
from readers.xlsx import UsedRange, used_range
from pipeline.pool import crash_cause


def test_an_error_names_the_amount_the_limit_and_the_option() -> None:
    error = limits.too_large("the document has", 6001, 5000, "max-pages", " pages")
    assert isinstance(error, TooLarge)
    assert str(error) == "too large: the document has 6,001 pages, over the limit of 5,000 pages (--max-pages)"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (limits.MB + 1))
    limits.check_file_size(path, Limits(max_file_mb=2))
    with pytest.raises(TooLarge, match=r"the file has 2 MB, over the limit of 1 MB \(--max-file-mb\)"):
        limits.check_file_size(path, Limits(max_file_mb=1))


def test_pages_over_the_limit_are_refused() -> None:
    limits.check_pages(5, Limits(max_pages=5))
    with pytest.raises(TooLarge, match="--max-pages"):
        limits.check_pages(6, Limits(max_pages=5))


def _table(rows: int) -> Document:
    return Document(source_format="html", blocks=[
        Block(kind=BlockKind.TABLE, table=2, rows=tuple(TableRow((str(i), "协会")) for i in range(rows)))
    ])


@pytest.mark.parametrize(
    ("document", "text", "caps", "message"),
    [
        (_table(3), "脱钩" * 6, Limits(max_chars=11), "the text has 12 characters, over the limit of 11 characters"),
        (_table(4), "", Limits(max_rows=3), "table 2 has 4 rows, over the limit of 3 rows"),
    ],
    ids=["chars", "rows"],
)
def test_a_document_over_its_text_or_rows_limit_is_refused(
    document: Document, text: str, caps: Limits, message: str
) -> None:
    limits.check_document(document, text, Limits())
    with pytest.raises(TooLarge, match=message):
        limits.check_document(document, text, caps)


def test_the_active_limits_are_those_applied_for_the_file() -> None:
    assert limits.active() == Limits()
    with limits.applied(Limits(max_pages=7)):
        assert limits.active().max_pages == 7
    assert limits.active() == Limits()


def test_a_worker_over_its_memory_limit_gets_memory_error_naming_it() -> None:
    script = (
        "from readers import limits\n"
        "limits.limit_memory(limits.Limits(max_memory_mb=600))\n"
        "try:\n    bytearray(700 * limits.MB)\nexcept MemoryError:\n    print(limits.out_of_memory())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "too large: memory limit of 600 MB reached (--max-memory-mb)"


def test_without_a_memory_limit_running_out_says_so() -> None:
    script = "from readers import limits\nlimits.limit_memory(limits.Limits(max_memory_mb=0))\n" \
        "print(limits.out_of_memory())"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "too large: out of memory"


MEMORY_CAUSE = "as when memory runs out (limit 4,096 MB, --max-memory-mb)"


@pytest.mark.parametrize(
    ("exitcode", "message"),
    [
        (-signal.SIGABRT, f"reader crashed: killed by SIGABRT, {MEMORY_CAUSE}"),
        (-signal.SIGKILL, f"reader crashed: killed by SIGKILL, {MEMORY_CAUSE}"),
        (-signal.SIGTERM, "reader crashed: killed by SIGTERM"),
        (3, "reader crashed: exit code 3"),
    ],
)
def test_a_dead_worker_is_reported_with_its_cause(exitcode: int, message: str) -> None:
    assert crash_cause(ProcessExpired("Abnormal termination", code=exitcode), Limits(max_memory_mb=4096)) == message


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sheet(body: str) -> io.BytesIO:
    return io.BytesIO(f'<worksheet xmlns="{MAIN}"><dimension ref="A1:XFD1048576"/>{body}</worksheet>'.encode())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c>'
         '<c r="XFD2" s="1"/></row><row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>', UsedRange(2, 2, ())),
        ('<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v/></c></row>'
         '<row><c><v>3</v></c></row></sheetData>',
         UsedRange(3, 2, ())),
        ('<sheetData/><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
         UsedRange(0, 0, (Merge(0, 0, 1048575, 16383),))),
    ],
    ids=["styled-empty-cells", "cells-without-references", "merge-over-everything"],
)
def test_the_used_range_counts_only_cells_holding_a_value(body: str, expected: UsedRange) -> None:
    assert used_range(_sheet(body), "名单", Limits()) == expected


def test_a_sheet_over_the_rows_limit_is_refused_while_streaming() -> None:
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 12))
    with pytest.raises(TooLarge, match=r'sheet "名单" has values in row 11, over the limit of 10 \(--max-rows\)'):
        used_range(_sheet(f"<sheetData>{rows}</sheetData>"), "名单", Limits(max_rows=10))
