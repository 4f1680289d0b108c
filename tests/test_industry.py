"""associations.industry: the GB/T 4754-2017 section an association's name points to, null when it names none."""

from __future__ import annotations

import itertools

import pytest

from extractors.associations import association_rows
from extractors.roster_model import RosterLine
from normalizers.industry import head_section, industry_section, sections, term_sections
from normalizers.locality import Locality
from normalizers.names import kind_suffixes

NINGXIA = Locality("宁夏回族自治区", None, None, "640000", "province")
KAIFENG = Locality("河南省", "开封市", None, "410200", "city")
HEDONG = Locality("天津市", "天津市", "河东区", "120102", "county")
NOWHERE = Locality()

PLACES = (
    ("宁夏回族自治区", NINGXIA),
    ("宁夏", NINGXIA),
    ("宁夏银川市", NINGXIA),
    ("开封市", KAIFENG),
    ("河南省开封市", KAIFENG),
    ("天津市河东区", HEDONG),
    ("某某市", NOWHERE),
    ("某县", NOWHERE),
    ("", KAIFENG),
)
"""Invented openings of names: real places in their own document's locality, placeholders, and none."""
ENDINGS = ("行业协会", "协会", "商会", "促进会", "学会", "研究会", "联合会")

OFFICIAL_SECTIONS = (
    "A 农、林、牧、渔业", "B 采矿业", "C 制造业", "D 电力、热力、燃气及水生产和供应业", "E 建筑业",
    "F 批发和零售业", "G 交通运输、仓储和邮政业", "H 住宿和餐饮业", "I 信息传输、软件和信息技术服务业",
    "J 金融业", "K 房地产业", "L 租赁和商务服务业", "M 科学研究和技术服务业", "N 水利、环境和公共设施管理业",
    "O 居民服务、修理和其他服务业", "P 教育", "Q 卫生和社会工作", "R 文化、体育和娱乐业",
    "S 公共管理、社会保障和社会组织", "T 国际组织",
)  # fmt: skip

SECTION_WORDS = {
    "A": ("茶叶", "畜牧业", "水产", "蔬菜", "花卉", "种子", "养蜂", "农机"),
    "B": ("煤炭", "矿业", "黄金", "稀土", "煤层气", "矿产", "盐业", "采矿"),
    "C": ("建筑材料", "钢铁", "家具", "纺织", "医药", "医疗器械", "汽车", "食品"),
    "D": ("电力", "燃气", "供热", "城镇供水", "水务", "风能", "热力", "液化石油气"),
    "E": ("建筑", "建筑业", "装饰装修", "园林绿化", "土木工程", "钢结构", "市政工程", "建筑安装"),
    "F": ("商贸", "连锁经营", "拍卖", "药品零售", "电子商务", "进出口", "汽车流通", "加油站"),
    "G": ("物流", "道路运输", "出租汽车", "快递", "仓储", "港口", "城市公交", "冷链物流"),
    "H": ("餐饮", "饭店", "烹饪", "住宿业", "旅游饭店", "民宿", "酒店", "火锅"),
    "I": ("软件", "互联网", "信息技术", "大数据", "通信", "计算机", "物联网", "网络安全"),
    "J": ("银行业", "证券", "保险", "典当", "小额贷款", "期货", "融资租赁", "村镇银行"),
    "K": ("房地产", "房地产业", "物业管理", "房地产估价", "房地产经纪", "物业服务", "住房租赁", "不动产"),
    "L": ("律师", "注册会计师", "广告", "会展", "旅游", "人力资源服务", "保安服务", "资产评估"),
    "M": ("科技", "检验检测", "测绘", "工程设计", "计量", "地质", "气象", "工程监理"),
    "N": ("水利", "环境保护", "环卫", "污水处理", "风景名胜区", "野生动物保护", "水土保持", "城市管理"),
    "O": ("家政", "汽车维修", "美容美发", "殡葬", "摄影", "洗染", "机动车维修", "家电维修"),
    "P": ("教育", "教育培训", "幼儿园", "民办教育", "职业教育", "驾校", "学前教育", "家庭教育"),
    "Q": ("医院", "医师", "中医药", "养老", "护理", "残疾人", "慈善", "社会工作"),
    "R": ("出版", "广播电视", "体育", "文物", "收藏", "书法", "足球", "演出"),
    "S": ("社会组织", "社区", "扶贫开发", "见义勇为", "退役军人", "关心下一代", "老区建设", "社会保障"),
    "T": ("国际组织",),
}
"""Words that association names use for each section; GB/T 4754-2017 has no association trade for `T`."""

GENERATED = [
    (f"{place}{word}{ending}", locality, section)
    for section, words in SECTION_WORDS.items()
    for word, (place, locality), ending in itertools.product(words, PLACES, ENDINGS)
]

TRICKY = {
    # The head comes last: the last industry word before the kind ending wins over its modifiers.
    "logistics_of_building_materials": ("某市建筑材料物流协会", NOWHERE, "G"),
    "building_materials_alone": ("某市建筑材料协会", NOWHERE, "C"),
    "car_repair_is_one_word": ("开封市汽车维修行业协会", KAIFENG, "O"),
    "car_making": ("开封市汽车行业协会", KAIFENG, "C"),
    "car_rental": ("开封市汽车租赁协会", KAIFENG, "L"),
    "medicine_sold": ("宁夏药品流通行业协会", NINGXIA, "F"),
    "tea_traded": ("宁夏茶叶流通协会", NINGXIA, "F"),
    "broadcast_transmission": ("宁夏广播电视传输协会", NINGXIA, "I"),
    "real_estate_with_industry_character": ("宁夏房地产业协会", NINGXIA, "K"),
    "medical_society": ("宁夏医学会", NINGXIA, "Q"),
    "collectors": ("开封市收藏家协会", KAIFENG, "R"),
    "old_revolutionary_base_not_building": ("宁夏老区建设促进会", NINGXIA, "S"),
    "place_then_industry": ("宁夏回族自治区银川市餐饮行业协会", NINGXIA, "H"),
    "bracket_note": ("开封市物流协会（筹）", KAIFENG, "G"),
    "electronic_commerce_not_electronics": ("开封市电子商务协会", KAIFENG, "F"),
    "sports_goods_are_made": ("开封市体育用品协会", KAIFENG, "C"),
    "water_engineering_is_building": ("开封市水利工程协会", KAIFENG, "E"),
    "new_energy_cars_not_energy": ("宁夏新能源汽车协会", NINGXIA, "C"),
    "dance_not_standards": ("某某市国际标准舞协会", NOWHERE, "R"),
    "motorcycle_sport_not_making": ("某某市摩托车运动协会", NOWHERE, "R"),
    "motorcycles_made": ("某某市摩托车行业协会", NOWHERE, "C"),
}
"""Names whose section depends on which word is the head; the expected letter with the reason in the id."""

NULL = {
    "enterprise_federation": ("开封市企业联合会", KAIFENG),
    "industry_and_commerce_federation": ("开封市工商联合会", KAIFENG),
    "chamber_of_another_place": ("宁夏河北商会", NINGXIA),
    "chamber_of_another_city": ("宁夏回族自治区温州商会", NINGXIA),
    "general_chamber": ("开封市总商会", KAIFENG),
    "self_employed_workers": ("某县个体劳动者协会", NOWHERE),
    "entrepreneurs": ("开封市企业家协会", KAIFENG),
    "young_entrepreneurs": ("开封市青年企业家协会", KAIFENG),
    "small_firms": ("宁夏中小企业协会", NINGXIA),
    "foreign_invested_firms": ("宁夏外商投资企业协会", NINGXIA),
    "private_economy": ("开封市民营经济促进会", KAIFENG),
}
"""Names that say who the members are, or where they come from, but not what they do."""


def test_sections_are_the_twenty_of_the_standard() -> None:
    assert tuple(sections().values()) == OFFICIAL_SECTIONS


def test_every_term_names_a_section() -> None:
    assert set(term_sections().values()) <= set(sections())


def test_no_term_hides_in_a_kind_ending() -> None:
    endings = [s.suffix for s in kind_suffixes()] + ["行业", "产业"]
    assert not [(term, ending) for term in term_sections() for ending in endings if term in ending]


def test_generated_names_have_a_few_hundred_per_section() -> None:
    per_section = {section: sum(1 for *_, s in GENERATED if s == section) for section in SECTION_WORDS}
    assert min(n for s, n in per_section.items() if s != "T") >= 500


def test_generated_names_accuracy_is_one() -> None:
    found = [(name, industry_section(name, locality), sections()[section]) for name, locality, section in GENERATED]
    assert [case for case in found if case[1] != case[2]] == []


@pytest.mark.parametrize(("name", "locality", "section"), TRICKY.values(), ids=TRICKY.keys())
def test_tricky_names(name: str, locality: Locality, section: str) -> None:
    assert industry_section(name, locality) == sections()[section]


@pytest.mark.parametrize(("name", "locality"), NULL.values(), ids=NULL.keys())
def test_names_without_an_industry_are_null(name: str, locality: Locality) -> None:
    assert industry_section(name, locality) is None


def test_a_place_is_never_an_industry() -> None:
    assert head_section("宁夏回族自治区") is None
    assert industry_section("宁夏回族自治区", NINGXIA) is None


def test_association_rows_carry_the_industry() -> None:
    lines = [RosterLine("1.开封市物流协会"), RosterLine("开封市企业联合会"), RosterLine("")]
    rows = association_rows("d", lines, KAIFENG)
    assert [row["industry"] for row in rows] == ["G 交通运输、仓储和邮政业", None, None]
