"""Spellings of unit names made by rule: without 和, 委 for 委员会, 局 for 管理局, 政府 for 人民政府."""

from __future__ import annotations

import pytest

from normalizers.agency_spellings import spelling_variants

CASES = {
    "without-and": ("人力资源和社会保障局", {"人力资源社会保障局"}),
    "commission-short": ("卫生健康委员会", {"卫生健康委"}),
    "both-rules": ("发展和改革委员会", {"发展改革委员会", "发展和改革委", "发展改革委"}),
    "administration-short": ("机关事务管理局", {"机关事务局"}),
    "government-keeps-its-word": ("人民政府办公室", {"政府办公室"}),
    "nothing-to-shorten": ("民政局", set()),
    "supervision-short": ("药品监督管理局", {"药品监管局", "药品监督局"}),
    "national-administration-without-country": ("国家体育总局", {"体育总局"}),
    "national-bureau-keeps-country": ("国家邮政局", set()),
}


@pytest.mark.parametrize(("name", "expected"), CASES.values(), ids=CASES.keys())
def test_spelling_variants(name: str, expected: set[str]) -> None:
    assert spelling_variants(name) == expected


def test_name_is_not_its_own_variant() -> None:
    assert "发展和改革委员会" not in spelling_variants("发展和改革委员会")
