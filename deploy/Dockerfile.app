# syntax=docker/dockerfile:1
# The web app (server/index.ts in front of the Remix build): `docker build -f deploy/Dockerfile.app -t eco-app .` from
# the repository root. Configuration is the environment of app/utils/env.server.ts (docs/deploy.md); GET /healthz is the
# liveness check below, GET /readyz the readiness a load balancer asks (database, Temporal, build).
ARG NODE_IMAGE=node:20.20-bookworm-slim

# Production dependencies only. better-sqlite3 compiles here, against the same Debian and Node as the final image.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# The Prisma client and the Remix build: prisma and @remix-run/dev are production dependencies, nothing more is needed.
FROM deps AS build
COPY . .
RUN npm run db:generate && NODE_ENV=production npx remix build

FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=3000
WORKDIR /app
# Owned by root: the app's user (node) reads its code but cannot change it.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY --from=build /app/prisma ./prisma
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY app ./app
COPY graphql ./graphql
COPY server ./server
COPY workflows ./workflows
COPY plans ./plans
COPY seed ./seed
# Operators' commands run in this image: user:create, the attachment sweep (docs/deploy.md).
COPY scripts ./scripts
USER node
EXPOSE 3000
# Liveness only: a database or Temporal outage must not get healthy containers restarted (readiness is /readyz).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations are a separate one-off run of this image (docs/deploy.md), not part of every start.
CMD ["node", "--import", "tsx", "server/index.ts"]
