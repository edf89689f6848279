# The bot and the ingest job (one image). See docs/scale-out.md.
FROM node:24-bookworm-slim
# hnswlib-node and the jieba binding build or fetch native code at install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# tsx (a dev dependency) runs the TypeScript entry points.
RUN npm ci
COPY . .
USER node
# npm start execs node, so `docker stop`'s SIGTERM reaches the bot (or the shard manager).
CMD ["npm", "start"]
