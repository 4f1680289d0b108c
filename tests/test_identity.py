"""Document identity: copies of a notice share a key with one primary; attachments point to their notice."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from normalizers.attachment_names import is_attachment_name
from tuogou.cli import main
from pipeline.run import RunSummary, run

NOTICE = [
    "信阳市民政局文件",
    "信民发〔2021〕7号",
    "关于公布信阳市第一批行业协会商会脱钩名单的通知",
    "各县区民政局，市直各有关单位：",
    "根据全市行业协会商会与行政机关脱钩改革工作安排，经研究，现将信阳市第一批行业协会商会脱钩名单予以公布，请各单位抓好落实。",
    "附件：信阳市第一批行业协会商会脱钩名单",
    "信阳市民政局",
    "2021年3月5日",
]
ROSTER = [
    ("序号", "协会名称", "业务主管单位", "脱钩情况"),
    ("1", "信阳市茶叶行业协会", "信阳市农业农村局", "已脱钩"),
    ("2", "信阳市物流行业协会", "信阳市交通运输局", "已脱钩"),
    ("3", "信阳市餐饮行业协会", "信阳市商务局", "已脱钩"),
]


def _txt(path: Path, lines: list[str] = NOTICE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _html(path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in NOTICE)
    path.write_text(f"<html><head><meta charset='utf-8'></head><body>{paragraphs}</body></html>", encoding="utf-8")


def _docx_with_roster(path: Path) -> None:
    document = docx.Document()
    for line in NOTICE:
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROSTER), cols=len(ROSTER[0]))
    for row, values in zip(table.rows, ROSTER):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.save(str(path))


def _xlsx(path: Path, heading: str | None = None, notes: tuple[str, ...] = ()) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    for values in [(heading,)] if heading else []:
        workbook.active.append(values)
    for values in ROSTER:
        workbook.active.append(values)
    for note in notes:
        workbook.active.append((note,))
    workbook.save(path)


def _documents(output: Path) -> pd.DataFrame:
    return pd.read_parquet(output / "documents.parquet").set_index("source_path")


def _run(input_dir: Path, output: Path, **options: object) -> tuple[pd.DataFrame, RunSummary]:
    summary = run(input_dir, output, **options)  # type: ignore[arg-type]
    return _documents(output), summary


def test_copies_in_three_formats_share_one_key_and_the_fullest_is_primary(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "notice.txt")
    _html(source / "notice.html")
    _docx_with_roster(source / "notice.docx")
    documents, _ = _run(source, tmp_path / "out")
    assert documents["document_key"].nunique() == 1
    assert documents.index[documents["primary"]].tolist() == ["notice.docx"]
    assert documents.loc["notice.docx", "roster_rows"] == 3
    associations = pd.read_parquet(tmp_path / "out" / "associations.parquet")
    assert set(associations["document_key"]) == {documents.loc["notice.docx", "document_key"]}


def test_different_notices_keep_different_keys(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "one.txt")
    other = [line.replace("7号", "9号").replace("第一批", "第二批").replace("3月5日", "6月1日") for line in NOTICE]
    _txt(source / "two.txt", other)
    documents, _ = _run(source, tmp_path / "out")
    assert documents["document_key"].nunique() == 2
    assert documents["primary"].all()


def _assert_attached(documents: pd.DataFrame, attachment: str, notice: str) -> None:
    row, parent = documents.loc[attachment], documents.loc[notice]
    assert row["attachment_of"] == parent["document_key"] != row["document_key"]
    assert (row["doc_number"], row["issue_date"], list(row["issuers"])) == (
        "信民发〔2021〕7号",
        parent["issue_date"],
        ["信阳市民政局"],
    )
    assert (row["province"], row["city"], row["adcode"], row["admin_level"], row["locality"]) == (
        "河南省", "信阳市", "411500", "city", "河南省信阳市"
    )
    assert {"doc_number", "issue_date", "issuers"} <= set(row["inherited"])
    assert list(parent["inherited"]) == []
    assert pd.isna(parent["attachment_of"])
    assert not any(w.startswith("roster_missing") for w in parent["warnings"])
    assert parent["status"] == "ok"


def test_attachment_found_by_name_stem(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "2021/通知.txt")
    _xlsx(source / "2021/通知-附件1.xlsx")
    _xlsx(source / "other/通知-附件1.xlsx")  # another folder: not this notice's
    documents, _ = _run(source, tmp_path / "out")
    _assert_attached(documents, "2021/通知-附件1.xlsx", "2021/通知.txt")
    assert pd.isna(documents.loc["other/通知-附件1.xlsx", "attachment_of"])


def test_attachment_found_by_the_title_the_notice_announces(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "tz.txt")
    _xlsx(source / "附件1：信阳市第一批行业协会商会脱钩名单.xlsx")
    _xlsx(source / "信阳市社会组织年检名单.xlsx")
    documents, _ = _run(source, tmp_path / "out")
    _assert_attached(documents, "附件1：信阳市第一批行业协会商会脱钩名单.xlsx", "tz.txt")
    assert pd.isna(documents.loc["信阳市社会组织年检名单.xlsx", "attachment_of"])


def test_attachment_found_by_the_heading_of_a_workbook_with_notes_under_its_table(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "tz.txt")
    notes = ("填表说明", "1.本名单收录行业协会商会共3家，均已脱钩。", "2.名单如有变动，请及时报市民政局。")
    _xlsx(source / "download-2.xlsx", heading="信阳市第一批行业协会商会脱钩名单", notes=notes)
    documents, _ = _run(source, tmp_path / "out")
    assert documents.loc["download-2.xlsx", "title"] == "信阳市第一批行业协会商会脱钩名单"
    _assert_attached(documents, "download-2.xlsx", "tz.txt")


def test_without_an_attachment_the_notice_keeps_roster_missing(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "tz.txt")
    documents, _ = _run(source, tmp_path / "out")
    assert any(w.startswith("roster_missing") for w in documents.loc["tz.txt", "warnings"])


def test_manifest_links_an_attachment_and_its_facts_win(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "a/tz.txt")
    _xlsx(source / "b/data.xlsx")
    (source / "manifest.csv").write_text(
        "path,url,retrieved,adcode,published,attachment_of\n"
        "a/tz.txt,https://example.org/tz.html,2024-05-06,,2021-03-08,\n"
        "b/data.xlsx,https://example.org/data.xlsx,2024-05-06,,,a/tz.txt\n",
        encoding="utf-8",
    )
    documents, summary = _run(source, tmp_path / "out")
    assert "manifest.csv" not in documents.index
    assert summary.manifest_errors == []
    _assert_attached(documents, "b/data.xlsx", "a/tz.txt")
    notice = documents.loc["a/tz.txt"]
    assert (notice["source_url"], notice["retrieved"].date().isoformat(), notice["published"].date().isoformat()) == (
        "https://example.org/tz.html",
        "2024-05-06",
        "2021-03-08",
    )


def test_manifest_place_wins_over_the_inferred_one(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "tz.txt")
    manifest = tmp_path / "facts.csv"
    manifest.write_text("path,locality\ntz.txt,河南省信阳市浉河区\n", encoding="utf-8")
    documents, _ = _run(source, tmp_path / "out", manifest=manifest)
    row = documents.loc["tz.txt"]
    assert (row["county"], row["adcode"], row["admin_level"], row["locality"]) == ("浉河区", "411502", "county", "河南省信阳市浉河区")


def test_bad_manifest_rows_are_named_and_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    _txt(source / "tz.txt")
    (source / "manifest.csv").write_text(
        "path,retrieved,adcode,attachment_of\n"
        "gone.pdf,,,\n"
        "tz.txt,5 May 2024,,\n"
        "tz.txt,,999999,\n"
        "tz.txt,,,gone.pdf\n",
        encoding="utf-8",
    )
    code = main(["extract", "--input", str(source), "--output", str(tmp_path / "out"), "--workers", "1"])
    errors = capsys.readouterr().err.splitlines()
    assert code == 0
    assert errors == [
        "error: manifest.csv line 2 (gone.pdf): path names no file of the input folder: gone.pdf",
        "error: manifest.csv line 3 (tz.txt): retrieved is not a date as YYYY-MM-DD: 5 May 2024",
        "error: manifest.csv line 4 (tz.txt): unknown adcode 999999",
        "error: manifest.csv line 5 (tz.txt): attachment_of names no file of the input folder: gone.pdf",
    ]
    assert pd.isna(_documents(tmp_path / "out").loc["tz.txt", "retrieved"])


def test_missing_manifest_option_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "tz.txt")
    assert main(["extract", "--input", str(source), "--output", str(tmp_path / "o"), "--manifest", str(tmp_path / "no.csv")]) == 2


def test_a_changed_manifest_is_applied_to_an_unchanged_corpus(tmp_path: Path) -> None:
    source, output = tmp_path / "in", tmp_path / "out"
    _txt(source / "tz.txt")
    _run(source, output)
    (source / "manifest.csv").write_text("path,url\ntz.txt,https://example.org/x\n", encoding="utf-8")
    documents, _ = _run(source, output)
    assert documents.loc["tz.txt", "source_url"] == "https://example.org/x"


def test_keys_are_stable_across_runs_and_worker_counts(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _txt(source / "notice.txt")
    _html(source / "notice.html")
    _xlsx(source / "notice_附件.xlsx")
    columns = ["document_key", "primary", "attachment_of"]
    one, _ = _run(source, tmp_path / "one")
    again, _ = _run(source, tmp_path / "one", force=True)
    two, _ = _run(source, tmp_path / "two", workers=2)
    pd.testing.assert_frame_equal(one[columns], again[columns])
    pd.testing.assert_frame_equal(one[columns], two[columns])


def test_the_shared_corpus_groups_its_copies(documents: pd.DataFrame) -> None:
    key = documents["document_key"]
    assert key["raw/ningxia-gxt-2019.html"] == key["raw/ningxia-gxt-2019.pdf"]
    assert key["raw/luozhuang-2018.docx"] == key["raw/luozhuang-2018.txt"]
    assert key["raw/kaifeng-fgw-2020.docx"] != key["raw/kaifeng-fgw-2020-roster.xlsx"]
    assert documents.loc["raw/kaifeng-fgw-2020-roster.xlsx", "attachment_of"] == key["raw/kaifeng-fgw-2020.docx"]
    readable = documents[documents["status"] != "failed"]
    assert (readable.groupby("document_key")["primary"].sum() == 1).all()
    assert not documents.loc[documents["status"] == "failed", "primary"].any()


@pytest.mark.parametrize(
    ("stem", "notice", "attached"),
    [
        ("通知-附件1", "通知", True),
        ("通知_附件", "通知", True),
        ("通知（附件2）", "通知", True),
        ("notice_Attachment3", "notice", True),
        ("通知2", "通知", False),
        ("通知", "通知", False),
        ("通知-名单", "通知", False),
        ("附件1", "通知", False),
    ],
)
def test_attachment_names(stem: str, notice: str, attached: bool) -> None:
    assert is_attachment_name(stem, notice) is attached


def test_near_identical_texts_without_number_or_date_share_a_key(tmp_path: Path) -> None:
    source = tmp_path / "in"
    body = [f"第{n}条 各业务主管单位应当按照脱钩改革要求，在规定时限内完成机构、职能、资产财务、人员管理和党建外事等事项分离工作。" for n in range(1, 9)]
    _txt(source / "page.txt", ["首页 > 政务公开 > 通知公告", *body])
    _txt(source / "copy.txt", [*body, "- 2 -"])
    _txt(source / "other.txt", [line.replace("分离", "合并").replace("各业务主管单位", "各县区政府") for line in body])
    documents, _ = _run(source, tmp_path / "out")
    key = documents["document_key"]
    assert key["page.txt"] == key["copy.txt"] != key["other.txt"]
