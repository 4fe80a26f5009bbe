# syntax=docker/dockerfile:1
# Image of the web explorer. Build from the workspace root, whose dist/ the build stage fills:
#   docker build -f deploy/docker/web.Dockerfile -t logline-web .   (or: npx nx run web:docker-build)

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build web --skip-nx-cache

# The bundle and its generated package.json and lock file, with production dependencies only.
FROM node:20.20.2-bookworm-slim
LABEL org.opencontainers.image.title="logline-web"
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/dist/apps/web/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
USER node
ENV WEB_HOST=0.0.0.0 WEB_PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(\"http://127.0.0.1:3000/healthz\").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "main.js"]
