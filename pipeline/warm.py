"""Load the extractors' dictionaries, vocabularies and patterns once, before any document: on import.

Each is loaded on first use, so a fresh worker pays for all of them on its first document: measured
on this machine under load (2026-12-02), the first bench PDF's extraction took 8.6 s and the second
0.24 s, 6.5 s of the difference being jieba's dictionary (one `marshal.load` of 500,000 words, about
0.4 s on a quiet machine). The fork server the workers start from imports this module
(`pipeline.pool.WORKER_MODULES`), so the loading is done once per run and every worker, also one
replaced after `MAX_TASKS_PER_WORKER` files, is forked with it done.
"""

from __future__ import annotations

from pipeline.extract import extract
from readers.model import Block, BlockKind, Document, TableRow

SAMPLE = Document(
    source_format="txt",
    blocks=[
        Block(BlockKind.HEADING, text="某市民政局关于公布第一批脱钩试点名单的通知"),
        Block(
            BlockKind.PARAGRAPH,
            text="根据《关于印发〈某方案〉的通知》（某办发〔2015〕1号），各协会于2020年10月底前完成脱钩。",
        ),
        Block(
            BlockKind.TABLE,
            table=0,
            rows=(TableRow(("序号", "名稱", "業務主管單位", "備註")), TableRow(("1", "某市物流協會", "市商務局", "已脫鉤"))),
        ),
        Block(BlockKind.PARAGRAPH, text="某市民政局\n2019年10月15日"),
    ],
)
"""An invented notice with a traditional-character roster, a citation and dates: extracting it touches every loader."""


def warm_up() -> None:
    """Extract `SAMPLE`, which loads what the extractors load on first use (jieba, OpenCC, the gazetteer…)."""
    extract(SAMPLE, "0" * 16)


warm_up()
