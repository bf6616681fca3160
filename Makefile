# Pendopo: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint serve setup browser-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,postgres,redis]"
	touch $(STAMP)

setup: $(STAMP)

## demo: set up, load Banyuwangi's real data and demo content, serve on 127.0.0.1:$(PORT)
demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_regions
	$(PY) manage.py load_agencies --port $(PORT)
	$(PY) manage.py load_demo --port $(PORT)
	$(PY) manage.py load_services_demo
	$(PY) manage.py load_publishing_demo
	$(PY) manage.py load_feeds_demo
	$(PY) manage.py load_jdih_demo
	$(PY) manage.py load_complaints_demo
	$(PY) manage.py load_ppid_demo
	$(PY) manage.py load_procurement_demo --port $(PORT)
	$(PY) manage.py localize_admin_defaults
	$(PY) manage.py update_index
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py demo_serve --port $(PORT)

## test: set up and run the whole suite (DATABASE_URL / REDIS_URL select PostgreSQL and Redis)
test: $(STAMP)
	$(PY) manage.py collectstatic --noinput -v0 --settings=config.settings.test
	$(PY) -m pytest

## lint: exactly what CI checks besides the tests (ruff, migrations, import layers, types, deploy checks)
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	DJANGO_SECRET_KEY=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(50))") \
	  PENDOPO_FIELD_ENCRYPTION_KEY=$$($(PY) -c "from cryptography.fernet import Fernet;print(Fernet.generate_key().decode())") \
	  DJANGO_ALLOWED_HOSTS=portal.example.go.id \
	  $(PY) manage.py check --deploy --fail-level WARNING --settings=config.settings.production

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media
