"""A document's locality comes from its clues: the strongest place named, settled by the others."""

from __future__ import annotations

import pytest

from normalizers.locality import Clue, Locality, NumberPrefix, resolve_locality

HEDONG_TITLE = "河东区关于全面推开行业协会商会与行政机关脱钩改革的实施意见"
HEDONG_AMBIGUOUS = "ambiguous_locality: 河东区 (天津市河东区, 山东省临沂市河东区)"

CASES = {
    # From the shared gold.
    "ningxia-relative-issuer": (
        ["自治区工业和信息化厅", "自治区工业和信息化厅关于深化行业协会商会与行政机关脱钩改革工作的通知"],
        ["宁夏设备管理协会", "原自治区经信委", "根据《关于印发〈宁夏回族自治区深化…实施方案〉的通知》"],
        Locality("宁夏回族自治区", None, None, "640000", "province"),
        [],
    ),
    "kaifeng-roster-without-issuer": (
        [],
        ["开封市通信行业协会", "河南省通信管理局", "开封市互联网协会", "河南省通信管理局", "开封市燃气协会"],
        Locality("河南省", "开封市", None, "410200", "city"),
        [],
    ),
    "hedong-issuer-names-municipality": (
        ["天津市河东区发展和改革委员会", HEDONG_TITLE],
        [],
        Locality("天津市", "天津市", "河东区", "120102", "county"),
        [],
    ),
    "luozhuang-party-committee": (
        ["中共罗庄区委", "罗庄区人民政府"],
        [],
        Locality("山东省", "临沂市", "罗庄区", "371311", "county"),
        [],
    ),
    "luoyang-title": (
        ["中共洛阳市委办公室 洛阳市人民政府办公室 关于印发《洛阳市行业协会商会与行政机关脱钩实施方案》的通知"],
        [],
        Locality("河南省", "洛阳市", None, "410300", "city"),
        [],
    ),
    # Invented.
    "ambiguous-county-left-null": (
        [HEDONG_TITLE],
        [],
        Locality(None, None, "河东区", None, "county"),
        [HEDONG_AMBIGUOUS],
    ),
    "ambiguous-county-settled-by-province-in-text": (
        [HEDONG_TITLE],
        ["我区作为天津中心城区，全区行业协会商会"],
        Locality("天津市", "天津市", "河东区", "120102", "county"),
        [],
    ),
    "ambiguous-county-settled-by-city-in-roster": (
        [HEDONG_TITLE],
        ["临沂市河东区物流协会", "临沂市商务局"],
        Locality("山东省", "临沂市", "河东区", "371312", "county"),
        [],
    ),
    "ambiguous-within-one-province-keeps-province": (
        ["市中区人民政府"],
        ["山东省民政厅"],
        Locality("山东省", None, "市中区", None, "county"),
        ["ambiguous_locality: 市中区 (山东省济南市市中区, 山东省枣庄市市中区)"],
    ),
    "county-unique-in-country": (
        ["尉氏县民政局"],
        [],
        Locality("河南省", "开封市", "尉氏县", "410223", "county"),
        [],
    ),
    "two-character-county": (
        ["赵县人民政府办公室"],
        [],
        Locality("河北省", "石家庄市", "赵县", "130133", "county"),
        [],
    ),
    "municipality-district": (
        ["北京市朝阳区发展和改革委员会"],
        [],
        Locality("北京市", "北京市", "朝阳区", "110105", "county"),
        [],
    ),
    "municipality-itself": (
        ["上海市民政局"],
        [],
        Locality("上海市", "上海市", None, "310000", "province"),
        [],
    ),
    "autonomous-prefecture": (
        ["延边朝鲜族自治州民政局"],
        [],
        Locality("吉林省", "延边朝鲜族自治州", None, "222400", "city"),
        [],
    ),
    "county-in-autonomous-prefecture": (
        ["巴音郭楞蒙古自治州库尔勒市人民政府"],
        [],
        Locality("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "库尔勒市", "652801", "county"),
        [],
    ),
    "county-under-province-directly": (
        ["济源市民政局"],
        [],
        Locality("河南省", None, "济源市", "419001", "county"),
        [],
    ),
    "former-county": (
        ["平泉县人民政府"],
        [],
        Locality("河北省", "承德市", "平泉县", "130823", "county"),
        [],
    ),
    "short-name-after-its-city-means-current-unit": (
        ["承德市平泉发展和改革局"],
        [],
        Locality("河北省", "承德市", "平泉市", "130881", "county"),
        [],
    ),
    "relative-city-settled-by-roster": (
        ["市民政局"],
        ["开封市收藏协会", "开封市书法协会", "开封市民政局"],
        Locality("河南省", "开封市", None, "410200", "city"),
        [],
    ),
    "relative-region-unsettled": (
        ["自治区民政厅"],
        [],
        Locality(None, None, None, None, "province"),
        ["ambiguous_locality: 自治区 (内蒙古自治区, 广西壮族自治区, 西藏自治区, 宁夏回族自治区, 新疆维吾尔自治区)"],
    ),
    "city-issuer-outranks-province-in-title": (
        ["洛阳市民政局", "关于贯彻落实《河南省行业协会商会脱钩方案》的通知"],
        [],
        Locality("河南省", "洛阳市", None, "410300", "city"),
        [],
    ),
    "second-place-of-regional-chamber-is-ignored": (
        [],
        ["宁夏陕西商会", "宁夏川渝商会", "宁夏山东工商企业联合会"],
        Locality("宁夏回族自治区", None, None, "640000", "province"),
        [],
    ),
    "central-document": (
        ["国务院办公厅"],
        ["各省、自治区、直辖市人民政府"],
        Locality(),
        [],
    ),
}


@pytest.mark.parametrize(("primary", "secondary", "expected", "warnings"), CASES.values(), ids=CASES.keys())
def test_resolve_locality(primary: list[str], secondary: list[str], expected: Locality, warnings: list[str]) -> None:
    assert resolve_locality(primary, secondary) == (expected, warnings)


CHANGSHA = Locality("湖南省", "长沙市", None, "430100", "city")
HUNAN = Locality("湖南省", None, None, "430000", "province")

ORDERED = {
    "province-abbreviation-settles-relative-department": (
        ["省民政厅", NumberPrefix("湘民发"), "关于做好脱钩工作的通知"],
        [],
        None,
        HUNAN,
        [],
    ),
    "city-initial-settles-relative-office-with-text": (
        ["市人民政府办公室", NumberPrefix("长政办发")],
        ["长沙市商会", "长沙市书法家协会", "长春市", "株洲市商会", "株洲市"],
        None,
        Locality("湖南省", "长沙市", None, "430100", "city"),
        [],
    ),
    "city-numbered-by-another-character": (
        ["市人民政府办公室", NumberPrefix("穗府办")],
        ["广州市商会", "深圳市商会", "深圳市"],
        None,
        Locality("广东省", "广州市", None, "440100", "city"),
        [],
    ),
    "number-outranks-title": (
        [NumberPrefix("湘民函"), "关于同意株洲市行业协会脱钩名单的批复"],
        [],
        None,
        HUNAN,
        [],
    ),
    "issuer-outranks-disagreeing-number-and-title": (
        ["长沙市民政局", NumberPrefix("赣民发"), "关于转发《株洲市脱钩方案》的通知"],
        [],
        None,
        CHANGSHA,
        [],
    ),
    "number-without-province-leaves-title-to-decide": (
        [NumberPrefix("株民发"), "关于衡阳市行业协会脱钩的通知"],
        [],
        None,
        Locality("湖南省", "衡阳市", None, "430400", "city"),
        [],
    ),
    "my-city-and-city-in-a-cited-title": (
        [],
        ["根据《长沙市行业协会脱钩实施方案》", "湖南省民政厅", "湖南省发展和改革委员会", "全省统一部署"],
        "市",
        CHANGSHA,
        [],
    ),
    "my-city-lifts-a-district-to-its-city": (
        [],
        ["芙蓉区行业协会", "芙蓉区商会"],
        "市",
        CHANGSHA,
        [],
    ),
    "my-county-under-a-city-title-unsettled": (
        ["关于转发《株洲市脱钩方案》的通知"],
        [],
        "县",
        Locality("湖南省", "株洲市", None, None, "county"),
        ["ambiguous_locality: 株洲市 (湖南省株洲市攸县, 湖南省株洲市茶陵县, 湖南省株洲市炎陵县)"],
    ),
}


@pytest.mark.parametrize(
    ("primary", "secondary", "self_word", "expected", "warnings"), ORDERED.values(), ids=ORDERED.keys()
)
def test_clues_in_order_of_trust(
    primary: list[Clue], secondary: list[str], self_word: str | None, expected: Locality, warnings: list[str]
) -> None:
    assert resolve_locality(primary, secondary, self_word) == (expected, warnings)
