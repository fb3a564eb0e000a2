// Security headers on every response — documents, data requests, /graphql, static files and refusals alike.
// Scripts: only the app's own files and inline scripts carrying this request's nonce (Remix's <Scripts> and
// <ScrollRestoration> get it through app/utils/nonce-provider.ts), never 'unsafe-inline'.
// Styles: the stylesheet is a file, but the charts and the map are inline SVG drawn by ECharts with style="…"
// attributes, and React renders style={…} as attributes: `style-src-attr 'unsafe-inline'` allows exactly those,
// while <style> elements and stylesheets still have to come from the app ('self').
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { env } from "../../app/utils/env.server";

/** The nonce of this response's inline scripts, passed to Remix in the load context. */
export function cspNonce(res: Response): string {
  return res.locals.cspNonce as string;
}

export function securityHeaders() {
  const csp = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${cspNonce(res as Response)}'`],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS and COOP are set below, per request: over plain http on a host other than localhost, Chromium ignores
    // COOP and logs a console error on every page for it.
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
  });
  const httpsConfigured = env.APP_URL.startsWith("https:");
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    // Browsers ignore HSTS on plain http, so APP_URL's word is enough (a TLS proxy without TRUST_PROXY included).
    // No includeSubDomains: the app does not own its parent domain's other hosts.
    if (req.secure || httpsConfigured)
      res.set({ "Strict-Transport-Security": "max-age=31536000", "Cross-Origin-Opener-Policy": "same-origin" });
    csp(req, res, next);
  };
}
