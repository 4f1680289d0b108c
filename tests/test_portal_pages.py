"""Web pages and news end to end: a GBK portal page, a news page without a heading and a saved news text,
each read through `pipeline.process` as a run would read them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.process import FileResult, job_for, process_file

TITLE = "某市民政局关于推进第二批行业协会商会脱钩改革的通知"

PORTAL_PAGE = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{TITLE}_通知公告_某市人民政府门户网站</title></head>
<body>
<div class="top"><div class="logo">某市人民政府门户网站</div></div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="main">
<table class="xxgk">
<tr><td>索 引 号：</td><td>11419900/2020-00031</td><td>主题分类：</td><td>民政、扶贫、救灾</td></tr>
<tr><td>发布机构：</td><td>某市民政局</td><td>生成日期：</td><td>2020-03-02</td></tr>
<tr><td>名　　称：</td><td colspan="3">{TITLE}</td></tr>
<tr><td>文　　号：</td><td>某民〔2020〕5号</td><td>发布日期：</td><td>2020-03-06</td></tr>
</table>
<h1>{TITLE}</h1>
<div class="info">发布时间：2020-03-06 09:30　来源：某市民政局　浏览次数：1024　【字号：大 中 小】</div>
<div class="content">
<p>各县（市、区）民政局，市直有关单位：</p>
<p>为推进行业协会商会与行政机关脱钩改革，根据《关于印发〈某省行业协会商会脱钩实施方案〉的通知》（某政办〔2019〕12号）要求，现将有关事项通知如下。</p>
<p>一、各业务主管单位要在9月底前完成第二批协会商会脱钩任务。</p>
<p>二、今年年底前，市民政局会同有关部门开展检查验收。</p>
<p>附件：第二批脱钩行业协会商会名单（共2家）</p>
<table>
<tr><td>序号</td><td>协会名称</td><td>业务主管单位</td><td>备注</td></tr>
<tr><td>1</td><td>某市甲行业协会</td><td>某市民政局</td><td></td></tr>
<tr><td>2</td><td>某市乙商会</td><td>某市民政局</td><td></td></tr>
</table>
<p>某市民政局</p>
<p>2020年3月2日</p>
</div>
</div>
<div class="footer">主办：某市人民政府办公室 版权所有</div>
</body></html>
"""

NEWS_PAGE = """<html><head><meta charset="gbk"><title>某县召开行业协会商会脱钩改革推进会 - 某县政务网</title></head>
<body><div class="logo">某县政务网</div>
<div class="article"><div class="art-title">某县召开行业协会商会脱钩改革推进会</div>
<div class="art-info">日期：2021-04-12　来源：某县融媒体中心</div>
<div class="art-text">
<p>本报讯（记者 王明）4月9日上午，某县召开行业协会商会与行政机关脱钩改革推进会。</p>
<p>会议要求，各单位要在6月底前完成脱钩方案报备，明年上半年全面完成脱钩任务。</p>
</div></div></body></html>
"""

NEWS_TEXT = """某县召开行业协会商会与行政机关
脱钩改革推进会

发布时间：2021-04-12 10:20   来源：某县民政局

4月9日，某县召开行业协会商会与行政机关脱钩改革推进会。会议要求，今年10月底前完成全部脱钩任务。
"""


def _process(tmp_path: Path, name: str, content: str, encoding: str) -> FileResult:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return process_file(job_for(tmp_path, path))


def test_portal_page_fields(tmp_path: Path) -> None:
    result = _process(tmp_path, "notice.html", PORTAL_PAGE, "gbk")
    document = result.document
    assert document["status"] == "ok", document["warnings"]
    assert document["title"] == TITLE
    assert document["doc_number"] == "某民〔2020〕5号"
    assert document["issuers"] == ["某市民政局"]
    assert document["issue_date"] == date(2020, 3, 2)
    assert document["published"] == date(2020, 3, 6)
    assert document["roster_rows"] == 2


def test_portal_page_rows(tmp_path: Path) -> None:
    rows = _process(tmp_path, "notice.html", PORTAL_PAGE, "gbk").rows
    assert [row["name_raw"] for row in rows["associations"]] == ["某市甲行业协会", "某市乙商会"]
    assert [(row["date_text"], row["deadline"]) for row in rows["milestones"]] == [
        ("9月底前", date(2020, 9, 30)),
        ("今年年底前", date(2020, 12, 31)),
    ]
    assert [row["doc_number"] for row in rows["citations"]] == ["某政办〔2019〕12号"]


def test_news_page_without_a_heading(tmp_path: Path) -> None:
    result = _process(tmp_path, "news.html", NEWS_PAGE, "gbk")
    assert result.document["title"] == "某县召开行业协会商会脱钩改革推进会"
    assert result.document["published"] == date(2021, 4, 12)
    assert result.document["issue_date"] == date(2021, 4, 12)
    assert [(row["date_text"], row["start"], row["deadline"]) for row in result.rows["milestones"]] == [
        ("6月底前", None, date(2021, 6, 30)),
        ("明年上半年", date(2022, 1, 1), date(2022, 6, 30)),
    ]


def test_saved_news_text(tmp_path: Path) -> None:
    result = _process(tmp_path, "news.txt", NEWS_TEXT, "gb18030")
    assert result.document["title"] == "某县召开行业协会商会与行政机关脱钩改革推进会"
    assert result.document["published"] == date(2021, 4, 12)
    assert [(row["date_text"], row["deadline"]) for row in result.rows["milestones"]] == [
        ("4月9日", date(2021, 4, 9)),
        ("今年10月底前", date(2021, 10, 31)),
    ]


def test_saved_news_text_under_a_breadcrumb(tmp_path: Path) -> None:
    text = "当前位置：首页 > 新闻中心 > 工作动态\n" + NEWS_TEXT
    result = _process(tmp_path, "news.txt", text, "utf-8")
    assert result.document["title"] == "某县召开行业协会商会与行政机关脱钩改革推进会"
