// CORS answered here, and only here: same-origin needs nothing; an origin on ALLOWED_ORIGINS gets its own origin
// back with credentials; every other origin gets no CORS headers, so its scripts cannot read an answer, and its
// preflights are refused (so JSON or PUT requests are never sent). Yoga's own CORS is off (graphql/yoga.server.ts):
// its default reflects any Origin with credentials.
import type { NextFunction, Request, Response } from "express";
import { AppError } from "../../app/utils/errors";
import { isAllowedCrossOrigin, originOf } from "./origin";
import { refuse } from "./refusal";

const ALLOWED_METHODS = "GET, POST";
const ALLOWED_HEADERS = "content-type, accept, x-requested-with";

export function cors() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.vary("Origin");
    const header = req.get("origin");
    const origin = header ? originOf(header) : null;
    const allowed = origin !== null && isAllowedCrossOrigin(origin);
    if (allowed) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Access-Control-Allow-Credentials", "true");
    }
    if (req.method !== "OPTIONS" || !req.get("access-control-request-method")) return next();
    if (!allowed)
      return refuse(
        req,
        res,
        403,
        new AppError(
          "FORBIDDEN",
          "不接受来自该来源的跨域请求",
          "Cross-origin requests from this origin are not accepted",
        ),
      );
    res.set({
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
    });
    res.status(204).end();
  };
}
