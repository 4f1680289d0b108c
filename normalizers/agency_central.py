"""Central units named in a roster: ministries, administrations, central party departments and national
people's organisations, with what became of them in the State Council reforms.

Example: `农业部` → 农业部, now 农业农村部; `原银监会` → 中国银行业监督管理委员会, now (via the 2018
银保监会) 国家金融监督管理总局; `发改委` in a ministry's roster → 国家发展和改革委员会, while in a
county's roster it is the county's own bureau.
"""

from __future__ import annotations

from normalizers.agency_vocabulary import central_short_forms, central_units, departments, short_forms

COUNTRY = "中华人民共和国"
"""The country's name, which may open a ministry's name in full (`中华人民共和国民政部`)."""


def central_name(text: str, central_document: bool) -> str | None:
    """The standard name of the central unit a cleaned text names, or None.

    A short form that local governments also use (`发改委`, `科协`, `国资委`) names the central unit
    only in a central document; elsewhere it is the document's own department.
    """
    if (bare := text.removeprefix(COUNTRY)) in central_units():
        return bare
    name = central_short_forms().get(text)
    if name and not central_document and (text in short_forms() or text in departments()):
        return None
    return name


def current_central_name(name: str) -> str | None:
    """A central unit's name today, following its successors in turn; None when a step has no single successor."""
    unit = central_units()[name]
    seen = {name}
    while unit.former:
        if unit.successor is None or unit.successor in seen:
            return None
        seen.add(unit.successor)
        unit = central_units()[unit.successor]
    return unit.name
