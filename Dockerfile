# The web page (web/dist) is built in a stage of its own, at the lockfile's exact versions.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/build.mjs ./
COPY web/src ./src
RUN node build.mjs

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md constraints.txt ./
COPY visor ./visor
COPY graph ./graph
COPY schema ./schema
COPY resolvers ./resolvers
COPY loaders ./loaders
RUN pip install --no-cache-dir -c constraints.txt .
COPY --from=web /web/dist ./web/dist
ENV VISOR_ENV=production VISOR_WEB_DIR=/app/web/dist
EXPOSE 8000
# NEO4J_URI is required here: the container never starts a Neo4j of its own. Constraints,
# indexes and reference data are installed (idempotently) before serving.
CMD ["sh", "-c", "visor db migrate && exec visor serve --host 0.0.0.0 --port 8000"]
