// The web server (server/), over HTTP as a client sees it: the same-origin check for writes, CORS, security headers
// on every kind of response, body limits, redirects, HTTPS-only cookie settings and the start-up warning.
// Browser-side attacks from a second origin are in test/browser/attacks.test.ts.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../support/db";
import { startAppServer, type AppServer } from "./support/app-server";
import { cookieFrom, graphql, post, signIn } from "./support/http";
import type { Db } from "../../app/utils/db.server";

let db: Db;
let app: AppServer; // production over plain http, the defaults
let secure: AppServer; // APP_URL https, one partner origin allowed
let proxied: AppServer; // behind a trusted TLS proxy: X-Forwarded-Proto/-Host are believed
const EVIL = "http://evil.daqing.localtest:8080";
const PARTNER = "https://partner.example";

beforeAll(async () => {
  const t = createTestDb();
  db = t.db;
  [app, secure, proxied] = await Promise.all([
    startAppServer(t.url),
    startAppServer(t.url, {
      APP_URL: "https://tracker.daqing.example",
      ALLOWED_ORIGINS: `${PARTNER}, https://other.example:8443`,
    }),
    startAppServer(t.url, { TRUST_PROXY: "true" }),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), secure?.stop(), proxied?.stop()]);
  await db?.$disconnect();
});

const ADD = `mutation { addStation(input: {code: "CSRF-1", name: "x", areaCode: "230621", element: AIR, mode: MANUAL, operatorDepartmentCode: "epb"}) { code } }`;

describe("writes from another origin are refused before the app runs", () => {
  it("refuses /graphql with a bilingual JSON error, and nothing changes", async () => {
    const { cookie } = await signIn(app.baseUrl, "steering@daqing.example");
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: EVIL, cookie: cookie! },
      body: JSON.stringify({ query: ADD }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string; zh: string; en: string } }[];
    };
    expect(body.errors[0].extensions).toMatchObject({
      code: "CSRF",
      zh: expect.stringContaining("已拒绝"),
      en: expect.stringContaining("refused"),
    });
    expect(await db.station.count({ where: { code: "CSRF-1" } })).toBe(0);
  });

  it("refuses a Remix ?_data action as JSON and a document form post as an HTML page", async () => {
    const fields = { code: "CSRF-2", name: "x", element: "AIR", areaCode: "230621", mode: "MANUAL" };
    const data = await post(app.baseUrl, "/stations/new?_data=routes%2Fstations.new", fields, { origin: EVIL });
    expect(data.status).toBe(403);
    expect(((await data.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "CSRF",
    );
    const doc = await post(app.baseUrl, "/stations/new", fields, { origin: EVIL, accept: "text/html" });
    expect(doc.status).toBe(403);
    expect(doc.headers.get("content-type")).toMatch(/text\/html/);
    const html = await doc.text();
    expect(html).toContain("已拒绝");
    expect(html).toContain("refused");
    expect(doc.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it.each([
    ["another port", { origin: "http://127.0.0.1:1" }],
    ["a sibling subdomain", { origin: EVIL }],
    ["an opaque origin", { origin: "null" }],
    ["Sec-Fetch-Site: same-site (no Origin)", { "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site: cross-site (no Origin)", { "sec-fetch-site": "cross-site" }],
  ])("refuses /login, /logout and /lang from %s", async (_label, headers) => {
    for (const path of ["/login", "/logout", "/lang"]) {
      const res = await post(
        app.baseUrl,
        path,
        { email: "epb@daqing.example", password: "daqing-2018", lang: "en", redirectTo: "/" },
        headers,
      );
      expect(res.status, path).toBe(403);
      expect(res.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it("lets the app's own origin, Sec-Fetch-Site: same-origin and non-browser clients through", async () => {
    const allowed: Record<string, string>[] = [{ origin: app.baseUrl }, { "sec-fetch-site": "same-origin" }, {}];
    for (const headers of allowed) {
      const res = await post(app.baseUrl, "/lang", { lang: "en", redirectTo: "/plan" }, headers);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/plan");
    }
    // A GET from anywhere is not a write.
    expect((await fetch(`${app.baseUrl}/plan`, { headers: { origin: EVIL } })).status).toBe(200);
  });
});

describe("CORS", () => {
  it("answers no other origin: preflights refused, answers without Access-Control headers", async () => {
    const pre = await fetch(`${app.baseUrl}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: EVIL,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const get = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { origin: EVIL },
    });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    expect(get.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("answers an origin on ALLOWED_ORIGINS, with credentials, and lets it write", async () => {
    const pre = await fetch(`${secure.baseUrl}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: PARTNER,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(pre.headers.get("access-control-allow-credentials")).toBe("true");
    const res = await fetch(`${secure.baseUrl}/graphql`, {
      method: "POST",
      headers: { origin: PARTNER, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(PARTNER);
    const other = await fetch(`${secure.baseUrl}/graphql`, {
      method: "OPTIONS",
      headers: { origin: EVIL, "access-control-request-method": "POST" },
    });
    expect(other.status).toBe(403);
  });
});

describe("headers on every response", () => {
  function expectSecurityHeaders(res: Response, what: string) {
    const csp = res.headers.get("content-security-policy") ?? "";
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "default-src 'self'",
    ])
      expect(csp, `${what}: ${directive}`).toContain(directive);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc, what).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc, what).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(res.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options"), what).toBe("DENY");
  }

  it("documents, data requests, /graphql and static files all carry them; HSTS only over HTTPS", async () => {
    const doc = await fetch(`${app.baseUrl}/`);
    const html = await doc.text();
    expectSecurityHeaders(doc, "document");
    const asset =
      /<script[^>]+src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.css)"/.exec(html)![1];
    const responses: [string, Response][] = [
      ["data request", await fetch(`${app.baseUrl}/plan?_data=root`)],
      ["graphql", (await graphql(app.baseUrl, "{ __typename }")).res],
      ["static file", await fetch(`${app.baseUrl}/favicon.svg`)],
      ["build asset", await fetch(`${app.baseUrl}${asset}`)],
      ["not found", await fetch(`${app.baseUrl}/no-such-page`)],
    ];
    for (const [what, res] of responses) expectSecurityHeaders(res, what);
    for (const [, res] of [["document", doc] as const, ...responses])
      expect(res.headers.get("strict-transport-security")).toBeNull();
    expect((await fetch(`${secure.baseUrl}/favicon.svg`)).headers.get("strict-transport-security")).toBe(
      "max-age=31536000",
    );
  });

  it("gives every inline script of a page this response's nonce, and a new one per response", async () => {
    const page = async () => {
      const res = await fetch(`${app.baseUrl}/plan`);
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1];
      return { nonce, html: await res.text() };
    };
    const [a, b] = [await page(), await page()];
    expect(a.nonce).not.toBe(b.nonce);
    const inline = [...a.html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attrs of inline) expect(attrs).toContain(`nonce="${a.nonce}"`);
  });

  it("caches build output for a year and gzips each response once", async () => {
    const html = await (await fetch(`${app.baseUrl}/`)).text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true); // gzipped by the entry at level 1, not again on top
    const asset =
      /<script[^>]+src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.css)"/.exec(html)![1];
    const res = await fetch(`${app.baseUrl}${asset}`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const doc = await fetch(`${app.baseUrl}/`, { headers: { "accept-encoding": "gzip" } });
    expect(doc.headers.get("content-encoding")).toBe("gzip");
  });
});

describe("request bodies", () => {
  const big = "x".repeat(1_100_000);

  it("answers 413 with a bilingual message before reading a body over the limit", async () => {
    const api = await fetch(`${app.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename } # ${big}` }),
    });
    expect(api.status).toBe(413);
    expect(
      ((await api.json()) as { errors: { extensions: { code: string; zh: string } }[] }).errors[0].extensions,
    ).toMatchObject({ code: "PAYLOAD_TOO_LARGE", zh: expect.stringContaining("过大") });
    const page = await post(app.baseUrl, "/stations/new", { name: big }, { accept: "text/html" });
    expect(page.status).toBe(413);
    expect(await page.text()).toContain("too large");
  });

  it("answers 411 to a body of undeclared length", async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${app.baseUrl}/graphql`,
        { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ query: "{ __typename }" }));
    });
    expect(status).toBe(411);
    expect(body).toContain("LENGTH_REQUIRED");
  });
});

describe("redirects taking user input stay on the app", () => {
  const away = [
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/%5Cevil.example/",
    "/%2F%2Fevil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
  ];

  it("the language switch", async () => {
    for (const redirectTo of away) {
      const res = await post(app.baseUrl, "/lang", { lang: "en", redirectTo });
      expect(res.headers.get("location"), redirectTo).toBe("/");
    }
    const ok = await post(app.baseUrl, "/lang", { lang: "zh", redirectTo: "/reports?lang=en&status=RETURNED" });
    expect(ok.headers.get("location")).toBe("/reports?status=RETURNED");
  });

  it("sign-in", async () => {
    for (const redirectTo of [...away, "/login?redirectTo=//evil.example"]) {
      const res = await post(app.baseUrl, "/login", {
        email: "inspector@daqing.example",
        password: "daqing-2018",
        redirectTo,
      });
      expect(res.status, redirectTo).toBe(302);
      expect(res.headers.get("location"), redirectTo).toBe("/");
    }
  });
});

describe("HTTPS", () => {
  it("makes the session cookie Secure and __Host- when APP_URL is https", async () => {
    const plain = await signIn(app.baseUrl, "epb@daqing.example");
    const header = plain.res.headers.getSetCookie().find((c) => /eco_session=/.test(c))!;
    expect(header).toMatch(/^eco_session=/);
    expect(header).not.toMatch(/;\s*Secure/i);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    const https = await signIn(secure.baseUrl, "epb@daqing.example");
    const secureHeader = https.res.headers.getSetCookie().find((c) => /eco_session=/.test(c))!;
    expect(secureHeader).toMatch(/^__Host-eco_session=/);
    expect(secureHeader).toMatch(/;\s*Secure/i);
    expect(secureHeader).toMatch(/Path=\//);
    expect(cookieFrom(https.res)).toMatch(/^__Host-eco_session=/);
  });

  it("behind a trusted proxy, an https request gets the Secure cookie and HSTS, and its public origin may write", async () => {
    const viaTls = {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "tracker.daqing.example",
      origin: "https://tracker.daqing.example",
    };
    const res = await post(
      proxied.baseUrl,
      "/login",
      { email: "epb@daqing.example", password: "daqing-2018", redirectTo: "/" },
      viaTls,
    );
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().find((c) => /eco_session=/.test(c))).toMatch(/^__Host-eco_session=.*;\s*Secure/i);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
    // Without TRUST_PROXY the same headers are not believed: the Origin does not match the Host it came to.
    expect(
      (await post(app.baseUrl, "/login", { email: "epb@daqing.example", password: "daqing-2018" }, viaTls)).status,
    ).toBe(403);
  });

  it("warns at start-up, in both languages, when production runs without HTTPS", () => {
    expect(app.output()).toContain("生产环境未通过 HTTPS 提供服务");
    expect(app.output()).toContain("production is not served over HTTPS");
    expect(secure.output()).not.toContain("HTTPS");
  });
});
