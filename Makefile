# Thin wrappers: the logic lives in dev.py and the coulisses CLI (PS1/ has the Windows twins).
PY ?= python3

.PHONY: demo test lint coverage audit migrate seed worker backup restore bench bench-web loadtest e2e build-plugins check-deploy

demo:
	$(PY) dev.py demo
test:
	$(PY) dev.py test
lint:
	$(PY) dev.py lint
coverage:
	$(PY) dev.py coverage
audit:
	$(PY) dev.py audit
migrate:
	$(PY) dev.py migrate
seed:
	$(PY) dev.py seed
worker:
	$(PY) dev.py worker
# `make backup` (optionally OUT=file.dump), `make restore FILE=file.dump` (FORCE=1 replaces).
backup:
	$(PY) dev.py backup $(if $(OUT),--output $(OUT))
restore:
	$(PY) dev.py restore $(FILE) $(if $(FORCE),--force)
bench:
	$(PY) dev.py bench
loadtest:
	$(PY) dev.py loadtest
bench-web:
	$(PY) dev.py bench-web
e2e:
	$(PY) dev.py e2e
build-plugins:
	$(PY) dev.py build-plugins
check-deploy:
	$(PY) dev.py check-deploy
