"""The linker stays linear on a roster built to defeat its blocking: comparisons are counted, never timed."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from normalizers import association_keys
from normalizers.association_keys import MAX_BLOCK_NAMES, NEIGHBOURS, NameRecord, assign_keys
from linking import link_rows

NX = "宁夏回族自治区"
DESIGNATOR_LETTERS = "区县回族自治地壮市旗特别行政盟省维吾尔州"
"""Letters the blocking drops, so names that differ only in them share one block."""


def near_identical(base: str, count: int, seed: int = 11) -> list[str]:
    """`count` distinct names made from `base` by inserting designator letters inside it (`宁夏煤区炭行业协会`)."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        chars = list(base)
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randint(3, len(chars) - 2), rng.choice(DESIGNATOR_LETTERS))
        names.add("".join(chars))
    return sorted(names)


def roster_rows(names: list[str]) -> list[dict]:
    """Roster rows as `link` receives them, every name in one province and kind."""
    return [
        {
            "doc_id": f"{i // 100:016x}",
            "row": i % 100,
            "name": name,
            "name_raw": name,
            "kind": "industry_association",
            "supervisor_raw": "自治区民政厅",
            "province": NX,
            "city": None,
            "county": None,
            "adcode": None,
        }
        for i, name in enumerate(names)
    ]


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A one-item list holding the number of name pairs the linker has compared so far."""
    count = [0]
    pairs = association_keys.candidate_pairs

    def counting(names: list[str]) -> Iterator[tuple[str, str]]:
        for pair in pairs(names):
            count[0] += 1
            yield pair

    monkeypatch.setattr(association_keys, "candidate_pairs", counting)
    return count


def test_ten_thousand_near_identical_names_link_in_linear_comparisons(compared: list[int]) -> None:
    names = near_identical("宁夏煤炭行业协会", 10_000)
    linked, _ = link_rows(roster_rows(names))
    assert len(linked) == len(names)
    assert 0 < compared[0] <= len(names) * NEIGHBOURS


def test_designator_variants_still_merge_inside_an_oversize_block() -> None:
    crowd = near_identical("宁夏驻上海企业协会", 3 * MAX_BLOCK_NAMES)
    names = ["宁夏驻上海市企业协会", "宁夏驻上海企业协会", *crowd]
    keys = assign_keys([NameRecord(name, NX, None, "industry_association") for name in names])
    assert keys[0] == keys[1]
    assert len(set(keys[2:])) > MAX_BLOCK_NAMES


def test_a_small_block_is_compared_pair_by_pair(compared: list[int]) -> None:
    names = near_identical("宁夏煤炭行业协会", MAX_BLOCK_NAMES)
    assign_keys([NameRecord(name, NX, None, "industry_association") for name in names])
    assert compared[0] == len(names) * (len(names) - 1) // 2
