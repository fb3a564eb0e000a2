// `node --import tsx server/index.ts` after `remix build`: the web app on PORT (npm start, the browser tests, and
// `npm run dev` under `remix dev`). Configuration comes from app/utils/env.server.ts, like everything else.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { env, projectRoot } from "../app/utils/env.server";
import { warnIfFontsMissing } from "../app/documents/documents.server";
import { createApp } from "./app";

const buildPath = path.resolve(projectRoot, "build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

if (env.NODE_ENV === "production" && !env.APP_URL.startsWith("https:")) {
  console.warn(
    [
      "警告：生产环境未通过 HTTPS 提供服务（APP_URL 不是 https://）。会话 Cookie 不带 Secure 标志，登录凭据和会话可能在网络上被窃听。",
      "       请在 HTTPS 反向代理之后运行，将 APP_URL 设为 https://…，并设置 TRUST_PROXY。",
      "WARNING: production is not served over HTTPS (APP_URL is not https://). Session cookies are not Secure, and",
      "         passwords and sessions can be read on the network. Run behind an HTTPS proxy, set APP_URL=https://… and TRUST_PROXY.",
    ].join("\n"),
  );
}

// PDFs of official documents embed a CJK font: say at start-up, not at the first download, when it is missing.
warnIfFontsMissing();

const server = createApp(build).listen(env.PORT, () => {
  console.log(`[server] http://localhost:${env.PORT}`);
  if (env.NODE_ENV === "development") void broadcastDevReady(build);
});

// Stop accepting connections and let requests in flight finish; `npm start` sends SIGTERM and waits.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
