# syntax=docker/dockerfile:1
# Image of the event generator. Build from the workspace root, whose dist/ the build stage fills:
#   docker build -f deploy/docker/generator.Dockerfile -t logline-generator .   (or: npx nx run generator:docker-build)

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build generator --skip-nx-cache

# The bundle and its generated package.json and lock file, with production dependencies only.
FROM node:20.20.2-bookworm-slim
LABEL org.opencontainers.image.title="logline-generator"
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/dist/apps/generator/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
USER node
# A client that runs to completion or until stopped: its exit code is its health.
HEALTHCHECK NONE
ENTRYPOINT ["node", "main.js"]
CMD ["--help"]
