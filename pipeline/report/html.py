"""Write the run's report: one self-contained HTML file that opens offline.

Charts are inline SVG (see charts.py), styles are inline, and a Content-Security-Policy forbids
every fetch, so the file can be mailed or opened from a USB stick. Links to the source files are
relative to the report, so they work wherever the input and output folders travel together.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from pipeline.report import charts, data
from pipeline.report.labels import DOCUMENT_STATUS_NAMES, ROLE_NAMES, UNSETTLED, level_label
from pipeline.writer import replace_atomically

REPORT_NAME = "report.html"

WARNING_TITLES = {
    "roster_count_mismatch": "总数不符 Count mismatches",
    "roster_missing": "缺少附件名单 Missing attachments",
}

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline.report", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "—"


def _source_linker(input_dir: Path | None, report: Path):
    """A function giving `raw/a.pdf p. 3` as a link to the file (and its page) relative to the report."""

    def source(path: str, page: int | None) -> Markup:
        label = escape(path) + (Markup(f" 第{page}页 p. {page}") if page is not None else "")
        if input_dir is None:
            return Markup(label)
        href = Path(os.path.relpath(input_dir.resolve() / path, report.parent.resolve())).as_posix()
        if page is not None and path.lower().endswith(".pdf"):
            href += f"#page={page}"
        return Markup('<a href="{}">{}</a>').format(href, label)

    return source


def render(output_dir: Path, report: Path, input_dir: Path | None = None) -> str:
    """The report's HTML for the tables in `output_dir`, with source links relative to `report`."""
    facts = data.load(output_dir)
    drawn = charts.draw_all(facts.localities, facts.by_place, facts.by_agency, facts.milestones)
    return _TEMPLATES.get_template("report.html.j2").render(
        **facts.__dict__,
        charts={name: Markup(svg) for name, svg in drawn.items()},
        agency_limit=data.AGENCY_LIMIT,
        other_statuses=data.OTHER_STATUSES,
        warning_titles=WARNING_TITLES,
        role_names=ROLE_NAMES,
        document_status_names=DOCUMENT_STATUS_NAMES,
        unsettled=UNSETTLED,
        level_label=level_label,
        share=_share,
        source=_source_linker(input_dir, report),
    )


def write_report(output_dir: Path, path: Path | None = None, *, input_dir: Path | None = None) -> Path:
    """Write the report of the run in `output_dir` to `path` (default `output_dir/report.html`).

    `input_dir`, the folder the run read, turns each file named in the data-quality section and
    the milestone table into a relative link to it (and to its page for a PDF); without it the
    path and page are printed as text. Returns the path written.
    """
    output_dir = Path(output_dir)
    path = Path(path) if path is not None else output_dir / REPORT_NAME
    html = render(output_dir, path, Path(input_dir) if input_dir is not None else None)
    replace_atomically(path, lambda temporary: temporary.write_text(html, encoding="utf-8"))
    return path
