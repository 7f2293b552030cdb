# make run   - set up .venv and open the dashboard on the seed article
# make test  - set up .venv (and Debian's chromium where possible) and run every test
# make bench - print the extraction speed figures
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test bench setup browser clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

run: setup
	$(VENV)/bin/streamlit run app.py --server.headless true --server.port $(PORT)

browser:
	bash scripts/ensure-chromium.sh

test: setup browser
	$(PY) -m pytest

bench: setup
	$(PY) benchmarks/extract_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
