# The recovery companion, long-polling the Telegram Bot API.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////app/data/recovery.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install . && useradd --create-home --uid 10001 companion \
    && mkdir -p /app/data && chown companion:companion /app/data

USER companion
VOLUME ["/app/data"]
CMD ["recovery-bot", "run"]
