"""Issuers' names are recognised by their endings and written in full against the document's locality."""

from __future__ import annotations

import pytest

from extractors.issuers import (
    abbreviates,
    full_issuer_name,
    is_central,
    issuer_names,
    merge_issuers,
    split_joint_issuers,
)
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
    "central-short-name": ("国家发展改革委", Locality(level="central"), "国家发展和改革委员会"),
    "central-name-before-the-reform": ("安监总局", Locality(level="central"), "国家安全生产监督管理总局"),
    "state-name-before-a-ministry": ("中华人民共和国财政部", Locality(level="central"), "财政部"),
    "state-name-before-an-administration": ("中华人民共和国国家市场监督管理总局", Locality(level="central"), "国家市场监督管理总局"),
}


@pytest.mark.parametrize(("raw", "locality", "expected"), FULL_NAMES.values(), ids=FULL_NAMES.keys())
def test_full_issuer_name(raw: str, locality: Locality, expected: str) -> None:
    assert full_issuer_name(raw, locality) == expected


MERGES = {
    "same-name-twice": (["邵阳市民政局", "邵阳市民政局"], ("邵阳市民政局",)),
    "longer-name-of-one-body-kept-in-place": (["渝中区发展和改革委员会", "重庆市渝中区发展和改革委员会"], ("重庆市渝中区发展和改革委员会",)),
    "joint-issuers-in-order": (["邵阳市发展和改革委员会", "邵阳市民政局", "邵阳市发展和改革委员会"], ("邵阳市发展和改革委员会", "邵阳市民政局")),
    "signature-abbreviates-masthead": (["株洲市人民政府办公室", "株洲市政府办公室"], ("株洲市人民政府办公室",)),
    "short-first-full-kept-in-its-place": (["国家发展改革委", "民政部", "国家发展和改革委员会"], ("国家发展和改革委员会", "民政部")),
    "party-committee-and-its-office-stay-apart": (["中共株洲市委", "中共株洲市委办公室"], ("中共株洲市委", "中共株洲市委办公室")),
    "government-and-its-office-stay-apart": (["株洲市人民政府", "株洲市人民政府办公室"], ("株洲市人民政府", "株洲市人民政府办公室")),
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
    "state-name-before-ministry": ("中华人民共和国民政部", True),
    "ministry-before-the-2018-reform": ("国土资源部", True),
    "administration-printed-short": ("市场监管总局", True),
    "ministry-opening-with-a-county-short-name": ("公安部", True),
    "regulator": ("中国银保监会", True),
    "relative-city-office": ("市人民政府办公室", False),
    "local-branch-of-a-central-body": ("国家税务总局湖南省税务局", False),
}


@pytest.mark.parametrize(("name", "expected"), CENTRAL.values(), ids=CENTRAL.keys())
def test_is_central(name: str, expected: bool) -> None:
    assert is_central(name) is expected



JOINT = {
    "two-provincial-departments": ("湖南省民政厅湖南省发展和改革委员会", ("湖南省民政厅", "湖南省发展和改革委员会")),
    "three-bodies": ("江西省民政厅江西省财政厅江西省人力资源和社会保障厅", ("江西省民政厅", "江西省财政厅", "江西省人力资源和社会保障厅")),
    "party-office-and-government-office": ("中共株洲市委办公室株洲市人民政府办公室", ("中共株洲市委办公室", "株洲市人民政府办公室")),
    "government-then-party": ("株洲市人民政府中共株洲市委", ("株洲市人民政府", "中共株洲市委")),
    "two-central-bodies": ("国家发展改革委民政部", ("国家发展改革委", "民政部")),
    "relative-second-body": ("中共湖南省委省人民政府", ("中共湖南省委", "省人民政府")),
    "branch-of-a-central-body": ("国家税务总局福建省税务局", ("国家税务总局福建省税务局",)),
    "working-committee-of-direct-organs": ("中共湖南省委省直机关工作委员会", ("中共湖南省委省直机关工作委员会",)),
    "one-body-with-an-office": ("中共株洲市委办公室", ("中共株洲市委办公室",)),
    "one-central-body-opening-with-a-county-short-name": ("公安部办公厅", ("公安部办公厅",)),
    "state-council-commission": ("国务院国有资产监督管理委员会", ("国务院国有资产监督管理委员会",)),
}


@pytest.mark.parametrize(("name", "expected"), JOINT.values(), ids=JOINT.keys())
def test_split_joint_issuers(name: str, expected: tuple[str, ...]) -> None:
    assert split_joint_issuers(name) == expected


ABBREVIATIONS = {
    "department-short-form": ("湖南省人社厅", "湖南省人力资源和社会保障厅", True),
    "government-without-people": ("株洲市政府", "株洲市人民政府", True),
    "commission-short-form": ("国家发展改革委", "国家发展和改革委员会", True),
    "without-and": ("湖南省人力资源社会保障厅", "湖南省人力资源和社会保障厅", True),
    "committee-is-not-its-office": ("中共株洲市委", "中共株洲市委办公室", False),
    "government-is-not-its-office": ("株洲市人民政府", "株洲市人民政府办公室", False),
    "other-place": ("长沙县民政局", "长沙市望城县民政局", False),
    "other-department": ("湖南省民政厅", "湖南省民族宗教事务委员会", False),
}


@pytest.mark.parametrize(("short", "full", "expected"), ABBREVIATIONS.values(), ids=ABBREVIATIONS.keys())
def test_abbreviates(short: str, full: str, expected: bool) -> None:
    assert abbreviates(short, full) is expected
