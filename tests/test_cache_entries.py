"""Cache entries are data (JSON behind a checksum), and give back exactly the result that was stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RAW

from pipeline.cache import decode_entry, encode_entry
from pipeline.process import job_for, process_file


@pytest.mark.parametrize("name", ["ningxia-gxt-2019.html", "kaifeng-fgw-2020-roster.xlsx", "luozhuang-2018.txt"])
def test_an_entry_gives_back_the_result_with_its_dates(name: str) -> None:
    result = process_file(job_for(RAW, RAW / name))
    back = decode_entry(encode_entry(result))
    assert (back.document, back.rows) == (result.document, result.rows)


def test_an_entry_is_json_under_its_checksum(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("各协会要在2020年10月底前完成脱钩任务。\n", encoding="utf-8")
    checksum, _, body = encode_entry(process_file(job_for(tmp_path, tmp_path / "a.txt"))).partition(b"\n")
    assert len(checksum) == 64 and body.startswith(b"{")
    with pytest.raises(ValueError, match="checksum"):
        decode_entry(checksum + b"\n" + body.replace(b"2020", b"2021"))
