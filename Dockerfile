# One image, two roles: the api (default command) and the worker (`node worker/src/main.ts`).
# Node 24 runs the TypeScript sources directly (type stripping): no server build step.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Manifests first, so a code change does not redo the install.
COPY package.json package-lock.json .npmrc ./
COPY db/package.json db/
COPY core/package.json core/
COPY api/package.json api/
COPY worker/package.json worker/
COPY web/package.json web/
# npm 11 runs only the install scripts that package.json's allowScripts approves.
RUN npm ci --no-audit --no-fund
COPY . .
# The web app is static files the api serves; then drop what only the build needed.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Local storage and other writable data live in /data (a volume in docker-compose.yml).
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "api/src/main.ts"]
