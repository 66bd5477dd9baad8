# The gateway in production: built with the development dependencies, run with the production ones
# only (no emulator, no TypeScript tools), as a non-root user. See README, "Running in production".

# Build stage: every dependency, then `npm run build` (esbuild) into dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall patches the emulator (a development dependency) with patches/.
COPY patches ./patches
COPY src/local/patch-emulator.mjs ./src/local/patch-emulator.mjs
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the build, nothing else.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    OPS_HOST=0.0.0.0 \
    OPS_PORT=9464
WORKDIR /app
COPY package.json package-lock.json ./
# The postinstall runs here too, and finds nothing to patch.
COPY src/local/patch-emulator.mjs ./src/local/patch-emulator.mjs
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
# 4000: GraphQL (and /health). 9464: /health, /ready, /metrics for the cluster's probes and scraper;
# publish it to no one else.
EXPOSE 4000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/main.js"]
