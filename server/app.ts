// The web server in front of Remix (replaces remix-serve): security headers, CORS, the same-origin check for writes,
// a body size cap, compression and static files, then the Remix request handler. Built as a function so the server
// entry (server/index.ts) and tests make the same app. See docs/decisions/010-web-server-and-sessions.md.
import path from "node:path";
import { constants } from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { env, projectRoot } from "../app/utils/env.server";
import { AppError } from "../app/utils/errors";
import { healthRoutes } from "./health";
import { bodyLimits } from "./security/body-limit";
import { cors } from "./security/cors";
import { csrfProtection } from "./security/csrf";
import { cspNonce, securityHeaders } from "./security/headers";
import { refuse } from "./security/refusal";

export function createApp(build: ServerBuild): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use(securityHeaders());
  app.use(cors());
  // Level 1, as the document entry and the API use for what they gzip themselves (docs/decisions/008, 009): most of
  // level 6's size at a fraction of its CPU. Responses that already have a Content-Encoding pass through untouched.
  app.use(compression({ level: constants.Z_BEST_SPEED }));
  app.use(healthRoutes(build)); // /healthz, /readyz: before the same-origin check and sessions, never cached
  // Fingerprinted build output never changes under its name; everything else in public/ may.
  app.use(
    build.publicPath,
    express.static(path.resolve(projectRoot, build.assetsBuildDirectory), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.resolve(projectRoot, "public"), { maxAge: "1h" }));

  app.use(csrfProtection());
  app.use(bodyLimits(env.MAX_BODY_BYTES, env.ATTACHMENT_MAX_BYTES));
  const remix = createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: cspNonce(res),
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  });
  // The handler passes its own failures to next(); nothing is left to catch here.
  app.all("*", (req, res, next) => void remix(req, res, next));
  app.use(internalError);
  return app;
}

/** Whatever escaped Remix: logged here, a bilingual 500 to the client (or a closed connection mid-response). */
function internalError(error: unknown, req: Request, res: Response, next: NextFunction) {
  console.error(error);
  if (res.headersSent) return next(error);
  refuse(req, res, 500, new AppError("INTERNAL_SERVER_ERROR", "服务器内部错误", "Internal server error"));
}
