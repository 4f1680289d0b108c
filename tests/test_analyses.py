"""Association histories and regional progress, built from small hand-made rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

import pyarrow as pa

from pipeline.analyses import analyse
from pipeline.run import RunSummary, run
from pipeline.schemas import TABLES
from pipeline.writer import building_field

LINE_COLUMNS = ("doc_id", "association_key", "name", "status", "supervisor", "supervisor_current", "agency_key", "adcode", "locality")
MILESTONE_COLUMNS = ("doc_id", "deadline", "role")


def _document(doc_id: str, key: str, day: date | None, primary: bool = True, attachment_of: str | None = None, **extra: object) -> dict:
    return {
        "doc_id": doc_id,
        "document_key": key,
        "primary": primary,
        "attachment_of": attachment_of,
        "issue_date": day,
        "published": None,
        "retrieved": None,
        "adcode": "990100",
        "locality": "某省某市",
        "admin_level": "city",
        "stated_total": None,
        **extra,
    }


def _line(doc_id: str, key: str, status: str, name: str | None = None) -> dict:
    return {
        "doc_id": doc_id,
        "association_key": key,
        "name": name or f"某市{key}协会",
        "status": status,
        "supervisor": "某市民政局",
        "supervisor_current": "某市民政局",
        "agency_key": "agency-1",
        "adcode": "990100",
        "locality": "某省某市",
    }


def _analyse(documents: list[dict], lines: list[dict], milestones: list[dict]) -> dict[str, list[dict]]:
    """`analyse` over hand-made rows, its tables as rows."""
    tables = analyse(documents, _table("associations", lines, LINE_COLUMNS), _table("milestones", milestones, MILESTONE_COLUMNS))
    return {name: table if isinstance(table, list) else table.to_pylist() for name, table in tables.items()}


def _table(name: str, rows: list[dict], columns: tuple[str, ...]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=pa.schema([building_field(TABLES[name].field(c)) for c in columns]))


def test_a_status_history_spans_two_documents_and_the_latest_wins() -> None:
    documents = [_document("a", "a", date(2017, 5, 2)), _document("b", "b", date(2019, 9, 30))]
    lines = [_line("b", "k1", "decoupled", "某市甲乙协会"), _line("a", "k1", "planned", "某市甲协会")]
    tables = _analyse(documents, lines, [])
    history = tables["association_status"]
    assert [(r["document_key"], r["date"], r["status"]) for r in history] == [
        ("a", date(2017, 5, 2), "planned"),
        ("b", date(2019, 9, 30), "decoupled"),
    ]
    assert {r["name"] for r in history} == {"某市甲乙协会"}
    [latest] = tables["associations_latest"]
    assert (latest["status"], latest["document_key"], latest["date"]) == ("decoupled", "b", date(2019, 9, 30))


def test_a_dated_known_status_beats_an_undated_or_unknown_one() -> None:
    documents = [
        _document("a", "a", date(2017, 5, 2)),
        _document("b", "b", None),
        _document("c", "c", date(2021, 1, 1)),
    ]
    lines = [_line("a", "k1", "planned"), _line("b", "k1", "decoupled"), _line("c", "k1", "unknown")]
    [latest] = _analyse(documents, lines, [])["associations_latest"]
    assert (latest["status"], latest["document_key"]) == ("planned", "a")


def test_a_roster_in_the_notice_and_its_attachment_counts_once() -> None:
    documents = [
        _document("n", "n", date(2020, 6, 16)),
        _document("x", "x", None, attachment_of="n", stated_total=3),
    ]
    lines = [
        _line("n", "k1", "unknown"),
        _line("n", "k2", "planned"),
        _line("x", "k1", "decoupled"),
        _line("x", "k2", "planned"),
        _line("x", "k3", "planned"),
    ]
    tables = _analyse(documents, lines, [])
    assert {(r["association_key"], r["document_key"], r["status"]) for r in tables["association_status"]} == {
        ("k1", "n", "decoupled"),
        ("k2", "n", "planned"),
        ("k3", "n", "planned"),
    }
    [row] = tables["progress"]
    assert (row["document_key"], row["date"], row["listed"], row["decoupled"], row["planned"], row["unknown"]) == (
        "n",
        date(2020, 6, 16),
        3,
        1,
        2,
        0,
    )
    assert row["stated_total"] == 3


def test_copies_that_are_not_primary_are_ignored() -> None:
    documents = [_document("p", "p", date(2019, 1, 1)), _document("q", "p", date(2019, 1, 1), primary=False)]
    lines = [_line("p", "k1", "decoupled"), _line("q", "k1", "decoupled"), _line("q", "k2", "planned")]
    milestones = [{"doc_id": "q", "deadline": date(2019, 3, 31), "role": "finish"}]
    tables = _analyse(documents, lines, milestones)
    assert [r["association_key"] for r in tables["association_status"]] == ["k1"]
    [row] = tables["progress"]
    assert (row["listed"], row["first_deadline"], row["finish_deadline"]) == (1, None, None)


def test_progress_takes_deadlines_and_keeps_documents_with_milestones_only() -> None:
    documents = [_document("m", "m", date(2019, 1, 1), stated_total=20), _document("e", "e", date(2019, 2, 1))]
    milestones = [
        {"doc_id": "m", "deadline": date(2019, 6, 30), "role": "start"},
        {"doc_id": "m", "deadline": date(2020, 10, 31), "role": "finish"},
        {"doc_id": "m", "deadline": date(2020, 12, 31), "role": "review"},
        {"doc_id": "m", "deadline": None, "role": "other"},
    ]
    [row] = _analyse(documents, [], milestones)["progress"]
    assert (row["document_key"], row["listed"], row["stated_total"]) == ("m", 0, 20)
    assert (row["first_deadline"], row["finish_deadline"]) == (date(2019, 6, 30), date(2020, 10, 31))


def test_the_corpus_run_counts_each_document_once(corpus_run: tuple[Path, RunSummary]) -> None:
    output, _ = corpus_run
    documents = pd.read_parquet(output / "documents.parquet")
    associations = pd.read_parquet(output / "associations.parquet")
    progress = pd.read_parquet(output / "progress.parquet")
    primary = documents[documents["primary"]]
    groups = primary["attachment_of"].fillna(primary["document_key"])
    listing = set(groups[primary["doc_id"].isin(associations["doc_id"])])
    assert listing == set(progress.loc[progress["listed"] > 0, "document_key"])
    assert progress["document_key"].is_unique
    ningxia = progress[progress["adcode"] == "640000"].set_index("document_key")
    assert ningxia[["listed", "decoupled", "planned"]].values.tolist() == [[52, 47, 5]]
    kaifeng = progress[progress["adcode"] == "410200"]
    assert kaifeng[["listed", "decoupled", "planned", "stated_total"]].values.tolist() == [[150, 37, 113, 150]]
    assert len(progress) == documents.loc[documents["primary"] & documents["attachment_of"].isna()].shape[0]
    latest = pd.read_parquet(output / "associations_latest.parquet")
    assert latest.groupby("adcode", observed=True).size().to_dict() == {"410200": 150, "640000": 52}


def test_a_pilot_list_and_a_later_roster_give_an_association_its_history(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    members = ["1．某市茶叶行业协会（原市农业局）", "2．某市物流行业协会（原市交通局）", "3．某市餐饮行业协会（市商务局）"]
    pilot = ["某市民政局关于公布第一批行业协会商会脱钩试点名单的通知", "各有关单位：",
             "经研究，确定以下行业协会为第一批脱钩试点单位，请按要求推进。", *members, "某市民政局", "2017年5月2日"]
    roster = ["某市民政局关于公布已完成脱钩的行业协会商会名单的通知", "各有关单位：",
              "经审核，以下行业协会已完成脱钩，现予公布。", *members[:2], "3．某市建材行业协会（原市经信委）",
              "某市民政局", "2019年9月30日"]
    (source / "pilot-2017.txt").write_text("\n".join(pilot) + "\n", encoding="utf-8")
    (source / "roster-2019.txt").write_text("\n".join(roster) + "\n", encoding="utf-8")
    run(source, tmp_path / "out")
    status = pd.read_parquet(tmp_path / "out" / "association_status.parquet")
    tea = status[status["name"] == "某市茶叶行业协会"].sort_values("date")
    assert [(str(d.date()), s) for d, s in zip(tea["date"], tea["status"])] == [
        ("2017-05-02", "planned"), ("2019-09-30", "decoupled")]
    latest = pd.read_parquet(tmp_path / "out" / "associations_latest.parquet").set_index("name")
    assert latest.loc["某市茶叶行业协会", "status"] == "decoupled"
    assert latest.loc["某市餐饮行业协会", "status"] == "planned"
    assert latest.loc["某市建材行业协会", "status"] == "decoupled"
