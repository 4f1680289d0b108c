"""End to end through `process_file`: a pilot list's status from its heading, and an announced roster left out."""

from __future__ import annotations

from pathlib import Path

import docx

from pipeline.process import job_for, process_file

PILOT_LIST_PAGE = """<html><head><meta charset="utf-8"><title>甲省公布第二批脱钩试点名单_甲省民政厅</title></head>
<body><div class="article"><h1>甲省公布第二批脱钩试点名单</h1>
<p>日前，甲省确定了第二批行业协会商会与行政机关脱钩试点单位，现将名单公布如下（共2家）：</p>
<table><tr><td>序号</td><td>协会名称</td><td>业务主管单位</td></tr>
<tr><td>1</td><td>甲省果蔬流通协会</td><td>甲省商务厅</td></tr>
<tr><td>2</td><td>甲省陶瓷行业协会</td><td>甲省工业和信息化厅</td></tr></table>
</div></body></html>"""


def test_pilot_list_page_rows_are_planned(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PILOT_LIST_PAGE, encoding="utf-8")
    result = process_file(job_for(tmp_path, tmp_path / "page.html"))
    associations = result.rows["associations"]
    assert [(a["status_raw"], a["status"]) for a in associations] == [("脱钩试点", "planned")] * 2
    assert (result.document["status"], result.document["stated_total"], result.document["warnings"]) == ("ok", 2, [])


def test_notice_whose_roster_is_left_out_is_partial(tmp_path: Path) -> None:
    word = docx.Document()
    for line in (
        "乙市民政局关于公布第一批脱钩试点名单的通知",
        "各县（区）民政局：",
        "经研究，确定第一批行业协会商会脱钩试点单位，现予公布，请认真做好相关工作。",
        "附件：乙市第一批脱钩试点名单",
        "乙市民政局",
        "2021年3月1日",
    ):
        word.add_paragraph(line)
    word.save(tmp_path / "notice.docx")
    result = process_file(job_for(tmp_path, tmp_path / "notice.docx"))
    assert result.document["status"] == "partial"
    assert result.document["warnings"] == ["roster_missing: 乙市第一批脱钩试点名单"]
    assert result.rows["associations"] == []
