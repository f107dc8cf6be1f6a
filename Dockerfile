# syntax=docker/dockerfile:1
# Coulisses Crew: one image for `coulisses serve`, `coulisses worker` and `coulisses migrate`.
#   docker build -t coulisses:dev .
# Stage 1 builds the web app exactly as dev.py does (npm ci, then npm run build in frontend/;
# tsc and Tailwind also read the plugins' web sources). Stage 2 installs the locked Python
# dependencies (uv.lock, no dev group) into /opt/venv. The last stage holds only the venv and
# frontend/dist, run by an unprivileged user.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
# tsconfig.json includes ../plugins/*/frontend/src and ../sdk/examples/*/frontend/src;
# src/styles/index.css has Tailwind scan ../plugins/*/frontend/src (@source).
COPY plugins/ /src/plugins/
COPY sdk/examples/ /src/sdk/examples/
RUN npm run build

FROM ${PYTHON_IMAGE} AS python
ARG UV_VERSION=0.13.9
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install --no-cache-dir "uv==${UV_VERSION}"
WORKDIR /src
# Dependencies first (a cached layer while only our code changes): every workspace
# member's pyproject.toml, then the locked third-party packages.
COPY pyproject.toml uv.lock ./
COPY core/pyproject.toml core/pyproject.toml
COPY sdk/pyproject.toml sdk/pyproject.toml
COPY admin/pyproject.toml admin/pyproject.toml
COPY sdk/examples/hello/pyproject.toml sdk/examples/hello/pyproject.toml
COPY plugins/notifications/pyproject.toml plugins/notifications/pyproject.toml
COPY plugins/webhooks/pyproject.toml plugins/webhooks/pyproject.toml
COPY plugins/payroll/pyproject.toml plugins/payroll/pyproject.toml
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace
# Then our distributions, as regular (non-editable) installs: the venv needs no sources.
COPY core/ core/
COPY sdk/ sdk/
COPY admin/ admin/
COPY plugins/ plugins/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Coulisses Crew" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
RUN groupadd --system --gid 10001 coulisses \
    && useradd --system --uid 10001 --gid coulisses --home-dir /app --shell /usr/sbin/nologin coulisses \
    && mkdir -p /app/data \
    && chown -R coulisses:coulisses /app
COPY --from=python /opt/venv /opt/venv
COPY --from=web /src/frontend/dist /app/frontend/dist
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    COULISSES_ENV=prod \
    COULISSES_HOST=0.0.0.0 \
    COULISSES_PORT=8000 \
    COULISSES_DATA_DIR=/app/data \
    COULISSES_FRONTEND_DIST=/app/frontend/dist \
    COULISSES_LOG_FORMAT=json
WORKDIR /app
USER 10001:10001
EXPOSE 8000
# /healthz answers while the process is up (no database call); readiness is /readyz.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('COULISSES_PORT', '8000'), timeout=4)"]
CMD ["coulisses", "serve"]
