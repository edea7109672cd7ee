# The explorer and the offline GraphiQL are bundled from npm packages in a Node stage.
FROM node:20-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend ./
RUN npm run build

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY api ./api
COPY --from=frontend /src/api/static ./api/static
COPY queries ./queries
COPY seed_data ./seed_data
RUN pip install --no-cache-dir .
ENV KG_HOST=0.0.0.0 KG_PORT=8000 KG_ENV=production
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# NEO4J_URI is required here: with it set, `kg up` starts no Neo4j of its own, it migrates, loads the seed, serves.
CMD ["kg", "up", "--seed", "/app/seed_data"]
