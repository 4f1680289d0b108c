"""The scorer's entry point: pair each gold file with its document in the outputs and score every table."""

from __future__ import annotations

from pathlib import Path

from pipeline.evaluation.associations import score_associations
from pipeline.evaluation.citations import score_citations
from pipeline.evaluation.documents import score_document
from pipeline.evaluation.gold import GoldFile, load_gold
from pipeline.evaluation.milestones import score_milestones
from pipeline.evaluation.outputs import Outputs, load_outputs
from pipeline.evaluation.results import EvaluationReport, FileScore


def evaluate(gold_dir: Path, output_dir: Path) -> EvaluationReport:
    """Score a run's outputs against every gold file; a document absent from the outputs is missing, not an error."""
    golds = load_gold(gold_dir)
    outputs = load_outputs(output_dir)
    return EvaluationReport(files=tuple(_score_file(gold, outputs) for gold in golds))


def _score_file(gold: GoldFile, outputs: Outputs) -> FileScore:
    """The gold's `file` is the document's `source_path`; its `doc_id` then selects the rows of the other tables."""
    row = outputs.documents.get(gold.file)
    doc_id = str(row["doc_id"]) if row is not None else None
    return FileScore(
        file=gold.file,
        document=score_document(gold.document, row),
        associations=None if gold.associations is None
        else score_associations(gold.associations, outputs.rows("associations", doc_id)),
        milestones=None if gold.milestones is None
        else score_milestones(gold.milestones, outputs.rows("milestones", doc_id)),
        citations=None if gold.citations is None
        else score_citations(gold.citations, outputs.rows("citations", doc_id)),
        classes=gold.classes,
    )
