# The recovery companion, long-polling the Telegram Bot API. One container per bot token.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    DATABASE_URL=sqlite:////app/data/recovery.db

WORKDIR /app
# The dependencies from the lock file, every one checked against its hash: the same versions
# in every build (regenerate with pip-compile, see the README's "Updating dependencies").
COPY requirements.lock requirements-build.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock
# The project's own build tools (setuptools, wheel) from their lock too: without it, pip
# fetched whatever versions were newest for each build, with no hash checked.
RUN pip install --require-hashes --no-deps -r requirements-build.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-deps --no-build-isolation . \
    && useradd --create-home --uid 10001 --user-group companion \
    && mkdir -p /app/data && chown 10001:10001 /app/data && chmod 0700 /app/data

# Numeric, so a runtime that refuses root by id (Kubernetes runAsNonRoot) can check it.
USER 10001:10001
VOLUME ["/app/data"]
# Unhealthy when the poller or the reminder dispatcher has not been seen for 3 minutes, or the
# database does not answer (recovery-bot health, exit 1).
HEALTHCHECK --interval=60s --timeout=15s --start-period=90s --retries=3 \
    CMD ["recovery-bot", "health"]
CMD ["recovery-bot", "run"]
