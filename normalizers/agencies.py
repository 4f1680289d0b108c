"""Supervising units (业务主管单位) as full, current names, so rows of different rosters can be compared.

Example: `原自治区经信委` in a 广西壮族自治区 roster → 广西壮族自治区经济和信息化委员会, former, now
广西壮族自治区工业和信息化厅; `邵阳市农林局` in a 邵阳市 roster → former, now 邵阳市农业农村局. A unit
takes the level of its place or, printed without one, of the document: `发改委` is 国家发展和改革委员会
in a ministry's roster and the province's, city's or county's 发展和改革委员会 in theirs; `人社厅`
printed in a county's roster is the province's 人力资源和社会保障厅.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from normalizers.agency_central import central_name, current_central_name
from normalizers.agency_variants import collapse_variants
from normalizers.agency_vocabulary import (
    CENTRAL,
    MUNICIPAL_DISTRICT,
    MUNICIPALITY,
    PLACE,
    central_units,
    committee_forms,
    department_committees,
    department_levels,
    departments,
    direct_registration_words,
    people_organisation_suffixes,
    place_short_forms,
    place_units,
    short_forms,
    successors,
)
from normalizers.chinese import to_simplified
from normalizers.divisions import (
    Locality,
    Place,
    government_level,
    locality_adcode,
    locality_label,
    official_place_name,
    own_places,
    split_place,
    starts_with_own_place,
)
from normalizers.metadata_vocabulary import issuer_endings
from normalizers.names import kind_suffix

FORMER_MARK = "原"
NOW_MARKS = ("现为", "现")
"""What opens a successor printed after a former unit: `原市经信委(现市工信局)`."""
KEY_DIGITS = 16
_SPACE = re.compile(r"\s+")
_STRAY_PUNCTUATION = "，,。.；;：:、"
SECOND_NAME = re.compile(r"(?P<unit>.+?)\((?P<other>[^()]+)\)")
"""A unit followed by the other name it also carries (一个机构两块牌子), in brackets."""
CENTRAL_LOCALITY = Locality(level=CENTRAL)
"""The place of a central unit: the country, with no province, city or county."""


@dataclass(frozen=True)
class AgencyName:
    """A supervising unit as printed and as normalised.

    `registration` is None when no unit is printed at all. `name` is None for 直接登记 and for units
    whose place the document does not say (`市民政局` in a province's roster); a name printed in full is kept even when its successor is unknown
    (`原邵阳市邮政局`: former, no current). `former` is None when the reform's effect on the unit is
    not known; `current` is the successor, the unit itself when not former, None when not certain. `locality` is the
    unit's own place (a 湖南省 unit in a 邵阳市 roster is a province unit), None for 直接登记.
    """

    raw: str | None
    name: str | None
    former: bool | None
    current: str | None
    registration: str | None
    locality: Locality | None = None


@dataclass(frozen=True)
class _Unit:
    """A unit name cut into its committee form (or none), its place and its body (`邵阳市` + `民政局`)."""

    committee: str | None
    place: Place | None
    body: str
    certain: bool

    def render(self, body: str) -> str:
        """The full name with another body, so a successor keeps the unit's place and committee; a district's
        unit opens with its city's name too (重庆市渝北区商务委员会), as its official name does."""
        place = official_place_name(self.place) if self.place else ""
        head = self.committee.replace(PLACE, place) if self.committee else place
        return head + body


def clean_text(raw: str | None) -> str:
    """NFKC and simplified characters, no white space, no stray end punctuation or unbalanced bracket: ` 邵阳市　民政局）` → 邵阳市民政局."""
    text = _SPACE.sub("", to_simplified(raw or "")).strip(_STRAY_PUNCTUATION)
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip(_STRAY_PUNCTUATION)
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip(_STRAY_PUNCTUATION)
    return text


def _strip_former(text: str, document: Locality) -> tuple[str, bool]:
    """Drop a leading 原 and say whether it was there; `原阳县…` in its own county keeps its 原."""
    if text.startswith(FORMER_MARK) and not starts_with_own_place(text, document):
        return text[len(FORMER_MARK) :], True
    return text, False


def _table_levels(place: Place | None) -> tuple[str, ...]:
    """The vocabulary levels a place's units are read at, most specific first: a municipality's own units
    at `municipality` then `city`, its districts' at `municipal_district` then `county`, others at their level."""
    if place is None or place.locality.level is None:
        return ()
    locality = place.locality
    if locality.province and locality.province == locality.city:
        special = {"city": MUNICIPALITY, "county": MUNICIPAL_DISTRICT}.get(locality.level)
        return (special, locality.level) if special else (locality.level,)
    return (locality.level,)


def _expand(body: str, place: Place | None) -> str:
    """The standard name a body printed in full or in a known short form stands for at the unit's place.

    Example: `经信委` → `经济和信息化委员会`; `人社厅` → `人力资源和社会保障厅`; `国土房管局` of 重庆市 →
    `国土资源和房屋管理局`. Only a whole body is expanded, so no rule makes a name no government uses
    (`国土房管局` elsewhere stays as printed, never `国土房产管理局`), and a standard name stays as it is.
    """
    if place is not None and (own := place_short_forms().get((place.name, body))):
        return own
    if body in departments() or body not in short_forms():
        return body
    names = short_forms()[body]
    return next((names[level] for level in _table_levels(place) if level in names), next(iter(names.values())))


def _used_at(body: str, place: Place) -> bool:
    """True when the standard department `body` exists at the place (a 厅 is a province's, 教育委员会 a municipality's)."""
    levels = department_levels().get(body, ())
    return (place.name, body) in place_units() or any(level in levels for level in _table_levels(place))


def _default_place(body: str, document: Locality) -> Place | None:
    """The document's own place of a department printed without one: the most specific whose level
    uses it (`民政局` in a county's roster is the county's, `人社厅` the province's)."""
    places = own_places(document)
    fitting = (place for place in places if _used_at(_expand(body, place), place))
    return next(fitting, places[0] if places else None)


def _committee(text: str, document: Locality) -> _Unit | None:
    """A party or youth-league committee and its department: `市委宣传部` → 中国共产党{市}委员会 + 宣传部.

    A form ending in 委 does not take the 委 of 委员会: a bare `…市委员会` may be another committee.
    """
    for form in committee_forms():
        if not text.startswith(form.before):
            continue
        split = split_place(text[len(form.before) :], document)
        committee_closes = split.rest.startswith(form.after) and not split.rest[len(form.after) :].startswith("员会")
        if (split.place or split.unresolved) and committee_closes:
            body = _expand(split.rest[len(form.after) :], split.place)
            return _Unit(form.expansion, split.place, body, not split.unresolved)
    return None


def _unit(text: str, document: Locality) -> _Unit:
    """Cut a cleaned unit name into committee, place and expanded body, adding the place a bare department
    lacks and the party committee a party department printed without it belongs to (`市宣传部`)."""
    committee = _committee(text, document)
    if committee is not None:
        return committee
    split = split_place(text, document)
    if split.place is not None or split.unresolved:
        body = _expand(split.rest, split.place)
        return _Unit(department_committees().get(body), split.place, body, not split.unresolved)
    place = _default_place(split.rest, document)
    body = _expand(split.rest, place)
    place = place if body in departments() else None
    return _Unit(department_committees().get(body) if place else None, place, body, True)


def _current_successor(body: str, level: str) -> str | None:
    """The successor a former unit has today, following renames in turn (卫生局 → 卫生和计划生育委员会 →
    卫生健康委员会); None when one step has no certain successor."""
    seen = {body}
    successor = successors()[body, level]
    while successor is not None and (successor, level) in successors() and successor not in seen:
        seen.add(successor)
        successor = successors()[successor, level]
    return successor


def _is_current(unit: _Unit) -> bool:
    """True for names the reform left in place: standard departments, committees, people's organisations."""
    if unit.committee and not unit.body or unit.body.endswith(people_organisation_suffixes()):
        return True
    if unit.place is None:
        return unit.body in department_levels()
    return _used_at(unit.body, unit.place)


def _succession_key(body: str, place: Place | None) -> tuple[str, str] | None:
    """The row of agency_successors.csv for a unit: a municipality's or its districts' row first (北京 天津
    上海 重庆 renamed some units unlike cities and each other; an empty successor there means the unit may
    still exist in one of them, so it is not known to be former), else its level's."""
    return next(((body, level) for level in _table_levels(place) if (body, level) in successors()), None)


def _own_standing(unit: _Unit) -> tuple[bool | None, str | None] | None:
    """Former flag and current body of a unit its own place names unlike others (agency_place_units.csv),
    following successors in turn: 重庆市 农业委员会 → (True, 农业农村委员会); None when the place has no row."""
    own = place_units().get((unit.place.name, unit.body)) if unit.place and unit.committee is None else None
    if own is None:
        return None
    seen = {own.name}
    step = own
    while step.former and step.successor and step.successor not in seen:
        seen.add(step.successor)
        step = place_units()[own.place, step.successor]
    return own.former, step.name if step.former is False else None


def _resolve(raw: str | None, text: str, marked: bool, document: Locality) -> AgencyName:
    """Name, former flag and successor of a cleaned unit name whose 原 is already taken off."""
    central = _central(raw, text, marked, document)
    if central is not None:
        return central
    unit = _unit(text, document)
    locality = unit.place.locality if unit.place else None
    if not unit.certain:
        return AgencyName(raw, None, True if marked else None, None, "supervised", locality)
    name = unit.render(unit.body)
    own = _own_standing(unit)
    if own is not None:
        former, current = own
        if former is None or marked and not former:
            return AgencyName(raw, name, True if marked else None, None, "supervised", locality)
        return AgencyName(raw, name, former, unit.render(current) if current else None, "supervised", locality)
    key = _succession_key(unit.body, unit.place) if unit.committee is None else None
    if key is not None and key[1] in (MUNICIPALITY, MUNICIPAL_DISTRICT) and successors()[key] is None:
        return AgencyName(raw, name, True if marked else None, None, "supervised", locality)
    if key is not None:
        successor = _current_successor(*key)
        return AgencyName(raw, name, True, unit.render(successor) if successor else None, "supervised", locality)
    if marked:
        return AgencyName(raw, name, True, None, "supervised", locality)
    if _is_current(unit):
        return AgencyName(raw, name, False, name, "supervised", locality)
    return AgencyName(raw, name, None, None, "supervised", locality)


def _central(raw: str | None, text: str, marked: bool, document: Locality) -> AgencyName | None:
    """A ministry, administration or national body, whose place is the country (`农业部` → 农业农村部)."""
    name = central_name(text, document.level == CENTRAL)
    if name is None:
        return None
    if central_units()[name].former:
        return AgencyName(raw, name, True, current_central_name(name), "supervised", CENTRAL_LOCALITY)
    if marked:
        return AgencyName(raw, name, True, None, "supervised", CENTRAL_LOCALITY)
    return AgencyName(raw, name, False, name, "supervised", CENTRAL_LOCALITY)


def normalize_agency(raw: str | None, locality: Locality) -> AgencyName:
    """Normalise a printed supervising unit against the document's locality.

    Example: `原邵阳市国土资源局` → 邵阳市国土资源局, former, now 邵阳市自然资源和规划局;
    `直接登记` → registration `direct` with no name; nothing printed → registration unknown (None), as
    a roster without a supervisor column says nothing about how its associations are registered. A
    unit printed with its second name in brackets (`市委宣传部(市新闻出版局)`) is the first one when that one is known, and one printed with its
    successor (`原市经信委(现市工信局)`) takes the printed successor.
    """
    text = clean_text(raw)
    if not text:
        return AgencyName(raw, None, None, None, None)
    if text in direct_registration_words():
        return AgencyName(raw, None, None, None, "direct")
    text, marked = _strip_former(text, locality)
    return _bracketed(raw, text, marked, locality) or _resolve(raw, text, marked, locality)


def names_unit(raw: str | None, document: Locality = Locality()) -> bool:
    """True when a text names a supervising unit, or says there is none, rather than part of a name.

    A roster printed as lines may give the unit in brackets after the association's name:
    `（原市经信委）`, `（团市委）`, `（区海洋发展局）`, `（直接登记）` name one; `（筹）`, `（香港）` and a
    former name of the association itself (`（原某市物资协会）`) do not. A unit is known to the
    vocabulary, or opens with a place or 原 and ends like a government body (局, 委, 办, 联合会…).
    """
    text = clean_text(raw)
    if text in direct_registration_words():
        return bool(text)
    bare, marked = _strip_former(text, document)
    if not bare:
        return False
    if central_name(bare, document.level == CENTRAL) is not None:
        return True
    unit = _unit(bare, document)
    if unit.body in departments() or (unit.committee and not unit.body):
        return True
    if kind_suffix(bare) is not None:
        return False
    if _known(raw, bare, document):
        return True
    split = split_place(bare, document)
    return (marked or split.place is not None or split.unresolved) and bare.endswith(issuer_endings())


def _known(raw: str | None, text: str, document: Locality) -> bool:
    """True when the text names a unit whose standing is known without a 原 mark."""
    return _resolve(raw, text, False, document).former is not None


def _bracketed(raw: str | None, text: str, marked: bool, document: Locality) -> AgencyName | None:
    """A unit printed as `A(B)` when the whole is no known unit but A is: A, and when B opens with 现
    (`原市经信委(现市工信局)`) the successor printed in B; None when the rule does not apply."""
    brackets = SECOND_NAME.fullmatch(text)
    if brackets is None or _known(raw, text, document) or not _known(raw, brackets["unit"], document):
        return None
    first = _resolve(raw, brackets["unit"], marked, document)
    now = next((brackets["other"][len(m) :] for m in NOW_MARKS if brackets["other"].startswith(m)), None)
    successor = _resolve(raw, now, False, document) if now else None
    if successor is None or successor.name is None or successor.former:
        return first
    return replace(first, former=True, current=successor.name)


def canonical_agencies(rows: Iterable[tuple[AgencyName, Locality]]) -> list[AgencyName]:
    """The agencies with spelling variants replaced by their canonical unit, in order, for the roster's columns.

    Example: with both seen, `邵阳市住房城乡建设局` becomes 邵阳市住房和城乡建设局, current.
    """
    pairs = list(rows)
    canonical = collapse_variants(agency.name for agency, _ in pairs if agency.name)
    settled: dict[tuple[AgencyName, Locality], AgencyName] = {}
    for agency, document in dict.fromkeys(pairs):
        target = canonical.get(agency.name or "", agency.name)
        if target == agency.name:
            settled[agency, document] = agency
            continue
        _, marked = _strip_former(clean_text(agency.raw), document)
        settled[agency, document] = replace(_resolve(agency.raw, target, marked, document), raw=agency.raw)
    return [settled[pair] for pair in pairs]


def agency_key(agency: AgencyName, document: Locality) -> str:
    """A stable key: the first hex digits of the SHA-256 of the unit's place and name (or printed text)."""
    place = agency.locality or Locality()
    label = agency.name or _strip_former(clean_text(agency.raw), document)[0]
    text = "|".join([place.province or "", place.city or "", place.county or "", label])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_DIGITS]


def _former(values: list[bool | None]) -> bool | None:
    """A unit is former when any roster line says so, current when one says that and none says former."""
    if True in values:
        return True
    return False if False in values else None


def agency_table(rows: Iterable[tuple[AgencyName, Locality]]) -> list[dict]:
    """Rows of agencies.parquet: one per distinct supervising unit, with every spelling seen, sorted by name.

    Example: `邵阳市农林局` and `原邵阳市农林局` make one row, former, successor 邵阳市农业农村局, rows 2.
    """
    lines = Counter(rows)
    pairs = list(lines)
    units = zip(canonical_agencies(pairs), pairs, lines.values(), strict=True)
    supervised = [(agency, place, count) for agency, (_, place), count in units if agency.registration == "supervised"]
    return agency_rows([(agency_key(agency, place), agency, count) for agency, place, count in supervised])


def agency_rows(units: Iterable[tuple[str, AgencyName, int]]) -> list[dict]:
    """`agency_table` from settled units, each with its key and the number of roster lines naming it, in the
    order the lines first name them (the first unit of a key gives its name and place)."""
    groups: dict[str, list[tuple[AgencyName, int]]] = {}
    for key, agency, count in units:
        groups.setdefault(key, []).append((agency, count))
    table = [_table_row(key, named) for key, named in groups.items()]
    return sorted(table, key=lambda row: (row["name"] is None, row["name"] or "", row["agency_key"]))


def _table_row(key: str, named: list[tuple[AgencyName, int]]) -> dict:
    """One agencies.parquet row from the units (with their line counts) naming one unit."""
    agencies = [agency for agency, _ in named]
    first = agencies[0]
    former = _former([agency.former for agency in agencies])
    successor = next((a.current for a in agencies if a.former and a.current), None) if former else None
    place = first.locality or Locality()
    return {
        "agency_key": key,
        "name": first.name,
        "aliases": sorted({agency.raw for agency in agencies if agency.raw}),
        "former": former,
        "successor": successor,
        "province": place.province,
        "city": place.city,
        "county": place.county,
        "rows": sum(count for _, count in named),
        "adcode": locality_adcode(place),
        "admin_level": government_level(place),
        "locality": locality_label(place),
    }
