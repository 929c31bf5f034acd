# The two commands of the README: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
RUNTIME_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_DEBS := poppler-utils postgresql
DEMO := var/demo
CODE := cli reports templates warehouse tests
export BENCHHOUSE_WAREHOUSE ?= $(CURDIR)/$(DEMO)/warehouse

.PHONY: demo test test-fast bench deps compile clean

# The packages are installed by uv (itself pinned, installed by pip): the same versions as pip would
# install, in 8 s rather than 28. Each module's bytecode (.pyc) is written by the first process that
# imports it: PYTHONDONTWRITEBYTECODE, which the project's machines set, is unset for every command
# here. With it set nothing writes them, and every process would compile WeasyPrint, Altair and our
# own 24,000 lines from source each time it starts (0.3 s of CPU for ours alone); compiling every
# installed module at install instead (uv --compile-bytecode) costs 18 s of CPU for the 6,200 files
# of which the demo and the tests import 1,700. Then DuckDB checks each extension file's signature
# once, recorded beside the file, instead of once in every process (0.3 s of CPU each:
# warehouse/connection.py: load_extension).
unexport PYTHONDONTWRITEBYTECODE

$(INSTALLED): pyproject.toml constraints.txt
	scripts/install-debian-packages $(RUNTIME_DEBS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c constraints.txt -e '.[test]'
	$(BIN)/python -c 'from warehouse.connection import record_checked_extensions as r; r()'
	touch $@

deps: $(INSTALLED)

# Our own modules compiled to .pyc before a run, in one step on every core: otherwise the processes
# a run starts side by side (each pytest worker, the demo warehouse's build) would each compile the
# same 24,000 lines at once. Only files changed since the last run are compiled.
compile: $(INSTALLED)
	$(BIN)/python -m compileall -q -j 0 $(CODE)

# Build the demo warehouse from the real data in data/sources and generated house runs calibrated to
# it (warehouse/demo.py), with the demo tenant, then run the quarter for the demo subscribers and
# render the demo tenant's private deliverable. Running it again loads nothing twice and renders no
# quarterly deliverable twice (the private one is rendered again).
DEMO_PERIOD := 2026Q3
demo: compile
	@mkdir -p $(DEMO)
	$(BIN)/benchhouse demo
	$(BIN)/benchhouse quarterly $(DEMO_PERIOD) --out out
	$(BIN)/benchhouse private report --tenant fabrikam-insurance --period $(DEMO_PERIOD) --out out
	@echo "The deliverables are in out/$(DEMO_PERIOD)/<subscriber>/ (see out/$(DEMO_PERIOD)/manifest.json);"
	@echo "the demo tenant's private deliverable in out/private/fabrikam-insurance/$(DEMO_PERIOD)/;"
	@echo "the warehouse is in $(BENCHHOUSE_WAREHOUSE): BENCHHOUSE_WAREHOUSE=$(BENCHHOUSE_WAREHOUSE) $(BIN)/benchhouse schema"

# Every test: the fast unit tests (pure functions, one view on a fixture warehouse, the findings), then
# the functional ones (real renders read back, processes, kill -9, a plain install). --dist loadscope
# keeps each module's tests on one worker, so a module's fixture (the tenants' world, the first
# quarterly run) is built once, not once per worker. The temporary files go to memory where the machine
# allows (scripts/test-tmpdir): about 15 s less CPU a run on the project's machines.
test: compile
	scripts/install-debian-packages $(TEST_DEBS)
	env $$(scripts/test-tmpdir) $(BIN)/python -m pytest -n auto --dist loadscope --no-loadscope-reorder tests/unit tests/functional tests/bad_inputs

# The unit tests alone (112 s on the slow 2-core machine of issue 20's sessions).
test-fast: compile
	env $$(scripts/test-tmpdir) $(BIN)/python -m pytest -n auto --dist loadscope --no-loadscope-reorder tests/unit

# Every benchmark against its baseline in one run (bench/run.py, under 15 minutes on 2 cores): writes
# bench/results.json and the README's performance table. BENCH_BEFORE=DIR, a checkout of an older commit
# with its own .venv, adds that code's render cost per deliverable, e.g.
#   git worktree add /tmp/bench-before 7ce9ca2 && make -C /tmp/bench-before deps
#   make bench BENCH_BEFORE=/tmp/bench-before
BENCH_BEFORE ?=
bench: compile
	$(BIN)/python bench/run.py $(if $(BENCH_BEFORE),--before $(BENCH_BEFORE))

clean:
	rm -rf $(DEMO) .pytest_cache
