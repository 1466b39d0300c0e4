# One image for every service; docker-compose.yml picks the entry point per container.
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
# The development issuer keeps its key here (a volume in docker-compose.yml's `dev` profile); a
# new named volume takes this folder's owner, so the unprivileged user can write to it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ENV HOST=0.0.0.0
CMD ["node", "--import", "tsx", "gateway/main.ts"]
