# Two commands on a fresh machine: `make extract` and `make test`.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
TUOGOU  := $(VENV)/bin/tuogou
INPUT   ?= data/raw
OUTPUT  ?= data/processed
EVAL_OUT ?= build/eval
EVAL_GEN_OUT ?= build/eval-generalisation
FUZZ_FILES ?= 2000
FUZZ_SEED ?= 1
FUZZ_OPTIONS ?=
STAMP   := $(VENV)/.installed

.PHONY: extract test eval docs bench fuzz clean report screenshot xlsx

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

## extract: read every document of INPUT (default data/raw) into Parquet tables in OUTPUT
extract: $(STAMP)
	$(TUOGOU) extract --input $(INPUT) --output $(OUTPUT)

## test: run the test suite
test: $(STAMP)
	$(PY) -m pytest -q

## eval: run on the gold corpus (tests/corpus/documents) and score the tables against the gold,
##       then the same, reported per failure class, on the generalisation corpus (tests/generalisation)
eval: $(STAMP)
	$(TUOGOU) extract --input tests/corpus/documents --output $(EVAL_OUT) --quiet
	$(TUOGOU) eval --gold tests/corpus/gold --output $(EVAL_OUT) --label "Shared corpus (tests/corpus)"
	$(TUOGOU) extract --input tests/generalisation/documents --output $(EVAL_GEN_OUT) --quiet
	$(TUOGOU) eval --gold tests/generalisation/gold --output $(EVAL_GEN_OUT) \
		--label "Generalisation corpus (tests/generalisation, per failure class below)"

## report: write OUTPUT/report.html from the tables in OUTPUT (links to the files of INPUT)
report: $(STAMP)
	$(TUOGOU) report --input $(INPUT) --output $(OUTPUT)

## xlsx: write OUTPUT/tuogou.xlsx, the tables as a workbook for spreadsheet users
xlsx: $(STAMP)
	$(TUOGOU) export --xlsx --output $(OUTPUT)

## screenshot: regenerate docs/report.png from the report (headless Chromium)
screenshot: report
	$(PY) -m pipeline.report.browser $(OUTPUT)/report.html docs/report.png

## docs: regenerate the README's data dictionary from pipeline/schemas.py
docs: $(STAMP)
	$(TUOGOU) docs

clean:
	rm -rf build $(OUTPUT)/*.parquet

## bench: build or reuse a corpus of 350 documents and 3,000+ pages under build/bench and measure throughput
bench: $(STAMP)
	$(PY) -m bench

## fuzz: run FUZZ_FILES mutated corpus files (seed FUZZ_SEED) through every reader; print statuses, crashes, hangs
##       (FUZZ_OPTIONS=--slow also mutates .doc files and scans; see python -m tests.fuzz --help)
fuzz: $(STAMP)
	$(PY) -m tests.fuzz --files $(FUZZ_FILES) --seed $(FUZZ_SEED) $(FUZZ_OPTIONS)
