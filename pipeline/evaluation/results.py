"""The scores of a whole run: per gold file, micro-averaged totals, and the flat summary tests hold floors on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.evaluation.associations import AssociationScore, Consistency, consistency
from pipeline.evaluation.documents import DocumentScore
from pipeline.evaluation.metrics import Counts, TableScore, Tally, tally_by_field

Figure = float | int | None


@dataclass(frozen=True)
class FileScore:
    """One gold file's scores; a table the gold leaves out is None (not scored)."""

    file: str
    document: DocumentScore
    associations: AssociationScore | None
    milestones: TableScore | None
    citations: TableScore | None
    classes: tuple[str, ...] = ()

    @property
    def roster(self) -> TableScore | None:
        """The name matching of the roster, scored like the other tables."""
        return self.associations.table if self.associations is not None else None


@dataclass(frozen=True)
class EvaluationReport:
    """All file scores of one run; totals are micro-averaged (counts summed before dividing)."""

    files: tuple[FileScore, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """Gold files whose document the run did not write."""
        return tuple(score.file for score in self.files if not score.document.present)

    @property
    def document_fields(self) -> Tally:
        """Document fields right over all files."""
        return sum((score.document.tally for score in self.files), Tally())

    @property
    def roster(self) -> Counts:
        """Roster name matching over all files."""
        return _total(score.roster for score in self.files)

    @property
    def milestones(self) -> Counts:
        """Milestone matching over all files."""
        return _total(score.milestones for score in self.files)

    @property
    def citations(self) -> Counts:
        """Citation matching over all files."""
        return _total(score.citations for score in self.files)

    @property
    def field_accuracy(self) -> dict[str, Tally]:
        """Accuracy of each association field over the matched rows of all files."""
        return tally_by_field(check for roster in self._rosters for check in roster.checks)

    @property
    def row_fields(self) -> Tally:
        """All association fields of the matched rows together, for one accuracy figure per report."""
        return sum(self.field_accuracy.values(), Tally())

    @property
    def key_consistency(self) -> Consistency:
        """`group` against `association_key`, global across files."""
        return consistency(link for roster in self._rosters for link in roster.key_links)

    @property
    def supervisor_consistency(self) -> Consistency:
        """`supervisor_group` against `supervisor`, global across files."""
        return consistency(link for roster in self._rosters for link in roster.supervisor_links)

    @property
    def classes(self) -> tuple[str, ...]:
        """The failure classes the gold files are tagged with, sorted; empty when the gold tags none."""
        return tuple(sorted({name for score in self.files for name in score.classes}))

    def restricted_to(self, name: str) -> EvaluationReport:
        """The same report over only the files tagged with class `name`, so every figure has a per-class twin."""
        return EvaluationReport(files=tuple(score for score in self.files if name in score.classes))

    def by_class(self) -> dict[str, EvaluationReport]:
        """One restricted report per class, in class order."""
        return {name: self.restricted_to(name) for name in self.classes}

    @property
    def _rosters(self) -> list[AssociationScore]:
        return [score.associations for score in self.files if score.associations is not None]

    def summary(self) -> dict[str, Figure]:
        """The overall figures under flat dotted keys (`associations.f1`), None where undefined, for floors in tests."""
        figures: dict[str, Figure] = {
            "documents.files": len(self.files),
            "documents.missing": len(self.missing),
            "documents.field_accuracy": self.document_fields.share,
        }
        for table, counts in (("associations", self.roster), ("milestones", self.milestones),
                              ("citations", self.citations)):
            figures |= {f"{table}.precision": counts.precision, f"{table}.recall": counts.recall,
                        f"{table}.f1": counts.f1}
        figures["associations.field_accuracy"] = self.row_fields.share
        figures |= {f"associations.field.{field}": tally.share for field, tally in self.field_accuracy.items()}
        for name, result in (("group", self.key_consistency), ("supervisor_group", self.supervisor_consistency)):
            figures |= {f"associations.{name}_consistency": result.share,
                        f"associations.{name}_violations": result.violations}
        return figures


def _total(scores: Iterable[TableScore | None]) -> Counts:
    return sum((score.counts for score in scores if score is not None), Counts())
