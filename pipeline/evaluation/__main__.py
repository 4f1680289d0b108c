"""Run the scorer as `python -m pipeline.evaluation --gold DIR --output DIR`."""

from pipeline.evaluation.cli import main

raise SystemExit(main())
