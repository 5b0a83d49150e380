# Multi-stage: the build stage has the compilers that native modules need; the runtime stage has
# only Node, the production dependencies, the build and the knowledge, and runs as a non-root user.
FROM node:20-bookworm AS build
WORKDIR /app
COPY . .
# npm ci runs the prepare script, which builds dist/ and the knowledge snapshot.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    SLACK_MODE=http \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/knowledge ./knowledge
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# /healthz answers in HTTP mode once the knowledge is loaded (Socket Mode opens no port: run that
# mode with --no-healthcheck).
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
