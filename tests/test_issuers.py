"""Issuers' names are recognised by their endings and written in full against the document's locality."""

from __future__ import annotations

import pytest

from extractors.issuers import full_issuer_name, is_central, issuer_names, merge_issuers
from normalizers.locality import Locality

SHAOYANG = Locality("湖南省", "邵阳市", None, "430500", "city")
NINGXIA = Locality("宁夏回族自治区", None, None, "640000", "province")
YUZHONG = Locality("重庆市", "重庆市", "渝中区", "500103", "county")
LANKAO = Locality("河南省", "开封市", "兰考县", "410225", "county")

NAME_LINES = {
    "one-name": ("邵阳市民政局", ("邵阳市民政局",)),
    "two-names-wide-space": ("邵阳市发展和改革委员会\u3000\u3000邵阳市民政局", ("邵阳市发展和改革委员会", "邵阳市民政局")),
    "names-with-enumeration-comma": ("中共兰考县委、兰考县人民政府", ("中共兰考县委", "兰考县人民政府")),
    "letter-spaced-name": ("宁夏回族自治区 民政厅", ("宁夏回族自治区民政厅",)),
    "place-alone": ("渝中区", None),
    "attachment-line": ("附件：1.脱钩名单", None),
    "sentence": ("现将有关事项通知如下", None),
}


@pytest.mark.parametrize(("line", "expected"), NAME_LINES.values(), ids=NAME_LINES.keys())
def test_issuer_names(line: str, expected: tuple[str, ...] | None) -> None:
    assert issuer_names(line) == expected


FULL_NAMES = {
    "relative-city-bureau": ("市民政局", SHAOYANG, "邵阳市民政局"),
    "relative-region-department": ("自治区工业和信息化厅", NINGXIA, "宁夏回族自治区工业和信息化厅"),
    "party-committee-abbreviation": ("中共兰考县委", LANKAO, "中国共产党兰考县委员会"),
    "abbreviated-ending-keeps-municipality": ("重庆市渝中区发改委", YUZHONG, "重庆市渝中区发展和改革委员会"),
    "full-name-unchanged": ("兰考县人民政府", LANKAO, "兰考县人民政府"),
    "central-body": ("国务院办公厅", Locality(level="central"), "国务院办公厅"),
}


@pytest.mark.parametrize(("raw", "locality", "expected"), FULL_NAMES.values(), ids=FULL_NAMES.keys())
def test_full_issuer_name(raw: str, locality: Locality, expected: str) -> None:
    assert full_issuer_name(raw, locality) == expected


MERGES = {
    "same-name-twice": (["邵阳市民政局", "邵阳市民政局"], ("邵阳市民政局",)),
    "longer-name-of-one-body-kept-in-place": (["渝中区发展和改革委员会", "重庆市渝中区发展和改革委员会"], ("重庆市渝中区发展和改革委员会",)),
    "joint-issuers-in-order": (["邵阳市发展和改革委员会", "邵阳市民政局", "邵阳市发展和改革委员会"], ("邵阳市发展和改革委员会", "邵阳市民政局")),
}


@pytest.mark.parametrize(("names", "expected"), MERGES.values(), ids=MERGES.keys())
def test_merge_issuers(names: list[str], expected: tuple[str, ...]) -> None:
    assert merge_issuers(names) == expected


CENTRAL = {
    "state-council-office": ("国务院办公厅", True),
    "ministry": ("民政部", True),
    "national-commission": ("国家发展改革委", True),
    "city-bureau": ("邵阳市民政局", False),
    "province-department": ("湖南省民政厅", False),
}


@pytest.mark.parametrize(("name", "expected"), CENTRAL.values(), ids=CENTRAL.keys())
def test_is_central(name: str, expected: bool) -> None:
    assert is_central(name) is expected

