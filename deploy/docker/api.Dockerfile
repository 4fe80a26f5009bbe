# syntax=docker/dockerfile:1
# Image of the api (REST, TCP ingest, metrics). Build from the workspace root, whose dist/ the build stage fills:
#   docker build -f deploy/docker/api.Dockerfile -t logline-api .   (or: npx nx run api:docker-build)

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build api --skip-nx-cache

# The bundle and its generated package.json and lock file, with production dependencies only.
# The image runs against a ClickHouse server (CLICKHOUSE_URL), so it leaves out the ~540 MB embedded
# engine (chdb, loaded only when CLICKHOUSE_URL is unset); --build-arg EMBEDDED_ENGINE=true keeps it,
# with its data in /var/lib/logline (mount a volume there).
FROM node:20.20.2-bookworm-slim
ARG EMBEDDED_ENGINE=false
LABEL org.opencontainers.image.title="logline-api"
ENV NODE_ENV=production LOGLINE_DATA_DIR=/var/lib/logline
WORKDIR /app
COPY --from=build /workspace/dist/apps/api/ ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && if [ "$EMBEDDED_ENGINE" != "true" ]; then rm -rf node_modules/chdb node_modules/@chdb; fi \
  && npm cache clean --force \
  && mkdir -p /var/lib/logline && chown node:node /var/lib/logline
USER node
ENV API_HOST=0.0.0.0 API_PORT=4000 INGEST_TCP_PORT=4001
EXPOSE 4000 4001
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(\"http://127.0.0.1:4000/api/v1/health\").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "main.js"]
