# pressdesk: `make run` opens the TUI on the demo desk; `make test` runs the linters and the whole suite on SQLite;
# `make test-all` (what CI runs) runs it beside the PostgreSQL half; `make bench` runs every benchmark beside its floor (BENCH_ARGS=--quick for a 100k desk).
PYTHON ?= python3
# Byte-code caches are written (a machine may set PYTHONDONTWRITEBYTECODE): without them every test process compiled
# pressdesk and pytest rewrote every test module again, ~3 s of CPU per process.
unexport PYTHONDONTWRITEBYTECODE
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_TESTS := tests/test_backends.py tests/test_bench_server.py tests/tui/test_desk_live.py tests/test_search_server.py \
	tests/test_server_desks.py
PG_SERVICE_TESTS := tests/test_queries.py tests/test_desk_rows.py tests/test_status.py tests/test_search.py tests/test_core.py \
	tests/test_routing.py tests/test_interviews.py tests/test_privacy.py tests/test_response_times.py \
	tests/test_reports.py tests/test_experts.py tests/test_statements_coverage.py tests/test_deadlines_in_services.py \
	tests/test_contact_import.py tests/test_contacts_manage.py tests/test_duplicates.py tests/test_export_log.py \
	tests/test_export_report.py tests/test_release_intake.py tests/test_people_names.py tests/test_clock.py \
	tests/test_contact_import_bulk.py tests/test_contact_import_dnc.py tests/test_demo_history.py \
	tests/test_desk_views.py tests/test_enquiry_inputs.py tests/test_export_csv_same.py tests/test_history_paths.py \
	tests/test_text_fields.py tests/test_officers.py tests/test_cli.py tests/test_cli_list.py tests/test_cli_bad_input.py \
	tests/test_cli_enquiry.py tests/test_cli_output.py tests/test_cli_workflow.py tests/test_cli_reports.py \
	tests/test_cli_contacts.py tests/test_cli_privacy.py tests/test_cli_trust.py tests/test_privacy_erase.py tests/test_watch.py \
	tests/test_hostile_input.py tests/test_first_page.py tests/test_store.py tests/test_store_safety.py

.PHONY: run test test-all test-sqlite test-pg-if-found test-office test-pg test-pg-inner test-pg-proofs test-pg-all \
	test-pg-all-inner lint bench graph clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pressdesk --demo

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/lint-imports
	@$(MAKE) --no-print-directory test-sqlite

# `make test` and the PostgreSQL half side by side (their tests wait on processes and on the server); each one's
# output is printed whole when it ends. TEST_JOBS=1 runs them one after the other. CI runs this.
TEST_JOBS ?= 2

test-all: $(STAMP)
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target test test-pg-if-found

test-sqlite: $(STAMP)
	$(BIN)/python -m pytest -n auto

test-pg-if-found: $(STAMP)
	@if tools/with-postgres --found; then $(MAKE) --no-print-directory test-pg-all; \
	else echo "PostgreSQL tests skipped: no server installed (tools/with-postgres --install-only, then make test-pg)"; fi

# The checks that open exports in LibreOffice (needs soffice and pdftotext: apt install libreoffice-writer-nogui
# poppler-utils); `make test` leaves them out and its summary counts them as deselected.
test-office: $(STAMP)
	$(BIN)/python -m pytest --office -m office

# The backend tests on a throwaway PostgreSQL cluster (tools/with-postgres starts it and removes it afterwards).
test-pg: $(STAMP)
	tools/with-postgres $(MAKE) --no-print-directory test-pg-inner

test-pg-inner:
	@test -n "$$PRESSDESK_TEST_DB" || { echo "PRESSDESK_TEST_DB is not set: run make test-pg" >&2; exit 2; }
	$(BIN)/python -m pytest -n 2 -m backend -k postgresql $(PG_TESTS)

# The proofs under faults (writers at once, kill -9, races) on a throwaway PostgreSQL cluster (minutes: not in make test).
test-pg-proofs: $(STAMP)
	tools/with-postgres --durable $(BIN)/python -m pytest -n 2 -s -m proof tests/test_proofs_server.py tests/test_proofs_cluster.py

# Also the service test modules that pass on PostgreSQL, their `desk` fixtures on the server (a longer run).
test-pg-all: $(STAMP)
	tools/with-postgres $(MAKE) --no-print-directory test-pg-all-inner

test-pg-all-inner: test-pg-inner
	PRESSDESK_TEST_BACKEND=postgresql $(BIN)/python -m pytest -n auto $(PG_SERVICE_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

graph:
	$(PYTHON) tools/import_graph.py --packages

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache
