"""The warm-up module loads on import what a worker would otherwise load on its first document."""

from __future__ import annotations

from normalizers.industry import _tokenizer
from pipeline.extract import extract
from pipeline.simplified_view import _traditional_only


def test_importing_it_loads_jieba_and_the_script_conversion() -> None:
    import pipeline.warm  # noqa: F401  (imported for its effect)

    assert _tokenizer.cache_info().currsize == 1
    assert _traditional_only.cache_info().currsize == 1


def test_its_sample_goes_through_the_roster_industry_milestone_and_citation_readers() -> None:
    from pipeline.warm import SAMPLE

    extraction = extract(SAMPLE, "0" * 16)
    associations = [(r["name"], r["status"], r["industry"]) for r in extraction.rows["associations"]]
    assert associations == [("某市物流协会", "decoupled", "G 交通运输、仓储和邮政业")]
    assert [m["date_text"] for m in extraction.rows["milestones"]] == ["2020年10月底前"]
    assert [c["doc_number"] for c in extraction.rows["citations"]] == ["某办发〔2015〕1号"]
