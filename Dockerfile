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
USER node
ENV HOST=0.0.0.0
CMD ["node", "--import", "tsx", "gateway/main.ts"]
