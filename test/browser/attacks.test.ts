// The web-layer attacks of issue 7, tried the way they happen: the victim is signed in to the app in a real Chromium,
// and a page of ANOTHER ORIGIN OF THE SAME SITE — a sibling subdomain (evil.daqing.localtest) or the app's own host on
// another port — acts in the victim's browser. Each attack must fail: nothing changes in the database, the browser
// gets a 4xx with a message, and nothing is read across origins. Every outcome is written to
// test-results/attacks.json (the before/after table of the closing note is made from it).
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, PASSWORD, startApp, type App } from "./support/app";
import { autoSubmitForm, framingPage, startAttacker, type Attacker } from "../security/support/attacker";
import { settled } from "./support/navigation";

let app: App;
let attacker: Attacker;
let browser: Browser;
let victim: string; // the app, as the victim's browser addresses it
let sibling: string; // the attacker on a sibling subdomain
let otherPort: string; // the attacker on the app's host name, another port
const outcomes: { attack: string; outcome: string; blocked: boolean }[] = [];

beforeAll(async () => {
  app = await startApp({ host: "app.daqing.localtest" });
  attacker = await startAttacker();
  const appPort = new URL(app.baseUrl).port;
  victim = `http://app.daqing.localtest:${appPort}`;
  sibling = `http://evil.daqing.localtest:${attacker.port}`;
  otherPort = `http://app.daqing.localtest:${attacker.port}`;
  // Both host names resolve to 127.0.0.1; daqing.localtest is the registrable domain, so the two are the same SITE.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP *.localtest 127.0.0.1"],
  });
});

afterAll(async () => {
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/attacks.json", JSON.stringify(outcomes, null, 2));
  console.log(outcomes.map((o) => `${o.blocked ? "blocked" : "SUCCEEDED"} | ${o.attack} | ${o.outcome}`).join("\n"));
  await browser?.close();
  await attacker?.stop();
  await app?.stop();
});

function record(attack: string, outcome: string, blocked: boolean, check = true) {
  outcomes.push({ attack, outcome, blocked });
  if (check) expect(blocked, `${attack}: ${outcome}`).toBe(true);
}

async function victimPage(email?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  if (email) {
    await page.goto(`${victim}/login`);
    await signInHere(page, email);
  }
  return { context, page };
}

async function signInHere(page: Page, email: string) {
  await page.getByLabel(/电子邮箱|E-mail/).fill(email);
  await page.getByLabel(/^密码|^Password/).fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !(u.host === new URL(victim).host && u.pathname === "/login")),
    page.getByRole("button", { name: /^登录$|^Sign in$/ }).click(),
  ]);
  await settled(page);
}

async function signedInAs(page: Page): Promise<string | null> {
  await page.goto(`${victim}/`);
  const who = page.getByTestId("signed-in-user");
  return (await who.count()) ? ((await who.textContent())?.trim() ?? "") : null;
}

/** Sends the victim to an attacker page that auto-submits a form to the app; returns the app's answer. */
async function submitFromAttacker(
  page: Page,
  from: string,
  name: string,
  action: string,
  fields: Record<string, string>,
) {
  attacker.pages.set(`/${name}`, autoSubmitForm(`${victim}${action}`, fields));
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(victim)),
    page.goto(`${from}/${name}`),
  ]);
  await page.waitForLoadState("load");
  const body =
    (await page
      .locator("body")
      .textContent()
      .catch(() => "")) ?? "";
  return { status: response.status(), message: /已拒绝|refused/i.test(body) ? "with a message" : "no message" };
}

/** What became of the requests an attacker page made to the app ("POST 403", "POST net::ERR_FAILED", …). */
function appAnswers(page: Page): string[] {
  const seen: string[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(victim)) seen.push(`${r.request().method()} ${r.status()}`);
  });
  // A response the browser withholds (CORS, Cross-Origin-Resource-Policy) shows up as a failed request.
  page.on("requestfailed", (r) => {
    if (r.url().startsWith(victim)) seen.push(`${r.method()} ${r.failure()?.errorText ?? "failed"}`);
  });
  return seen;
}
const answered = (seen: string[]) => (seen.length ? seen.join(", ") : "no request seen");

const evilStations = () => app.db.station.count({ where: { code: { startsWith: "EVIL" } } });
const stationFields = (code: string) => ({
  code,
  name: "攻击者的站点",
  element: "AIR",
  areaCode: "230621",
  mode: "MANUAL",
  status: "ACTIVE",
  operatorDepartmentCode: "epb",
});
const addStation = (code: string) =>
  `mutation { addStation(input: {code: "${code}", name: "evil", areaCode: "230621", element: AIR, mode: MANUAL, operatorDepartmentCode: "epb"}) { code } }`;

describe("cross-origin form posts (CSRF)", () => {
  for (const [label, from] of [
    ["sibling subdomain", () => sibling],
    ["another port", () => otherPort],
  ] as const) {
    it(`refuses a page action posted from a ${label}`, async () => {
      const { context, page } = await victimPage("steering@daqing.example");
      const code = `EVIL-FORM-${label === "another port" ? "PORT" : "SUB"}`;
      const r = await submitFromAttacker(page, from(), `station-${code}`, "/stations/new", stationFields(code));
      const created = await app.db.station.count({ where: { code } });
      record(
        `form post to a page action (/stations/new) from a ${label}`,
        `HTTP ${r.status}, ${r.message}, station created: ${created > 0}`,
        created === 0 && r.status === 403 && r.message === "with a message",
      );
      await context.close();
    });
  }

  it("refuses a Remix ?_data action request sent with fetch from a sibling", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    await page.goto(`${sibling}/blank`);
    const seen = appAnswers(page);
    const status = await page.evaluate(async (url) => {
      const body = new URLSearchParams({
        code: "EVIL-DATA",
        name: "evil",
        element: "AIR",
        areaCode: "230621",
        mode: "MANUAL",
        operatorDepartmentCode: "epb",
      });
      try {
        const r = await fetch(url, { method: "POST", mode: "no-cors", credentials: "include", body });
        return `${r.type} response`;
      } catch (e) {
        return `response withheld by the browser (${String(e).slice(0, 40)})`;
      }
    }, `${victim}/stations/new?_data=routes%2Fstations.new`);
    const created = await app.db.station.count({ where: { code: "EVIL-DATA" } });
    record(
      "fetch POST to a ?_data action from a sibling",
      `${answered(seen)}; ${status}; station created: ${created > 0}`,
      created === 0,
    );
    await context.close();
  });

  it("refuses login CSRF (signing the victim in as the attacker)", async () => {
    const { context, page } = await victimPage();
    const r = await submitFromAttacker(page, sibling, "login", "/login", {
      email: "epb@daqing.example",
      password: PASSWORD,
      redirectTo: "/",
    });
    const who = await signedInAs(page);
    record(
      "login CSRF: form post to /login from a sibling",
      `HTTP ${r.status}, ${r.message}, victim signed in as: ${who ?? "nobody"}`,
      who === null && r.status === 403,
    );
    await context.close();
  });

  it("refuses a cross-origin language switch", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    const r = await submitFromAttacker(page, sibling, "lang", "/lang", { lang: "en", redirectTo: "/" });
    const lang = (await context.cookies(victim)).find((c) => c.name === "lang")?.value ?? "(none)";
    record(
      "form post to /lang from a sibling",
      `HTTP ${r.status}, ${r.message}, lang cookie: ${lang}`,
      lang !== "en" && r.status === 403,
    );
    await context.close();
  });

  it("refuses a cross-origin sign-out", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    const r = await submitFromAttacker(page, otherPort, "logout", "/logout", {});
    const who = await signedInAs(page);
    record(
      "form post to /logout from another port",
      `HTTP ${r.status}, ${r.message}, victim still signed in: ${who !== null}`,
      who !== null && r.status === 403,
    );
    await context.close();
  });
});

describe("GraphQL from another origin", () => {
  const post = (page: Page, body: BodyInit | string, contentType: string | null, mode: RequestMode) =>
    page.evaluate(
      async ([url, bodyText, type, m]) => {
        const init: RequestInit = {
          method: "POST",
          mode: m as RequestMode,
          credentials: "include",
          body: bodyText as string,
        };
        if (type) init.headers = { "content-type": type as string };
        try {
          const r = await fetch(url as string, init);
          return r.type === "opaque" ? "opaque response (unreadable)" : `read: ${(await r.text()).slice(0, 120)}`;
        } catch (e) {
          return `no response for the page (${String(e).slice(0, 40)})`;
        }
      },
      [`${victim}/graphql`, body, contentType, mode] as const,
    );

  it("a text/plain mutation does nothing", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    await page.goto(`${sibling}/blank`);
    const seen = appAnswers(page);
    const before = await evilStations();
    const outcome = await post(page, JSON.stringify({ query: addStation("EVIL-TEXT") }), "text/plain", "no-cors");
    const created = (await evilStations()) - before;
    record(
      "fetch text/plain mutation to /graphql from a sibling",
      `${answered(seen)}; ${outcome}; station created: ${created > 0}`,
      created === 0,
    );
    await context.close();
  });

  it("a form-encoded mutation does nothing", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    await page.goto(`${sibling}/blank`);
    const seen = appAnswers(page);
    const before = await evilStations();
    const outcome = await post(
      page,
      new URLSearchParams({ query: addStation("EVIL-URLENC") }).toString(),
      "application/x-www-form-urlencoded",
      "no-cors",
    );
    const created = (await evilStations()) - before;
    record(
      "fetch form-encoded mutation to /graphql from a sibling",
      `${answered(seen)}; ${outcome}; station created: ${created > 0}`,
      created === 0,
    );
    await context.close();
  });

  it("a JSON mutation is stopped at the preflight", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    await page.goto(`${sibling}/blank`);
    const seen = appAnswers(page);
    const before = await evilStations();
    const outcome = await post(page, JSON.stringify({ query: addStation("EVIL-JSON") }), "application/json", "cors");
    const created = (await evilStations()) - before;
    record(
      "fetch JSON mutation to /graphql (preflight) from a sibling",
      `${answered(seen)}; ${outcome}; station created: ${created > 0}`,
      created === 0 && !outcome.startsWith("read"),
    );
    await context.close();
  });

  it("a signed-in answer cannot be read cross-origin (CORS)", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    await page.goto(`${sibling}/blank`);
    const seen = appAnswers(page);
    const outcome = await page.evaluate(
      async (url) => {
        try {
          const r = await fetch(url, { credentials: "include" });
          return `read: ${(await r.text()).slice(0, 120)}`;
        } catch (e) {
          return `not readable (${String(e).slice(0, 40)})`;
        }
      },
      `${victim}/graphql?query=${encodeURIComponent("{ me { email role } }")}`,
    );
    record(
      "cross-origin read of /graphql { me { email } } with credentials",
      `${answered(seen)}; ${outcome}`,
      !outcome.startsWith("read"),
    );
    await context.close();
  });
});

describe("framing and redirects", () => {
  it("the app cannot be framed by another origin (clickjacking)", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    attacker.pages.set("/frame", framingPage(`${victim}/admin/users`));
    await page.goto(`${sibling}/frame`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const rendered = frame
      ? await frame
          .locator("header.site-header")
          .count()
          .catch(() => 0)
      : 0;
    record(
      "framing the app (/admin/users) in a sibling's page",
      rendered ? "rendered inside the attacker's page" : "refused by the browser",
      rendered === 0,
    );
    await context.close();
  });

  const away = (path: string) => `evil.daqing.localtest:${attacker.port}${path}`;
  const variants = (): [string, string][] => [
    ["//host", `//${away("/landed-1")}`],
    ["/\\host", `/\\${away("/landed-2")}`],
    ["/\\t/host (tab)", `/\t/${away("/landed-3")}`],
    ["/%5Chost", `/%5C${away("/landed-4")}`],
    ["/%2F%2Fhost", `/%2F%2F${away("/landed-5")}`],
    ["absolute URL", `http://${away("/landed-6")}`],
    ["javascript:", "javascript:alert(1)"],
  ];
  it("sign-in never redirects off the app, whatever redirectTo says", async () => {
    for (const [label, redirectTo] of variants()) {
      const { context, page } = await victimPage();
      await page.goto(`${victim}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
      await signInHere(page, "steering@daqing.example");
      await page.waitForLoadState("load");
      const landed = new URL(page.url());
      const outcome = `landed on ${landed.origin === victim ? "the app" : landed.origin}${landed.pathname}`;
      record(`open redirect via /login?redirectTo=${label}`, outcome, landed.origin === victim, false);
      await context.close();
    }
    const escaped = outcomes.filter((o) => o.attack.startsWith("open redirect via /login") && !o.blocked);
    expect(escaped.map((o) => `${o.attack}: ${o.outcome}`)).toEqual([]);
  });

  it("the language switch never redirects off the app (posted from a sibling)", async () => {
    const { context, page } = await victimPage("steering@daqing.example");
    const r = await submitFromAttacker(page, sibling, "lang-away", "/lang", {
      lang: "zh",
      redirectTo: `/\\${away("/landed-lang")}`,
    });
    const landed = new URL(page.url());
    record(
      "open redirect via /lang redirectTo=/\\host from a sibling",
      `HTTP ${r.status}, landed on ${landed.origin === victim ? "the app" : landed.origin}`,
      landed.origin === victim,
    );
    await context.close();
  });
});

describe("Content-Security-Policy in the browser", () => {
  const pages = [
    "/",
    "/plan",
    "/stations",
    "/stations/new",
    "/tasks/1.1",
    "/areas/230621",
    "/workspace",
    "/reports",
    "/work-plans",
    "/inspections",
    "/linkage",
    "/admin/users",
    "/admin/outbox",
    "/account",
  ];

  it("no page logs a CSP violation or a console error, and client-side navigation still works", async () => {
    const { context, page } = await victimPage();
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`${page.url()}: console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`${page.url()}: page error: ${e.message}`));
    const check = async () => {
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      problems.push(...violations.map((v) => `${page.url()}: CSP ${v}`));
    };
    for (const path of ["/", "/plan", "/login"]) {
      await page.goto(`${victim}${path}`);
      await check();
    }
    await signInHere(page, "steering@daqing.example");
    for (const path of pages) {
      const res = await page.goto(`${victim}${path}`);
      expect(res?.status(), path).toBeLessThan(400);
      await check();
    }
    expect(problems).toEqual([]);
    // Hydrated pages run their scripts under the nonce: a header link navigates on the client.
    await page.goto(`${victim}/plan`);
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await Promise.all([page.waitForURL(`${victim}/stations`), page.locator('nav a[href="/stations"]').click()]);
    await settled(page);
    await page.waitForLoadState("load");
    await check();
    expect(problems).toEqual([]);
    await context.close();
  });
});
