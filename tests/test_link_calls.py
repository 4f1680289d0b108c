"""The link step does each piece of work once per distinct input, not once per row: a national corpus
prints a few hundred supervising units and far fewer names than rows, over millions of rows. Names are
canonicalised where each document is read, so the parent canonicalises none."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pytest

import pipeline.link
from linking import link_rows, prepared
from pipeline.columns import with_column
from pipeline.link import link

CITIES = [("湖南省", "邵阳市"), ("湖南省", "岳阳市"), ("河南省", "开封市")]
UNITS = ["市民政局", "原市经信委", "直接登记", None, "市发改委"]


def _rows(count: int) -> list[dict[str, Any]]:
    rows = []
    for index in range(count):
        province, city = CITIES[index % len(CITIES)]
        rows.append(
            {
                "doc_id": f"d{index % 4}",
                "name_raw": f"{city}第{index % 7}行业协会",
                "name": f"{city}第{index % 7}行业协会",
                "kind": "industry_association",
                "supervisor_raw": UNITS[index % len(UNITS)],
                "province": province,
                "city": city,
                "county": None,
                "adcode": None,
            }
        )
    return rows


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> Counter[Any]:
    """Replace `module.name` by a wrapper that counts its calls by arguments."""
    calls: Counter[Any] = Counter()
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any) -> Any:
        calls[tuple(tuple(a) if isinstance(a, list) else a for a in args)] += 1
        return original(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_each_printed_unit_in_each_place_is_normalised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, pipeline.link, "normalize_agency")
    rows = _rows(300)
    link_rows(rows, [{"doc_id": f"d{i}", "admin_level": "city"} for i in range(4)])
    assert set(calls.values()) == {1}
    assert {raw for raw, _ in calls} == set(UNITS)
    assert len(calls) == len({(row["supervisor_raw"], row["city"]) for row in rows})


def test_canonical_agencies_are_settled_once_over_distinct_units(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, pipeline.link, "canonical_agencies")
    link_rows(_rows(300))
    assert sum(calls.values()) == 1
    ((units,),) = calls
    assert len(units) == len({(unit, row_city) for unit in UNITS for row_city in CITIES})


def test_each_name_in_each_place_is_canonicalised_once_by_its_worker_and_never_by_the_parent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting(monkeypatch, pipeline.link, "canonical_name")
    rows = _rows(300)
    table = prepared(rows)
    assert set(calls.values()) == {1}
    assert len(calls) == len({(row["name"], row["city"]) for row in rows})
    calls.clear()
    link(table)
    assert not calls


def test_a_name_whose_document_moves_is_keyed_at_its_new_place() -> None:
    """An attachment that takes its notice's place is keyed there, as if its worker had known the place."""
    [row] = _rows(1)
    place = {"province": "河南省", "city": "开封市"}
    table = prepared([row])  # its worker keyed the name at the document's own place
    for column, value in place.items():
        table = with_column(table, column, pa.array([value]))  # the place the link step settled
    moved, _ = link(table, moved={row["doc_id"]})
    settled, _ = link(prepared([{**row, **place}]))
    stale, _ = link(table)
    assert moved["association_key"] == settled["association_key"] != stale["association_key"]
