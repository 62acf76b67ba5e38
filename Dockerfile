# One image for every app of Alvéole (api, projector, relay, cli), built from the repository.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# The API listens on loopback by default; in a container it must answer on the container's own interfaces.
ENV HOST=0.0.0.0
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The dashboard's page and styles, served as they are (its modules are in dist).
COPY --from=build /app/apps/dashboard/public ./apps/dashboard/public
COPY package.json ./
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
