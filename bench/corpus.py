"""Build the benchmark corpus from the embedded documents: at least 300 files and 3,000 pages.

Variants keep the real documents' structure and size: PDFs assembled from the
notice, roster and form pages of the text PDFs (long rosters repeat their roster
pages), DOCX and XLSX rosters with renamed and reordered rows, GBK HTML pages and
plain-text notices. Every file differs from every other in its content, by construction (each
variant is numbered or has its own page selection), so none is a duplicate. The
corpus is written under `build/` and reused while the generator is unchanged.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from docx import Document as WordDocument
from openpyxl import load_workbook

SEED = 20151109
"""Fixed seed (the date of the decoupling plan, 中办发〔2015〕39号) so every build is the same corpus."""

MARKER = ".generator"
TEXT_PDFS = ("ningxia-gxt-2019.pdf", "hedong-fgw-2019.pdf")
ROSTER_DOCX = "kaifeng-fgw-2020.docx"
ROSTER_XLSX = "kaifeng-fgw-2020-roster.xlsx"
ROSTER_HTML = "ningxia-gxt-2019.html"
NOTICE_TXT = "luozhuang-2018.txt"


@dataclass(frozen=True)
class CorpusPlan:
    """How many files of each kind to make; the defaults give 350 files and over 3,000 PDF pages."""

    pdfs: int = 170
    docx: int = 60
    xlsx: int = 40
    html: int = 50
    txt: int = 30
    max_roster_repeats: int = 6


def _generator_digest(plan: CorpusPlan, raw: Path) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes() + repr(plan).encode())
    for name in sorted(p.name for p in raw.iterdir()):
        digest.update(name.encode())
    return digest.hexdigest()


def build_corpus(raw: Path, target: Path, plan: CorpusPlan = CorpusPlan()) -> Path:
    """Write the corpus to `target` unless an identical one is already there; return `target`."""
    digest = _generator_digest(plan, raw)
    if (target / MARKER).is_file() and (target / MARKER).read_text() == digest:
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    rng = random.Random(SEED)
    _pdfs(raw, target, plan, rng)
    _docx(raw / ROSTER_DOCX, target, plan.docx, rng)
    _xlsx(raw / ROSTER_XLSX, target, plan.xlsx, rng)
    _html(raw / ROSTER_HTML, target, plan.html)
    _txt(raw / NOTICE_TXT, target, plan.txt)
    (target / MARKER).write_text(digest)
    return target


def _pdfs(raw: Path, target: Path, plan: CorpusPlan, rng: random.Random) -> None:
    """Notices with part of their form pages and 0 to N copies of their roster pages, no two alike.

    pdfium writes a random file identifier, so equal pages would still make different bytes: each
    variant is drawn without replacement from the distinct page selections of its notice instead.
    """
    sources = [pdfium.PdfDocument(raw / name) for name in TEXT_PDFS]
    drawn = [
        iter(_draw(_page_selections(len(source), plan.max_roster_repeats), len(range(i, plan.pdfs, len(sources))), rng))
        for i, source in enumerate(sources)
    ]
    for index in range(plan.pdfs):
        variant = pdfium.PdfDocument.new()
        variant.import_pages(sources[index % len(sources)], list(next(drawn[index % len(sources)])))
        variant.save(target / f"notice-{index:04d}.pdf")
        variant.close()
    for source in sources:
        source.close()


def _page_selections(pages: int, max_roster_repeats: int) -> list[tuple[int, ...]]:
    """Every distinct variant of a notice: its first third, at least half of the rest, and up to
    `max_roster_repeats` more copies of the rest's first 0 to 3 pages (a long roster)."""
    body, rest = list(range(pages // 3)), list(range(pages // 3, pages))
    return sorted(
        {
            tuple(body + rest[:kept] + rest[:roster] * repeats)
            for kept in range(len(rest) // 2, len(rest) + 1)
            for roster in range(4)
            for repeats in range(max_roster_repeats + 1)
        }
    )


def _draw(selections: list[tuple[int, ...]], count: int, rng: random.Random) -> list[tuple[int, ...]]:
    """`count` distinct selections, or a clear error when the plan asks for more than there are."""
    if count > len(selections):
        raise ValueError(f"too many PDFs: the plan asks for {count} variants of a notice that has {len(selections)}")
    return rng.sample(selections, count)


def _docx(source: Path, target: Path, count: int, rng: random.Random) -> None:
    """The roster notice with the roster's names suffixed and a share of rows dropped."""
    for index in range(count):
        document = WordDocument(source)
        roster = max(document.tables, key=lambda t: len(t.rows))
        for row in list(roster.rows)[1:]:
            if rng.random() < 0.2:
                row._tr.getparent().remove(row._tr)
            else:
                name = row.cells[1]
                name.text = name.text.replace("协会", f"第{index}协会", 1)
        document.save(target / f"roster-{index:04d}.docx")


def _xlsx(source: Path, target: Path, count: int, rng: random.Random) -> None:
    """The Excel roster with names suffixed and rows thinned from the bottom."""
    for index in range(count):
        workbook = load_workbook(source)
        sheet = workbook.worksheets[0]
        for row in range(3, sheet.max_row + 1):
            cell = sheet.cell(row=row, column=2)
            if isinstance(cell.value, str):
                cell.value = cell.value.replace("协会", f"{index}号协会", 1)
        keep = rng.randint(sheet.max_row // 2, sheet.max_row)
        if keep < sheet.max_row:
            sheet.delete_rows(keep + 1, sheet.max_row - keep)
        workbook.save(target / f"roster-{index:04d}.xlsx")


def _html(source: Path, target: Path, count: int) -> None:
    """The GBK article page with its roster's names numbered after the file."""
    page = source.read_bytes().decode("gb18030")
    for index in range(count):
        variant = page.replace("协会</td>", f"{index + 1}协会</td>")
        (target / f"article-{index:04d}.html").write_bytes(variant.encode("gb18030"))


def _txt(source: Path, target: Path, count: int) -> None:
    """The plain-text notice, GBK with CRLF, with the file's number appended so each differs."""
    text = source.read_bytes().decode("gb18030")
    for index in range(count):
        (target / f"notice-{index:04d}.txt").write_bytes(f"{text}\r\n（{index + 1}）\r\n".encode("gb18030"))
