"""Document fields of layouts the head and tail rules must survive, read end to end from files built here.

A masthead of two bodies printed large over the title (DOCX, and its PDF made by LibreOffice, whose
reader joins the date and the 附注 into one line), a workbook or a Word file that is only a titled
roster, and a portal page whose header names the city government above a bureau's notice.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from pipeline.process import FileResult, job_for, process_file

MASTHEAD = "漳州市商务局\u3000漳州市财政局"
TITLE = "关于做好商贸类行业协会商会脱钩工作的通知"


def _process(path: Path) -> FileResult:
    return process_file(job_for(path.parent, path))


def _paragraph(document: docx.Document, text: str, size: int = 16, red: bool = False, align: str = "") -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    if red:
        run.font.color.rgb = RGBColor(0xE0, 0, 0)
    paragraph.alignment = {"centre": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(align)


def _notice(path: Path) -> Path:
    """A joint notice: masthead of two bodies in large red, the title, body, signature, date and 附注."""
    document = docx.Document()
    _paragraph(document, MASTHEAD, size=30, red=True, align="centre")
    _paragraph(document, TITLE, size=22, align="centre")
    _paragraph(document, "各县（区）商务局、财政局：")
    _paragraph(document, "\u3000\u3000为做好商贸类行业协会商会与行政机关脱钩工作，现就有关事项通知如下。")
    _paragraph(document, "\u3000\u3000一、各协会于2021年5月底前报送脱钩方案。")
    _paragraph(document, "漳州市商务局\u3000\u3000漳州市财政局", align="right")
    _paragraph(document, "2021年4月9日", align="right")
    _paragraph(document, "（此件主动公开）")
    document.save(path)
    return path


def _as_pdf(source: Path) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is needed to make the PDF")
    out = source.parent / "pdf"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / f"{source.stem}.pdf"


@pytest.mark.parametrize("as_pdf", [False, True], ids=["docx", "pdf-by-libreoffice"])
def test_masthead_of_two_bodies_is_not_part_of_the_title(tmp_path: Path, as_pdf: bool) -> None:
    source = _notice(tmp_path / "notice.docx")
    result = _process(_as_pdf(source) if as_pdf else source)
    fields = result.document
    assert fields["title"] == TITLE
    assert fields["issuers"] == ["漳州市商务局", "漳州市财政局"]
    assert fields["issue_date"] == date(2021, 4, 9)
    assert fields["publication"] == "此件主动公开"
    assert [(row["date_text"], row["deadline"]) for row in result.rows["milestones"]] == [
        ("2021年5月底前", date(2021, 5, 31))
    ]


ROSTER = [("序号", "协会商会名称", "业务主管单位"), ("1", "曲靖市烟草种植协会", "原市农业局"), ("2", "曲靖市汽车维修行业协会", "市交通运输局")]


def test_workbook_of_a_titled_roster_takes_its_heading(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [("附件2",), ("曲靖市第二批脱钩试点行业协会商会名单",), ("（共2家）",), *ROSTER]:
        sheet.append(row)
    workbook.save(tmp_path / "roster.xlsx")
    fields = _process(tmp_path / "roster.xlsx").document
    assert fields["title"] == "曲靖市第二批脱钩试点行业协会商会名单"
    assert fields["roster_rows"] == 2


def test_word_file_of_a_titled_list_takes_its_heading(tmp_path: Path) -> None:
    document = docx.Document()
    _paragraph(document, "曲靖市暂不脱钩的行业协会商会名单", size=22, align="centre")
    table = document.add_table(rows=0, cols=3)
    for row in ROSTER:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    document.save(tmp_path / "list.docx")
    assert _process(tmp_path / "list.docx").document["title"] == "曲靖市暂不脱钩的行业协会商会名单"


def test_a_notice_keeps_its_formal_title_over_its_roster(tmp_path: Path) -> None:
    document = docx.Document()
    _paragraph(document, TITLE, size=22, align="centre")
    _paragraph(document, "各有关单位：")
    _paragraph(document, "\u3000\u3000现将第二批脱钩试点名单公布如下。")
    _paragraph(document, "曲靖市第二批脱钩试点行业协会商会名单")
    table = document.add_table(rows=0, cols=3)
    for row in ROSTER:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    document.save(tmp_path / "notice.docx")
    assert _process(tmp_path / "notice.docx").document["title"] == TITLE


PORTAL = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>醴陵市民政局关于公布脱钩改革结果的通知_醴陵市人民政府</title></head>
<body>
<div class="top"><div class="site-name">醴陵市人民政府</div></div>
<div class="crumb">您的位置：首页 &gt; 政务公开 &gt; 部门动态</div>
<table class="gk"><tr><td>索引号：</td><td>430281-12-2021-0007</td><td>发布机构：</td><td>醴陵市民政局</td></tr>
<tr><td>生成日期：</td><td>2021-06-30</td><td>主题分类：</td><td>民政</td></tr></table>
<div class="main"><h1>醴陵市民政局关于公布脱钩改革结果的通知</h1>
<div class="info">发布日期：2021-07-02　来源：醴陵市民政局</div>
<div class="text">
<p>各有关单位：</p>
<p>经审核，全市行业协会商会脱钩改革已经完成，现予公布。各协会要在2021年9月底前完成章程修改。</p>
<p>醴陵市民政局</p>
<p>2021年6月30日</p>
</div></div>
</body></html>
"""


def test_portal_header_naming_the_city_government_gives_no_issuer(tmp_path: Path) -> None:
    path = tmp_path / "notice.html"
    path.write_text(PORTAL, encoding="utf-8")
    fields = _process(path).document
    assert fields["issuers"] == ["醴陵市民政局"]
    assert fields["title"] == "醴陵市民政局关于公布脱钩改革结果的通知"
    assert fields["issue_date"] == date(2021, 6, 30)


def test_html_list_with_its_title_row_inside_the_table(tmp_path: Path) -> None:
    rows = "".join(f"<tr>{''.join(f'<td>{cell}</td>' for cell in row)}</tr>" for row in ROSTER)
    page = (
        '<html><head><meta charset="utf-8"></head><body><table border="1">'
        f'<tr><td colspan="3">曲靖市拟脱钩行业协会商会名单</td></tr>{rows}</table></body></html>'
    )
    path = tmp_path / "list.html"
    path.write_text(page, encoding="utf-8")
    assert _process(path).document["title"] == "曲靖市拟脱钩行业协会商会名单"
