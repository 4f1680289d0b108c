"""Associations join agencies by `agency_key`, and agencies carry their code, level and readable place."""

from __future__ import annotations

from linking import link_citation_rows, link_rows


def _row(doc_id: str, name: str, supervisor: str | None, place: tuple[str, str | None, str | None]) -> dict:
    province, city, county = place
    return {
        "doc_id": doc_id,
        "name_raw": name,
        "name": name,
        "kind": "industry_association",
        "supervisor_raw": supervisor,
        "province": province,
        "city": city,
        "county": county,
        "adcode": None,
    }


CITY = ("湖南省", "邵阳市", None)
DOCUMENTS = [{"doc_id": "a", "admin_level": "city"}, {"doc_id": "b", "admin_level": "central"}]
ROWS = [
    _row("a", "邵阳市甲行业协会", "市民政局", CITY),
    _row("a", "邵阳市乙行业协会", "邵阳市民政局", CITY),
    _row("a", "邵阳市丙行业协会", "湖南省气象局", CITY),
    _row("a", "邵阳市丁行业协会", "直接登记", CITY),
    _row("a", "邵阳市戊行业协会", None, CITY),
    _row("b", "中国甲行业协会", "民政部", (None, None, None)),
]


def test_every_supervised_row_joins_one_agency() -> None:
    associations, agencies = link_rows(ROWS, DOCUMENTS)
    keys = {agency["agency_key"]: agency for agency in agencies}
    names = [keys[row["agency_key"]]["name"] if row["agency_key"] else None for row in associations]
    assert names == ["邵阳市民政局", "邵阳市民政局", "湖南省气象局", None, None, "民政部"]
    assert sum(agency["rows"] for agency in agencies) == 4


def test_agencies_carry_code_level_and_label() -> None:
    _, agencies = link_rows(ROWS, DOCUMENTS)
    places = {agency["name"]: (agency["adcode"], agency["admin_level"], agency["locality"]) for agency in agencies}
    assert places == {
        "邵阳市民政局": ("430500", "city", "湖南省邵阳市"),
        "湖南省气象局": ("430000", "province", "湖南省"),
        "民政部": (None, "central", "中央"),
    }


def test_a_municipality_unit_is_province_level() -> None:
    rows = [_row("a", "天津市甲行业协会", "天津市民政局", ("天津市", "天津市", None))]
    _, agencies = link_rows(rows, [{"doc_id": "a", "admin_level": "province"}])
    assert [(a["adcode"], a["admin_level"], a["locality"]) for a in agencies] == [("120000", "province", "天津市")]


def test_citations_of_one_document_share_a_key_across_documents() -> None:
    rows = [
        {"doc_id": "a", "doc_number": "甲发〔2019〕1号", "title": "甲办法", "cited_key": "甲发〔2019〕1号"},
        {"doc_id": "b", "doc_number": None, "title": "甲办法", "cited_key": "甲办法"},
    ]
    assert [row["cited_key"] for row in link_citation_rows(rows)] == ["甲发〔2019〕1号", "甲发〔2019〕1号"]
