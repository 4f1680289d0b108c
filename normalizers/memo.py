"""How much the remembered (memoised) normalisers keep per process.

Rosters print the same supervising units, statuses and headings row after row, and a run's
documents share their boilerplate, so the pure functions of a string that the extractors call per
line or per cell remember their answers (`functools.lru_cache`), bounded so a long run's workers
do not grow without end. Measured over the 350 bench files in one process (2026-12-02, loaded 2-core
machine): extraction's CPU time 37.6 s → 11.0 s with these and the other changes of issue 13, peak
resident memory 167 → 173 MiB.
"""

CACHE_SIZE = 1 << 17
"""Distinct short strings (names, cells) remembered per function: a 100,000-row run repeats names across documents."""
TEXT_CACHE_SIZE = 1 << 14
"""Distinct lines and paragraphs remembered per function: enough for a long document's repeats, a few MB at most."""
