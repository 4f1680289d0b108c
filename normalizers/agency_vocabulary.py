"""The supervising-unit vocabulary of `normalizers/data/agency_*.csv`, typed and read once.

Example: `agency_departments.csv` says `人社厅` stands for a province's `人力资源和社会保障厅` and
`发改局` for a county's `发展和改革局`, `agency_successors.csv` that a city's `农林局` became its
`农业农村局` in the 2018–2019 reform, `agency_central_units.csv` that `农业部` became `农业农村部`, and
`agency_place_units.csv` what one province or municipality named or reformed its own way (重庆市
`国土房管局` is its 国土资源和房屋管理局, now 规划和自然资源局).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from normalizers.agency_spellings import spelling_variants
from normalizers.vocabulary import read_table

PLACE = "{place}"
"""Marks where a committee form names its place: `团{place}委` reads `团市委` or `团邵阳市委`."""

CENTRAL = "central"
MUNICIPALITY = "municipality"
"""The level of the own units of 北京, 天津, 上海 and 重庆: city-level units, some named unlike a city's
(教育委员会 where a city has 教育局), read before the `city` rows."""
MUNICIPAL_DISTRICT = "municipal_district"
"""The level of the units of a municipality's district (重庆市渝北区): county-level units named like the
municipality's (区教委, 区商务委), read before the `county` rows."""
GENERAL_LEVEL = {MUNICIPALITY: "city", MUNICIPAL_DISTRICT: "county"}
"""The level of government a municipality's own level belongs to."""
LIST = "|"
"""Separates the values of a list cell (`province|city`, `发改委|发改局`)."""


@dataclass(frozen=True)
class CommitteeForm:
    """A party or youth-league committee written around its place, so `团市委` finds its place (`市`).

    Example: `团{place}委` is before `团`, after `委`, and expands to `中国共产主义青年团{place}委员会`.
    """

    before: str
    after: str
    expansion: str


def _split_form(form: str, expansion: str) -> CommitteeForm:
    """Cut a `{place}` form at its placeholder: `中共{place}委` → (`中共`, `委`)."""
    before, after = form.split(PLACE)
    return CommitteeForm(before, after, expansion)


@cache
def committee_forms() -> tuple[CommitteeForm, ...]:
    """Committee forms, the full ones included, most specific first (`中共{place}委员会` before `{place}委`)."""
    rows = read_table("agency_committees.csv")
    forms = {_split_form(row["form"], row["expansion"]) for row in rows}
    forms |= {_split_form(row["expansion"], row["expansion"]) for row in rows}
    return tuple(sorted(forms, key=lambda f: (-len(f.before + f.after), f.before, f.after)))


def _listed(cell: str) -> list[str]:
    return [value for value in cell.split(LIST) if value]


@cache
def department_levels() -> dict[str, tuple[str, ...]]:
    """Standard names of local departments and bodies with the levels of government that use them.

    Example: `人力资源和社会保障厅` → (`province`,); `卫生健康委员会` → every level.
    """
    return {row["name"]: tuple(_listed(row["levels"])) for row in read_table("agency_departments.csv")}


@cache
def department_committees() -> dict[str, str]:
    """Departments of a party committee and the committee they are named after.

    Example: `宣传部` → `中国共产党{place}委员会`, so a bare `市宣传部` is the city party committee's.
    """
    return {row["name"]: row["committee"] for row in read_table("agency_departments.csv") if row["committee"]}


@cache
def departments() -> frozenset[str]:
    """Standard names of departments and bodies of a local government, party committee or people's
    organisation, those only one province or municipality has (国土资源和房屋管理局) included."""
    return frozenset(department_levels()) | frozenset(name for _, name in place_units())


@dataclass(frozen=True)
class PlaceUnit:
    """A department of one province or municipality, named or reformed unlike other governments' at its level.

    Example: 重庆市 `农业委员会` is former, successor `农业农村委员会` (a city has 农业农村局); 贵州省
    `大数据发展管理局` has `former` None because what became of it is not settled.
    """

    place: str
    name: str
    former: bool | None
    successor: str | None


_STANDING = {"yes": True, "no": False, "": None}
"""The `former` cell of agency_place_units.csv: yes, no, or empty when not known."""


@cache
def place_units() -> dict[tuple[str, str], PlaceUnit]:
    """Own departments of one place by (place, standard name), from `agency_place_units.csv`."""
    return {
        (row["place"], row["name"]): PlaceUnit(
            row["place"], row["name"], _STANDING[row["former"]], row["successor"] or None
        )
        for row in read_table("agency_place_units.csv")
    }


@cache
def place_short_forms() -> dict[tuple[str, str], str]:
    """(place, short form or spelling) → that place's standard name: 重庆市 `国土房管局` → 国土资源和房屋管理局,
    贵州省 `大数据局` → 大数据发展管理局. A 大数据局 elsewhere has another official name, so it stays as printed."""
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    for row in read_table("agency_place_units.csv"):
        rows += [(row["name"], row["name"], (row["place"],))]
        rows += [(row["name"], short, (row["place"],)) for short in _listed(row["short_forms"])]
    names = frozenset(name for _, name in place_units())
    forms = _spellings(rows, names).items()
    return {(place, short): name for short, by_place in forms for place, name in by_place.items()}


def _spellings(rows: list[tuple[str, str, tuple[str, ...]]], taken: frozenset[str]) -> dict[str, dict[str, str]]:
    """Short form → {level: standard name}: the printed short forms, then the rule-made spellings
    that no short form or standard name already has and that stand for one name at each level."""
    forms: dict[str, dict[str, str]] = {}
    for name, short, levels in rows:
        for level in levels:
            forms.setdefault(short, {}).setdefault(level, name)
    made: dict[str, dict[str, set[str]]] = {}
    for name, short, levels in rows:
        for variant in spelling_variants(short):
            for level in levels:
                made.setdefault(variant, {}).setdefault(level, set()).add(name)
    for variant, by_level in made.items():
        if variant in taken or variant in forms:
            continue
        forms[variant] = {level: next(iter(names)) for level, names in by_level.items() if len(names) == 1}
    return dict(sorted(((k, v) for k, v in forms.items() if v), key=lambda item: -len(item[0])))


@cache
def short_forms() -> dict[str, dict[str, str]]:
    """Printed short forms and spellings of local units → {level: standard name}, longest first.

    Example: `人社局` → {city: 人力资源和社会保障局, county: 人力资源和社会保障局}; `人社厅` → {province: …厅};
    `住房城乡建设局` → {city: 住房和城乡建设局, county: 住房和城乡建设局}.
    """
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    for row in read_table("agency_departments.csv"):
        levels = tuple(_listed(row["levels"]))
        rows += [(row["name"], row["name"], levels)]
        rows += [(row["name"], short, levels) for short in _listed(row["short_forms"])]
    return _spellings(rows, departments() | uncertain_names())


@cache
def uncertain_names() -> frozenset[str]:
    """Printed names that stand for more than one body (`邮政局`: regulator or postal company), so no
    rule reads them as a spelling of one (`邮政管理局`)."""
    return frozenset(row["unit"] for row in read_table("agency_uncertain.csv"))


@dataclass(frozen=True)
class CentralUnit:
    """A ministry, administration, central party department or national people's organisation.

    `successor` is the unit that took its place, None when it is current or has no single one.
    """

    name: str
    former: bool
    successor: str | None


@cache
def central_units() -> dict[str, CentralUnit]:
    """Central units by standard name, former ones included (`农业部` → former, successor `农业农村部`)."""
    return {
        row["name"]: CentralUnit(row["name"], row["former"] == "yes", row["successor"] or None)
        for row in read_table("agency_central_units.csv")
    }


@cache
def central_short_forms() -> dict[str, str]:
    """Short forms and spellings of central units → standard name (`人社部`, `国家发展改革委`, `中科协`)."""
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    for row in read_table("agency_central_units.csv"):
        rows += [(row["name"], row["name"], (CENTRAL,))]
        rows += [(row["name"], short, (CENTRAL,)) for short in _listed(row["short_forms"])]
    return {short: names[CENTRAL] for short, names in _spellings(rows, frozenset(central_units())).items()}


@cache
def successors() -> dict[tuple[str, str], str | None]:
    """The successor of a former unit at one level, None when it has no certain successor.

    Example: (`经济和信息化委员会`, `province`) → `工业和信息化厅`; (`文物局`, `city`) → None.
    """
    return {(row["former"], row["level"]): row["successor"] or None for row in read_table("agency_successors.csv")}


@cache
def people_organisation_suffixes() -> tuple[str, ...]:
    """Endings of people's organisations (`…联合会`), which the government reform left in place."""
    return tuple(row["suffix"] for row in read_table("agency_mass_organisations.csv"))


@cache
def direct_registration_words() -> frozenset[str]:
    """Whole cells that mean the association has no supervising unit (`直接登记`, `无`)."""
    return frozenset(row["text"] for row in read_table("agency_direct_registration.csv"))
