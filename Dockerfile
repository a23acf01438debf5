# A small image for the Slack (or Teams) server. Build: docker build -t roadmap-bot .
# Run:   docker run -p 3000:3000 -v roadmap-data:/data --env-file .env roadmap-bot
# Teams: the same, with `roadmap --verbose serve teams` after the image name (README, Docker).
FROM python:3.11-slim AS build
WORKDIR /src
# The versions the tests ran with (constraints.txt, written by `make lock`), never whatever is
# newest on the day of the build.
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
RUN python -m venv /venv \
    && /venv/bin/pip install --no-cache-dir -c constraints.txt --upgrade pip \
    && /venv/bin/pip install --no-cache-dir -c constraints.txt .

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ROADMAP_DB=/data/roadmap.db \
    ROADMAP_WORKERS=2 \
    PORT=3000
# uid 10001 owns /data: a new named volume starts with that owner; a bind-mounted host folder
# keeps its own, so give it to 10001 first (README, Docker).
RUN useradd --create-home --uid 10001 roadmap && mkdir /data && chown roadmap /data
COPY --from=build /venv /venv
WORKDIR /app
# The published documents ship with the image; the store lives in the volume.
COPY --chown=roadmap data/sources ./data/sources
USER roadmap
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"3000\")}/healthz', timeout=4)"
CMD ["roadmap", "--verbose", "serve", "slack"]
