"""Render the generalisation corpus: tests/generalisation/sources/*.yaml → documents/ (every input format) and gold/.

Each source holds one document written by hand: a body in a small line markup and the
expected values (the gold) beside it. Run `python tests/generalisation/build.py` after
editing a source; the rendered documents and gold files are committed, so tests need no
build (LibreOffice makes the PDF, DOC and XLS files).

Body markup, one paragraph a line: `! ` masthead (large red centred line), `# ` title, `^ ` centred
line (发文字号),
`> ` right-aligned line (signature, date), `## ` heading, `| a | b |` a table row
(consecutive rows make one table), `~` a page break, `⏎` a line break inside a paragraph.
Everything else is a paragraph.

Gold: the source's `document`, `milestones`, `citations` and `classes` are copied as
written; roster rows come from the body's tables (or, given `line_pattern:` in `roster:`, from the
paragraphs it matches: a roster printed as numbered lines, named groups = column names), their expected values from the hand-written maps
`supervisors` (printed unit → full name (`?`: not scored), former (null: not scored), current
(`?`: not scored)) and `statuses` (printed status → [status_raw (`?`: not scored), status], or `*` for
a status the document gives only by its context, as a list of pairs when each roster
table has its own context); `status_marks` maps the column index of each status column that holds
a mark (√) to its key in `statuses`.
"""

from __future__ import annotations

import html
import re
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
SOURCES, DOCUMENTS, GOLD = HERE / "sources", HERE / "documents", HERE / "gold"

KIND_ENDINGS = (("研究会", "society"), ("学会", "society"), ("促进会", "promotion_association"),
                ("联合会", "federation"), ("商会", "chamber_of_commerce"), ("协会", "industry_association"))
"""The name endings of docs/conventions.md, longest first; a source overrides with `kinds:` (regional chambers)."""


# --- body ------------------------------------------------------------------------------------------------------

def blocks(body: str) -> list[tuple[str, Any]]:
    """The body as (kind, value) blocks: kind is masthead, title, centre, right, heading, para, table or page."""
    out: list[tuple[str, Any]] = []
    for line in body.splitlines():
        line = line.rstrip()
        if not line.strip():
            continue
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        elif line == "~":
            out.append(("page", None))
        else:
            for mark, kind in (("## ", "heading"), ("# ", "title"), ("! ", "masthead"), ("^ ", "centre"),
                               ("> ", "right")):
                if line.startswith(mark):
                    out.append((kind, line[len(mark):]))
                    break
            else:
                out.append(("para", line))
    return [(kind, value.replace("⏎", "\n") if isinstance(value, str) else value) for kind, value in out]


def to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


# --- renderers ---------------------------------------------------------------------------------------------------

def render_docx(parts: list[tuple[str, Any]], path: Path) -> None:
    """A Word document in a CJK font, so LibreOffice's PDFs and the scan carry real glyphs."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "WenQuanYi Micro Hei", Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    for kind, value in parts:
        if kind == "table":
            table = doc.add_table(rows=len(value), cols=max(len(r) for r in value))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        if kind == "page":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(value)
        if kind in ("title", "centre", "masthead"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if kind in ("masthead", "centre"):
            paragraph.paragraph_format.space_after = Pt(18)
        if kind == "masthead":
            run.bold, run.font.size, run.font.color.rgb = True, Pt(26), RGBColor(0xCC, 0, 0)
        if kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if kind in ("title", "heading"):
            run.bold = True
        if kind == "title":
            run.font.size = Pt(16)
    doc.save(path)


def soffice(source: Path, fmt: str, out_dir: Path) -> Path:
    """Convert with LibreOffice in headless mode (DOCX → PDF or DOC)."""
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out_dir / f"{source.stem}.{fmt}"


def render_xlsx(parts: list[tuple[str, Any]], path: Path, merges: list[str] = ()) -> None:
    """One sheet: text lines as one-cell rows (title rows merged across the table), table rows as cells."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    width = max((len(r) for kind, v in parts if kind == "table" for r in v), default=1)
    for kind, value in parts:
        if kind == "table":
            for row in value:
                sheet.append([int(c) if c.isdigit() else c for c in row])
        elif kind != "page":
            sheet.append([value])
            if kind in ("title", "centre", "masthead") and width > 1:
                sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
    for cells in merges:  # e.g. a two-row header: "A3:A4", "D3:E3"
        sheet.merge_cells(cells)
    book.save(path)


def render_txt(parts: list[tuple[str, Any]], options: dict[str, Any]) -> str:
    """A saved text copy of a page: optional head lines (headline, bylines), the body, table rows as cells."""
    lines: list[str] = list(options.get("head_lines", []))
    for kind, value in parts:
        if kind == "table":
            lines += [options.get("cell_separator", "\t").join(row) for row in value]
        elif kind != "page":
            lines.append(value)
    lines += options.get("tail_lines", [])
    return "\r\n".join(lines) if options.get("crlf") else "\n".join(lines) + "\n"


DEFAULT_NAV = ["首页", "政务公开", "政务服务", "互动交流"]
DEFAULT_BREADCRUMB = ["首页", "政务公开", "通知公告"]


def render_html(parts: list[tuple[str, Any]], options: dict[str, Any]) -> str:
    """A government portal page: header and nav, breadcrumb, optional 信息公开 table, headline, byline, footer."""
    charset = options.get("encoding", "utf-8")
    e = html.escape
    site = options.get("site", "人民政府门户网站")
    nav = "".join(f'<li><a href="#">{e(item)}</a></li>' for item in options.get("nav", DEFAULT_NAV))
    crumbs = " &gt; ".join(f'<a href="#">{e(c)}</a>' for c in options.get("breadcrumb", DEFAULT_BREADCRUMB))
    disclosure = ""
    if table := options.get("disclosure"):
        cells = "".join(f"<tr><th>{e(k)}：</th><td>{e(str(v))}</td></tr>" for k, v in table.items())
        disclosure = f'<div class="xxgk-info"><table class="xxgk-table">{cells}</table></div>'
    disclosure += options.get("raw_head_html", "")  # furniture in another layout, written as HTML by the source
    headline = options.get("headline")
    h1 = f"<h1>{e(headline)}</h1>" if headline else ""
    byline = f'<div class="info">{e(options["byline"])}</div>' if options.get("byline") else ""
    body: list[str] = []
    for kind, value in parts:
        if kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in value)
            body.append(f'<table border="1" cellspacing="0">{rows}</table>')
        elif kind in ("title", "masthead"):
            body.append(f'<p style="text-align:center"><strong>{e(value)}</strong></p>')
        elif kind == "centre":
            body.append(f'<p style="text-align:center">{e(value)}</p>')
        elif kind == "right":
            body.append(f'<p style="text-align:right">{e(value)}</p>')
        elif kind in ("para", "heading"):
            body.append(f"<p>{e(value)}</p>")
    footer = e(options.get("footer", f"主办：{site}  网站标识码：0000000000  ICP备案号：00000000号"))
    title = options.get("page_title", f"{headline or ''}_{site}")
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{e(title)}</title></head>
<body>
<div class="header"><div class="logo">{e(site)}</div><ul class="nav">{nav}</ul></div>
<div class="position">当前位置：{crumbs}</div>
{disclosure}
<div class="article">{h1}{byline}
<div class="content">{''.join(body)}</div>
<div class="print"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></div>
</div>
<div class="footer">{footer}</div>
</body></html>
"""
    return page


def render_scan(pdf: Path, path: Path) -> None:
    """A text PDF rendered to page images and wrapped back into a PDF without any text layer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    images = [page.render(scale=150 / 72, grayscale=True).to_pil().convert("L") for page in document]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=150)


# --- gold --------------------------------------------------------------------------------------------------------

def kind_of(name: str, overrides: dict[str, str]) -> str:
    if name in overrides:
        return overrides[name]
    return next((kind for ending, kind in KIND_ENDINGS if name.endswith(ending)), "other")


def roster_gold(source: dict[str, Any], parts: list[tuple[str, Any]], printed_as: Any) -> list[dict[str, Any]]:
    """Gold rows from the body's roster tables (header row first), expected values from the source's maps.

    `parts` is the body as written (simplified); `printed_as` turns a written value into the printed one
    (traditional characters for a traditional page), which is what the `*_raw` fields hold.
    """
    spec = source.get("roster")
    if not spec:
        return []
    rows: list[dict[str, str]] = []
    if pattern := spec.get("line_pattern"):  # a roster printed as numbered lines, no table
        rows += [dict(match.groupdict(), **{"*table": 0}) for kind, text in parts
                 if kind == "para" and (match := re.match(pattern, text))]
    for kind, table in parts:
        if kind == "table":
            header = table[0]
            if spec["name_column"] in header:
                context = len({row["*table"] for row in rows})
                rows += [dict(zip(header, row), **{"*table": context, "*cells": row})
                         for row in table[1:] if row[header.index(spec["name_column"])]]
    gold = []
    for row in rows:
        name = row[spec["name_column"]]
        printed = printed_as(name)
        item: dict[str, Any] = {}
        if spec.get("seq_column"):
            item["seq"] = int(row[spec["seq_column"]])
        item |= {"name_raw": printed, "name": name, "group": f"gen-{name}",
                 "kind": kind_of(name, spec.get("kinds", {}))}
        sup_column = spec.get("supervisor_column")
        if sup_column:
            raw = row[sup_column]
            item["supervisor_raw"] = printed_as(raw)
            full, former, current = source["supervisors"][raw]
            if full is None:
                item |= {"supervisor": None, "registration": "direct"}
            elif full == "?":  # a short form whose full name is not certain: only the printed form is scored
                item["registration"] = "supervised"
            else:
                item |= {"supervisor": full, "supervisor_group": f"gen-s-{full}", "registration": "supervised"}
                if former is not None:
                    item["supervisor_former"] = former
                if current != "?":
                    item["supervisor_current"] = current
        status_column = spec.get("status_column")
        printed_status = row[status_column] if status_column else "*"
        if marks := spec.get("status_marks"):  # a mark (√) in one of several status columns, by column index
            printed_status = next(key for index, key in marks.items() if row["*cells"][int(index)].strip())
        status_raw, status = source["statuses"][printed_status]
        if isinstance(status_raw, list):  # one context status per roster table, in order
            status_raw, status = source["statuses"][printed_status][row["*table"]]
        if status_raw != "?":
            item["status_raw"] = printed_as(status_raw)
        item["status"] = status
        note_column = spec.get("note_column")
        item["note"] = (row[note_column] or None) if note_column else None  # normalised: simplified
        if "note" in spec.get("unscored", []):
            del item["note"]
        gold.append(item)
    return gold


def build(path: Path, work: Path) -> None:
    """Render one source into documents/ and write its gold."""
    source = yaml.safe_load(path.read_text(encoding="utf-8"))
    name, fmt = source["name"], source["format"]
    written = blocks(source["body"])
    printed_as = to_traditional if source.get("traditional") else str
    parts = blocks(printed_as(source["body"]))
    target = DOCUMENTS / name
    options = source.get("options", {})
    if fmt in ("docx", "pdf", "doc", "scan"):
        docx = work / f"{Path(name).stem}.docx"
        render_docx(parts, docx)
        if fmt == "docx":
            shutil.copy(docx, target)
        elif fmt == "scan":
            render_scan(soffice(docx, "pdf", work), target)
        else:
            shutil.copy(soffice(docx, fmt, work), target)
    elif fmt in ("xlsx", "xls"):
        xlsx = work / f"{Path(name).stem}.xlsx"
        render_xlsx(parts, xlsx, options.get("merges", []))
        shutil.copy(xlsx if fmt == "xlsx" else soffice(xlsx, "xls", work), target)
    elif fmt in ("html", "txt"):
        page = (render_html if fmt == "html" else render_txt)(parts, options)
        target.write_bytes(printed_as(page).encode(options.get("encoding", "utf-8")))
    else:
        raise ValueError(f"{path.name}: unknown format {fmt}")
    document = dict(source["document"])
    roster = roster_gold(source, written, printed_as)
    printed_text = printed_as(source["body"])
    for row in roster:
        for field in ("name_raw", "supervisor_raw", "status_raw"):
            if row.get(field) and row[field] not in printed_text:
                raise ValueError(f"{path.name}: {row[field]} is not printed as such")
    if fmt in ("pdf", "scan"):
        import pypdfium2

        document.setdefault("pages", len(pypdfium2.PdfDocument(str(target))))
    document.setdefault("roster_rows", len(roster))
    gold = {"file": name, "classes": source["classes"], "document": document, "associations": roster,
            "milestones": source.get("milestones", []), "citations": source.get("citations", [])}
    if source.get("heldout"):  # written apart from the code by an independent tester (README)
        gold["heldout"] = source["heldout"]  # true (round 1) or the round's name
    for table in source.get("unscored_tables", []):
        del gold[table]
    (GOLD / f"{name}.json").write_text(dump(gold), encoding="utf-8")


def dump(gold: dict[str, Any]) -> str:
    """JSON laid out like tests/corpus/gold: the document block indented, one line per table row."""
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{", f' "file": {one(gold["file"])},', f' "classes": {one(gold["classes"])},']
    if gold.get("heldout"):
        lines.append(f' "heldout": {one(gold["heldout"])},')
    lines += [' "document": ' + json.dumps(gold["document"], ensure_ascii=False, indent=2).replace("\n", "\n ")]
    for table in ("associations", "milestones", "citations"):
        if table in gold:
            rows = ",\n".join(f"  {one(row)}" for row in gold[table])
            lines[-1] += ","
            lines.append(f' "{table}": [\n{rows}\n ]' if rows else f' "{table}": []')
    return "\n".join(lines) + "\n}\n"


def main(names: list[str]) -> None:
    DOCUMENTS.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    paths = sorted(SOURCES.glob("*.yaml"))
    if names:
        paths = [p for p in paths if p.stem in names]
    with tempfile.TemporaryDirectory() as work:
        for path in paths:
            build(path, Path(work))
            print(path.stem)


if __name__ == "__main__":
    main(sys.argv[1:])
