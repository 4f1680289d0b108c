"""The run's report: `write_report(output_dir)` writes one self-contained, offline `report.html`."""

from pipeline.report.html import write_report

__all__ = ["write_report"]
