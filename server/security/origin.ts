// Where a request comes from, as the browser says, compared with where it goes. The threat model: an attacker
// controls another origin of the SAME SITE (another port on the host, a sibling subdomain) — SameSite cookies do not
// stop those, so the Origin header (or Sec-Fetch-Site) is checked instead (docs/decisions/010-web-server-and-sessions.md).
import type { Request } from "express";
import { env } from "../../app/utils/env.server";

/** scheme://host[:port] of a URL-ish string, lower-cased, default port dropped; null when it is not one. */
export function originOf(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const origin = new URL(value).origin;
  return origin === "null" ? null : origin;
}

/** The origin the browser addressed: the Host header (X-Forwarded-Host behind a trusted proxy) and the scheme. */
export function ownOrigin(req: Request): string | null {
  const trusted = (req.app.get("trust proxy fn") as (addr: string, i: number) => boolean)(
    req.socket.remoteAddress ?? "",
    0,
  );
  const forwarded = trusted ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || req.get("host");
  return host ? originOf(`${req.protocol}://${host}`) : null;
}

const configured = originOf(env.APP_URL);
const allowList = new Set(env.ALLOWED_ORIGINS);

export const isAllowedCrossOrigin = (origin: string) => allowList.has(origin);

export type Provenance = "same-origin" | "allowed-origin" | "cross-origin" | "unknown";

/**
 * Same origin: Origin equals the request's own origin (or APP_URL's). No Origin header: Sec-Fetch-Site decides
 * (`same-site` is NOT same-origin); neither header: a client that is not a browser (curl, tests) — `unknown`.
 */
export function provenance(req: Request): Provenance {
  const header = req.get("origin");
  if (header !== undefined) {
    const origin = originOf(header); // "null" (sandboxed frames, privacy redirects) is never ours
    if (origin && (origin === ownOrigin(req) || origin === configured)) return "same-origin";
    if (origin && isAllowedCrossOrigin(origin)) return "allowed-origin";
    return "cross-origin";
  }
  const site = req.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return "same-origin";
  if (site) return "cross-origin";
  return "unknown";
}
