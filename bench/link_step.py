"""`python -m bench.link_step ROWS`: time the link step over synthetic roster rows, alone in this process.

The link step runs in the parent once every worker is done, holding every table; run here in a
process of its own, the peak memory printed is that of the tables and the link, nothing else.
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from bench.measure import MIB, synthetic_tables
from pipeline.run import link_tables

KIB = 1024


def main() -> int:
    """Build the synthetic tables, link them, print seconds and peak memory as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.link_step", description=__doc__)
    parser.add_argument("rows", type=int, help="synthetic roster rows")
    tables = synthetic_tables(parser.parse_args().rows)
    started = time.perf_counter()
    link_tables(tables)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB / MIB
    print(json.dumps({"seconds": seconds, "peak_memory_mib": peak}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
