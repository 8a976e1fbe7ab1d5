# Set-up and tests. `make run` and `make test` work on a fresh machine; a second run rebuilds and re-fetches nothing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LLAMA_STAMP := $(VENV)/.llama-cpp-python
LLAMA_SERVER := $(BIN)/llama-server
DEPS_STAMP := $(VENV)/.deps
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# `make eval`: a stratified subset covering every role and kind of question (30 of 211, about five minutes on two
# cores);
# `make eval EVAL_ARGS=` runs all 211, `EVAL_ARGS="--limit 30 --compare examples/bank/compare-min-relevance.toml"`
# an A/B comparison.
EVAL_ARGS ?= --limit 30

.PHONY: run test setup models db browser lint bench eval clean-venv llama-server

run: setup
	@echo
	@echo "Gateway starting on http://$(HOST):$(PORT) (policy set: $${GATEWAY_POLICY_SET:-bank})."
	@echo "Get an admin API key (shown once) in another terminal:"
	@echo "    $(BIN)/gateway users add admin --role admin"
	@echo "Then: curl -H 'Authorization: Bearer <key>' http://$(HOST):$(PORT)/v1/models"
	@echo
	$(BIN)/gateway serve --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(DEPS_STAMP) $(LLAMA_SERVER) models db browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# llama-cpp-python: built once with portable CPU flags into a wheelhouse keyed by version and flags (the default
# native build crashes on these CPUs), then installed from there; pip never builds it implicitly.
$(LLAMA_STAMP): $(BIN)/python scripts/build-llama-wheel.sh scripts/llama-cpu-flags.sh
	wheelhouse="$$(PYTHON=$(BIN)/python scripts/build-llama-wheel.sh)" && \
	$(BIN)/python -m pip install -q --no-deps --force-reinstall "$$wheelhouse"/llama_cpp_python-*.whl && \
	$(BIN)/python -m pip install -q "diskcache>=5.6.1" "jinja2>=2.11.3" "numpy>=1.20.0" "typing-extensions>=4.5.0"
	touch $@

# llama.cpp's own server (llm.backend = "llama-server"), from the same pinned source with the same flags; cached
# under ~/.cache/llm-gateway/bin by version and flags, so a fresh clone on the same machine copies it in seconds.
llama-server: $(LLAMA_SERVER)
$(LLAMA_SERVER): $(BIN)/python scripts/build-llama-server.sh scripts/llama-cpu-flags.sh
	binary="$$(PYTHON=$(BIN)/python scripts/build-llama-server.sh)" && cp "$$binary" $@.tmp && mv $@.tmp $@

$(DEPS_STAMP): $(LLAMA_STAMP) pyproject.toml
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

models: $(DEPS_STAMP)
	$(BIN)/gateway models fetch

db: $(DEPS_STAMP)
	$(BIN)/gateway db upgrade

# The console's browser tests drive Debian's chromium through Playwright (which never downloads a browser of its
# own), with a CJK font so Chinese pages render. Installed with apt when missing and we are root (as CI runs);
# otherwise say what to install.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x "$(CHROMIUM)" ] && fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	else echo "the console's browser tests need Debian's chromium and fonts-wqy-microhei:" \
		"sudo apt-get install chromium fonts-wqy-microhei (or set CHROMIUM=/path/to/chromium)" >&2; fi

lint: $(DEPS_STAMP)
	$(BIN)/ruff check gateway tests bench
	$(BIN)/mypy gateway

# Ingest examples/bank into a scratch data directory (removed afterwards) and run its labelled questions through the
# real pipeline; prints every metric and writes var/eval/bank.json.
eval: setup
	mkdir -p var/eval
	$(BIN)/gateway eval run examples/bank $(EVAL_ARGS) --output var/eval/bank.json

bench: setup
	$(BIN)/python bench/llm_overhead.py

clean-venv:
	rm -rf $(VENV)
