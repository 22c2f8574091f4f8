# Koe's public host: `main.py serve` (the respondent site and the sync API) without Qt.
# deploy/compose.yaml builds it and puts Caddy in front; docs/deploy.md is the recipe.
#
# No Docker engine was at hand where this file was written: tests/sync/test_caddy.py runs
# its dependency step (the `uv sync` below, offline, in a folder holding only the files
# copied before it), its build context (.dockerignore), its entrypoint with
# deploy/compose.yaml's options and its health check on 127.0.0.1, behind Debian's Caddy.
# Keep each of those one plain command so that the test reads what the image runs.

FROM python:3.11-slim-bookworm AS build
RUN pip install --no-cache-dir uv==0.13.9
ENV UV_PROJECT_ENVIRONMENT=/opt/koe/venv UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
WORKDIR /opt/koe/app
COPY pyproject.toml uv.lock ./
# The locked dependencies less the dev tools and PySide6 (670 MB): serve never loads Qt.
RUN uv sync --locked --no-dev --no-install-package pyside6 --no-install-package pyside6-addons \
    --no-install-package pyside6-essentials --no-install-package shiboken6

FROM python:3.11-slim-bookworm
RUN useradd --system --user-group --uid 10001 --home-dir /data --no-create-home koe \
    && install -d -o koe -g koe -m 700 /data
COPY --from=build /opt/koe/venv /opt/koe/venv
WORKDIR /opt/koe/app
# Only what serve runs (the allow-list in .dockerignore), owned by root: read-only to Koe.
COPY . .
RUN python -m compileall -q .
ENV PATH=/opt/koe/venv/bin:$PATH PYTHONUNBUFFERED=1
USER koe
# The workspace: koe.sqlite3, its backups/ and logs/. Keep it on a volume.
VOLUME /data
EXPOSE 8765
# Ctrl+C's signal: serve finishes the requests in flight and closes the workspace cleanly.
STOPSIGNAL SIGINT
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD ["python", "-c", "import urllib.request as r; r.urlopen('http://127.0.0.1:8765/static/koe.css', timeout=4)"]
# Options after the image's name (compose's `command`) are added: --public-url,
# --sync-key-file or $KOE_SYNC_KEY, --trusted-proxy (see `main.py serve --help`).
ENTRYPOINT ["python", "main.py", "serve", "--data-dir", "/data", "--host", "0.0.0.0", "--port", "8765"]
