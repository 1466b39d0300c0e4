# One image for every service; docker-compose.yml picks the entry point per container.

# The explorer page's bundle (GraphiQL from npm), built with the development dependencies.
FROM node:20-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts
COPY examples ./examples
COPY test/read-examples.ts ./test/read-examples.ts
RUN npm run build:explorer

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY scripts ./scripts
# Served only with EXPLORER=true in production.
COPY --from=explorer /app/dist/explorer ./dist/explorer
# The development issuer keeps its key here (a volume in docker-compose.yml's `dev` profile); a
# new named volume takes this folder's owner, so the unprivileged user can write to it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ENV HOST=0.0.0.0
CMD ["node", "--import", "tsx", "gateway/main.ts"]
