# Thin wrappers: the logic lives in dev.py and the coulisses CLI (PS1/ has the Windows twins).
PY ?= python3

.PHONY: demo test lint migrate seed worker bench bench-web e2e build-plugins check-deploy

demo:
	$(PY) dev.py demo
test:
	$(PY) dev.py test
lint:
	$(PY) dev.py lint
migrate:
	$(PY) dev.py migrate
seed:
	$(PY) dev.py seed
worker:
	$(PY) dev.py worker
bench:
	$(PY) dev.py bench
bench-web:
	$(PY) dev.py bench-web
e2e:
	$(PY) dev.py e2e
build-plugins:
	$(PY) dev.py build-plugins
check-deploy:
	$(PY) dev.py check-deploy
